// Side plank (forearm or straight arm), camera facing the FRONT of the body (the body lies across the image); variant
// with top-leg raises during the hold. docs/biomechanics.md#side-plank-line.
// - Body line: signed deviation 180 - shoulder-hip-ankle angle (core/geometry lineDeviationDeg), + = hip below the
//   line (HIP_SAG), - = above (HIP_PIKE); cues at |deviation| >= 10 deg (the common app tolerance), clear inside 7.
//   Not smoothed: the shoulder-ankle span is long, so 1.5 px of jitter moves it well under 1 deg.
// - The hold (engine/hold-timer.ts) runs while the line is within tolerance, the shoulder-ankle line is 8-45 deg
//   above horizontal (lying flat on the side is a straight line too) or, within 5 s of the hips resting toward the
//   floor or of a hold, no more than 4 deg below the incline then (a rolled camera tilts the image horizontal by as
//   much as a forearm plank's own incline), and the side fits; it starts after 500 ms,
//   pauses in lapses and ends when a lapse lasts > 1 s (hip height lost) or at the target. After a hold the posture
//   must be broken before a new one can start.
// - A hold that ends is not a fault: HIP_SAG needs 500 ms inside [10, 19) deg of the 300 ms median deviation
//   (lowering to the floor crosses the band in 0.2-0.4 s, then the hips rest beyond it); HIP_PIKE is judged on the
//   same median (a held pike's jitter back inside the clear band no longer restarts its onset).
// - Peaks and means are taken while the clock runs and while a sag / pike cue is shown, not over the hips lowered
//   to the floor at the end of a hold.
// - A plank on the other side than the one picked: SIDE_MISMATCH (info), as the side-lying exercises do.
// - Facing the camera, the two sides are stacked: each pair's midpoint is used, completed from its last offset when
//   one joint drops out (engine/body.ts stackedPairPoint); the knees stand in for ankles cut off by the image edge.
//   The supporting (bottom) side is the one whose shoulder is lower.
// - Top-leg raises: the angle at the mid-hip between the two legs, from <= 10 up to >= 25 deg and back, counted only
//   during the hold; the rep side is the raised (top) leg, and the body line then ends at the bottom leg.
import { z } from 'zod';
import { jointAngleDeg, lineDeviationDeg } from '../../core/geometry';
import { otherSide, type KeypointName, type PoseFrame, type Side } from '../../core/pose-frame';
import { accMax, accMean, accMin, accumulate, EMPTY_ACC, type Accumulator } from '../engine/accumulator';
import { stackedPairPoint, type PairOffset } from '../engine/body';
import { commonConfigShape } from '../engine/config';
import { faultCues, holdEndFinding, holdStatus, measure, phaseFinding, repFinding } from '../engine/findings';
import { INITIAL_GATE, judged, stepGate, type GateState } from '../engine/gate';
import { INITIAL_HOLD, stepHold, type HoldTimerState } from '../engine/hold-timer';
import { faultKey, NO_FAULTS, stepFaults, type FaultStates } from '../engine/persistence';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterState } from '../engine/rep-counter';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { visiblePx } from '../engine/visibility';
import { EMPTY_WINDOW, pushSample, windowMedian, type SampleWindow } from '../engine/neutral';
import { signSide, stepSideVote } from '../engine/side-vote';

const DOC = 'docs/biomechanics.md#side-plank-line';

