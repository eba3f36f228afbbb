import { describe, expect, it } from 'vitest';
import { createLiveSet, foldFindings } from '../../../src/coach/live-set';
import { summariseSet } from '../../../src/coach/set-summary';
import { singleLegReport } from '../../../src/coach/single-leg-report';
import { cue, hold, holdEnd, measure, rep } from './findings-helpers';
import type { Finding } from '../../../src/rules/engine/types';

function fold(exerciseId: string, side: 'left' | 'right' | null, frames: Finding[][]) {
  let s = createLiveSet(exerciseId, side);
  frames.forEach((f, i) => { s = foldFindings(s, f, 1000 + i * 100); });
  return s;
}

describe('summariseSet', () => {
  it('lists reps with the preferred main metric, faults by count and per-knee asymmetry', () => {
    const s = fold('squat', null, [
      [cue('KNEE_VALGUS_LEFT', 1000)], [cue('KNEE_VALGUS_LEFT', 1100)],
      [rep(1, 1200, { depthRatio: 0.9, peakFppaLeftDeg: 12, peakFppaRightDeg: 4, peakFppaDeg: 12 }, 'both', ['KNEE_VALGUS_LEFT'])],
      [cue('KNEE_VALGUS_LEFT', 1300), cue('KNEE_VALGUS_RIGHT', 1300, 'warning', 'right')],
      [rep(2, 1400, { depthRatio: 1.0, peakFppaLeftDeg: 10, peakFppaRightDeg: 6, peakFppaDeg: 10 }, 'both', ['KNEE_VALGUS_LEFT', 'KNEE_VALGUS_LEFT'])],
    ]);
    const sum = summariseSet(s, { preferredMetrics: ['peakFppaDeg'] });
    expect(sum.repCount).toBe(2);
    expect(sum.mainMetric).toBe('peakFppaDeg');
    expect(sum.faults[0]).toEqual({ code: 'KNEE_VALGUS_LEFT', side: 'left', count: 2 });
    expect(sum.repFaults).toEqual([{ code: 'KNEE_VALGUS_LEFT', count: 2 }]); // once per rep
    const knee = sum.asymmetry.find((a) => a.metric === 'peakFppaDeg');
    expect(knee).toMatchObject({ left: 11, right: 5, diff: -6 });
    expect(knee!.pct).toBeCloseTo((6 / 11) * 100, 6);
    expect(sum.durationMs).toBe(400);
  });

  it('falls back to a Deg metric when the preferred one is absent', () => {
    const s = fold('lunge', null, [[rep(1, 0, { durationRatio: 1, frontKneeAngleDeg: 95 }, 'left'), rep(1, 0, { frontKneeAngleDeg: 100 }, 'right')]]);
    const sum = summariseSet(s, { preferredMetrics: ['peakFppaDeg'] });
    expect(sum.mainMetric).toBe('frontKneeAngleDeg');
    expect(sum.asymmetry.map((a) => a.metric)).toEqual(['reps', 'frontKneeAngleDeg']);
  });

  it('keeps a hold the user stopped by hand, and only the series asked for', () => {
    const s = fold('side-plank', 'left', [[hold('left', 1000, 0), measure('BODY_LINE', 175, 0), measure('PELVIC_OBLIQUITY', 2, 0)], [hold('left', 1100, 100)]]);
    const sum = summariseSet(s, { keepSeries: /PELVIC/ });
    expect(sum.holds).toEqual([{ side: 'left', elapsedMs: 1100, targetMs: 30000, reason: 'stopped', metrics: {} }]);
    expect(sum.series.map((x) => x.code)).toEqual(['PELVIC_OBLIQUITY']);
  });
});

