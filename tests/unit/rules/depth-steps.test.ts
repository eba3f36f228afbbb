// The per-frame steps every hip-drop checker shares (engine/depth-reps.ts): a counted rep's depth against the target
// (just inside / just outside), the "go deeper" cue's last frame, when per-rep statistics are collected, and what an
// unjudged frame keeps.
import { describe, expect, it } from 'vitest';
import { accumulate, EMPTY_ACC } from '../../../src/rules/engine/accumulator';
import { collectingRep, INITIAL_DEPTH_REPS, repDepth, shallowCue, unjudgedState, type DepthFrame, type DepthRepState, type DepthStep } from '../../../src/rules/engine/depth-reps';
import { INITIAL_GATE } from '../../../src/rules/engine/gate';

type Phase = 'setup' | 'start' | 'moving' | 'target';
const stepOf = (phase: Phase, o: Partial<DepthStep> = {}): DepthStep => ({ state: { phase }, depth: INITIAL_DEPTH_REPS, drop: 0, topDrop: 0, event: null, ...o }) as unknown as DepthStep;
const depthIn = (phase: Phase, pending: DepthRepState['pending'] = null): DepthRepState => ({ ...INITIAL_DEPTH_REPS, reps: { ...INITIAL_DEPTH_REPS.reps, phase }, pending });

describe('hip-drop checker steps', () => {
  const acc = accumulate(accumulate(EMPTY_ACC, { drop: 0.2 }), { drop: 0.31 });

  it('a rep is shallow below the depth target, from the rep statistics or the replayed peak', () => {
    expect(repDepth(stepOf('start'), acc, 0.3)).toEqual({ peakDepthFrac: 0.31, shallow: false });
    expect(repDepth(stepOf('start'), acc, 0.32)).toEqual({ peakDepthFrac: 0.31, shallow: true });
    expect(repDepth(stepOf('start', { replayPeakDrop: 0.5 }), acc, 0.45).shallow).toBe(false);
  });

  it('"go deeper" shows up to and including its last frame', () => {
    expect(shallowCue(1000, 1000)).toEqual([expect.objectContaining({ kind: 'cue', code: 'SHALLOW_REP', severity: 'info' })]);
    expect(shallowCue(1000, 1001)).toEqual([]);
    expect(shallowCue(-Infinity, 0)).toEqual([]);
  });

  it('collects per-rep statistics during a rep, on its last frame, and while the heights are kept', () => {
    expect(collectingRep(depthIn('start'), stepOf('start'))).toBe(false);
    expect(collectingRep(depthIn('start'), stepOf('moving'))).toBe(true);
    expect(collectingRep(depthIn('target'), stepOf('start'))).toBe(true); // the frame that ends the rep
    expect(collectingRep(depthIn('setup', []), stepOf('setup'))).toBe(true);
  });

  it('an unjudged frame keeps the rep statistics unless the rep was aborted', () => {
    const s = { gate: INITIAL_GATE, depth: INITIAL_DEPTH_REPS, acc, other: 1 };
    const df = (event: DepthStep['event']) => ({ judged: false, gate: INITIAL_GATE, step: stepOf('setup', { event }), findings: [] }) as DepthFrame & { judged: false };
    expect(unjudgedState(s, df(null))).toEqual(s);
    expect(unjudgedState(s, df({ type: 'aborted' } as DepthStep['event'])).acc).toBe(EMPTY_ACC);
  });
});