export const sidePlankConfigSchema = z.strictObject({
  ...commonConfigShape,
  variant: z.enum(['hold', 'leg-raises']).default('hold').describe("'leg-raises' = top-leg raises during the hold, counted as reps."),
  side: z.enum(['auto', 'left', 'right']).default('auto').describe("Supporting (bottom) side: 'auto' = the side whose shoulder is lower in the image."),
  holdTargetMs: z.number().positive().default(30_000).describe(`Hold target (ms). Ours (${DOC}): programmes use 20-60 s.`),
  lineToleranceDeg: z.number().min(0).default(10).describe(`Posture correct while /180 - shoulder-hip-ankle angle/ < this (deg). ${DOC}: the common app tolerance.`),
  lineClearDeg: z.number().min(0).default(7).describe(`HIP_SAG / HIP_PIKE clear inside this deviation (deg). Ours (${DOC}): hysteresis.`),
  maxBodyInclineDeg: z.number().min(0).max(90).default(45).describe(`Shoulder-ankle line within this of horizontal (deg), else not a plank. Ours (${DOC}): a side plank is ~10-30 deg.`),
  minBodyInclineDeg: z.number().min(0).max(90).default(8)
    .describe(`Shoulders this far above the feet (shoulder-ankle line vs horizontal, deg): lying flat on the side is a straight line too (~4-6 deg). Ours (${DOC}): a real forearm plank reads 12-14 deg.`),
  holdStartMs: z.number().min(0).default(500).describe(`Correct posture this long (ms) starts the hold (skips the lift-off). Ours (${DOC}).`),
  holdGraceMs: z.number().min(0).default(1000).describe(`A lapse longer than this (ms) ends the hold: hip height lost. Ours (${DOC}).`),
  kneeFallback: z.boolean().default(true).describe(`Use the knees for the line when both ankles are out of view (straight legs: the knee lies on the line). Ours (${DOC}).`),
  pairMemoryMs: z.number().min(0).default(2000).describe(`One joint of a stacked pair lost: complete the pair from the offset seen within this long (ms). Ours (${DOC}): body shape changes slowly in a hold.`),
  raiseStartDeg: z.number().default(10).describe(`Leg raise: legs back together when the angle between them <= this (deg). Ours (${DOC}).`),
  raiseTargetDeg: z.number().default(25).describe(`Leg raise counts when the angle between the legs reaches >= this (deg). Ours (${DOC}): side-lying abduction range ~30-45 deg; raises in a plank are smaller.`),
  raiseMinTopMs: z.number().min(0).default(100).describe(`Minimum time at the top of a raise (ms). Ours (${DOC}).`),
  raiseMinRepMs: z.number().min(0).default(500).describe(`Minimum raise duration (ms). Ours (${DOC}).`),
  sagOnsetMs: z.number().min(0).max(3000).default(500)
    .describe(`HIP_SAG must persist this long (ms) inside the sag band. Ours (${DOC}): lowering to the floor at the end of a hold (a ~25 deg descent in 0.6-1.2 s) crosses the band in 0.2-0.4 s; a sag is held.`),
  sagMedianMs: z.number().min(0).max(2000).default(300)
    .describe(`HIP_SAG and HIP_PIKE are judged on the median line deviation of the last this many ms. Ours (${DOC}): a sag or pike held just past the tolerance reads +/-1-2 deg of jitter frame to frame, which would restart its onset.`),
  liftInclineDropDeg: z.number().min(0).max(45).default(4)
    .describe(`After the hips were seen resting toward the floor (deviation >= restingDeg) or a hold ran, a straight line counts as lifted below minBodyInclineDeg while the shoulder-ankle line is no more than this below its incline at rest (deg). Ours (${DOC}): lifting the hips keeps the shoulders where they were (the real forearm plank: 14 deg propped, 12-13 held), lying down flat drops them by ~8 deg; a camera rolled a few degrees moves both alike.`),
  liftMemoryMs: z.number().min(0).max(60_000).default(5000)
    .describe(`The incline at rest (or held) is used for a hold that starts within this long (ms) of the last such frame (and for the rest of that hold). Ours (${DOC}): lifting the hips takes 0.6-1.2 s.`),
  restingDeg: z.number().min(0).max(90).default(19)
    .describe(`A deviation at or beyond this (deg) is the hips resting toward the floor (the hold ending), not HIP_SAG. Ours (${DOC}): a forearm plank's mid-hip meets the floor at ~20-30 deg; a sag of 20 deg is already most of the way down.`),
});
export type SidePlankConfig = z.infer<typeof sidePlankConfigSchema>;

/** Shoulders, hips and ankles: at least one of each pair must be visible (knees may stand in for the ankles). */
export const SIDE_PLANK_REQUIRED: readonly KeypointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_ankle', 'right_ankle'];

type Pairs = Record<'shoulder' | 'hip' | 'ankle' | 'knee', PairOffset | null>;
export interface SidePlankState {
  gate: GateState;
  hold: HoldTimerState;
  /** Bottom side of the hold in progress (fixed when the hold starts), null before. */
  bottom: Side | null;
  faults: FaultStates;
  /** The hold in progress (body-line deviation) and the raise in progress (raise angle). */
  acc: Accumulator;
  raises: RepCounterState;
  raiseAcc: Accumulator;
  /** After a hold ends, the posture must be broken before a new hold can start. */
  armed: boolean;
  holds: number;
  pairs: Pairs;
  /** Line deviation over the last sagMedianMs (HIP_SAG is judged on its median: a sag near the tolerance flickers). */
  devWin: SampleWindow;
  /** Which shoulder is usually the lower one (+ left, - right), a vote over the frames (engine/side-vote.ts). */
  sideVote: number;
  /** Shoulder-ankle incline while the hips rest toward the floor or the clock runs (the last liftMemoryMs of such frames), and when last seen. */
  restIncline: SampleWindow;
  restSeenMs: number | null;
}

