// Standing hip circumduction, FRONT view: standing on one leg, the free leg draws slow circles from the hip (flexion,
// abduction, extension, adduction in turn). `side` = the circling leg. docs/biomechanics.md#circles.
// - Counting: a circle is not a there-and-back rep, so it is counted as turning: the free KNEE relative to its hip,
//   in standing-leg lengths, about a slowly moving centre (EMA, 4 s); a circle counts once 300 deg have turned in one
//   direction, then 360 are taken off (direction reported). The knee, not the foot: a foot circling at a constant
//   height only slides sideways in a front view. Turning counts only while the knee is >= 0.05 leg lengths from the
//   centre; steps over 90 deg between frames are glitches. No circles before the start rule (`setupMs` of judged frames).
// - The path seen at an angle is an ellipse: its narrow axis (from the spread about the centre) is stretched toward the
//   wide one, at most 5x, before the angle is taken. The last circle spirals back into rest: when the knee has been
//   back at the centre for 300 ms, a circle in progress with 240 deg turned the same way counts.
// - TRUNK_LEAN toward the standing side >= 10 deg (the cue's side is the standing leg).
import { z } from 'zod';
import { distance, midpoint, trunkLeanDeg } from '../../core/geometry';
import { otherSide, type PoseFrame } from '../../core/pose-frame';
import { accMean, accumulate, EMPTY_ACC, noteFaults, type Accumulator } from '../engine/accumulator';
import { FULL_BODY, SIDE_JOINTS } from '../engine/body';
import { programmeBaseShape } from '../engine/config';
import { EMPTY_SIGNALS, stepSignals, type SignalBank } from '../engine/ema';
import { announcePhase, faultCues, measure, repFinding, type Phase } from '../engine/findings';
import { INITIAL_GATE, judged, stepGate, type GateState } from '../engine/gate';
import { NO_FAULTS, stepFaults, type FaultStates } from '../engine/persistence';
import { stepStartWait } from '../engine/start';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { visiblePx } from '../engine/visibility';
import { trunkLeanCheck, trunkLeanShape } from './standing';

const DEG = 180 / Math.PI;
const DOC = 'docs/biomechanics.md#circles';

export const standingHipCircumductionConfigSchema = z.strictObject({
  ...programmeBaseShape,
  ...trunkLeanShape,
  centreTimeConstantMs: z.number().min(100).max(20_000).default(4000).describe(`Time constant of the moving circle centre, ms. Ours (${DOC}): ~2 slow circles, so a 2 s circle wobbles the centre by only ~8 % of its radius while a shift of stance is followed within seconds.`),
  minRadiusLeg: z.number().min(0).max(1).default(0.05).describe(`Turning counts only while the knee is this far from the centre, in standing-leg lengths. Ours (${DOC}): closer, 1-2 % keypoint jitter would spin the angle; a 20 deg cone moves the knee ~0.17.`),
  circleCompleteDeg: z.number().min(180).max(360).default(300).describe(`A circle counts when this much turning has accumulated in one direction, deg; 360 is then subtracted. Ours (${DOC}): the first ~40-60 deg are lost leaving the resting point.`),
  maxStretch: z.number().min(1).max(10).default(5).describe(`The knee's path is seen as an ellipse (the circle's plane is tilted to the camera); its narrow axis is stretched by up to this factor toward a circle before the turning is measured. Ours (${DOC}): a circle turned 20-30 deg from the camera reads 3-5x narrower than wide, where the centre's own wobble swallowed the turning; more would stretch keypoint jitter.`),
  lastCircleDeg: z.number().min(180).max(360).default(240).describe(`When the knee comes back to rest (within minRadiusLeg of the centre for restMs), a circle in progress with this much turning counts as the last one, deg. Ours (${DOC}): the last circle spirals back into the rest position and loses as much as the first lost leaving it (~60 deg), on top of the 60 deg the first already took.`),
  restMs: z.number().min(0).max(5000).default(300).describe(`The knee within minRadiusLeg of the centre this long (ms) is back at rest: the circle in progress ends there. Ours (${DOC}): longer than the knee takes to cross the centre.`),
  maxStepDeg: z.number().min(10).max(180).default(90).describe(`Angle steps larger than this between frames are ignored as glitches, deg. Ours (${DOC}).`),
});
export type StandingHipCircumductionConfig = z.infer<typeof standingHipCircumductionConfigSchema>;

