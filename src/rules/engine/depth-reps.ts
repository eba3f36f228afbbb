// Rep counting on the drop of the hips from the person's own standing height (squat, lunge;
// docs/biomechanics.md#squat-depth): the start rule is "standing tall and still" (the smoothed mid-hip settles within
// a fraction of a torso for `setupMs`), the standing height is learned then and refreshed at every top
// (engine/baseline.ts nextStandingRef), and depth = 1 - height / standing height drives the rep counter
// (top <= topDropFrac, bottom >= bottomDropFrac). Optionally, standing still and upright outside the top zone for
// `reanchorStillMs` re-anchors the standing height (the person stepped back).
import { z } from 'zod';
import type { Point } from '../../core/geometry';
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import { nextStandingRef } from './baseline';
import { dropFrac, hipHeightAboveAnklePx, isStandingTall, legPx, type LegPoints, type StandingThresholds, type TorsoPoints } from './body';
import type { CommonConfig } from './config';
import { EMPTY_SIGNALS, stepSignals, type SignalBank } from './ema';
import { notVisible, phaseFinding } from './findings';
import { stepGate, type GateState } from './gate';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterConfig, type RepCounterState, type RepStep } from './rep-counter';
import { INITIAL_STILLNESS, stepStillness, stillForMs, type StillnessState } from './start';
import type { Finding } from './types';

const DOC = 'docs/biomechanics.md';

export interface DepthRepDefaults { bottomDropFrac: number; minRepMs: number; bottomNote: string; minRepNote: string }

/** Config fields of a hip-drop rep exercise; the defaults that differ per exercise are passed in. */
export const depthRepShape = (d: DepthRepDefaults) => ({
  topDropFrac: z.number().min(0).max(1).default(0.07)
    .describe(`Back at the top when the hip drop (fraction of the standing hip height) is <= this. Ours (${DOC}#squat-depth): ~knee 140-145 deg, looser than 155 so keypoint noise cannot hold a rep open.`),
  bottomDropFrac: z.number().min(0).max(1).default(d.bottomDropFrac)
    .describe(`At the bottom when the hip drop is >= this. ${d.bottomNote}`),
  setupMs: z.number().min(0).default(1000)
    .describe(`Stand tall and still this long (ms) before reps count. Ours (${DOC}#start-rule).`),
  setupStillTorsoFrac: z.number().min(0).default(0.15)
    .describe(`"Still" = the smoothed mid-hip stays within this many torso lengths (~7 cm) of where it settled. Ours (${DOC}#start-rule): above MoveNet jitter and the slow settling after a rise, far below walking into place.`),
  standingMinLegTorsoRatio: z.number().min(0).default(1.2)
    .describe(`Standing: hip above the lower ankle by >= this many torso lengths. Ours (${DOC}#squat-depth): adults ~1.5-1.7 square to the camera.`),
  standingMinKneeAngleDeg: z.number().min(0).max(180).default(150)
    .describe(`Standing: both knee angles >= this (deg). ${DOC}#rep-counting: up >= 150-160 deg.`),
  minBottomMs: z.number().min(0).default(100)
    .describe(`Minimum time in the bottom zone (ms) for a rep. Ours (${DOC}#rep-counting).`),
  minRepMs: z.number().min(0).default(d.minRepMs).describe(`Minimum rep duration (ms). ${d.minRepNote}`),
  maxGapMs: z.number().min(0).default(1000)
    .describe(`A rep in progress is dropped if the legs are not visible for longer than this (ms). Ours (${DOC}#rep-counting).`),
});

export interface DepthRepConfig {
  topDropFrac: number; bottomDropFrac: number; setupMs: number; setupStillTorsoFrac: number;
  minBottomMs: number; minRepMs: number; maxGapMs: number; signalSmoothingMs: number; dropoutHoldMs: number;
  /** Standing still this long (ms) between the zones re-anchors the standing height; absent = never. */
  reanchorStillMs?: number;
}

export interface DepthRepState {
  readonly reps: RepCounterState;
  readonly still: StillnessState;
  /** Smoothed mid-hip position (px) for the stillness test: raw keypoint jitter would keep resetting it. */
  readonly hip: SignalBank;
  /** Standing height (same unit as the heights passed in; NaN until learned). */
  readonly refHeight: number;
}
export const INITIAL_DEPTH_REPS: DepthRepState = Object.freeze({ reps: INITIAL_REP_COUNTER, still: INITIAL_STILLNESS, hip: EMPTY_SIGNALS, refHeight: Number.NaN });

const repCfg = (c: DepthRepConfig): RepCounterConfig => ({
  startThreshold: c.topDropFrac, targetThreshold: c.bottomDropFrac, setupMs: c.setupMs, minTargetMs: c.minBottomMs,
  minRepMs: c.minRepMs, maxGapMs: c.maxGapMs, setupBridgeMs: c.dropoutHoldMs,
});