export const sidePlankInitialState = (): SidePlankState => ({
  gate: INITIAL_GATE, hold: INITIAL_HOLD, bottom: null, faults: NO_FAULTS, acc: EMPTY_ACC, raises: INITIAL_REP_COUNTER,
  raiseAcc: EMPTY_ACC, armed: true, holds: 0, pairs: { shoulder: null, hip: null, ankle: null, knee: null }, devWin: EMPTY_WINDOW,
  sideVote: 0, restIncline: EMPTY_WINDOW, restSeenMs: null,
});

function bottomSideOf(frame: PoseFrame, cfg: SidePlankConfig): Side | null {
  for (const j of ['shoulder', 'hip'] as const) {
    const l = visiblePx(frame, `left_${j}`, cfg), r = visiblePx(frame, `right_${j}`, cfg);
    if (l && r && l.y !== r.y) return l.y > r.y ? 'left' : 'right';
  }
  return null;
}

const JOINTS: KeypointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_ankle', 'right_ankle'];

export function sidePlankStep(s: SidePlankState, frame: PoseFrame, cfg: SidePlankConfig): { state: SidePlankState; findings: Finding[] } {
  const t = frame.timestampMs;
  const findings: Finding[] = [];
  // The gate handles NO_PERSON and the view check; the pairs are checked here (one of each pair is enough).
  const g = stepGate(s.gate, frame, [], 'front', cfg, true);
  const legRaises = cfg.variant === 'leg-raises';
  // The lower shoulder on this frame votes; the vote decides (MoveNet swaps left and right of a lying body for a
  // few frames: one such frame must not stop the clock as a plank on the other side).
  const seen = bottomSideOf(frame, cfg);
  const sideVote = stepSideVote(s.sideVote, seen === 'left' ? 1 : seen === 'right' ? -1 : 0);
  const detected = s.bottom ?? signSide(sideVote);
  const bottom: Side | null = cfg.side === 'auto' ? detected : cfg.side;
  const pair = (j: keyof Pairs) => stackedPairPoint(frame, `left_${j}`, `right_${j}`, s.pairs[j], t, cfg.pairMemoryMs, cfg);
  const sh = pair('shoulder'), hp = pair('hip'), an = pair('ankle'), kn = pair('knee');
  const pairs = { shoulder: sh.offset, hip: hp.offset, ankle: an.offset, knee: kn.offset };
  const shoulder = sh.point, hip = hp.point;
  const legPoint = (side: Side) => visiblePx(frame, `${side}_ankle`, cfg) ?? (cfg.kneeFallback ? visiblePx(frame, `${side}_knee`, cfg) : null);
  // The line ends at the bottom leg in the leg-raise variant (the top leg moves), else at the feet.
  const ankle = legRaises ? (bottom ? legPoint(bottom) : null) : an.point ?? (cfg.kneeFallback ? kn.point : null);
  const topAnkle = legRaises && bottom ? legPoint(otherSide(bottom)) : null;
  const missing: KeypointName[] = [];
  if (!shoulder) missing.push('left_shoulder', 'right_shoulder');
  if (!hip) missing.push('left_hip', 'right_hip');
  if (!ankle || (legRaises && !topAnkle)) missing.push('left_ankle', 'right_ankle');
  const vis: Finding | null = !g.ok ? g.finding
    : missing.length ? { kind: 'visibility', code: missing.length === 6 ? 'NO_PERSON' : 'NOT_VISIBLE', missing, timestampMs: t } : null;

  let st: SidePlankState = { ...s, gate: g.state, pairs, sideVote };
  let dev = Number.NaN;
  // null = unknown (not visible): a short unknown stretch is bridged by the hold timer, a long one lapses.
  let postureOk: boolean | null = vis ? null : false;
  let wrongSide = false;
  if (!vis) {
    dev = lineDeviationDeg(shoulder!, hip!, ankle!);
    const inclineDeg = Math.atan2(ankle!.y - shoulder!.y, Math.abs(ankle!.x - shoulder!.x)) * (180 / Math.PI); // + = shoulders higher
    // Lifted: the shoulders well above the feet in the image, or, just after the hips rested toward the floor, still
    // about as high above them as at rest (the hips rose to the line, the shoulders stayed: a camera rolled a few
    // degrees tilts the image horizontal under a forearm plank by as much as the plank's own 10-16 deg).
    // The held line itself is such a reference too (a hold that broke off on a pike re-starts from it).
    const resting = dev >= cfg.restingDeg && inclineDeg > 0 && inclineDeg <= cfg.maxBodyInclineDeg;
    if (resting || st.hold.status === 'running') st = { ...st, restIncline: pushSample(st.restIncline, t, inclineDeg, cfg.liftMemoryMs), restSeenMs: t };
    const holding = st.hold.status === 'running' || st.hold.status === 'lapsed';
    const fromRest = st.restIncline.length >= 3 && st.restSeenMs !== null && (holding || t - st.restSeenMs <= cfg.liftMemoryMs)
      && inclineDeg >= windowMedian(st.restIncline) - cfg.liftInclineDropDeg;
    const lifted = (inclineDeg >= cfg.minBodyInclineDeg || (fromRest && inclineDeg > 0)) && Math.abs(inclineDeg) <= cfg.maxBodyInclineDeg;
    postureOk = Math.abs(dev) < cfg.lineToleranceDeg && lifted && bottom !== null && (cfg.side === 'auto' || detected === null || detected === cfg.side);
    // A plank on the other side than the one picked: the clock cannot run; say so rather than stay silent.
    wrongSide = Math.abs(dev) < cfg.lineToleranceDeg && lifted && cfg.side !== 'auto' && detected !== null && detected !== cfg.side;
  }
  // Hold timer, re-armed once the posture has been broken after a finished hold.
  if (st.hold.status === 'ended') {
    if (postureOk === false) st = { ...st, armed: true };
    if (st.armed && postureOk) st = { ...st, hold: INITIAL_HOLD, bottom: null, acc: EMPTY_ACC, raises: INITIAL_REP_COUNTER, raiseAcc: EMPTY_ACC, armed: false };
  }
  const holdCfg = { targetMs: cfg.holdTargetMs, graceMs: cfg.holdGraceMs, startMs: cfg.holdStartMs, maxFrameGapMs: 250, bridgeUnknownMs: cfg.dropoutHoldMs };
  const h = st.hold.status === 'ended' ? { state: st.hold, event: null } : stepHold(st.hold, postureOk, t, holdCfg);
  st = { ...st, hold: h.state };
  if (h.event?.type === 'start') st = { ...st, bottom, holds: st.holds + 1, armed: false };
  const inHold = h.state.status === 'running' || h.state.status === 'lapsed';
  const ended = h.event?.type === 'end';
  const holdSide: Side = st.bottom ?? bottom ?? 'left';

  if (vis) findings.push(vis); // no cue while not visible; the debounced states wait (engine/gate.ts)
  else {
    if (!Number.isNaN(dev)) findings.push(measure('BODY_LINE_DEVIATION_DEG', holdSide, dev, 'deg', t));
    // Faults are judged only during a hold (not while getting into position or after it ended).
    // A hold that ends is not a sag: lowering to the floor passes through the sag band in well under half a second
    // and then rests beyond it. HIP_SAG needs `sagOnsetMs` inside [tolerance, restingDeg); a shown cue keeps its value.
    const line = (code: string, sign: 1 | -1, value: number) => ({ code, side: holdSide, severity: 'warning' as const, value,
      faultAt: sign * cfg.lineToleranceDeg, clearAt: sign * cfg.lineClearDeg, joints: JOINTS, window: inHold });
    const prevFaults = g.ok && g.fresh ? NO_FAULTS : st.faults;
    const sagShown = prevFaults[faultKey({ code: 'HIP_SAG', side: holdSide })]?.active ?? false;
    const devWin = pushSample(g.ok && g.fresh ? EMPTY_WINDOW : st.devWin, t, dev, cfg.sagMedianMs);
    const sagDev = windowMedian(devWin);
    st = { ...st, devWin };
    const resting = sagDev >= cfg.restingDeg && !sagShown;
    const side = cfg.side === 'auto' ? holdSide : cfg.side;
    const mismatch = { code: 'SIDE_MISMATCH', side, severity: 'info' as const, value: wrongSide ? 1 : 0, faultAt: 1, clearAt: 0.5, joints: JOINTS, window: !inHold };
    const timing = { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs };
    const sag = stepFaults(prevFaults, [line('HIP_SAG', 1, resting ? 0 : sagDev)], t, { ...timing, onsetMs: cfg.sagOnsetMs });
    const rest = stepFaults(prevFaults, [line('HIP_PIKE', -1, sagDev), mismatch], t, timing);
    const f = { states: { ...sag.states, ...rest.states }, active: [...sag.active, ...rest.active] };
    findings.push(...faultCues(f.active, t));
    // Peaks and means of the hold: while the clock runs, and a sag or pike while its cue is shown (the lapse it
    // causes); never the hips lowered to the floor at the end of the hold (no cue there).
    const shownLine = f.active.some((x) => x.code === 'HIP_SAG' || x.code === 'HIP_PIKE');
    const measured = h.state.status === 'running' || (inHold && shownLine && sagDev < cfg.restingDeg);
    st = { ...st, gate: judged(st.gate, t), faults: f.states, acc: measured ? accumulate(st.acc, { dev }) : st.acc };
  }
  // Raises are followed from the first frame of correct posture, while the hold's start is being confirmed too (it is
  // counted back into the hold), and from wherever the leg is (a raise already up when the hold starts counts once
  // it is completed, as the kit's rep counter does for a recording that starts mid-rep).
  const confirming = h.state.status === 'waiting' && h.state.okSinceMs !== null;
  if (legRaises && (inHold || ended || confirming)) {
    const angle = !vis && topAnkle ? jointAngleDeg(topAnkle, hip!, ankle!) : Number.NaN;
    const raiseCfg = { startThreshold: cfg.raiseStartDeg, targetThreshold: cfg.raiseTargetDeg, setupMs: 0, minTargetMs: cfg.raiseMinTopMs, minRepMs: cfg.raiseMinRepMs, maxGapMs: 1000 };
    const rc = stepRepCounter(st.raises, (inHold || confirming) && !Number.isNaN(angle) ? angle : null, t, raiseCfg);
    let raiseAcc = accumulate(rc.event?.type === 'rep-start' ? EMPTY_ACC : st.raiseAcc, { angle });
    if (!vis) findings.push(measure('LEG_RAISE_DEG', otherSide(holdSide), angle, 'deg', t));
    if (rc.event?.type === 'rep') {
      const sagging = st.faults[faultKey({ code: 'HIP_SAG', side: holdSide })]?.active ?? false;
      findings.push(repFinding(otherSide(holdSide), rc.event.index, t, rc.event.durationMs, { peakRaiseDeg: accMax(raiseAcc, 'angle') }, sagging ? ['HIP_SAG'] : []));
    }
    if (rc.event?.type === 'rep' || rc.event?.type === 'partial' || rc.event?.type === 'aborted') raiseAcc = EMPTY_ACC;
    st = { ...st, raises: rc.state, raiseAcc };
  }
  if (inHold || ended) findings.push(holdStatus(holdSide, h.state.status === 'running', h.state.elapsedMs, cfg.holdTargetMs, t));
  if (h.event?.type === 'end') {
    findings.push(holdEndFinding(holdSide, h.event, t, {
      holdMs: h.event.elapsedMs, peakSagDeg: accMax(st.acc, 'dev'), peakPikeDeg: -accMin(st.acc, 'dev'),
      meanDeviationDeg: accMean(st.acc, 'dev'), raises: legRaises ? st.raises.count : Number.NaN,
    }));
    st = { ...st, faults: NO_FAULTS };
  }
  findings.push(phaseFinding(inHold ? 'active' : h.state.status === 'ended' && h.state.endReason === 'target' ? 'done' : 'setup', t));
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
  cueCodes: ['HIP_SAG', 'HIP_PIKE', 'SIDE_MISMATCH'],
  measureCodes: ['BODY_LINE_DEVIATION_DEG', 'LEG_RAISE_DEG'],
  limitations: [
    'Judges the shoulder-hip-ankle line seen from the front; the trunk rolling forward or back is not judged.',
    'Lying flat with a straight body can look like a held plank: lift the hips before the timer matters.',
    'Top-leg raises are counted by the angle between the legs; hip rotation during the raise cannot be seen.',
  ],
  initialState: () => sidePlankInitialState(),
  step: sidePlankStep,
};
