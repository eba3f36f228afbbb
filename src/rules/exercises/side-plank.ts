// Side plank (forearm or straight arm), camera facing the FRONT of the body (the body lies across the image).
// Variant with top-leg raises during the hold (counted as reps).
//
// Biomechanics and numbers (../shared/NOTES.md):
// - The shoulder-hip-ankle angle should be near 180 deg; common app tolerance |180 - angle| < 10 deg. The hold is
//   timed only while the posture is correct, and ends when hip height is lost.
// - Signed deviation = 180 - angle, POSITIVE when the hip lies below the shoulder-ankle line (toward the floor,
//   larger image y): HIP_SAG; NEGATIVE when above it: HIP_PIKE. Cues at |deviation| >= 10 deg (NOTES tolerance),
//   clearing inside 7 deg (our hysteresis).
// - Posture correct = |deviation| < 10 deg AND the shoulder-ankle line within 45 deg of horizontal (our default:
//   a side plank is ~10-30 deg; steeper means standing/sitting, not a plank) AND the shoulders at least 8 deg above
//   the feet (our default: lying flat on the side is ALSO a straight line, ~4-6 deg with the mid-shoulder ~0.2 m
//   over ~1.4 m of body; the real forearm-plank clip reads 12-14 deg, a straight-arm plank ~25-30 deg). The hold starts after 500 ms of
//   correct posture (our default, skips the lift-off), pauses during lapses and ends ('posture-lost') when a lapse
//   lasts > 1000 ms (our default for "hip height lost"), or at the 30 s target (our default; programmes use 20-60 s).
// - Facing the camera, the shoulders/hips/ankles of the two sides are stacked (~0.4 m apart at the shoulders); the
//   line uses each pair's midpoint. When one joint of a pair drops out, the pair is completed from the offset seen
//   in the last `pairMemoryMs` (2 s): jumping from the midpoint to the remaining point would bend the line by more
//   than the 10 deg tolerance (seen on H3's missing-joints fixture). The offset is body shape, not an angle; with
//   no recent offset the single point is used. If both ankles are cut off by the image edge, the knees stand in
//   (with straight legs the knee lies on the same line; `kneeFallback`). The supporting (bottom) side is the one
//   whose shoulder is lower.
// - Top-leg raises: the angle at the mid-hip between the two legs (hip->ankle). A raise = from <= 10 deg up to
//   >= 25 deg and back (our defaults: 2D side-lying abduction range is ~30-45 deg; raises during a plank are
//   smaller). Counted only during the hold; the rep side is the raised (top) leg; the body line then uses the bottom leg.
// - Not smoothed (unlike FPPA and pelvic obliquity): the shoulder-ankle span is long (~600 px on a 960 px frame),
//   so 1.5 px of jitter moves the deviation by well under 1 deg.
import { z } from 'zod';
import { jointAngleDeg, type Point } from '../../core/geometry';
import { otherSide, type KeypointName, type PoseFrame, type Side } from '../../core/pose-frame';
import { commonConfigShape } from '../engine/config';
import { cue, gateFrame, lostTooLong, measure, phaseFinding } from '../engine/gate';
import { INITIAL_IDENTITY, type IdentityState } from '../engine/identity';
import { INITIAL_HOLD, stepHold, type HoldTimerState } from '../engine/hold-timer';
import { INITIAL_PERSISTENCE, stepPersistence, thresholdSignal, type PersistenceState } from '../engine/persistence';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterState } from '../engine/rep-counter';
import { addSample, EMPTY_STAT, finiteMetrics, statMax, statMean, statMin, type Stat } from '../engine/stats';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { INITIAL_VIEW_CHECK, type ViewCheckState } from '../engine/view-check';
import { visiblePx } from '../engine/visibility';

