// Rep counting on the drop of the hips from the person's own standing height (squat, lunge;
// docs/biomechanics.md#squat-depth, #start-rule): depth = 1 - height / standing height drives the rep counter
// (top <= topDropFrac, bottom >= bottomDropFrac) from the first judged frame, wherever the recording begins.
//  - The standing height is learned from the person, robustly: the running maximum of the smoothed median of the last
//    3 hip heights (one outlier frame cannot move it), updated only at the top between reps.
//  - Until it is known, the judged heights are kept: the standing height is known once the median height has stayed
//    within `anchorBandFrac` of its highest value for `anchorSettleMs` (the person is up, not still rising). The kept
//    heights are then counted against it, so a recording that begins mid-descent or at the bottom counts its first
//    rep when the person comes up (the top at the end of the first rep defines the reference retroactively).
//  - No population body proportion gates it: "standing" is relative to the person's own top.
//  - Optionally, standing still and upright outside the top zone for `reanchorStillMs` re-anchors the standing height
//    (the person stepped back).
//  - Optionally, a second height (`topHeight`) that regains its standing value only when the whole body is back in the
//    start posture (a lunge: the hip above the HIGHER foot in the picture, which is at its standing value only with
//    the feet together and the hips up). When given, the standing plateau is found on it (its maximum is the real
//    top, never a split stance) and a rep ends only when it is back in the top zone too; depth stays on `height`.
import { z } from 'zod';
import type { Point } from '../../core/geometry';
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import { accMax, EMPTY_ACC, type Accumulator } from './accumulator';
import { dropFrac, kneesStraight, legPx, type LegPoints, type StandingThresholds, type TorsoPoints } from './body';
import type { CommonConfig } from './config';
import { EMPTY_SIGNALS, stepSignals, type SignalBank } from './ema';
import { cue, notVisible, phaseFinding } from './findings';
import { stepGate, type GateState } from './gate';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterConfig, type RepCounterState, type RepEvent, type RepStep } from './rep-counter';
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
  anchorSettleMs: z.number().min(0).max(2000).default(200)
    .describe(`The standing height is known once the hip height has stayed near its highest value this long (ms), so a recording may begin anywhere. Ours (${DOC}#start-rule): one frame at 5 fps, far shorter than the 0.3-0.5 s real clips stand at their end.`),
  anchorBandFrac: z.number().min(0).max(0.5).default(0.03)
    .describe(`"Near its highest value" = within this fraction of the standing hip height. Ours (${DOC}#start-rule): above keypoint jitter (~0.5 %), below what a descent covers in the settle time.`),
  stillTorsoFrac: z.number().min(0).default(0.15)
    .describe(`"Still" (for re-anchoring) = the smoothed mid-hip stays within this many torso lengths (~7 cm) of where it settled. Ours (${DOC}#squat-depth): above MoveNet jitter, far below walking.`),
  standingMinKneeAngleDeg: z.number().min(0).max(180).default(150)
    .describe(`Upright (for re-anchoring): both 2D knee angles >= this (deg). ${DOC}#rep-counting: up >= 150-160 deg.`),
  minBottomMs: z.number().min(0).default(100)
    .describe(`Minimum time in the bottom zone (ms) for a rep. Ours (${DOC}#rep-counting).`),
  minRepMs: z.number().min(0).default(d.minRepMs).describe(`Minimum rep duration (ms). ${d.minRepNote}`),
  maxGapMs: z.number().min(0).default(1000)
    .describe(`A rep in progress is dropped if the legs are not visible for longer than this (ms). Ours (${DOC}#rep-counting).`),
});

export interface DepthRepConfig {
  topDropFrac: number; bottomDropFrac: number; anchorSettleMs: number; anchorBandFrac: number; stillTorsoFrac: number;
  minBottomMs: number; minRepMs: number; maxGapMs: number; signalSmoothingMs: number; dropoutHoldMs: number;
  /** Standing still this long (ms) between the zones re-anchors the standing height; absent = never. */
  reanchorStillMs?: number;
}

/** Judged heights kept until the standing height is known: [timestampMs, height, topHeight (NaN if not used)]. */
export type HeightSample = readonly [number, number, number];

