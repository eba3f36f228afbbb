// Voice cues through the Web Speech API (speechSynthesis), feature-detected: where it is missing or throws, the
// app stays silent and says so instead of crashing. When to speak is decided by coach/voice-cooldown.ts (pure).
import { DEFAULT_VOICE_COOLDOWN, decideSpeech, initialVoiceCooldown, noteSpoken, type VoiceCooldownConfig, type VoiceCooldownState } from '../coach/voice-cooldown';
import { errorText } from '../core/error-text';

const PREF_KEY = 'hip-trainer.voice';

export interface SpeechLike {
  speak(u: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices?(): SpeechSynthesisVoice[];
}

type VoiceInfo = Pick<SpeechSynthesisVoice, 'localService' | 'lang' | 'default'>;

/**
 * The voice to speak with: an on-device one (`localService`), preferring the browser default, then the page's
 * language, then English. Online voices send the text to a speech service, and nothing may leave this device, so
 * 'none' when the browser lists only online voices. null = no list (not loaded yet / not supported): the browser's
 * default voice, which is the system's own voice on the browsers we know of.
 */
export function pickLocalVoice<V extends VoiceInfo>(voices: readonly V[], lang = 'en'): V | 'none' | null {
  if (voices.length === 0) return null;
  const local = voices.filter((v) => v.localService);
  const base = lang.slice(0, 2).toLowerCase();
  const sameLang = (v: V) => v.lang.toLowerCase().startsWith(base);
  return local.find((v) => v.default && sameLang(v)) ?? local.find(sameLang)
    ?? local.find((v) => v.lang.toLowerCase().startsWith('en')) ?? local[0] ?? 'none';
}

export class Voice {
  readonly available: boolean;
  enabled: boolean;
  /** Last thing said (or that would have been said with voice off), for tests and the screen. */
  lastSaid: string | null = null;
  error: string | null = null;
  private cooldown: VoiceCooldownState = initialVoiceCooldown();
  private readonly synth: SpeechLike | null;
  private readonly Utterance: typeof SpeechSynthesisUtterance | null;

  constructor(private readonly config: VoiceCooldownConfig = DEFAULT_VOICE_COOLDOWN, env: { speechSynthesis?: SpeechLike; SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance } = globalThis as never) {
    this.synth = env.speechSynthesis ?? null;
    this.Utterance = env.SpeechSynthesisUtterance ?? null;
    this.available = !!(this.synth && this.Utterance);
    let pref: string | null = null;
    try { pref = globalThis.localStorage?.getItem(PREF_KEY) ?? null; } catch { /* storage blocked: default on */ }
    this.enabled = this.available && pref !== 'off';
  }

  setEnabled(on: boolean): void {
    this.enabled = on && this.available;
    if (!this.enabled) this.synth?.cancel();
    try { globalThis.localStorage?.setItem(PREF_KEY, on ? 'on' : 'off'); } catch { /* not persisted; still applied */ }
  }

  /** A form cue: spoken unless it (or anything) was spoken too recently. Returns whether it was said. */
  cue(key: string, text: string, nowMs: number): boolean {
    const d = decideSpeech(this.cooldown, key, nowMs, this.config);
    this.cooldown = d.state;
    if (!d.speak) return false;
    return this.say(text);
  }

  /** Say now (e.g. the rep count on request), cancelling anything queued. */
  announce(text: string, nowMs: number): boolean {
    this.cooldown = noteSpoken(this.cooldown, nowMs);
    return this.say(text, true);
  }

  resetCooldown(): void { this.cooldown = initialVoiceCooldown(); }

  /** Stop anything being said or queued (the coach left the page). */
  silence(): void {
    try { this.synth?.cancel(); } catch { /* nothing to stop */ }
  }

  private say(text: string, interrupt = false): boolean {
    this.lastSaid = text;
    if (!this.enabled || !this.synth || !this.Utterance) return false;
    try {
      const voice = pickLocalVoice(this.synth.getVoices?.() ?? [], globalThis.document?.documentElement.lang || 'en');
      if (voice === 'none') {
        this.error = 'Voice cues are off: this browser offers only online voices, and nothing leaves this device.';
        this.enabled = false;
        return false;
      }
      if (interrupt) this.synth.cancel();
      const u = new this.Utterance(text);
      if (voice) u.voice = voice;
      u.rate = 1.05;
      this.synth.speak(u);
      return true;
    } catch (e) {
      this.error = `Voice failed: ${errorText(e)}`;
      this.enabled = false;
      return false;
    }
  }
}