export const sidePlankConfigSchema = z.object({
  ...commonConfigShape,
  variant: z.enum(['hold', 'leg-raises']).default('hold').describe("'leg-raises' = top-leg raises during the hold, counted as reps."),
  side: z.enum(['auto', 'left', 'right']).default('auto')
    .describe("Supporting (bottom) side: 'auto' = the side whose shoulder is lower in the image."),
  targetMs: z.number().positive().default(30_000).describe('Hold target (ms). Our default; programmes use 20-60 s.'),
  lineToleranceDeg: z.number().min(0).default(10)
    .describe('Posture correct while |180 - shoulder-hip-ankle angle| < this (deg). NOTES: common app tolerance 10 deg.'),
  lineClearDeg: z.number().min(0).default(7).describe('HIP_SAG / HIP_PIKE clear inside this deviation (deg). Our default (hysteresis).'),
  maxBodyInclineDeg: z.number().min(0).max(90).default(45)
    .describe('Shoulder-ankle line must be within this of horizontal (deg), else not a plank. Our default.'),
  minBodyInclineDeg: z.number().min(0).max(90).default(8)
    .describe('Shoulders must be this far above the feet (shoulder-ankle line vs horizontal, deg): lying flat on the side is a straight line too (~4-6 deg). Our default: the real forearm plank reads 12-14 deg.'),
  holdStartMs: z.number().min(0).default(500).describe('Correct posture this long (ms) starts the hold. Our default.'),
  holdGraceMs: z.number().min(0).default(1000).describe('A lapse longer than this (ms) ends the hold: hip height lost. Our default.'),
  kneeFallback: z.boolean().default(true).describe('Use the knees for the line when both ankles are out of view. Our default.'),
  pairMemoryMs: z.number().min(0).default(2000)
    .describe('One joint of a stacked pair lost: complete the pair from the offset seen within this long (ms). Our default (the body shape changes slowly in a hold).'),
  raiseStartDeg: z.number().default(10).describe('Leg raise: legs back together when the angle between them <= this (deg). Our default.'),
  raiseTargetDeg: z.number().default(25).describe('Leg raise counts when the angle between the legs reaches >= this (deg). Our default.'),
  raiseMinTopMs: z.number().min(0).default(100).describe('Minimum time at the top of a raise (ms). Our default.'),
  raiseMinRepMs: z.number().min(0).default(500).describe('Minimum raise duration (ms). Our default.'),
});
export type SidePlankConfig = z.infer<typeof sidePlankConfigSchema>;

/** Shoulders, hips and ankles: at least one of each pair must be visible (knees may stand in for the ankles). */
export const SIDE_PLANK_REQUIRED: readonly KeypointName[] = [
  'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_ankle', 'right_ankle',
];

export interface SidePlankState {
  view: ViewCheckState;
  identity: IdentityState;
  hold: HoldTimerState;
  /** Bottom side of the hold in progress (fixed when the hold starts), null before. */
  bottom: Side | null;
  sag: PersistenceState;
  pike: PersistenceState;
  dev: Stat;
  raises: RepCounterState;
  raisePeak: Stat;
  /** After a hold ends, the posture must be broken before a new hold can start. */
  armed: boolean;
  holds: number;
  lastJudgedMs: number | null;
  /** Last seen left->right offset of each stacked pair (px), to complete a pair when one joint drops out. */
  pairs: { shoulder: PairOffset | null; hip: PairOffset | null; ankle: PairOffset | null; knee: PairOffset | null };
}

export interface PairOffset { readonly dx: number; readonly dy: number; readonly atMs: number }

/**
 * Midpoint of a left/right pair: both visible -> their midpoint (and a fresh offset); one visible -> that point
 * shifted by half the offset seen within `pairMemoryMs`, else the single point; none -> null.
 */
function pairPoint(frame: PoseFrame, l: KeypointName, r: KeypointName, last: PairOffset | null, t: number, cfg: SidePlankConfig): { point: Point | null; offset: PairOffset | null } {
  const pl = visiblePx(frame, l, cfg), pr = visiblePx(frame, r, cfg);
  if (pl && pr) return { point: { x: (pl.x + pr.x) / 2, y: (pl.y + pr.y) / 2 }, offset: { dx: pr.x - pl.x, dy: pr.y - pl.y, atMs: t } };
  const fresh = last && t - last.atMs <= cfg.pairMemoryMs ? last : null;
  if (pl) return { point: fresh ? { x: pl.x + fresh.dx / 2, y: pl.y + fresh.dy / 2 } : pl, offset: last };
  if (pr) return { point: fresh ? { x: pr.x - fresh.dx / 2, y: pr.y - fresh.dy / 2 } : pr, offset: last };
  return { point: null, offset: last };
}