export interface DepthRepState {
  readonly reps: RepCounterState;
  readonly still: StillnessState;
  /** Smoothed mid-hip position (px) for the stillness test: raw keypoint jitter would keep resetting it. */
  readonly hip: SignalBank;
  /** Smoothed torso length (px) for heights in torso units. */
  readonly scale: SignalBank;
  /** The last 3 judged heights; their median, smoothed, is the robust height. */
  readonly recent: readonly number[];
  readonly smooth: SignalBank;
  /** Standing height (same unit as the heights passed in; NaN until known). */
  readonly refHeight: number;
  /** The last 3 top heights (when used) and their standing value (NaN until known or when not used). */
  readonly recentTop: readonly number[];
  readonly refTopHeight: number;
  /**
   * Until the first rep is counted: the judged heights since the first frame, the highest robust height, and the
   * plateau near it (since when, from which height). A plateau higher than the standing height in use re-counts them.
   */
  readonly pending: readonly HeightSample[] | null;
  readonly topMax: number;
  readonly plateauSinceMs: number | null;
  readonly plateauBase: number;
  /** The standing height the kept heights were last counted against. */
  readonly anchorHeight: number;
}
export const INITIAL_DEPTH_REPS: DepthRepState = Object.freeze({
  reps: INITIAL_REP_COUNTER, still: INITIAL_STILLNESS, hip: EMPTY_SIGNALS, scale: EMPTY_SIGNALS, recent: [], smooth: EMPTY_SIGNALS, refHeight: Number.NaN,
  recentTop: [], refTopHeight: Number.NaN,
  pending: [], topMax: Number.NaN, plateauSinceMs: null, plateauBase: Number.NaN, anchorHeight: Number.NaN,
});

/** Heights kept before the standing height is known, at most this long (ms): older ones cannot belong to the first rep. */
const MAX_PENDING_MS = 20_000;

const repCfg = (c: DepthRepConfig): RepCounterConfig => ({
  startThreshold: c.topDropFrac, targetThreshold: c.bottomDropFrac, minTargetMs: c.minBottomMs,
  minRepMs: c.minRepMs, maxGapMs: c.maxGapMs,
});

/** The body on a judged frame: hip height (any unit, the same every frame), knees straight, mid-hip and torso (px). */
export interface DepthSample {
  height: number; standing: boolean; midHip: Point; torsoLengthPx: number;
  /** Optional: a height at its standing value only with the whole body back in the start posture (see above). */
  topHeight?: number;
}

export interface DepthStep extends RepStep {
  state: RepCounterState; depth: DepthRepState; drop: number;
  /** Drop of the top height from its standing value (NaN when not used or not known yet). */
  topDrop: number;
  /** A rep found in the kept heights (counted when the standing height became known): its deepest drop against it. */
  replayPeakDrop?: number;
}

/** Median of 3 values. */
const median3 = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[1]!;

/** A frame the checker could not judge: the counter waits (or drops the rep after maxGapMs, and the reference with it). */
export function stepDepthRepsUnjudged(s: DepthRepState, timestampMs: number, cfg: DepthRepConfig): DepthStep {
  const rc = stepRepCounter(s.reps, null, timestampMs, repCfg(cfg));
  const lost = rc.state.phase === 'setup' && s.reps.phase !== 'setup';
  const depth = lost ? { ...INITIAL_DEPTH_REPS, reps: rc.state } : { ...s, reps: rc.state };
  return { ...rc, depth, drop: Number.NaN, topDrop: Number.NaN };
}

/** The kept heights counted from scratch against a standing height; the last rep counted in them. */
function replay(pending: readonly HeightSample[], ref: number, refTop: number, cfg: RepCounterConfig): { reps: RepCounterState; lastRep: RepEvent | null; lastRepPeakDrop: number } {
  let reps = INITIAL_REP_COUNTER, lastRep: RepEvent | null = null, peak = -Infinity, lastRepPeakDrop = Number.NaN;
  for (const [ts, h, top] of pending) {
    const drop = dropFrac(h, ref);
    const r = stepRepCounter(reps, notBackValue(drop, dropFrac(top, refTop), cfg), ts, cfg);
    if (r.event?.type === 'rep-start') peak = -Infinity;
    peak = Math.max(peak, drop);
    reps = r.state;
    if (r.event?.type === 'rep') { lastRep = r.event; lastRepPeakDrop = peak; }
  }
  return { reps, lastRep, lastRepPeakDrop };
}

