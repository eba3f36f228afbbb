import { describe, expect, it } from 'vitest';
import { countdownSeconds, initialSetupGate, stepSetupGate, type SetupGate } from '../../../src/coach/setup-gate';
import { notVisible } from './findings-helpers';

const cfg = { stableMs: 1000, countdownMs: 3000 };
function run(frames: { t: number; visible: boolean }[]): SetupGate {
  let g = initialSetupGate();
  for (const f of frames) g = stepSetupGate(g, f.visible ? [] : [notVisible(f.t)], f.t, cfg);
  return g;
}
const at = (from: number, to: number, visible = true) => Array.from({ length: Math.floor((to - from) / 100) + 1 }, (_, i) => ({ t: from + i * 100, visible }));

describe('setup gate', () => {
  it('waits while the body is not visible and says why', () => {
    const g = run(at(0, 5000, false));
    expect(g).toMatchObject({ status: 'waiting', reason: 'NOT_VISIBLE', missing: ['left_ankle'] });
  });
  it('is ready after the body is visible, counts down 3 s, then counts', () => {
    expect(run(at(0, 900)).status).toBe('ready');
    const cd = run(at(0, 1500));
    expect(cd.status).toBe('countdown');
    expect(countdownSeconds(cd)).toBe(3);
    expect(countdownSeconds(run(at(0, 3500)))).toBe(1);
    expect(run(at(0, 3900)).status).toBe('countdown');
    expect(run(at(0, 4000)).status).toBe('counting');
  });
  it('goes back to waiting when the body leaves the frame during the countdown', () => {
    const g = run([...at(0, 2000), ...at(2100, 2100, false)]);
    expect(g.status).toBe('waiting');
    const restarted = run([...at(0, 2000), ...at(2100, 2100, false), ...at(2200, 5100)]);
    expect(restarted.status).toBe('countdown'); // needs the full 1 s + 3 s again
  });
  it('keeps counting once started, whatever visibility does (the rule handles it then)', () => {
    const g = run([...at(0, 4000), ...at(4100, 5000, false)]);
    expect(g.status).toBe('counting');
  });
});