export function sidePlankInitialState(): SidePlankState {
  return {
    view: INITIAL_VIEW_CHECK, identity: INITIAL_IDENTITY, hold: INITIAL_HOLD, bottom: null, sag: INITIAL_PERSISTENCE, pike: INITIAL_PERSISTENCE,
    dev: EMPTY_STAT, raises: INITIAL_REP_COUNTER, raisePeak: EMPTY_STAT, armed: true, holds: 0, lastJudgedMs: null,
    pairs: { shoulder: null, hip: null, ankle: null, knee: null },
  };
}

/** Signed deviation from a straight line, deg: positive = hip below the shoulder-ankle line (sag), negative = pike. */
export function bodyLineDeviationDeg(shoulder: Point, hip: Point, ankle: Point): number {
  const angle = jointAngleDeg(shoulder, hip, ankle);
  if (Number.isNaN(angle)) return Number.NaN;
  const dx = ankle.x - shoulder.x;
  const lineY = dx === 0 ? (shoulder.y + ankle.y) / 2 : shoulder.y + ((hip.x - shoulder.x) / dx) * (ankle.y - shoulder.y);
  return (180 - angle) * (hip.y >= lineY ? 1 : -1);
}

function bottomSideOf(frame: PoseFrame, cfg: SidePlankConfig): Side | null {
  for (const j of ['shoulder', 'hip'] as const) {
    const l = visiblePx(frame, `left_${j}`, cfg), r = visiblePx(frame, `right_${j}`, cfg);
    if (l && r && l.y !== r.y) return l.y > r.y ? 'left' : 'right';
  }
  return null;
}

const holdCfg = (cfg: SidePlankConfig) => ({
  targetMs: cfg.targetMs, graceMs: cfg.holdGraceMs, startMs: cfg.holdStartMs, maxFrameGapMs: 250, bridgeUnknownMs: cfg.dropoutHoldMs,
});
const raiseCfg = (cfg: SidePlankConfig) => ({
  startThreshold: cfg.raiseStartDeg, targetThreshold: cfg.raiseTargetDeg, setupMs: 300, minTargetMs: cfg.raiseMinTopMs,
  minRepMs: cfg.raiseMinRepMs, maxGapMs: 1000,
});

