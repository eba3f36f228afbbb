// engine/foot-lift.ts alone: the absolute and neutral-relative lift thresholds just inside and just outside, the
// hysteresis band, onset / clear persistence, and when the two-leg neutral starts to count.
import { describe, expect, it } from 'vitest';
import type { Side } from '../../../src/core/pose-frame';
import type { LegPoints } from '../../../src/rules/engine/body';
import { ankleRaiseFrac, bothFeetDown, footNeutral, INITIAL_FOOT_LIFT, learnFootNeutral, stepFootLift, stepFootRaise, type FootLiftConfig, type FootLiftState } from '../../../src/rules/engine/foot-lift';

const CFG: FootLiftConfig = { liftOnFrac: 0.15, liftOffFrac: 0.05, liftOnNeutralFrac: 0.08, liftOnsetMs: 300, footDownMs: 300, neutralWindowMs: 3000, neutralMinMs: 1000 };
const LEG_PX = 400; // vertical legs: hip 500, knee 700, ankle 900
const leg = (x: number, raisePx = 0): LegPoints => ({ hip: { x, y: 500 }, knee: { x, y: 700 - raisePx / 2 }, ankle: { x, y: 900 - raisePx } });
/** One frame with the left ankle raised by `leftPx` and the right by `rightPx` (the stance leg stays 400 px long). */
const step = (s: FootLiftState, t: number, leftPx: number, rightPx = 0) => stepFootLift(s, leg(450, leftPx), leg(550, rightPx), t, CFG);
const signalAt = (leftFrac: number, s: FootLiftState = INITIAL_FOOT_LIFT) => step(s, 0, leftFrac * LEG_PX).signal.left;

describe('foot lift', () => {
  it('measures each ankle over the other in stance-leg lengths', () => {
    const f = step(INITIAL_FOOT_LIFT, 0, 80);
    expect(f.raise.left).toBeCloseTo(0.2, 9);
    expect(f.raise.right).toBeLessThan(0);
  });

  it('without a neutral: up at >= liftOnFrac, down below liftOffFrac, in between keeps', () => {
    expect(signalAt(0.151)).toBe('fault');
    expect(signalAt(0.149)).toBe('between');
    expect(signalAt(0.051)).toBe('between');
    expect(signalAt(0.049)).toBe('clear');
  });

  it('a lift is up only after liftOnsetMs, reports when it began, and comes down only after footDownMs', () => {
    let s = INITIAL_FOOT_LIFT;
    for (let t = 0; t < 300; t += 100) { const f = step(s, t, 100); expect(f.up.left).toBe(false); s = f.state; }
    const on = step(s, 300, 100);
    expect(on.up.left).toBe(true);
    expect(on.lifted).toEqual({ side: 'left', sinceMs: 0 });
    expect(step(on.state, 333, 100).lifted).toBeNull(); // once, on the frame it became active
    s = on.state;
    for (let t = 400; t < 700; t += 100) { const f = step(s, t, 0); expect(f.up.left).toBe(true); s = f.state; }
    expect(step(s, 700, 0).up.left).toBe(false);
  });

  it('a lift broken by a frame in the band starts its onset again', () => {
    let s = step(INITIAL_FOOT_LIFT, 0, 100).state;
    s = step(s, 200, 40).state; // 0.10: in the band
    expect(step(s, 400, 100).up.left).toBe(false);
  });

  it('with a two-leg neutral: judged against it, so a staggered stance is down and a small lift is up', () => {
    let s = INITIAL_FOOT_LIFT;
    const staggerPx = 0.1 * LEG_PX; // left foot placed back: higher in the picture when standing
    for (let t = 0; t <= 900; t += 100) { const f = step(s, t, staggerPx); expect(bothFeetDown(f)).toBe(true); s = learnFootNeutral(f, t, CFG); }
    expect(footNeutral(s, CFG)).toBeNull(); // 900 ms of stance: not enough yet
    const f = step(s, 1000, staggerPx);
    s = learnFootNeutral(f, 1000, CFG);
    expect(footNeutral(s, CFG)!.left).toBeCloseTo(0.1, 9);
    expect(signalAt(0.1 + 0.081, s)).toBe('fault');
    expect(signalAt(0.1 + 0.079, s)).toBe('between');
    expect(signalAt(0.1 + 0.049, s)).toBe('clear');
  });

  it('a foot on its way up is not a two-leg stance frame', () => {
    const f = step(INITIAL_FOOT_LIFT, 0, 100);
    expect(f.up.left).toBe(false);
    expect(bothFeetDown(f)).toBe(false);
    const sides: Side[] = ['left', 'right'];
    for (const side of sides) expect(step(INITIAL_FOOT_LIFT, 0, 0).signal[side]).toBe('clear');
  });

  /** A neutral learned from 1 s of two-leg stance with only the left foot watched (the right raise NaN). */
  const leftOnlyNeutral = (standFrac: number, cfg: FootLiftConfig) => {
    let s = INITIAL_FOOT_LIFT;
    for (let t = 0; t <= 1000; t += 100) s = learnFootNeutral(stepFootRaise(s, { left: standFrac, right: Number.NaN }, t, cfg), t, cfg);
    return s;
  };

  it('one foot watched: the other side (NaN raise) is never up and learns no neutral; the watched side has its own', () => {
    const s = leftOnlyNeutral(0.1, CFG);
    expect(footNeutral(s, CFG)!.left).toBeCloseTo(0.1, 9);
    expect(footNeutral(s, CFG)!.right).toBeNaN();
    const f = stepFootRaise(s, { left: 0.1 + 0.081, right: Number.NaN }, 1100, CFG);
    expect(f.signal).toEqual({ left: 'fault', right: 'between' });
    expect(stepFootRaise(s, { left: 0.1 + 0.079, right: Number.NaN }, 1100, CFG).signal.left).toBe('between');
    expect(ankleRaiseFrac({ y: 900 - 60 }, leg(550))).toBeCloseTo(0.15, 9);
  });

  it('liftOnAbsolute: foot up stays the absolute liftOnFrac with a neutral, foot down is judged against the neutral', () => {
    const cfg = { ...CFG, liftOnAbsolute: true };
    const sig = (s: FootLiftState, v: number) => stepFootRaise(s, { left: v, right: Number.NaN }, 1100, cfg).signal.left;
    const above = leftOnlyNeutral(0.04, cfg); // standing feet read 4 % apart
    expect(sig(above, 0.151)).toBe('fault');
    expect(sig(above, 0.149)).toBe('between'); // 10.9 % above the neutral: the relative threshold (8 %) would call it up
    expect(stepFootRaise(above, { left: 0.149, right: Number.NaN }, 1100, CFG).signal.left).toBe('fault');
    expect(sig(above, 0.04 + 0.049)).toBe('clear');
    expect(sig(above, 0.04 + 0.051)).toBe('between');
    const below = leftOnlyNeutral(-0.04, cfg); // the watched ankle reads lower when standing
    expect(sig(below, -0.04 + 0.049)).toBe('clear');
    expect(sig(below, -0.04 + 0.051)).toBe('between');
  });
});
