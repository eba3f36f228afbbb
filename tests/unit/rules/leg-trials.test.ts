// engine/leg-trials.ts and engine/stance-lines.ts alone: per-leg results and their left-right difference; one-leg
// pelvic drop / trunk lean against a neutral in rolling windows (frames needed, restart when not measuring).
import { describe, expect, it } from 'vitest';
import { NO_TRIALS, recordTrial, trialsDone } from '../../../src/rules/engine/leg-trials';
import { LEVEL, type BodyLines } from '../../../src/rules/engine/neutral';
import { NO_STANCE_LINES, stepStanceLines, type StanceLinesState } from '../../../src/rules/engine/stance-lines';

const DIFF = { code: 'PEAK_DROP_DIFF_DEG', of: (r: { peak: number }) => r.peak, unit: 'deg' as const };

describe('leg trials', () => {
  it('reports left minus right only once both legs are done, and the latest result of a leg counts', () => {
    const one = recordTrial(NO_TRIALS, 'right', { peak: 7 }, 1000, DIFF);
    expect(one.diffFinding).toBeNull();
    expect(trialsDone(one.trials, 'right')).toBe(true);
    expect(trialsDone(one.trials, 'left')).toBe(false);
    expect(trialsDone(one.trials, 'auto')).toBe(false);
    const both = recordTrial(one.trials, 'left', { peak: 2 }, 2000, DIFF);
    expect(both.diffFinding).toEqual({ kind: 'measure', code: 'PEAK_DROP_DIFF_DEG', side: 'both', value: -5, unit: 'deg', timestampMs: 2000 });
    expect(trialsDone(both.trials, 'auto')).toBe(true);
    expect(recordTrial(both.trials, 'left', { peak: 9 }, 3000, DIFF).diffFinding).toMatchObject({ value: 2 });
  });
});

describe('stance lines', () => {
  const CFG = { medianWindowMs: 600, dropMinFrames: 5, trunkWindowMs: 400 }; // 4 frames at 100 ms already span half of 600 ms
  /** Left hip 3 deg lower than level (image angles), trunk level. */
  const lines: BodyLines = { hipLeftLowDeg: 3, trunkLeftDeg: 0 };
  const run = (n: number, neutral: BodyLines, stance: 'left' | 'right' = 'right') => {
    let s: StanceLinesState = NO_STANCE_LINES;
    let last = stepStanceLines(s, lines, neutral, stance, 0, true, 3000, CFG);
    for (let i = 0; i < n; i++) { last = stepStanceLines(s, lines, neutral, stance, i * 100, true, 3000, CFG); s = last.state; }
    return last;
  };

  it('gives no pelvic value before dropMinFrames frames spanning half the window, then the drop on the free side against the neutral', () => {
    expect(run(4, LEVEL).dropDeg).toBeNaN();
    expect(run(5, LEVEL).dropDeg).toBeCloseTo(3, 9); // standing on the right: the left (free) side lower
    expect(run(5, LEVEL, 'left').dropDeg).toBeCloseTo(-3, 9);
    expect(run(5, { hipLeftLowDeg: 1, trunkLeftDeg: 0 }).dropDeg).toBeCloseTo(2, 9); // against the neutral
    expect(run(5, LEVEL).reportDropDeg).toBeNaN(); // the report window (3 s) needs 1.5 s of samples
    expect(run(16, LEVEL).reportDropDeg).toBeCloseTo(3, 9);
  });

  it('restarts its windows when not measuring', () => {
    const s = run(10, LEVEL).state;
    const off = stepStanceLines(s, lines, LEVEL, 'right', 1000, false, 3000, CFG);
    expect(off.state).toEqual(NO_STANCE_LINES);
    expect(off.dropDeg).toBeNaN();
  });
});