export function sidePlankStep(s: SidePlankState, frame: PoseFrame, cfg: SidePlankConfig): { state: SidePlankState; findings: Finding[] } {
  const t = frame.timestampMs;
  const findings: Finding[] = [];
  // Visibility: gateFrame handles NO_PERSON and the view check (when all four torso points are visible); the pairs
  // are checked here because one of each pair is enough.
  const gate = gateFrame(frame, [], 'front', s.view, cfg, s.identity);
  const legRaises = cfg.variant === 'leg-raises';
  const detected = s.bottom ?? bottomSideOf(frame, cfg);
  const bottom: Side | null = cfg.side === 'auto' ? detected : cfg.side;
  // Pairs are completed from their last seen offset (see file header), so losing one joint of a stacked pair
  // does not move the line from the pair's midpoint to the remaining point.
  const shoulderP = pairPoint(frame, 'left_shoulder', 'right_shoulder', s.pairs.shoulder, t, cfg);
  const hipP = pairPoint(frame, 'left_hip', 'right_hip', s.pairs.hip, t, cfg);
  const ankleP = pairPoint(frame, 'left_ankle', 'right_ankle', s.pairs.ankle, t, cfg);
  const kneeP = pairPoint(frame, 'left_knee', 'right_knee', s.pairs.knee, t, cfg);
  const pairs = { shoulder: shoulderP.offset, hip: hipP.offset, ankle: ankleP.offset, knee: kneeP.offset };
  const shoulder = shoulderP.point, hip = hipP.point;
  const legPoint = (side: Side) => visiblePx(frame, `${side}_ankle`, cfg) ?? (cfg.kneeFallback ? visiblePx(frame, `${side}_knee`, cfg) : null);
  // The line ends at the bottom leg in the leg-raise variant (the top leg moves), else at the feet.
  const ankle = legRaises ? (bottom ? legPoint(bottom) : null) : ankleP.point ?? (cfg.kneeFallback ? kneeP.point : null);
  const topAnkle = legRaises && bottom ? legPoint(otherSide(bottom)) : null;
  const missing: KeypointName[] = [];
  if (!shoulder) missing.push('left_shoulder', 'right_shoulder');
  if (!hip) missing.push('left_hip', 'right_hip');
  if (!ankle || (legRaises && !topAnkle)) missing.push('left_ankle', 'right_ankle');
  let vis: Finding | null = null;
  if (!gate.ok) vis = gate.finding;
  else if (missing.length) {
    vis = { kind: 'visibility', code: missing.length === 6 ? 'NO_PERSON' : 'NOT_VISIBLE', missing, timestampMs: t };
  }

  let st: SidePlankState = { ...s, view: gate.view, identity: gate.identity ?? s.identity, pairs };
  let dev = Number.NaN;
  // null = unknown (not visible): a short unknown stretch is bridged by the hold timer, a long one lapses.
  let postureOk: boolean | null = vis ? null : false;
  if (!vis && shoulder && hip && ankle) {
    dev = bodyLineDeviationDeg(shoulder, hip, ankle);
    // Signed: positive when the shoulders are higher in the image than the feet (y grows down).
    const inclineDeg = Math.atan2(ankle.y - shoulder.y, Math.abs(ankle.x - shoulder.x)) * (180 / Math.PI);
    const sideOk = cfg.side === 'auto' || detected === null || detected === cfg.side;
    const lifted = inclineDeg >= cfg.minBodyInclineDeg && Math.abs(inclineDeg) <= cfg.maxBodyInclineDeg;
    postureOk = Math.abs(dev) < cfg.lineToleranceDeg && lifted && bottom !== null && sideOk;
  }

  // Hold timer (re-armed once the posture has been broken after a finished hold).
  if (st.hold.status === 'ended') {
    if (postureOk === false) st = { ...st, armed: true };
    if (st.armed && postureOk) st = { ...st, hold: INITIAL_HOLD, bottom: null, dev: EMPTY_STAT, raises: INITIAL_REP_COUNTER, raisePeak: EMPTY_STAT, armed: false };
  }
  const h = st.hold.status === 'ended' ? { state: st.hold, event: null } : stepHold(st.hold, postureOk, t, holdCfg(cfg));
  st = { ...st, hold: h.state };
  if (h.event?.type === 'start') st = { ...st, bottom, holds: st.holds + 1, armed: false };
  const inHold = h.state.status === 'running' || h.state.status === 'lapsed';
  const holdSide: Side = st.bottom ?? bottom ?? 'left';

  if (vis) {
    // No cue while not visible; the debounced states survive a short dropout and are reset after a longer one.
    findings.push(vis);
  } else {
    if (lostTooLong(s.lastJudgedMs, t, cfg)) st = { ...st, sag: INITIAL_PERSISTENCE, pike: INITIAL_PERSISTENCE };
    st = { ...st, lastJudgedMs: t };
    if (!Number.isNaN(dev)) findings.push(measure('BODY_LINE_DEVIATION_DEG', holdSide, dev, 'deg', t));
    const timing = { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs };
    // Faults are judged only during a hold (not while getting into position or after it ended).
    const sag = stepPersistence(st.sag, inHold ? thresholdSignal(dev, cfg.lineToleranceDeg, cfg.lineClearDeg) : 'clear', t, timing);
    const pike = stepPersistence(st.pike, inHold ? thresholdSignal(dev, -cfg.lineToleranceDeg, -cfg.lineClearDeg) : 'clear', t, timing);
    st = { ...st, sag, pike, dev: inHold ? addSample(st.dev, dev) : st.dev };
    const joints: KeypointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_ankle', 'right_ankle'];
    if (sag.active) findings.push(cue('HIP_SAG', holdSide, 'warning', t, joints, dev));
    if (pike.active) findings.push(cue('HIP_PIKE', holdSide, 'warning', t, joints, dev));
  }

  // Top-leg raises, counted only during the hold.
  if (legRaises && (inHold || h.event?.type === 'end')) {
    const angle = !vis && hip && ankle && topAnkle ? jointAngleDeg(topAnkle, hip, ankle) : Number.NaN;
    const rc = stepRepCounter(st.raises, inHold && !Number.isNaN(angle) ? angle : null, t, raiseCfg(cfg));
    let raisePeak = rc.event?.type === 'rep-start' ? EMPTY_STAT : st.raisePeak;
    if (!Number.isNaN(angle)) raisePeak = addSample(raisePeak, angle);
    if (!vis) findings.push(measure('LEG_RAISE_DEG', otherSide(holdSide), angle, 'deg', t));
    if (rc.event?.type === 'rep') {
      findings.push({
        kind: 'rep', side: otherSide(holdSide), index: rc.event.index, timestampMs: t, durationMs: rc.event.durationMs,
        metrics: finiteMetrics({ peakRaiseDeg: statMax(raisePeak) }), faults: st.sag.active ? ['HIP_SAG'] : [],
      });
    }
    if (rc.event?.type === 'rep' || rc.event?.type === 'partial' || rc.event?.type === 'aborted') raisePeak = EMPTY_STAT;
    st = { ...st, raises: rc.state, raisePeak };
  }

  if (inHold || h.event?.type === 'end') {
    findings.push({ kind: 'hold', side: holdSide, running: h.state.status === 'running', elapsedMs: h.state.elapsedMs, targetMs: cfg.targetMs, timestampMs: t });
  }
  if (h.event?.type === 'end') {
    findings.push({
      kind: 'hold-end', side: holdSide, elapsedMs: h.event.elapsedMs, reason: h.event.reason, timestampMs: t,
      metrics: finiteMetrics({
        holdMs: h.event.elapsedMs, peakSagDeg: statMax(st.dev), peakPikeDeg: -statMin(st.dev),
        meanDeviationDeg: statMean(st.dev), raises: legRaises ? st.raises.count : Number.NaN,
      }),
    });
    st = { ...st, sag: INITIAL_PERSISTENCE, pike: INITIAL_PERSISTENCE };
  }
  const phase = inHold ? 'active' : h.state.status === 'ended' && h.state.endReason === 'target' ? 'done' : 'setup';
  findings.push(phaseFinding(phase, t));
  return { state: st, findings };
}

export const sidePlank: ExerciseDefinition<typeof sidePlankConfigSchema, SidePlankState> = {
  id: 'side-plank',
  name: 'Side plank',
  group: 'hold',
  view: 'front',
  requiredKeypoints: SIDE_PLANK_REQUIRED,
  sided: true,
  configSchema: sidePlankConfigSchema,
  description: 'Side plank facing the camera: times the hold while shoulder, hip and ankle stay in line; warns on hip sag or pike; optional top-leg raises.',
  cueCodes: ['HIP_SAG', 'HIP_PIKE'],
  measureCodes: ['BODY_LINE_DEVIATION_DEG', 'LEG_RAISE_DEG'],
  limitations: [
    'Judges the shoulder-hip-ankle line seen from the front; the trunk rolling forward or back is not judged.',
    'Lying flat with a straight body can look like a held plank: lift the hips before the timer matters.',
    'Top-leg raises are counted by the angle between the legs; hip rotation during the raise cannot be seen.',
  ],
  initialState: () => sidePlankInitialState(),
  step: sidePlankStep,
};