/**
 * The counter's value: the drop, held just outside the top zone while the body is not back in its start posture (the
 * top height, when used, still outside the top zone), so the rep completes when the whole movement has.
 */
const notBackValue = (drop: number, topDrop: number, cfg: RepCounterConfig, notBackYet = false): number =>
  notBackYet || topDrop > cfg.startThreshold ? Math.max(drop, cfg.startThreshold + 1e-6) : drop;

/** A judged frame. `fresh` = judged after a loss longer than dropoutHoldMs (the stillness test restarts). */
export function stepDepthReps(s: DepthRepState, m: DepthSample, timestampMs: number, cfg: DepthRepConfig, fresh: boolean, notBackYet = false): DepthStep {
  const t = timestampMs;
  const hip = stepSignals(fresh ? EMPTY_SIGNALS : s.hip, { x: m.midHip.x, y: m.midHip.y }, t, cfg);
  const still = stepStillness(fresh ? INITIAL_STILLNESS : s.still, hip.values.x, hip.values.y, cfg.stillTorsoFrac * m.torsoLengthPx, t);
  const recent = [...(fresh ? [] : s.recent.slice(-2)), m.height];
  const usesTop = m.topHeight !== undefined && !Number.isNaN(m.topHeight);
  const recentTop = usesTop ? [...(fresh ? [] : s.recentTop.slice(-2)), m.topHeight!] : [];
  // Robust heights: the median of the last 3 (one outlier frame is dropped; available from the 3rd height), and that
  // median smoothed by the signal EMA (for re-anchoring after a step back).
  const med = recent.length < 3 ? Number.NaN : median3(recent);
  const medTop = recentTop.length < 3 ? Number.NaN : median3(recentTop);
  // The plateau (standing) is found on the top height when used, and only while the two heights agree within the top
  // zone (a lunge: both feet at the same height in the picture, not one stepped back).
  const plateauMed = !usesTop ? med : Math.abs(med - medTop) <= cfg.topDropFrac * med ? medTop : Number.NaN;
  const sm = stepSignals(fresh ? EMPTY_SIGNALS : s.smooth, Number.isNaN(med) ? {} : { h: med }, t, cfg);
  const smoothed = sm.values.h ?? Number.NaN;
  const rc0 = repCfg(cfg);
  let ref = s.refHeight, refTop = usesTop ? s.refTopHeight : Number.NaN;
  let reps = s.reps;

  // Until the first rep is counted: keep the heights and watch for the person standing at their highest (a plateau:
  // the robust height stays within the band of where it settled, at the top of what was seen).
  let { pending, topMax, plateauSinceMs, plateauBase, anchorHeight } = s;
  let replayed: ReturnType<typeof replay> | null = null;
  if (pending) {
    pending = [...pending.filter(([ts]) => t - ts <= MAX_PENDING_MS), [t, m.height, usesTop ? m.topHeight! : Number.NaN] as HeightSample];
    if (!Number.isNaN(plateauMed)) topMax = Number.isNaN(topMax) ? plateauMed : Math.max(topMax, plateauMed);
    const band = cfg.anchorBandFrac;
    // At the top (inside the top zone of the highest height seen) and no longer rising (not past the band above the
    // plateau's own highest value).
    if (Number.isNaN(plateauMed) || Number.isNaN(med) || plateauMed < topMax * (1 - cfg.topDropFrac)) plateauSinceMs = null;
    else if (plateauSinceMs === null || plateauMed > plateauBase * (1 + band)) { plateauSinceMs = t; plateauBase = plateauMed; }
    else plateauBase = Math.max(plateauBase, plateauMed);
    const settled = plateauSinceMs !== null && t - plateauSinceMs >= cfg.anchorSettleMs && pending.length >= 2;
    // Known now, or a higher standing height than the one in use (the first plateau was the bottom of a rep the
    // recording began in): the plateau's highest median-of-3 height; the kept heights are counted against it.
    if (settled && (Number.isNaN(anchorHeight) || plateauBase > anchorHeight * (1 + band))) {
      anchorHeight = plateauBase;
      // With a top height the plateau is on it; the depth height's standing value is its median there.
      if (usesTop) { refTop = plateauBase; ref = med; } else ref = plateauBase;
      replayed = replay(pending, ref, refTop, rc0);
    }
  }
  if (Number.isNaN(ref)) {
    return { state: reps, event: null, depth: { ...s, still, hip: hip.bank, recent, recentTop, smooth: sm.bank, pending, topMax, plateauSinceMs, plateauBase, anchorHeight }, drop: dropFrac(m.height, topMax), topDrop: Number.NaN };
  }
  let event: RepEvent | null = null, replayPeakDrop = Number.NaN;
  if (replayed) {
    // A rep found in the kept heights is reported now, once (the counter never takes back a rep it reported).
    const r = replayed.lastRep;
    if (r?.type === 'rep' && replayed.reps.count > reps.count) {
      event = { ...r, index: replayed.reps.count, endMs: t, durationMs: t - r.startMs };
      replayPeakDrop = replayed.lastRepPeakDrop;
    }
    reps = { ...replayed.reps, count: Math.max(replayed.reps.count, reps.count) };
  } else {
    // At the top between reps the reference follows the person's median-of-3 height up (never a single frame).
    if (reps.phase === 'start' && med > ref) ref = med;
    if (reps.phase === 'start' && medTop > refTop) refTop = medTop;
    if (cfg.reanchorStillMs !== undefined && !Number.isNaN(smoothed) && reps.phase === 'moving' && m.standing && stillForMs(still, t) >= cfg.reanchorStillMs && !reps.targetReached) {
      // Stood still, upright, outside the top zone for a long time: the person moved (e.g. stepped back).
      // Re-anchor the standing height instead of staying stuck in a rep that never started.
      ref = smoothed;
      reps = { ...reps, phase: 'start', repStartMs: null, targetEnterMs: null, openStart: false };
    }
  }
  const drop = dropFrac(m.height, ref);
  // Not back in the start position yet (e.g. a lunge's foot still stepping back): the counter sees the hips just
  // outside the top zone, so the rep completes when the whole movement has.
  const topDrop = usesTop ? dropFrac(m.topHeight!, refTop) : Number.NaN;
  const rc = replayed ? { state: reps, event, replayPeakDrop } : stepRepCounter(reps, notBackValue(drop, topDrop, rc0, notBackYet), t, rc0);
  // The first counted rep fixes the start: the kept heights are no longer needed.
  if (rc.state.count > 0) pending = null;
  return { ...rc, depth: { ...s, reps: rc.state, still, hip: hip.bank, recent, recentTop, smooth: sm.bank, refHeight: ref, refTopHeight: refTop, pending, topMax, plateauSinceMs, plateauBase, anchorHeight }, drop, topDrop };
}

