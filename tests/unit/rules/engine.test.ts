import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkVisibility, eitherPx, isKeypointVisible, visiblePx } from '../../../src/rules/engine/visibility';
import { INITIAL_PERSISTENCE, stepPersistence, thresholdSignal, type PersistenceState } from '../../../src/rules/engine/persistence';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterConfig, type RepCounterState, type RepEvent } from '../../../src/rules/engine/rep-counter';
import { INITIAL_HOLD, endHold, stepHold, type HoldEvent, type HoldTimerConfig, type HoldTimerState } from '../../../src/rules/engine/hold-timer';
import { shoulderWidthRatio, stepViewCheck, viewSignal, INITIAL_VIEW_CHECK } from '../../../src/rules/engine/view-check';
import { legLengthPx, legPx, torsoPx } from '../../../src/rules/engine/body';
import { INITIAL_STILLNESS, stepStillness, stillForMs } from '../../../src/rules/engine/start';
import { EMPTY_STAT, addSample, finiteMetrics, statMax, statMean } from '../../../src/rules/engine/stats';
import { createRunner, cueIntervals, runExercise, summarize } from '../../../src/rules/engine/run';
import { INITIAL_EMA, stepEma } from '../../../src/rules/engine/ema';
import { INITIAL_IDENTITY, stepIdentity, type IdentityState } from '../../../src/rules/engine/identity';
import { commonConfigSchema } from '../../../src/rules/engine/config';
import { gateFrame, lostTooLong } from '../../../src/rules/engine/gate';
import type { ExerciseDefinition, Finding } from '../../../src/rules/engine/types';
import { deepFreeze, frame, noPerson, scaled, standingFront, withJoints, W, H } from './frame-builder';

const VIS = commonConfigSchema.parse({});

describe('visibility gating', () => {
  it('pins the score threshold: 0.3 is visible, 0.2999 is not', () => {
    expect(isKeypointVisible(frame(0, { left_knee: { x: 500, y: 500, score: 0.3 } }), 'left_knee', VIS)).toBe(true);
    expect(isKeypointVisible(frame(0, { left_knee: { x: 500, y: 500, score: 0.2999 } }), 'left_knee', VIS)).toBe(false);
  });

  it('pins the frame margin: inside the 0.5% inset is visible, outside or off-image is not', () => {
    const at = (x: number, y: number) => isKeypointVisible(frame(0, { left_ankle: { x, y } }), 'left_ankle', VIS);
    expect(at(500, 0.995 * H)).toBe(true);
    expect(at(500, 0.996 * H)).toBe(false);
    expect(at(0.004 * W, 500)).toBe(false);
    expect(at(-10, 500)).toBe(false);
    expect(at(500, 1010)).toBe(false);
  });

  it('reports NO_PERSON, NOT_VISIBLE with the missing joints, or ok', () => {
    const req = ['left_hip', 'left_knee', 'left_ankle'] as const;
    expect(checkVisibility(noPerson(0), req, VIS)).toEqual({ ok: false, code: 'NO_PERSON', missing: [...req] });
    expect(checkVisibility(frame(0, {}), req, VIS)).toMatchObject({ ok: false, code: 'NO_PERSON' });
    const partly = frame(0, withJoints(standingFront(), { left_knee: { x: 540, y: 700, score: 0.1 } }));
    expect(checkVisibility(partly, req, VIS)).toEqual({ ok: false, code: 'NOT_VISIBLE', missing: ['left_knee'] });
    expect(checkVisibility(frame(0, standingFront()), req, VIS)).toEqual({ ok: true });
  });

  it('visiblePx converts to pixels only for visible joints; eitherPx takes the midpoint or the visible one', () => {
    const f = frame(0, { left_hip: { x: 600, y: 400 }, right_hip: { x: 400, y: 420, score: 0.1 }, left_knee: { x: 610, y: 600 }, right_knee: { x: 390, y: 600 } }, { width: 2000, height: 1000 });
    expect(visiblePx(f, 'left_hip', VIS)).toEqual({ x: 600, y: 400 });
    expect(visiblePx(f, 'right_hip', VIS)).toBeNull();
    expect(eitherPx(f, 'left_hip', 'right_hip', VIS)).toEqual({ x: 600, y: 400 });
    expect(eitherPx(f, 'left_knee', 'right_knee', VIS)).toEqual({ x: 500, y: 600 });
    expect(eitherPx(f, 'left_ankle', 'right_ankle', VIS)).toBeNull();
  });
});

