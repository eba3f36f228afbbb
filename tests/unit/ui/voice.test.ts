import { describe, expect, it } from 'vitest';
import { pickLocalVoice, Voice, type SpeechLike } from '../../../src/ui/voice';

class FakeUtterance { rate = 1; constructor(readonly text: string) {} }
function fakeSynth() {
  const said: string[] = [];
  let cancels = 0;
  const synth: SpeechLike = { speak: (u) => { said.push((u as unknown as FakeUtterance).text); }, cancel: () => { cancels++; } };
  return { synth, said, cancels: () => cancels };
}
const env = (synth: SpeechLike) => ({ speechSynthesis: synth, SpeechSynthesisUtterance: FakeUtterance as unknown as typeof SpeechSynthesisUtterance });

describe('Voice', () => {
  it('is unavailable, silent and harmless without the Web Speech API', () => {
    const v = new Voice(undefined, {});
    expect(v.available).toBe(false);
    expect(v.enabled).toBe(false);
    expect(v.cue('A', 'Knee out', 0)).toBe(false);
    expect(v.announce('3 reps', 0)).toBe(false);
    v.setEnabled(true);
    expect(v.enabled).toBe(false);
  });

  it('speaks a held cue once per cooldown, and the rep count on request', () => {
    const f = fakeSynth();
    const v = new Voice({ perCueCooldownMs: 8000, minGapMs: 2500 }, env(f.synth));
    for (let t = 0; t < 10_000; t += 33) v.cue('KNEE_VALGUS|left', 'Left: knee out', t);
    expect(f.said).toEqual(['Left: knee out', 'Left: knee out']);
    v.announce('4 reps', 10_000);
    expect(f.said.at(-1)).toBe('4 reps');
    expect(f.cancels()).toBe(1); // the count interrupts anything queued
  });

  it('switched off, it says nothing; a throwing engine turns it off with a message, not a crash', () => {
    const f = fakeSynth();
    const v = new Voice(undefined, env(f.synth));
    v.setEnabled(false);
    expect(v.cue('A', 'x', 0)).toBe(false);
    expect(f.said).toEqual([]);
    const bad = new Voice(undefined, env({ speak: () => { throw new Error('audio device lost'); }, cancel: () => {} }));
    expect(bad.cue('A', 'x', 0)).toBe(false);
    expect(bad.enabled).toBe(false);
    expect(bad.error).toContain('audio device lost');
  });

  it('speaks only with an on-device voice: never an online one, which would send the text away', () => {
    const v = (lang: string, localService: boolean, isDefault = false) => ({ lang, localService, default: isDefault, name: `${lang}${localService ? '' : '-online'}` });
    expect(pickLocalVoice([])).toBeNull();
    expect(pickLocalVoice([v('en-US', false, true), v('de-DE', true), v('en-GB', true)], 'en')).toMatchObject({ name: 'en-GB' });
    expect(pickLocalVoice([v('de-DE', true), v('en-GB', true, true)], 'de')).toMatchObject({ name: 'de-DE' });
    expect(pickLocalVoice([v('en-US', false, true)])).toBe('none');

    const said: unknown[] = [];
    const online = { speak: (u: unknown) => { said.push(u); }, cancel() {}, getVoices: () => [v('en-US', false, true)] as unknown as SpeechSynthesisVoice[] };
    const voice = new Voice(undefined, env(online));
    expect(voice.announce('Go', 0)).toBe(false);
    expect(said).toEqual([]);
    expect(voice.enabled).toBe(false);
    expect(voice.error).toMatch(/only online voices/);

    const local = { ...online, getVoices: () => [v('en-US', false, true), v('en-GB', true)] as unknown as SpeechSynthesisVoice[] };
    const ok = new Voice(undefined, env(local));
    expect(ok.announce('Go', 0)).toBe(true);
    expect((said[0] as { voice: { name: string } }).voice.name).toBe('en-GB');
  });
});
