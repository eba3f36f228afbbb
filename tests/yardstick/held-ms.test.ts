// The hold time the evaluation compares with the 3D truth is the summary's: each hold's final clock.
import { describe, expect, it } from 'vitest';
import { heldMs } from '../../yardstick/evaluate/score';
import type { Finding } from '../../src/rules/engine/types';

const status = (t: number, elapsedMs: number, running = true): Finding =>
  ({ kind: 'hold', side: 'left', running, elapsedMs, targetMs: 30_000, timestampMs: t } as Finding);
const end = (t: number, elapsedMs: number): Finding =>
  ({ kind: 'hold-end', side: 'left', reason: 'foot-down', elapsedMs, timestampMs: t, metrics: {} } as Finding);

describe('heldMs', () => {
  it('counts a backdated start once (the clock jumps to the confirmed time), a hold-end once even with a status beside it', () => {
    const frames = [[], [status(500, 500)], [status(600, 600)], [status(700, 650, false)], [status(800, 650), end(800, 650)], []]
      .map((findings) => ({ findings }));
    expect(heldMs(frames)).toBe(650);
  });
  it('adds a hold cut by the clip end and a new hold that began without an end', () => {
    const frames = [[status(100, 900)], [end(200, 1000)], [status(300, 400)], [status(400, 200)], [status(500, 300)]]
      .map((findings) => ({ findings }));
    expect(heldMs(frames)).toBe(1000 + 400 + 300);
  });
});
