// A recorded file as a session (coach/recording.ts), its timeline (coach/timeline.ts) and the proposed sets
// (coach/set-splits.ts), on synthetic PoseFrames whose reps and holds are known from how they were built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PoseFrame } from '../../../src/core/pose-frame';
import { runSession, sessionSpec } from '../../../src/coach/coach-session';
import { analyseRecording, momentAt, segmentIndexAt } from '../../../src/coach/recording';
import { startAtOnce } from '../../../src/coach/setup-gate';
import { DEFAULT_SPLIT_CONFIG, majoritySide, proposeSplits, splitsFromActivities, type Activity } from '../../../src/coach/set-splits';
import { singleLegReport } from '../../../src/coach/single-leg-report';
import {
  frameIndexAt, layoutTimeline, nextRepOrHold, previousRepOrHold, seekTimeForFrame, workUnit, stepFrameIndex, type TimelineMark,
} from '../../../src/coach/timeline';
import { getExercise } from '../../../src/rules/registry';
import { mirrorFrame } from '../../../yardstick/detector-noise/detector';
import { squatSequence } from '../rules/frame-builder';

const squat = getExercise('squat');
const slst = getExercise('single-leg-stand');
const ROOT = join(import.meta.dirname, '..', '..', '..');
const fixtureFrames = (name: string): PoseFrame[] =>
  (JSON.parse(readFileSync(join(ROOT, 'fixtures', 'synthetic', `${name}.json`), 'utf8')) as { frames: PoseFrame[] }).frames;
const fixtureLabels = (name: string): { holds: { side: string; startMs: number; endMs: number }[] } =>
  (JSON.parse(readFileSync(join(ROOT, 'fixtures', 'synthetic', `${name}.json`), 'utf8')) as { labels: { holds: { side: string; startMs: number; endMs: number }[] } }).labels;
/** `b` after `a`, `gapMs` later. */
const concat = (a: readonly PoseFrame[], b: readonly PoseFrame[], gapMs: number): PoseFrame[] => {
  const t0 = a[a.length - 1]!.timestampMs + gapMs - b[0]!.timestampMs;
  return [...a, ...b.map((f) => ({ ...f, timestampMs: f.timestampMs + t0 }))];
};

describe('a recorded file as a session', () => {
  // Rep 2's left knee caves through the moderate depths where FPPA is judged (hip drop 0.10-0.25).
  const frames = squatSequence([{ bottomDrop: 0.5 }, { bottomDrop: 0.3, fppaLeftDeg: 40 }, { bottomDrop: 0.5 }]);

  it('gives the summary a live set with no set-up gate gives, plus one moment per frame', () => {
    const r = analyseRecording(squat, frames, [{ startMs: 0, side: null }]);
    const live = runSession(sessionSpec(squat, { sets: [null], reps: null, holdMs: null }, {}, startAtOnce), frames).state.live;
    expect(r.summaries).toHaveLength(1);
    expect(r.summaries[0]!.repCount).toBe(3);
    expect(r.summaries[0]!.reps.map((x) => x.timestampMs)).toEqual(live.reps.map((x) => x.timestampMs));
    expect(r.moments).toHaveLength(frames.length);
    expect(r.moments[r.moments.length - 1]!.reps).toBe(3);
  });

  it('marks each rep and the caving knee of the second rep, and replays the cue at that moment', () => {
    const r = analyseRecording(squat, frames, [{ startMs: 0, side: null }]);
    const reps = r.marks.filter((m) => m.kind === 'rep');
    expect(reps.map((m) => m.index)).toEqual([1, 2, 3]);
    const faults = r.marks.filter((m): m is Extract<TimelineMark, { kind: 'fault' }> => m.kind === 'fault');
    expect(faults.length).toBeGreaterThan(0);
    const valgus = faults.find((m) => m.code === 'KNEE_VALGUS' && m.side === 'left');
    expect(valgus).toBeDefined();
    // The knee caves only in rep 2 (built that way): the interval lies inside it.
    expect(valgus!.startMs).toBeGreaterThanOrEqual(reps[1]!.startMs - 100);
    expect(valgus!.endMs).toBeLessThanOrEqual(reps[1]!.endMs + 500);
    // The cue shown then is one of the faults on at that moment (the most severe / longest-standing one).
    const mid = (valgus!.startMs + valgus!.endMs) / 2;
    const onThen = faults.filter((m) => m.startMs <= mid && m.endMs >= mid).map((m) => m.code);
    expect(onThen).toContain(momentAt(r.moments, mid)?.cue?.code);
    expect(momentAt(r.moments, reps[0]!.endMs)?.cue ?? null).toBeNull();
  });

  it('one set per segment: reps fall in the set whose time they are in', () => {
    // Two sets of squats in one file, each from a stand: 1 rep, then 2.
    const two = concat(squatSequence([{ bottomDrop: 0.5 }]), squatSequence([{ bottomDrop: 0.5 }, { bottomDrop: 0.5 }]), 1000);
    const splitAt = two.find((f, i) => i > 0 && f.timestampMs - two[i - 1]!.timestampMs > 500)!.timestampMs;
    const r = analyseRecording(squat, two, [{ startMs: 0, side: null }, { startMs: splitAt, side: null }]);
    expect(r.summaries.map((s) => s.repCount)).toEqual([1, 2]);
    expect(r.marks.filter((m) => m.kind === 'set').map((m) => m.startMs)).toEqual([0, splitAt]);
    expect(r.moments.map((m) => m.setIndex)).toEqual(two.map((f) => (f.timestampMs < splitAt ? 0 : 1)));
    expect(segmentIndexAt([{ startMs: 0, side: null }, { startMs: splitAt, side: null }], splitAt)).toBe(1);
  });
});