describe('fault persistence with hysteresis', () => {
  const timing = { onsetMs: 200, clearMs: 250 };
  const run = (signals: [number, 'fault' | 'clear' | 'between'][]) => {
    let s: PersistenceState = INITIAL_PERSISTENCE;
    const out: boolean[] = [];
    for (const [t, sig] of signals) { s = stepPersistence(s, sig, t, timing); out.push(s.active); }
    return out;
  };

  it('thresholdSignal infers direction and is inclusive at the fault threshold', () => {
    expect(thresholdSignal(15, 15, 10)).toBe('fault');
    expect(thresholdSignal(14.99, 15, 10)).toBe('between');
    expect(thresholdSignal(10, 15, 10)).toBe('between');
    expect(thresholdSignal(9.99, 15, 10)).toBe('clear');
    expect(thresholdSignal(0.8, 0.8, 0.9)).toBe('fault');
    expect(thresholdSignal(0.85, 0.8, 0.9)).toBe('between');
    expect(thresholdSignal(0.91, 0.8, 0.9)).toBe('clear');
    expect(thresholdSignal(Number.NaN, 15, 10)).toBe('between');
  });

  it('activates only after the fault persisted onsetMs (199 ms no, 200 ms yes)', () => {
    expect(run([[0, 'fault'], [100, 'fault'], [199, 'fault']])).toEqual([false, false, false]);
    expect(run([[0, 'fault'], [100, 'fault'], [200, 'fault']])).toEqual([false, false, true]);
  });

  it('a single non-fault frame restarts the onset', () => {
    expect(run([[0, 'fault'], [150, 'between'], [180, 'fault'], [300, 'fault'], [380, 'fault']]))
      .toEqual([false, false, false, false, true]);
  });

  it('clears only after clearMs of clear signals; the hysteresis band keeps it on', () => {
    const out = run([[0, 'fault'], [200, 'fault'], [300, 'between'], [2000, 'between'], [2100, 'clear'], [2349, 'clear'], [2350, 'clear']]);
    expect(out).toEqual([false, true, true, true, true, true, false]);
  });

  it('does not flicker on alternating noise around the threshold', () => {
    const sig: [number, 'fault' | 'clear'][] = [];
    for (let i = 0; i < 60; i++) sig.push([i * 33, i % 2 === 0 ? 'fault' : 'clear']);
    expect(run(sig).some(Boolean)).toBe(false);
  });

  it('returns the same object when nothing changes (allocation-light) and never mutates', () => {
    const s0 = deepFreeze({ ...INITIAL_PERSISTENCE });
    expect(stepPersistence(s0, 'clear', 10, timing)).toBe(s0);
    const s1 = stepPersistence(s0, thresholdSignal(20, 15, 10), 10, timing);
    expect(s1.onsetStartMs).toBe(10);
    expect(s0.onsetStartMs).toBeNull();
  });
});