export interface DepthFrameOptions {
  /** Image y the hip height is measured from (default: the lower ankle). */
  groundYPx?: (L: LegPoints, R: LegPoints) => number;
  /** False = do not judge the view on this frame (besides during a rep; e.g. a lunge's foot still stepping). */
  judgeView?: boolean;
  /** True = the body is not back in its start position even if the hips are (a lunge's foot still stepping back). */
  notBackYet?: boolean;
  /** Image y a top height is measured from (see above: a lunge's higher foot); absent = no top height. */
  topGroundYPx?: (L: LegPoints, R: LegPoints) => number;
}

/** A two-leg, front-view hip-drop frame (squat, lunge): the gate, both legs, the knees-straight test and the depth step. */
export type DepthFrame =
  | { judged: false; gate: GateState; step: DepthStep; findings: Finding[] }
  | { judged: true; gate: GateState; fresh: boolean; torso: TorsoPoints; L: LegPoints; R: LegPoints; standing: boolean; step: DepthStep };

/**
 * `heightUnit` 'px' measures the hip height in image px (squat: the standing reference is in px), 'torso' in torso
 * lengths of the same frame (lunge: stepping toward the camera changes the scale). The height is above `groundYPx`
 * (default: the lower ankle; a lunge measures from the planted foot, since a stepping foot moves in the image). A
 * frame that cannot be judged gives the visibility finding and the phase, and the counter waits.
 */
