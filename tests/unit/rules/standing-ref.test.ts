// engine/standing-ref.ts alone: a measure's standing value taken from the standing plateau when the standing height
// becomes known (only plateau frames within the band count), then followed at the top and kept during a rep.
import { describe, expect, it } from 'vitest';
import type { DepthRepState, DepthStep, HeightSample } from '../../../src/rules/engine/depth-reps';
import { stepStandingRef, UNKNOWN_STANDING_REF, type StandingRefState } from '../../../src/rules/engine/standing-ref';

const BAND = 0.07;
/** The parts of the depth-rep state the reference reads. */
const depth = (o: { anchorHeight?: number; pending?: HeightSample[] | null; plateauSinceMs?: number | null }): DepthRepState =>
  ({ anchorHeight: Number.NaN, pending: null, plateauSinceMs: null, ...o }) as unknown as DepthRepState;
const stepOf = (d: DepthRepState, phase: 'setup' | 'start' | 'moving' | 'target', drop: number): DepthStep =>
  ({ depth: d, state: { phase }, drop }) as unknown as DepthStep;

describe('standing reference', () => {
  // Heights kept while the standing height is unknown: 100 at 0-300 ms (the plateau from 100 ms), 90 at 400 ms.
  const pending: HeightSample[] = [[0, 100, 0], [100, 100, 0], [200, 100, 0], [300, 94, 0], [400, 90, 0]];
  const buffering = depth({ pending, plateauSinceMs: 100 });
  let s: StandingRefState = UNKNOWN_STANDING_REF;
  const values = [0.5, 0.6, 0.7, 0.8, 0.2];
  pending.forEach(([t], i) => { s = stepStandingRef(s, buffering, stepOf(buffering, 'setup', 0), values[i]!, t, BAND); });

  it('is unknown while the standing height is not, keeping recent values', () => {
    expect(s.value).toBeNaN();
    expect(s.recent.map((x) => x.v)).toEqual(values);
  });

  it('once the standing height is known: the median of the plateau frames within the band of it', () => {
    // The band of 100 is >= 93: the frame at 300 ms (height 94) counts, the one at 400 ms (90) does not.
    const known = depth({ anchorHeight: 100, pending: null });
    const next = stepStandingRef(s, buffering, stepOf(known, 'moving', 0.2), 0.9, 500, BAND);
    expect(next.value).toBeCloseTo(0.7, 9); // median of 0.6, 0.7, 0.8 (0 ms is before the plateau)
    expect(next.recent).toEqual([]);
  });

  it('a plateau with fewer than 2 frames gives no value', () => {
    const late = depth({ pending, plateauSinceMs: 300 });
    const next = stepStandingRef(s, late, stepOf(depth({ anchorHeight: 100 }), 'moving', 0.2), 0.9, 500, BAND);
    expect(next.value).toBeNaN();
  });

  it('followed at the top within the band, kept outside it and during a rep', () => {
    const known = depth({ anchorHeight: 100 });
    const at = { value: 0.6, recent: [] };
    expect(stepStandingRef(at, known, stepOf(known, 'start', 0.069), 0.8, 0, BAND).value).toBeCloseTo(0.64, 9);
    expect(stepStandingRef(at, known, stepOf(known, 'start', 0.071), 0.8, 0, BAND).value).toBe(0.6);
    expect(stepStandingRef(at, known, stepOf(known, 'moving', 0), 0.8, 0, BAND).value).toBe(0.6);
  });
});