describe('rep counter', () => {
  // Knee-angle style: start >= 155, target <= 100.
  const cfg: RepCounterConfig = { startThreshold: 155, targetThreshold: 100, setupMs: 1000, minTargetMs: 100, minRepMs: 500, maxGapMs: 1000 };
  function drive(samples: [number, number | null][], c = cfg, stable = true) {
    let s: RepCounterState = INITIAL_REP_COUNTER;
    const events: RepEvent[] = [];
    for (const [t, v] of samples) { const r = stepRepCounter(s, v, t, c, stable); s = r.state; if (r.event) events.push(r.event); }
    return { s, events, reps: events.filter((e) => e.type === 'rep') };
  }
  /** Standing for `standMs`, then `n` reps (700 ms down, 400 ms at `bottom`, 700 ms up, 200 ms top), at `fps`. */
  function squatSamples(n: number, bottom: number, fps = 30, standMs = 1500): [number, number][] {
    const out: [number, number][] = [];
    const dt = 1000 / fps;
    for (let t = 0; t <= standMs + n * 2000 + 500; t += dt) {
      const u = t - standMs;
      const p = u % 2000;
      const f = u < 0 || u >= n * 2000 ? 0 : p < 700 ? p / 700 : p < 1100 ? 1 : p < 1800 ? (1800 - p) / 700 : 0;
      out.push([Math.round(t), 170 - (170 - bottom) * f]);
    }
    return out;
  }
  const hold = (from: number, to: number, v: number, dt = 111): [number, number][] => {
    const out: [number, number][] = [];
    for (let t = from; t <= to; t += dt) out.push([t, v]);
    return out;
  };

  it('counts full reps after a stable start, with duration', () => {
    const { reps, s } = drive(squatSamples(3, 85));
    expect(reps.length).toBe(3);
    expect(s.count).toBe(3);
    const r = reps[0]!;
    expect(r.type === 'rep' && r.durationMs).toBeGreaterThan(1000);
  });

  it('pins the target threshold: bottom at 100 counts, at 100.5 is a partial', () => {
    expect(drive(squatSamples(2, 100)).reps.length).toBe(2);
    const shallow = drive(squatSamples(2, 100.5));
    expect(shallow.reps.length).toBe(0);
    expect(shallow.events.filter((e) => e.type === 'partial').length).toBe(2);
  });

  it('no reps while getting into position: setup needs setupMs in the start zone and stability', () => {
    // Starts moving at once and never stands still for 1 s: nothing counted.
    expect(drive(squatSamples(2, 85, 30, 0)).reps.length).toBe(0);
    // Standing 999 ms is not enough, 1000 ms is.
    const rep = (t0: number): [number, number][] => [[t0, 120], [t0 + 200, 90], [t0 + 400, 90], [t0 + 600, 120], [t0 + 800, 170]];
    expect(drive([...hold(0, 999, 170, 333), ...rep(1000)]).reps.length).toBe(0);
    expect(drive([...hold(0, 1000, 170, 250), ...rep(1100)]).reps.length).toBe(1);
    // Never stable: nothing counted.
    expect(drive(squatSamples(3, 85), cfg, false).reps.length).toBe(0);
  });

  it('any start (setupMs 0): counting begins on the first value; a rep begun before it counts once completed', () => {
    const any = { ...cfg, setupMs: 0 };
    // Straight into the reps, no standing first.
    expect(drive(squatSamples(2, 85, 30, 0), any).reps.length).toBe(2);
    // Mid-descent, at the target, or after the target on the way up.
    const from = (t0: number) => squatSamples(1, 85).filter(([t]) => t >= t0);
    expect(drive(from(1850), any).reps.length).toBe(1);
    expect(drive(from(2300), any).reps.length).toBe(1);
    expect(drive(from(2800), any).reps.length).toBe(0);
    // A rep whose start was not seen is exempt from minRepMs (its duration is unknown); a seen one is not.
    const late = drive(from(2500), { ...any, minRepMs: 2000 });
    expect(late.reps.length).toBe(1);
    expect(drive(squatSamples(1, 85), { ...any, minRepMs: 2000 }).reps.length).toBe(0);
  });

  it('a one-frame dip into the target zone at 30 fps is not a rep (minTargetMs), but works at 5 fps', () => {
    const spike: [number, number][] = [];
    for (let t = 0; t <= 1200; t += 33) spike.push([t, 170]);
    spike.push([1233, 130], [1266, 90], [1299, 130], [1332, 170], [1800, 170]);
    expect(drive(spike).reps.length).toBe(0);
    // 5 fps: 3 full reps, only one sample near the bottom of each.
    expect(drive(squatSamples(3, 85, 5)).reps.length).toBe(3);
  });

  it('too-fast reps (under minRepMs) are aborted', () => {
    const fast: [number, number][] = [];
    for (let t = 0; t <= 1100; t += 33) fast.push([t, 170]);
    fast.push([1133, 120], [1166, 90], [1300, 90], [1400, 170], [1500, 170]);
    const r = drive(fast, { ...cfg, minRepMs: 400 });
    expect(r.reps.length).toBe(0);
    expect(r.events.some((e) => e.type === 'aborted' && e.reason === 'too-fast')).toBe(true);
    expect(drive(fast, { ...cfg, minRepMs: 200 }).reps.length).toBe(1);
  });

  it('setupBridgeMs: a 1-3 frame dropout does not restart the stable-start timer, a longer one does', () => {
    const c = { ...cfg, setupBridgeMs: 300 };
    const withGap = (gapFrom: number, gapTo: number): [number, number | null][] => {
      const out: [number, number | null][] = [];
      for (let t = 0; t <= 1100; t += 33) out.push([t, t > gapFrom && t < gapTo ? null : 170]);
      return out;
    };
    // Setup since 0 ms completes at ~1000 ms despite a 100 ms gap ...
    expect(drive(withGap(400, 500), c).events.some((e) => e.type === 'setup-done')).toBe(true);
    // ... but not with a 400 ms gap, nor without the bridge.
    expect(drive(withGap(400, 800), c).events.some((e) => e.type === 'setup-done')).toBe(false);
    expect(drive(withGap(400, 500), cfg).events.some((e) => e.type === 'setup-done')).toBe(false);
  });

  it('works for increasing metrics (target above start)', () => {
    const c = { ...cfg, startThreshold: 0.07, targetThreshold: 0.25 };
    const samples = squatSamples(2, 85).map(([t, v]) => [t, (170 - v) / 300] as [number, number]);
    expect(drive(samples, c).reps.length).toBe(2);
  });

  it('drops the rep in progress after maxGapMs without a value (no stale angles), not before', () => {
    const base: [number, number | null][] = [];
    for (let t = 0; t <= 1100; t += 50) base.push([t, 170]);
    base.push([1150, 120], [1200, 90], [1300, 90]);
    const shortGap = [...base, [1800, null], [2200, 90], [2300, 130], [2400, 170]] as [number, number | null][];
    expect(drive(shortGap).reps.length).toBe(1);
    const longGap = [...base, [1800, null], [2301, null], [2400, 90], [2500, 130], [2600, 170]] as [number, number | null][];
    const r = drive(longGap);
    expect(r.reps.length).toBe(0);
    expect(r.events.some((e) => e.type === 'aborted' && e.reason === 'lost')).toBe(true);
    expect(r.s.phase).toBe('setup');
  });
});