/** The body on a judged frame: hip height (any unit, the same every frame), standing test, mid-hip and torso (px). */
export interface DepthSample { height: number; standing: boolean; midHip: Point; torsoLengthPx: number }

export interface DepthStep extends RepStep { state: RepCounterState; depth: DepthRepState; drop: number }

/** A frame the checker could not judge: the counter waits (or drops the rep after maxGapMs). */
export function stepDepthRepsUnjudged(s: DepthRepState, timestampMs: number, cfg: DepthRepConfig): DepthStep {
  const rc = stepRepCounter(s.reps, null, timestampMs, repCfg(cfg));
  const refHeight = rc.state.phase === 'setup' ? Number.NaN : s.refHeight;
  return { ...rc, depth: { ...s, reps: rc.state, refHeight }, drop: Number.NaN };
}

/** A judged frame. `fresh` = judged after a loss longer than dropoutHoldMs (the stillness test restarts). */
export function stepDepthReps(s: DepthRepState, m: DepthSample, timestampMs: number, cfg: DepthRepConfig, fresh: boolean): DepthStep {
  const t = timestampMs;
  const hip = stepSignals(fresh ? EMPTY_SIGNALS : s.hip, { x: m.midHip.x, y: m.midHip.y }, t, cfg);
  const still = stepStillness(fresh ? INITIAL_STILLNESS : s.still, hip.values.x, hip.values.y, cfg.setupStillTorsoFrac * m.torsoLengthPx, t);
  let ref = nextStandingRef(s.reps.phase, m.standing, s.refHeight, m.height);
  let reps = s.reps;
  if (cfg.reanchorStillMs !== undefined && reps.phase === 'moving' && m.standing && stillForMs(still, t) >= cfg.reanchorStillMs && !reps.targetReached) {
    // Stood still, upright, outside the top zone for a long time: the person moved (e.g. stepped back).
    // Re-anchor the standing height instead of staying stuck in a rep that never started.
    ref = m.height;
    reps = { ...reps, phase: 'start', repStartMs: null, targetEnterMs: null };
  }
  const drop = dropFrac(m.height, ref);
  // In setup the counter sees "in the start zone" while standing (unknown otherwise), and the stillness.
  const rc = stepRepCounter(reps, reps.phase === 'setup' ? (m.standing ? 0 : null) : drop, t, repCfg(cfg), stillForMs(still, t) > 0);
  return { ...rc, depth: { reps: rc.state, still, hip: hip.bank, refHeight: ref }, drop };
}

/** A two-leg, front-view hip-drop frame (squat, lunge): the gate, both legs, the standing test and the depth step. */
export type DepthFrame =
  | { judged: false; gate: GateState; step: DepthStep; findings: Finding[] }
  | { judged: true; gate: GateState; fresh: boolean; torso: TorsoPoints; L: LegPoints; R: LegPoints; standing: boolean; step: DepthStep };

/**
 * `heightUnit` 'px' measures the hip height in image px (squat: the standing reference is in px), 'torso' in torso
 * lengths of the same frame (lunge: stepping toward the camera changes the scale). A frame that cannot be judged
 * gives the visibility finding and the phase, and the counter waits.
 */
export function stepDepthFrame(
  s: { gate: GateState; depth: DepthRepState }, frame: PoseFrame, required: readonly KeypointName[],
  cfg: CommonConfig & DepthRepConfig & StandingThresholds, heightUnit: 'px' | 'torso',
): DepthFrame {
  const t = frame.timestampMs;
  const g = stepGate(s.gate, frame, required, 'front', cfg, true);
  const L = g.ok ? legPx(frame, 'left', cfg) : null, R = g.ok ? legPx(frame, 'right', cfg) : null;
  if (!g.ok || !g.torso || !L || !R) {
    const step = stepDepthRepsUnjudged(s.depth, t, cfg);
    const phase = phaseFinding(step.state.phase === 'setup' ? 'setup' : 'active', t);
    return { judged: false, gate: g.state, step, findings: [g.ok ? notVisible(required, t) : g.finding, phase] };
  }
  const torso = g.torso;
  const heightPx = hipHeightAboveAnklePx(torso.midHip, L.ankle, R.ankle);
  const standing = isStandingTall(heightPx / torso.lengthPx, L, R, cfg);
  const height = heightUnit === 'px' ? heightPx : heightPx / torso.lengthPx;
  const step = stepDepthReps(s.depth, { height, standing, midHip: torso.midHip, torsoLengthPx: torso.lengthPx }, t, cfg, g.fresh);
  return { judged: true, gate: g.state, fresh: g.fresh, torso, L, R, standing, step };
}

/** The rep counter's phase after this step is a rep in progress. */
export const inRep = (s: RepCounterState): boolean => s.phase === 'moving' || s.phase === 'target';