export function stepDepthFrame(
  s: { gate: GateState; depth: DepthRepState }, frame: PoseFrame, required: readonly KeypointName[],
  cfg: CommonConfig & DepthRepConfig & StandingThresholds, heightUnit: 'px' | 'torso', opts: DepthFrameOptions = {},
): DepthFrame {
  const t = frame.timestampMs;
  const groundYPx = opts.groundYPx ?? ((L: LegPoints, R: LegPoints) => Math.max(L.ankle.y, R.ankle.y));
  // The view (how the person faces the camera) is judged between reps: during a rep the body may turn by design (the
  // transverse lunge turns pelvis and trunk 30-60 deg toward the stepping side; docs/biomechanics.md#view-check).
  // A wrong view reported, or on its way to being reported, stays judged until it is right (a side-on camera never
  // counts, even when the first rep starts before the view check's persistence time).
  const viewWrong = s.gate.view.active || s.gate.view.onsetStartMs !== null;
  const judgeView = viewWrong || (!inRep(s.depth.reps) && (opts.judgeView ?? true));
  const g = stepGate(s.gate, frame, required, 'front', judgeView ? cfg : { ...cfg, viewCheck: false }, true);
  const L = g.ok ? legPx(frame, 'left', cfg) : null, R = g.ok ? legPx(frame, 'right', cfg) : null;
  if (!g.ok || !g.torso || !L || !R) {
    const step = stepDepthRepsUnjudged(s.depth, t, cfg);
    const phase = phaseFinding(step.state.phase === 'setup' ? 'setup' : 'active', t);
    return { judged: false, gate: g.state, step, findings: [g.ok ? notVisible(required, t) : g.finding, phase] };
  }
  const torso = g.torso;
  const heightPx = groundYPx(L, R) - torso.midHip.y;
  const standing = kneesStraight(L, R, cfg);
  // Torso units: divided by the smoothed torso length (one frame's torso jitters by 5-10 % on a person far away).
  const scale = stepSignals(g.fresh ? EMPTY_SIGNALS : s.depth.scale, { torsoPx: torso.lengthPx }, t, cfg);
  const unit = (px: number) => (heightUnit === 'px' ? px : px / scale.values.torsoPx!);
  const height = unit(heightPx);
  const topHeight = opts.topGroundYPx ? unit(opts.topGroundYPx(L, R) - torso.midHip.y) : undefined;
  const step = stepDepthReps(s.depth, { height, standing, midHip: torso.midHip, torsoLengthPx: torso.lengthPx, topHeight }, t, cfg, g.fresh, opts.notBackYet ?? false);
  step.depth = { ...step.depth, scale: scale.bank };
  return { judged: true, gate: g.state, fresh: g.fresh, torso, L, R, standing, step };
}

/** The rep counter's phase after this step is a rep in progress. */
export const inRep = (s: RepCounterState): boolean => s.phase === 'moving' || s.phase === 'target';

/** The standing height is known (before that, the judged heights are kept for the rep the recording began in). */
export const anchored = (s: DepthRepState): boolean => !Number.isNaN(s.refHeight);

/** The heights are still kept: no rep counted yet, so a higher standing height may still re-count them. */
export const buffering = (s: DepthRepState): boolean => s.pending !== null;

/** Per-rep statistics are collected on this frame: a rep in progress before or after it, or the heights still kept. */
export const collectingRep = (prev: DepthRepState, d: DepthStep): boolean => inRep(prev.reps) || inRep(d.state) || buffering(prev);

/** A frame that could not be judged: the counter and gate move on; an aborted rep drops its statistics. */
export function unjudgedState<S extends { gate: GateState; depth: DepthRepState; acc: Accumulator }>(s: S, df: DepthFrame & { judged: false }): S {
  return { ...s, gate: df.gate, depth: df.step.depth, acc: df.step.event?.type === 'aborted' ? EMPTY_ACC : s.acc };
}

/**
 * A counted rep's deepest hip drop (the per-rep statistic 'drop', or the replayed one when the rep was counted from
 * the kept heights) and whether it is short of the depth target (marked shallow, "go deeper").
 */
export function repDepth(d: DepthStep, acc: Accumulator, depthTargetFrac: number): { peakDepthFrac: number; shallow: boolean } {
  const peakDepthFrac = d.replayPeakDrop ?? accMax(acc, 'drop');
  return { peakDepthFrac, shallow: peakDepthFrac < depthTargetFrac };
}

/** "Go deeper" (SHALLOW_REP, info) on the frames up to `untilMs`. */
export const shallowCue = (untilMs: number, t: number): Finding[] => (t <= untilMs ? [cue('SHALLOW_REP', 'both', 'info', t, ['left_hip', 'right_hip'])] : []);