describe('hold timer', () => {
  const cfg: HoldTimerConfig = { targetMs: 3000, graceMs: 500, startMs: 300, maxFrameGapMs: 250 };
  function drive(samples: [number, boolean][], c = cfg) {
    let s: HoldTimerState = INITIAL_HOLD;
    const events: HoldEvent[] = [];
    for (const [t, ok] of samples) { const r = stepHold(s, ok, t, c); s = r.state; if (r.event) events.push(r.event); }
    return { s, events };
  }
  const okFor = (from: number, to: number, ok: boolean, dt = 50): [number, boolean][] => {
    const out: [number, boolean][] = [];
    for (let t = from; t <= to; t += dt) out.push([t, ok]);
    return out;
  };

  it('starts after startMs of correct posture and counts it', () => {
    const r = drive([...okFor(0, 250, false), ...okFor(300, 1300, true)]);
    expect(r.events[0]).toEqual({ type: 'start', timestampMs: 300 });
    expect(r.s.status).toBe('running');
    expect(r.s.elapsedMs).toBe(1000);
  });

  it('does not count a lapse; a lapse within grace resumes, past grace ends posture-lost', () => {
    const withinGrace = drive([...okFor(0, 1000, true), ...okFor(1050, 1500, false), ...okFor(1550, 2000, true)]);
    expect(withinGrace.s.status).toBe('running');
    expect(withinGrace.s.elapsedMs).toBe(1000 + 450);
    const pastGrace = drive([...okFor(0, 1000, true), ...okFor(1050, 1600, false)]);
    expect(pastGrace.s.status).toBe('ended');
    expect(pastGrace.events.at(-1)).toMatchObject({ type: 'end', reason: 'posture-lost', elapsedMs: 1000, timestampMs: 1600 });
    // Exactly graceMs is still tolerated.
    expect(drive([...okFor(0, 1000, true), ...okFor(1050, 1550, false)]).s.status).toBe('lapsed');
  });

  it('ends at the target exactly once', () => {
    const r = drive(okFor(0, 5000, true));
    expect(r.events.filter((e) => e.type === 'end')).toEqual([{ type: 'end', reason: 'target', elapsedMs: 3000, timestampMs: 3000 }]);
  });

  it('a frame gap adds at most maxFrameGapMs', () => {
    const r = drive([...okFor(0, 1000, true), [3000, true]], { ...cfg, targetMs: 10_000 });
    expect(r.s.elapsedMs).toBe(1000 + 250);
  });

  it('bridges a short lapse of unknown (not visible) frames when bridgeUnknownMs allows, never a wrong-posture lapse', () => {
    const drive2 = (samples: [number, boolean | null][], c: HoldTimerConfig) => {
      let s: HoldTimerState = INITIAL_HOLD;
      for (const [t, ok] of samples) s = stepHold(s, ok, t, c).state;
      return s;
    };
    const unknownGap: [number, boolean | null][] = [[0, true], [1000, true], [1050, null], [1100, null], [1150, true], [2000, true]];
    const c = { ...cfg, maxFrameGapMs: 2000 };
    expect(drive2(unknownGap, { ...c, bridgeUnknownMs: 300 }).elapsedMs).toBe(2000);
    expect(drive2(unknownGap, c).elapsedMs).toBe(2000 - 150);
    expect(drive2(unknownGap, { ...c, bridgeUnknownMs: 149 }).elapsedMs).toBe(2000 - 150);
    const mixed: [number, boolean | null][] = [[0, true], [1000, true], [1050, null], [1100, false], [1150, true], [2000, true]];
    expect(drive2(mixed, { ...c, bridgeUnknownMs: 300 }).elapsedMs).toBe(2000 - 150);
  });

  it('a short unknown stretch while waiting keeps the start wait (bridgeUnknownMs); a longer one or a wrong frame restarts it', () => {
    const c = { ...cfg, bridgeUnknownMs: 100 };
    const startOf = (samples: [number, boolean | null][], hc: HoldTimerConfig) => {
      let s: HoldTimerState = INITIAL_HOLD;
      for (const [t, ok] of samples) { const r = stepHold(s, ok, t, hc); s = r.state; if (r.event?.type === 'start') return r.event.timestampMs; }
      return null;
    };
    const seq = (gapOk: boolean | null, unknownUntil: number): [number, boolean | null][] => {
      const out: [number, boolean | null][] = [[0, true], [100, true]];
      for (let t = 125; t <= unknownUntil; t += 25) out.push([t, gapOk]);
      for (let t = unknownUntil + 25; t <= 1000; t += 25) out.push([t, true]);
      return out;
    };
    // Unknown frames up to bridgeUnknownMs after the last correct one: the start is timed from the first correct frame.
    expect(startOf(seq(null, 200), c)).toBe(0);
    // One unknown frame past it: the wait starts again at the next correct frame.
    expect(startOf(seq(null, 225), c)).toBe(250);
    // Without bridging, or with a wrong-posture frame, the gap restarts the wait.
    expect(startOf(seq(null, 150), cfg)).toBe(175);
    expect(startOf(seq(false, 150), c)).toBe(175);
  });

  it('endHold ends with the exercise reason', () => {
    const r = drive(okFor(0, 1000, true));
    expect(endHold(r.s, 'foot-down', 1020).event).toEqual({ type: 'end', reason: 'foot-down', elapsedMs: 1000, timestampMs: 1020 });
    expect(endHold(INITIAL_HOLD, 'foot-down', 0).event).toBeNull();
  });
});

