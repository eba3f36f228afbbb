// When to speak a cue. Pure: the caller passes the time. A cue that stays on is spoken once, then again only
// after `perCueCooldownMs`; and no two utterances start closer than `minGapMs`, so the voice never chatters.
// Defaults are ours (no literature number): 8 s is about two to three reps of a squat, 2.5 s fits one short phrase.

export interface VoiceCooldownConfig {
  perCueCooldownMs: number;
  minGapMs: number;
}
export const DEFAULT_VOICE_COOLDOWN: VoiceCooldownConfig = { perCueCooldownMs: 8000, minGapMs: 2500 };

export interface VoiceCooldownState {
  lastSpokenMs: Readonly<Record<string, number>>;
  lastAnyMs: number | null;
}
export const initialVoiceCooldown = (): VoiceCooldownState => ({ lastSpokenMs: {}, lastAnyMs: null });

export function decideSpeech(
  state: VoiceCooldownState,
  key: string,
  nowMs: number,
  config: VoiceCooldownConfig = DEFAULT_VOICE_COOLDOWN,
): { state: VoiceCooldownState; speak: boolean } {
  if (state.lastAnyMs !== null && nowMs - state.lastAnyMs < config.minGapMs) return { state, speak: false };
  const last = state.lastSpokenMs[key];
  if (last !== undefined && nowMs - last < config.perCueCooldownMs) return { state, speak: false };
  return { state: { lastSpokenMs: { ...state.lastSpokenMs, [key]: nowMs }, lastAnyMs: nowMs }, speak: true };
}

/** Record an utterance that bypasses the cue cooldown (e.g. the rep count on request) so cues wait their gap. */
export const noteSpoken = (state: VoiceCooldownState, nowMs: number): VoiceCooldownState => ({ ...state, lastAnyMs: nowMs });