describe('singleLegReport', () => {
  const trial = (side: 'left' | 'right', drops: number[], endMs: number, withCue: boolean, endMetrics: Record<string, number> = {}) => {
    const frames: Finding[][] = drops.map((d, i) => [measure('PELVIC_OBLIQUITY', d, 1000 + i * 100, side), measure('TRUNK_LEAN', 1, 1000 + i * 100, side), hold(side, i * 100, 1000 + i * 100)]);
    if (withCue) frames.push([cue('PELVIC_DROP', 9000, 'fault', side)]);
    frames.push([holdEnd(side, endMs, 9100, endMetrics)]);
    return summariseSet(fold('single-leg-stand', side, frames), { keepSeries: /PELVIC|TRUNK/ });
  };

  it('compares legs: hold, peak and mean drop from the series, verdict from the cue', () => {
    const left = trial('left', [1, 2, 3, 2], 30000, false);
    const right = trial('right', [4, 8, 10, 6], 12000, true);
    const r = singleLegReport([left, right]);
    expect(r.left).toMatchObject({ holdMs: 30000, reachedTarget: true, peakDropDeg: 3, meanDropDeg: 2, verdict: 'level' });
    expect(r.right).toMatchObject({ holdMs: 12000, reachedTarget: false, peakDropDeg: 10, meanDropDeg: 7, verdict: 'pelvic-drop', dropCueCount: 1 });
    expect(r.right!.obliquity!.tS).toEqual([0, 0.1, 0.2, 0.3]);
    expect(r.comparison).toEqual({ holdMsDiff: -18000, meanDropDegDiff: 5, worseSide: 'right' });
  });

  it('prefers the rule\'s own metrics and flags a large mean drop without a cue', () => {
    const left = trial('left', [1, 1], 5000, false, { peakPelvicDropDeg: 9, meanPelvicDropDeg: 6 });
    const r = singleLegReport([left]);
    expect(r.left).toMatchObject({ peakDropDeg: 9, meanDropDeg: 6, verdict: 'pelvic-drop' });
    expect(r.right).toBeNull();
    expect(r.comparison).toBeNull();
  });

  it('names no worse side when the difference is inside the measurement error', () => {
    const r = singleLegReport([trial('left', [2, 2], 30000, false), trial('right', [4, 4], 30000, false)]);
    expect(r.comparison?.worseSide).toBeNull();
  });
});

import { repChart } from '../../../src/coach/set-summary';
describe('repChart', () => {
  it('charts per-knee pairs when reps carry them', () => {
    const s = summariseSet(fold('squat', null, [[rep(1, 0, { peakFppaDeg: 9, peakFppaLeftDeg: 9, peakFppaRightDeg: 3 })], [rep(2, 0, { peakFppaDeg: 7, peakFppaLeftDeg: 5, peakFppaRightDeg: 7 })]]), { preferredMetrics: ['peakFppaDeg'] });
    expect(repChart(s)).toEqual({ metric: 'peakFppaDeg', x: [1, 2], series: [{ key: 'peakFppaLeftDeg', side: 'left', values: [9, 5] }, { key: 'peakFppaRightDeg', side: 'right', values: [3, 7] }] });
  });
  it('splits a sided metric by rep side with gaps', () => {
    const s = summariseSet(fold('lunge', null, [[rep(1, 0, { frontFppaDeg: 4 }, 'left')], [rep(1, 0, { frontFppaDeg: 6 }, 'right')]]));
    expect(repChart(s)!.series).toEqual([{ key: 'frontFppaDeg', side: 'left', values: [4, null] }, { key: 'frontFppaDeg', side: 'right', values: [null, 6] }]);
  });
  it('is null without reps', () => {
    expect(repChart(summariseSet(createLiveSet('x', null)))).toBeNull();
  });
});

import { sessionAsymmetry } from '../../../src/coach/set-summary';
describe('sessionAsymmetry', () => {
  it('compares a left set with a right set of a sided exercise', () => {
    const left = summariseSet(fold('single-leg-squat', 'left', [[rep(1, 0, { peakFppaDeg: 6 }, 'left')], [rep(2, 0, { peakFppaDeg: 8 }, 'left')]]), { preferredMetrics: ['peakFppaDeg'] });
    const right = summariseSet(fold('single-leg-squat', 'right', [[rep(1, 0, { peakFppaDeg: 15 }, 'right')]]), { preferredMetrics: ['peakFppaDeg'] });
    expect(sessionAsymmetry([left])).toEqual([]);
    const a = sessionAsymmetry([left, right]);
    expect(a.map((x) => [x.metric, x.left, x.right])).toEqual([['reps', 2, 1], ['peakFppaDeg', 7, 15]]);
  });
});