describe('view check', () => {
  const th = { frontMinShoulderRatio: 0.45, sideMaxShoulderRatio: 0.25, viewPersistMs: 500 };
  const ratioFor = (shoulderHalfWidth: number) =>
    shoulderWidthRatio({ x: 500 + shoulderHalfWidth, y: 300 }, { x: 500 - shoulderHalfWidth, y: 300 }, { x: 520, y: 500 }, { x: 480, y: 500 });

  it('shoulder width over torso length, independent of scale and image rotation', () => {
    expect(ratioFor(70)).toBeCloseTo(0.7, 9);
    const f = (k: number) => shoulderWidthRatio({ x: 70 * k, y: 0 }, { x: -70 * k, y: 0 }, { x: 20 * k, y: 200 * k }, { x: -20 * k, y: 200 * k });
    expect(f(0.3)).toBeCloseTo(f(3), 9);
    // Lying across the image (side plank): same ratio.
    expect(shoulderWidthRatio({ x: 300, y: 570 }, { x: 300, y: 430 }, { x: 500, y: 540 }, { x: 500, y: 460 })).toBeCloseTo(0.7, 9);
  });

  it('pins the thresholds: front >= 0.45, side <= 0.25, each clear only past a 0.05 margin', () => {
    expect(viewSignal(0.449, 'front', th)).toBe('fault');
    expect(viewSignal(0.45, 'front', th)).toBe('between');
    expect(viewSignal(0.51, 'front', th)).toBe('clear');
    expect(viewSignal(0.251, 'side', th)).toBe('fault');
    expect(viewSignal(0.25, 'side', th)).toBe('between');
    expect(viewSignal(0.19, 'side', th)).toBe('clear');
  });

  it('reports a wrong view only after it persisted, and clears with margin', () => {
    let s = INITIAL_VIEW_CHECK;
    for (let t = 0; t <= 499; t += 50) s = stepViewCheck(s, 0.3, 'front', t, th);
    expect(s.active).toBe(false);
    s = stepViewCheck(s, 0.3, 'front', 500, th);
    expect(s.active).toBe(true);
    for (let t = 550; t <= 2000; t += 50) s = stepViewCheck(s, 0.47, 'front', t, th); // inside the 0.05 margin
    expect(s.active).toBe(true);
    for (let t = 2050; t <= 2600; t += 50) s = stepViewCheck(s, 0.7, 'front', t, th);
    expect(s.active).toBe(false);
    // A front-facing person is the wrong view for a side exercise.
    let side = INITIAL_VIEW_CHECK;
    for (let t = 0; t <= 600; t += 50) side = stepViewCheck(side, 0.7, 'side', t, th);
    expect(side.active).toBe(true);
  });

  it('gateFrame: visibility first, then the debounced view check', () => {
    const cfg = commonConfigSchema.parse({});
    const req = ['left_hip', 'right_hip', 'left_shoulder', 'right_shoulder'] as const;
    const g0 = gateFrame(noPerson(0), req, 'front', INITIAL_VIEW_CHECK, cfg);
    expect(g0.ok).toBe(false);
    expect(!g0.ok && g0.finding).toMatchObject({ kind: 'visibility', code: 'NO_PERSON' });
    // Turned side-on (shoulders 20 px apart): WRONG_VIEW after 500 ms.
    const side = withJoints(standingFront(), { left_shoulder: { x: 510, y: 300 }, right_shoulder: { x: 490, y: 300 } });
    let v = INITIAL_VIEW_CHECK;
    let last: ReturnType<typeof gateFrame> | null = null;
    for (let t = 0; t <= 600; t += 100) { last = gateFrame(frame(t, side), req, 'front', v, cfg); v = last.view; }
    expect(!last!.ok && last!.finding).toMatchObject({ kind: 'visibility', code: 'WRONG_VIEW' });
    expect(gateFrame(frame(0, side), req, 'front', INITIAL_VIEW_CHECK, { ...cfg, viewCheck: false }).ok).toBe(true);
  });
});

