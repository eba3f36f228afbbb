import { describe, expect, it } from 'vitest';
import { countdownSeconds, initialSetupGate, startAtOnce, stepSetupGate, type SetupGate } from '../../../src/coach/setup-gate';
import type { Finding } from '../../../src/rules/engine/types';
import { notVisible } from './findings-helpers';

const cfg = { readyAfterMs: 700, stableMs: 1500, countdownMs: 3000, dropoutHoldMs: 400 };
const wrongView = (t: number): Finding => ({ kind: 'visibility', code: 'WRONG_VIEW', missing: [], timestampMs: t });
type Seen = boolean | 'wrong-view';
function run(frames: { t: number; visible: Seen }[]): SetupGate {
  let g = initialSetupGate();
  for (const f of frames) g = stepSetupGate(g, f.visible === true ? [] : [f.visible === 'wrong-view' ? wrongView(f.t) : notVisible(f.t)], f.t, cfg);
  return g;
}
const at = (from: number, to: number, visible: Seen = true) => Array.from({ length: Math.floor((to - from) / 100) + 1 }, (_, i) => ({ t: from + i * 100, visible }));

describe('setup gate', () => {
  it('waits while the body is not visible and says why', () => {
    const g = run(at(0, 5000, false));
    expect(g).toMatchObject({ status: 'waiting', reason: 'NOT_VISIBLE', missing: ['left_ankle'], visibleSinceMs: null });
  });
  it('says ready only after 0.7 s visible, counts down 3 s after 1.5 s, then counts', () => {
    expect(run(at(0, 600))).toMatchObject({ status: 'waiting', reason: null, visibleSinceMs: 0 });
    expect(run(at(0, 700)).status).toBe('ready');
    expect(run(at(0, 1400)).status).toBe('ready');
    const cd = run(at(0, 1500));
    expect(cd.status).toBe('countdown');
    expect(countdownSeconds(cd)).toBe(3);
    expect(countdownSeconds(run(at(0, 4000)))).toBe(1);
    expect(run(at(0, 4400)).status).toBe('countdown');
    expect(run(at(0, 4500)).status).toBe('counting');
  });
  it('a wrong view reported late (debounced by the rule) cancels the ready state at once', () => {
    expect(run([...at(0, 500), ...at(600, 600, 'wrong-view')])).toMatchObject({ status: 'waiting', reason: 'WRONG_VIEW', visibleSinceMs: null });
    expect(run([...at(0, 800), ...at(900, 900, 'wrong-view')]).status).toBe('waiting');
  });
  it('goes back to waiting when the body leaves the frame during the countdown for longer than a dropout', () => {
    const g = run([...at(0, 2000), ...at(2100, 2500, false)]);
    expect(g).toMatchObject({ status: 'waiting', reason: 'NOT_VISIBLE' });
    const restarted = run([...at(0, 2000), ...at(2100, 2500, false), ...at(2600, 6000)]);
    expect(restarted.status).toBe('countdown'); // needs the full 1.5 s + 3 s again
  });
  it('rides out a dropout up to dropoutHoldMs as the rules do: no second countdown for one lost frame', () => {
    const blip = run([...at(0, 2000), ...at(2100, 2100, false)]);
    expect(blip).toMatchObject({ status: 'countdown', startMs: 1500, lastJudgedMs: 2000 });
    expect(run([...at(0, 2000), ...at(2100, 2400, false), ...at(2500, 4500)]).status).toBe('counting'); // 400 ms: bridged
    expect(run([...at(0, 600), ...at(700, 900, false), ...at(1000, 1500)]).status).toBe('countdown'); // while waiting, too
    expect(run([...at(0, 600), ...at(700, 1100, false)])).toMatchObject({ status: 'waiting', visibleSinceMs: null }); // 500 ms: lost
  });
  it('without a set-up gate (a recording) counts from the first frame', () => {
    const g = startAtOnce.initial();
    expect(g).toEqual({ status: 'counting', sinceMs: null });
    expect(startAtOnce.step(g, [notVisible(0)], 0)).toBe(g);
  });
  it('keeps counting once started, whatever visibility does (the rule handles it then)', () => {
    const g = run([...at(0, 4500), ...at(4600, 5000, false)]);
    expect(g.status).toBe('counting');
  });
});