describe('timeline model', () => {
  const marks: TimelineMark[] = [
    { kind: 'set', setIndex: 0, startMs: 0, endMs: 10_000 },
    { kind: 'rep', setIndex: 0, index: 1, side: 'both', startMs: 1000, endMs: 2000, faults: [] },
    { kind: 'rep', setIndex: 0, index: 2, side: 'both', startMs: 4000, endMs: 5000, faults: ['KNEE_VALGUS'] },
    { kind: 'fault', setIndex: 0, code: 'KNEE_VALGUS', side: 'left', severity: 'fault', startMs: 4200, endMs: 4210 },
    { kind: 'fault', setIndex: 0, code: 'TRUNK_LEAN', side: 'both', severity: 'warning', startMs: 4300, endMs: 4800 },
  ];

  it('places marks by time, faults in their own lanes, and keeps tiny ones clickable', () => {
    const l = layoutTimeline(marks, 0, 10_000);
    expect(l.lanes).toBe(3);
    const [r1, r2, f1, f2] = l.marks;
    expect([r1!.leftPct, r1!.widthPct, r1!.lane]).toEqual([10, 10, 0]);
    expect(r2!.leftPct).toBe(40);
    expect(f1!.lane).toBe(1);
    expect(f1!.widthPct).toBeCloseTo(0.8); // 10 ms would be 0.1 %: widened
    expect(f2!.lane).toBe(2);
    expect(l.setStartsPct).toEqual([]);
    expect(l.faultLanes).toEqual([{ code: 'KNEE_VALGUS', side: 'left' }, { code: 'TRUNK_LEAN', side: 'both' }]);
  });

  it('previous / next rep from any time', () => {
    const index = (m: ReturnType<typeof nextRepOrHold>) => (m?.kind === 'rep' ? m.index : null);
    expect(index(nextRepOrHold(marks, 0))).toBe(1);
    expect(index(nextRepOrHold(marks, 1000))).toBe(2); // sitting on rep 1: next is rep 2
    expect(nextRepOrHold(marks, 4500)).toBeNull();
    expect(index(previousRepOrHold(marks, 4000))).toBe(1);
    expect(index(previousRepOrHold(marks, 4500))).toBe(2); // inside rep 2: back to its start
    expect(previousRepOrHold(marks, 500)).toBeNull();
    expect(workUnit(marks)).toBe('rep');
  });

  it('frame stepping and where to seek for a frame', () => {
    const frames = [0, 1.67, 35, 68.3, 101.7].map((timestampMs) => ({ timestampMs }));
    expect(frameIndexAt(frames, 50)).toBe(2);
    expect(frameIndexAt(frames, -5)).toBe(0);
    expect(frameIndexAt(frames, 1e9)).toBe(4);
    expect(stepFrameIndex(frames, 35, 1)).toBe(3);
    expect(stepFrameIndex(frames, 35, -1)).toBe(1);
    expect(stepFrameIndex(frames, 0, -1)).toBe(0);
    expect(seekTimeForFrame(frames, 0)).toBeCloseTo(0.835); // a phone clip's uneven start: between its first two frames
    expect(seekTimeForFrame(frames, 4)).toBe(101.7);
  });
});

