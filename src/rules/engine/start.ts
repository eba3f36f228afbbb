// The start rule, in one place: counting (reps) and timing (holds) begin only once the start posture has held for
// `setupMs` ("no reps while getting into position", docs/biomechanics.md#start-rule). The rep counter's setup, the
// hold timer's start and the circle counter all wait through this block. Also here: what "holding still" means for a
// start posture (a stillness anchor on a smoothed body point).

export interface StartWaitConfig {
  /** The start posture must hold this long (ms). */
  setupMs: number;
  /** Unknown frames (posture not measurable) for up to this long after the last known one keep the wait (ms). */
  bridgeMs?: number;
}

export interface StartWaitStep {
  /** First frame of the current unbroken run of the start posture (kept when done: a hold is timed from it). */
  sinceMs: number | null;
  done: boolean;
}

/**
 * @param ready true = in the start posture, false = not, null = unknown on this frame (not measurable).
 * @param lastKnownMs last frame on which the posture was known (for bridging unknown frames).
 */
export function stepStartWait(sinceMs: number | null, ready: boolean | null, timestampMs: number, lastKnownMs: number | null, cfg: StartWaitConfig): StartWaitStep {
  if (ready === null) {
    const bridged = sinceMs !== null && lastKnownMs !== null && timestampMs - lastKnownMs <= (cfg.bridgeMs ?? 0);
    return { sinceMs: bridged ? sinceMs : null, done: false };
  }
  if (!ready) return { sinceMs: null, done: false };
  const since = sinceMs ?? timestampMs;
  return { sinceMs: since, done: timestampMs - since >= cfg.setupMs };
}

/**
 * Stillness of a start posture: an anchor point that resets whenever the point moves more than `tolerance` from it
 * (per axis). Pass positions in px and a tolerance in px scaled by a body length on the same frame (e.g. 0.15 x torso
 * px); do NOT divide absolute positions by the body length (a 1 % change of the torso would then move x/torso by
 * several percent of a torso and the person would never look still).
 */
export interface StillnessState { anchorX: number; anchorY: number; sinceMs: number | null }
export const INITIAL_STILLNESS: StillnessState = Object.freeze({ anchorX: Number.NaN, anchorY: Number.NaN, sinceMs: null }) as StillnessState;

export function stepStillness(s: StillnessState, x: number, y: number, tolerance: number, timestampMs: number): StillnessState {
  if (Number.isNaN(x) || Number.isNaN(y)) return INITIAL_STILLNESS;
  if (s.sinceMs !== null && Math.abs(x - s.anchorX) <= tolerance && Math.abs(y - s.anchorY) <= tolerance) return s;
  return { anchorX: x, anchorY: y, sinceMs: timestampMs };
}
export const stillForMs = (s: StillnessState, timestampMs: number): number => (s.sinceMs === null ? 0 : timestampMs - s.sinceMs);