describe('ema', () => {
  it('is frame-rate independent, restarts after a gap and after a non-finite sample', () => {
    const run = (dt: number) => {
      let s = INITIAL_EMA;
      for (let t = 0; t <= 300; t += dt) s = stepEma(s, t === 0 ? 0 : 10, t, 150, 1000);
      return s.value;
    };
    // Step from 0 to 10 at t > 0: after 300 ms ~ 10 x (1 - e^-2) regardless of the frame rate.
    expect(run(10)).toBeCloseTo(10 * (1 - Math.exp(-2)), 6);
    expect(run(100)).toBeCloseTo(10 * (1 - Math.exp(-2)), 6);
    const s1 = stepEma(stepEma(INITIAL_EMA, 5, 0, 150, 300), 9, 301, 150, 300);
    expect(s1.value).toBe(9);
    // A value not defined on a judged frame resets: the next valid sample starts afresh.
    expect(stepEma(s1, Number.NaN, 320, 150, 300)).toBe(INITIAL_EMA);
    expect(stepEma(stepEma(s1, Number.NaN, 320, 150, 300), 3, 340, 150, 300).value).toBe(3);
    expect(stepEma(s1, 1, 320, 0, 300).value).toBe(1);
  });
});

describe('person-switch guard', () => {
  const cfg = { maxJumpTorso: 0.5, maxSpeedTorsoPerS: 4, reacquireMs: 500 };
  const drive = (pts: [number, number][], dtMs = 33) => {
    let s: IdentityState = INITIAL_IDENTITY;
    return pts.map(([x, y], i) => { const r = stepIdentity(s, { x, y }, 100, i * dtMs, cfg); s = r.state; return r.ok; });
  };

  it('pins the jump limit: 0.5 + 4 x dt torso lengths (0.632 at 33 ms)', () => {
    expect(drive([[0, 0], [63, 0]])).toEqual([true, true]);
    expect(drive([[0, 0], [64, 0]])).toEqual([true, false]);
    // At 5 fps (200 ms) the allowance is 1.3 torso lengths.
    expect(drive([[0, 0], [129, 0]], 200)).toEqual([true, true]);
  });

  it('a short jump to a bystander is rejected and tracking continues at the person', () => {
    const pts: [number, number][] = [[0, 0], [2, 0], [400, 0], [401, 0], [402, 0], [3, 0], [4, 0]];
    expect(drive(pts)).toEqual([true, true, false, false, false, true, true]);
  });

  it('a pose that stays at the new place for reacquireMs is accepted (the person moved)', () => {
    const pts: [number, number][] = [[0, 0]];
    for (let i = 0; i < 20; i++) pts.push([400 + i, 0]);
    const ok = drive(pts);
    expect(ok.slice(1, 16).every((v) => !v)).toBe(true); // 15 x 33 ms = 495 ms
    expect(ok.slice(17).every(Boolean)).toBe(true);
  });
});

