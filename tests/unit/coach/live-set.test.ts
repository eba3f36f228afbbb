import { describe, expect, it } from 'vitest';
import { createLiveSet, currentCue, currentHold, foldFindings, repCounts } from '../../../src/coach/live-set';
import { cue, hold, measure, notVisible, rep } from './findings-helpers';

describe('foldFindings', () => {
  it('counts a cue once per onset, not once per frame', () => {
    let s = createLiveSet('squat', null);
    for (let i = 0; i < 10; i++) s = foldFindings(s, [cue('KNEE_VALGUS_LEFT', i * 33)], i * 33);
    s = foldFindings(s, [], 330); // off
    for (let i = 11; i < 15; i++) s = foldFindings(s, [cue('KNEE_VALGUS_LEFT', i * 33)], i * 33); // on again
    expect(s.faultOnsets['KNEE_VALGUS_LEFT|left']).toBe(2);
  });

  it('does not count info cues as faults but still shows them', () => {
    const s = foldFindings(createLiveSet('squat', null), [cue('GO_DEEPER', 0, 'info', 'both')], 0);
    expect(s.faultOnsets).toEqual({});
    expect(currentCue(s)?.code).toBe('GO_DEEPER');
  });

  it('picks the most severe cue, then the one on for longest', () => {
    let s = createLiveSet('squat', null);
    s = foldFindings(s, [cue('A', 0, 'warning')], 0);
    s = foldFindings(s, [cue('A', 33, 'warning'), cue('B', 33, 'warning')], 33);
    expect(currentCue(s)?.code).toBe('A');
    s = foldFindings(s, [cue('A', 66, 'warning'), cue('B', 66, 'warning'), cue('C', 66, 'fault')], 66);
    expect(currentCue(s)?.code).toBe('C');
  });

  it('drops live measures while the body is not visible (longer than a brief dropout) but keeps the series', () => {
    let s = foldFindings(createLiveSet('squat', null), [measure('FPPA', 5, 0)], 0);
    expect(Object.keys(s.measures)).toHaveLength(1);
    s = foldFindings(s, [notVisible(401)], 401);
    expect(s.measures).toEqual({});
    expect(s.visibility?.code).toBe('NOT_VISIBLE');
    expect(s.series['FPPA|left']?.values).toEqual([5]);
  });

  it('a joint lost for a moment (<= 400 ms) neither blinks the cue nor counts the fault twice; a longer loss does', () => {
    const run = (gapFrames: number) => {
      let s = createLiveSet('squat', null);
      let t = 0;
      const step = (f: Parameters<typeof foldFindings>[1]) => { s = foldFindings(s, f, t); t += 33; return s; };
      for (let i = 0; i < 10; i++) step([cue('KNEE_VALGUS', t), measure('FPPA', 18, t)]);
      const during: (string | undefined)[] = [];
      for (let i = 0; i < gapFrames; i++) during.push(currentCue(step([notVisible(t)]))?.code ?? s.visibility?.code);
      for (let i = 0; i < 10; i++) step([cue('KNEE_VALGUS', t), measure('FPPA', 18, t)]);
      return { s, during };
    };
    const short = run(3); // 100 ms
    expect(short.during).toEqual(['KNEE_VALGUS', 'KNEE_VALGUS', 'KNEE_VALGUS']);
    expect(short.s.faultOnsets['KNEE_VALGUS|left']).toBe(1);
    const long = run(15); // 500 ms
    expect(long.during.slice(-3)).toEqual(['NOT_VISIBLE', 'NOT_VISIBLE', 'NOT_VISIBLE']);
    expect(long.s.faultOnsets['KNEE_VALGUS|left']).toBe(2);
  });

  it('never plots a NaN measure', () => {
    const s = foldFindings(createLiveSet('squat', null), [measure('FPPA', Number.NaN, 0)], 0);
    expect(s.series).toEqual({});
  });

  it('halves series resolution past the cap instead of growing without bound', () => {
    let s = createLiveSet('slst', 'left');
    for (let i = 0; i < 25; i++) s = foldFindings(s, [measure('PELVIC_OBLIQUITY', i, i)], i, { maxSeriesPoints: 10 });
    const v = s.series['PELVIC_OBLIQUITY|left']!.values;
    expect(v.length).toBeLessThanOrEqual(10);
    expect(v[0]).toBe(0); // the start of the set is kept
  });

  it('does not mutate its input', () => {
    const s0 = foldFindings(createLiveSet('squat', null), [measure('FPPA', 5, 0), cue('X', 0)], 0);
    const snapshot = JSON.stringify(s0);
    foldFindings(s0, [measure('FPPA', 6, 33), rep(1, 33, { peakFppaDeg: 3 }), hold('left', 100, 33)], 33);
    expect(JSON.stringify(s0)).toBe(snapshot);
  });

  it('counts reps per side and reports the running hold', () => {
    let s = createLiveSet('lunge', null);
    s = foldFindings(s, [rep(1, 0, {}, 'left'), rep(1, 0, {}, 'right')], 0);
    s = foldFindings(s, [rep(2, 10, {}, 'left'), hold('left', 500, 10, false), hold('right', 200, 10, true)], 10);
    expect(repCounts(s)).toEqual({ total: 3, left: 2, right: 1 });
    expect(currentHold(s)?.side).toBe('right');
  });
});

describe('foldFindings series filter', () => {
  it('keeps only the series asked for, but still shows every live measure', () => {
    const s = foldFindings(createLiveSet('slst', 'left'), [measure('PELVIC_OBLIQUITY_DEG', 3, 0), measure('FPPA_DEG', 5, 0)], 0, { maxSeriesPoints: 100, keepSeries: /PELVIC/ });
    expect(Object.keys(s.series)).toEqual(['PELVIC_OBLIQUITY_DEG|left']);
    expect(Object.keys(s.measures).sort()).toEqual(['FPPA_DEG|left', 'PELVIC_OBLIQUITY_DEG|left']);
  });
});