export interface CircumductionState {
  gate: GateState;
  /** Start rule (engine/start.ts): first judged frame of the run, and whether it has lasted setupMs. */
  startSinceMs: number | null;
  started: boolean;
  /** Moving circle centre (EMA of the knee position, keys x / y) and the spread about it (keys xx / yy / xy). */
  centre: SignalBank;
  spread: SignalBank;
  prevAngleDeg: number | null;
  accDeg: number;
  count: number;
  circleStartMs: number | null;
  /** Direction of the last counted circle (0 before any) and since when the knee has been at rest (null = moving). */
  lastDir: number;
  restSinceMs: number | null;
  /** The turning furthest from 0 since the last count (the knee coming back to an off-centre rest unwinds a little). */
  furthestDeg: number;
  /** The circle in progress: knee radius samples and the faults seen. */
  acc: Accumulator;
  faults: FaultStates;
  announcedPhase: Phase | null;
}

const INITIAL: CircumductionState = {
  gate: INITIAL_GATE, startSinceMs: null, started: false, centre: EMPTY_SIGNALS, spread: EMPTY_SIGNALS, prevAngleDeg: null, accDeg: 0, count: 0,
  circleStartMs: null, lastDir: 0, restSinceMs: null, furthestDeg: 0, acc: EMPTY_ACC, faults: NO_FAULTS, announcedPhase: null,
};

function required(c: StandingHipCircumductionConfig) {
  const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
  return [s.shoulder, o.shoulder, s.hip, o.hip, s.knee, o.ankle];
}

export function stepCircumduction(s: CircumductionState, frame: PoseFrame, c: StandingHipCircumductionConfig): { state: CircumductionState; findings: Finding[] } {
  const t = frame.timestampMs;
  const g = stepGate(s.gate, frame, required(c), 'front', c, true);
  if (!g.ok) return { state: { ...s, gate: g.state }, findings: [g.finding] };
  // Lost for longer than dropoutHoldMs: the circle in progress is dropped (no turning bridged over a long gap) and
  // the start rule applies again; a shorter loss (a joint dropped for a few frames) keeps the circle going.
  if (g.fresh) s = { ...INITIAL, gate: s.gate, count: s.count, announcedPhase: s.announcedPhase };
  const findings: Finding[] = [];
  const sj = SIDE_JOINTS[c.side], oj = SIDE_JOINTS[otherSide(c.side)];
  const p = (n: Parameters<typeof visiblePx>[1]) => visiblePx(frame, n, c)!;
  const hip = p(sj.hip), knee = p(sj.knee), stanceHip = p(oj.hip), stanceAnkle = p(oj.ankle);
  const leg = distance(stanceHip, stanceAnkle);
  const v = { x: (knee.x - hip.x) / leg, y: (knee.y - hip.y) / leg };
  const centre = stepSignals(s.centre, v, t, { signalSmoothingMs: c.centreTimeConstantMs, dropoutHoldMs: c.dropoutHoldMs });
  const cx = v.x - centre.values.x, cy = v.y - centre.values.y;
  // The path's spread (second moments about the centre, same time constant): its principal axes. The narrow axis is
  // stretched toward the wide one (at most maxStretch) so a circle seen at an angle turns evenly about its centre.
  const spread = stepSignals(s.spread, { xx: cx * cx, yy: cy * cy, xy: cx * cy }, t, { signalSmoothingMs: c.centreTimeConstantMs, dropoutHoldMs: c.dropoutHoldMs });
  const { xx, yy, xy } = spread.values;
  const half = (xx + yy) / 2, dev = Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy);
  const big = half + dev, small = Math.max(half - dev, 0);
  const axis = 0.5 * Math.atan2(2 * xy, xx - yy); // direction of the wide axis
  // Only a path wider than minRadiusLeg is an ellipse worth stretching (at rest the spread is keypoint jitter).
  const stretch = Math.sqrt(big) >= c.minRadiusLeg ? Math.min(c.maxStretch, Math.sqrt(big / Math.max(small, 1e-12))) : 1;
  // Stretch across the wide axis and turn back (a fixed image frame: the axis's own wobble adds no turning).
  const ca = Math.cos(axis), sa = Math.sin(axis);
  const along = cx * ca + cy * sa, across = (-cx * sa + cy * ca) * stretch;
  const rx = along * ca - across * sa, ry = along * sa + across * ca, radius = Math.hypot(rx, ry);
  const start = stepStartWait(s.startSinceMs, true, t, null, c);
  const started = s.started || start.done;

  let { prevAngleDeg, accDeg, count, circleStartMs, acc, lastDir, restSinceMs, furthestDeg } = s;
  const lean = trunkLeanDeg(midpoint(hip, stanceHip), midpoint(p('left_shoulder'), p('right_shoulder')), stanceHip.x);
  const f = stepFaults(s.faults, started ? [trunkLeanCheck(otherSide(c.side), lean, c, c.side)] : [], t, { onsetMs: c.faultOnsetMs, clearMs: c.faultClearMs });
  const leaning = f.active.length > 0;
  if (started) {
    findings.push(...faultCues(f.active, t));
    if (leaning) acc = noteFaults(acc, ['TRUNK_LEAN']);
    if (radius >= c.minRadiusLeg) {
      const ang = Math.atan2(ry, rx) * DEG;
      if (prevAngleDeg !== null) {
        let d = ang - prevAngleDeg;
        if (d > 180) d -= 360;
        if (d <= -180) d += 360;
        if (Math.abs(d) <= c.maxStepDeg) accDeg += d;
      }
      if (Math.abs(accDeg) > Math.abs(furthestDeg)) furthestDeg = accDeg;
      prevAngleDeg = ang;
      circleStartMs ??= t;
      acc = accumulate(acc, { radius });
      if (Math.abs(accDeg) >= c.circleCompleteDeg) {
        const dir = Math.sign(accDeg);
        count += 1;
        // direction +1 = clockwise as seen in the (unmirrored) image, y down.
        findings.push(repFinding(c.side, count, t, t - circleStartMs, { direction: dir, meanRadiusLeg: accMean(acc, 'radius') }, acc.faults));
        accDeg -= 360 * dir;
        furthestDeg = accDeg;
        circleStartMs = t;
        lastDir = dir;
        acc = leaning ? noteFaults(EMPTY_ACC, ['TRUNK_LEAN']) : EMPTY_ACC;
      }
    } else {
      prevAngleDeg = null; // too close to the centre: the angle is noise, restart the angle track
    }
    // Back at rest: the circle in progress ends. It counts if it turned lastCircleDeg the same way as the last one
    // (the last circle spirals into the rest position and loses its end; the furthest turning is taken, as the way
    // into a rest point off the circle's centre unwinds a little); the next circles start afresh.
    restSinceMs = Math.hypot(cx, cy) < c.minRadiusLeg ? (restSinceMs ?? t) : null;
    if (restSinceMs !== null && t - restSinceMs >= c.restMs && (accDeg !== 0 || furthestDeg !== 0)) {
      const dir = Math.sign(furthestDeg);
      if (Math.abs(furthestDeg) >= c.lastCircleDeg && (lastDir === 0 || dir === lastDir) && circleStartMs !== null) {
        count += 1;
        findings.push(repFinding(c.side, count, t, t - circleStartMs, { direction: dir, meanRadiusLeg: accMean(acc, 'radius') }, acc.faults));
        lastDir = dir;
      }
      accDeg = 0;
      furthestDeg = 0;
      circleStartMs = null;
      acc = EMPTY_ACC;
    }
    findings.push(measure('CIRCLE_PROGRESS_DEG', c.side, accDeg, 'deg', t));
  }
  findings.push(measure('TRUNK_LEAN_DEG', c.side, lean, 'deg', t));
  const announcedPhase = announcePhase(s.announcedPhase, started ? 'active' : 'setup', t, findings);
  return {
    state: { gate: judged(g.state, t), startSinceMs: start.sinceMs, started, centre: centre.bank, spread: spread.bank, prevAngleDeg, accDeg, count, circleStartMs, lastDir, restSinceMs, furthestDeg, acc, faults: f.states, announcedPhase },
    findings,
  };
}