describe('body helpers and stats', () => {
  it('leg length and torso are in px; normalising by torso removes camera distance', () => {
    const near = frame(0, scaled(standingFront(), 1.08, 500, 0)), far = frame(0, scaled(standingFront(), 0.5));
    const ratio = (f: typeof near) => legLengthPx(legPx(f, 'left', VIS)!) / torsoPx(f, VIS)!.lengthPx;
    expect(ratio(near)).toBeCloseTo(2, 9);
    expect(ratio(far)).toBeCloseTo(2, 9);
    expect(legPx(frame(0, withJoints(standingFront(), { left_ankle: { x: 540, y: 900, score: 0 } })), 'left', VIS)).toBeNull();
  });

  it('stillness resets when the value moves more than the tolerance', () => {
    let s = INITIAL_STILLNESS;
    s = stepStillness(s, 0, 0, 0.05, 0);
    s = stepStillness(s, 0.04, -0.05, 0.05, 500);
    expect(stillForMs(s, 500)).toBe(500);
    s = stepStillness(s, 0.051, 0, 0.05, 600);
    expect(stillForMs(s, 700)).toBe(100);
    expect(stepStillness(s, Number.NaN, 0, 0.05, 800)).toBe(INITIAL_STILLNESS);
  });

  it('stats ignore NaN and empty stats give NaN; finiteMetrics drops NaN', () => {
    let st = EMPTY_STAT;
    for (const v of [3, Number.NaN, -1, 4]) st = addSample(st, v);
    expect([st.min, st.max, st.n, statMean(st)]).toEqual([-1, 4, 3, 2]);
    expect(statMax(EMPTY_STAT)).toBeNaN();
    expect(finiteMetrics({ a: 1, b: Number.NaN })).toEqual({ a: 1 });
  });
});

