import { describe, expect, it } from 'vitest';
import { decideSpeech, initialVoiceCooldown, noteSpoken } from '../../../src/coach/voice-cooldown';

const cfg = { perCueCooldownMs: 8000, minGapMs: 2500 };
describe('voice cooldown', () => {
  it('speaks a cue once, then not again within its cooldown', () => {
    let s = initialVoiceCooldown();
    const spoken: number[] = [];
    for (let t = 0; t <= 20000; t += 33) {
      const d = decideSpeech(s, 'KNEE_VALGUS_LEFT', t, cfg);
      s = d.state;
      if (d.speak) spoken.push(t);
    }
    expect(spoken.length).toBe(3); // 0, ~8000, ~16000
    expect(spoken[1]! - spoken[0]!).toBeGreaterThanOrEqual(8000);
    expect(spoken[1]! - spoken[0]!).toBeLessThan(8100);
  });
  it('keeps a minimum gap between different cues', () => {
    let s = decideSpeech(initialVoiceCooldown(), 'A', 0, cfg).state;
    const b1 = decideSpeech(s, 'B', 1000, cfg);
    expect(b1.speak).toBe(false);
    const b2 = decideSpeech(s, 'B', 2500, cfg);
    expect(b2.speak).toBe(true);
  });
  it('a spoken rep count delays the next cue', () => {
    const s = noteSpoken(initialVoiceCooldown(), 1000);
    expect(decideSpeech(s, 'A', 2000, cfg).speak).toBe(false);
    expect(decideSpeech(s, 'A', 3500, cfg).speak).toBe(true);
  });
});