export const standingHipCircumduction: ExerciseDefinition<typeof standingHipCircumductionConfigSchema, CircumductionState> & { howTo: string; limitations: readonly string[] } = {
  id: 'standing-hip-circumduction',
  name: 'Standing hip circumduction',
  group: 'strength',
  view: 'front',
  requiredKeypoints: FULL_BODY,
  sided: true,
  configSchema: standingHipCircumductionConfigSchema,
  description: 'Standing on one leg, draw slow, wide circles with the other leg from the hip.',
  howTo: 'Face the camera, whole body in view, a hand on a wall or chair if you like. Stand on one leg and draw slow, '
    + 'wide circles with the other knee, moving from the hip: up and forward, out, down and back, in. Keep the trunk upright. '
    + 'Each full circle is counted, in either direction. Pick the circling leg as the working side.',
  limitations: [
    'The camera sees the circle from the front: the forward-and-back part is foreshortened, so lift the knee and take it wide to the side.',
    'A foot circling at a constant height (a cone about the vertical) only slides sideways in the image and is not counted.',
  ],
  cueCodes: ['TRUNK_LEAN'],
  measureCodes: ['CIRCLE_PROGRESS_DEG', 'TRUNK_LEAN_DEG'],
  initialState: () => INITIAL,
  step: stepCircumduction,
};