describe('runExercise / createRunner / summaries', () => {
  // A toy definition: cue 'HIGH' while nose.y < 0.3 (no debounce), rep when the nose goes below 0.7 and back.
  const toy: ExerciseDefinition<z.ZodObject<{ k: z.ZodDefault<z.ZodNumber> }>, { n: number }> = {
    id: 'toy', name: 'Toy', group: 'strength', view: 'front', requiredKeypoints: ['nose'], sided: false,
    configSchema: z.object({ k: z.number().default(1) }),
    initialState: () => ({ n: 0 }),
    step(state, f, cfg) {
      const y = f.keypoints!.nose.y;
      const findings: Finding[] = [];
      if (y < 0.3) findings.push({ kind: 'cue', code: 'HIGH', side: 'both', severity: 'warning', timestampMs: f.timestampMs, joints: ['nose'] });
      const n = state.n + cfg.k;
      if (y > 0.7) findings.push({ kind: 'rep', side: 'left', index: n, timestampMs: f.timestampMs, durationMs: 0, metrics: {}, faults: [] });
      return { state: { n }, findings };
    },
  };
  const ys = [0.5, 0.2, 0.2, 0.5, 0.8, 0.2, 0.5];
  const frames = ys.map((y, i) => frame(i * 100, { nose: { x: 500, y: y * H } }));

  it('folds step over frames with the parsed config and groups findings per frame', () => {
    const r = runExercise(toy, frames, { k: 2 });
    expect(r.state.n).toBe(14);
    expect(r.perFrame.length).toBe(7);
    expect(r.config).toEqual({ k: 2 });
    const s = summarize(r.perFrame);
    expect(s.reps).toEqual({ total: 1, left: 1, right: 0, both: 0 });
    expect(s.cues).toEqual([
      { code: 'HIGH', side: 'both', startMs: 100, endMs: 200, frames: 2 },
      { code: 'HIGH', side: 'both', startMs: 500, endMs: 500, frames: 1 },
    ]);
    expect(cueIntervals([])).toEqual([]);
  });

  it('rejects a bad config with a zod error', () => {
    expect(() => runExercise(toy, frames, { k: 'x' })).toThrow();
  });

  it('createRunner keeps state, rejects time going backwards, resets', () => {
    const runner = createRunner(toy);
    runner.push(frames[0]!);
    runner.push(frames[1]!);
    expect(runner.state.n).toBe(2);
    expect(() => runner.push(frames[0]!)).toThrow(/time-ordered/);
    runner.reset();
    expect(runner.state.n).toBe(0);
  });
});

describe('lostTooLong (the dropout rule shared by every checker)', () => {
  it('keeps state over a loss of up to dropoutHoldMs, not longer; nothing judged yet is not a loss', () => {
    const cfg = { dropoutHoldMs: 400 };
    expect(lostTooLong(1000, 1400, cfg)).toBe(false);
    expect(lostTooLong(1000, 1401, cfg)).toBe(true);
    expect(lostTooLong(null, 5000, cfg)).toBe(false);
  });
});