describe('proposed sets in one file', () => {
  const rep = (side: Activity['side'], startMs: number): Activity => ({ kind: 'rep', side, startMs, endMs: startMs + 2000 });

  it('a pause splits, alternating legs do not, a lasting change of side does', () => {
    const pause = splitsFromActivities([rep('both', 0), rep('both', 2500), rep('both', 12_000), rep('both', 14_500)], 0);
    expect(pause.splits).toEqual([{ atMs: 4500 + (12_000 - 4500) / 2, reason: 'pause' }]);
    const alternating = splitsFromActivities([rep('left', 0), rep('right', 2500), rep('left', 5000), rep('right', 7500)], 0);
    expect(alternating.splits).toEqual([]);
    const change = splitsFromActivities([rep('left', 0), rep('left', 2500), rep('right', 5000), rep('right', 7500)], 0);
    expect(change.splits).toEqual([{ atMs: 4750, reason: 'side-change' }]);
    expect(change.segments).toEqual([{ startMs: 0, side: 'left' }, { startMs: 4750, side: 'right' }]);
    expect(majoritySide([rep('both', 0)])).toBeNull();
    expect(DEFAULT_SPLIT_CONFIG.minPauseMs).toBeGreaterThan(3000);
  });

  it('single-leg stand test, left then right in one clip: split where the foot is down, one leg per set, both in the report', () => {
    // Synthetic clips from the yardstick (labels from the 3D kinematics: a left-stance hold). Mirrored, the same
    // body stands on the right leg. 1.5 s between the clips, both feet down.
    const left = fixtureFrames('single-leg-stand-clean');
    const right = left.map(mirrorFrame);
    const frames = concat(left, right, 1500);
    const p = proposeSplits(slst, frames);
    expect(p.activities.map((a) => [a.kind, a.side])).toEqual([['hold', 'left'], ['hold', 'right']]);
    expect(p.splits).toHaveLength(1);
    const end1 = p.activities[0]!.endMs, start2 = p.activities[1]!.startMs;
    expect(p.splits[0]!.atMs).toBeGreaterThan(end1);
    expect(p.splits[0]!.atMs).toBeLessThan(start2);
    expect(p.segments.map((s) => s.side)).toEqual(['left', 'right']);
    const r = analyseRecording(slst, frames, p.segments, { summarise: { keepSeries: /PELVIC|TRUNK/ } });
    expect(r.summaries.map((s) => s.side)).toEqual(['left', 'right']);
    const report = singleLegReport(r.summaries);
    expect(report.left?.holdMs).toBeGreaterThan(5000);
    expect(report.right?.holdMs).toBeGreaterThan(5000);
    expect(report.comparison).not.toBeNull();
  });

  it('one clip of one set proposes no split', () => {
    expect(proposeSplits(squat, squatSequence([{ bottomDrop: 0.5 }, { bottomDrop: 0.5 }, { bottomDrop: 0.5 }])).splits).toEqual([]);
  });
});

describe('a hold still timed when the file ends', () => {
  // The yardstick's single-leg stand (a left-stance hold, labels from the 3D kinematics), cut 3 s into the labelled
  // hold.
  const whole = fixtureFrames('single-leg-stand-clean');
  const labelled = fixtureLabels('single-leg-stand-clean').holds[0]!;
  const cut = whole.filter((f) => f.timestampMs <= labelled.startMs + 3000);

  it('is a hold of its set: its side is seen, the summary says it ran to the end, and the timeline marks it', () => {
    const p = proposeSplits(slst, cut);
    expect(p.activities.map((a) => [a.kind, a.side])).toEqual([['hold', 'left']]);
    expect(p.segments.map((s) => s.side)).toEqual(['left']);
    const r = analyseRecording(slst, cut, p.segments);
    expect(r.summaries[0]!.holds).toEqual([expect.objectContaining({ side: 'left', reason: 'ended' })]);
    const held = r.summaries[0]!.holds[0]!.elapsedMs;
    expect(held).toBeGreaterThan(2500);
    const marks = r.marks.filter((m) => m.kind === 'hold');
    expect(marks).toEqual([expect.objectContaining({ side: 'left', reason: 'ended', endMs: cut[cut.length - 1]!.timestampMs })]);
    expect(marks[0]!.endMs - marks[0]!.startMs).toBe(held);
    // Previous / next step through holds here.
    expect(workUnit(r.marks)).toBe('hold');
    expect(nextRepOrHold(r.marks, 0)).toBe(marks[0]);
  });

  it('a hold that ended before the file did is not also an open one', () => {
    const p = proposeSplits(slst, whole);
    expect(p.activities.filter((a) => a.kind === 'hold')).toHaveLength(1);
    const r = analyseRecording(slst, whole, p.segments);
    expect(r.summaries[0]!.holds.map((h) => h.reason)).not.toContain('ended');
    expect(r.marks.filter((m) => m.kind === 'hold')).toHaveLength(1);
  });
});
