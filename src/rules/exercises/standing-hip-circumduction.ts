// Standing hip circumduction (issue 7). Biomechanics: standing on one leg (a hand on a wall is fine), the free leg
// draws slow circles from the hip: flexion, abduction, extension, adduction in turn (a mobility exercise, seeds).
// Camera: front view. `side` = the circling leg.
// Counting: a circle is not a there-and-back rep, so the hysteresis rep counter does not fit. We follow the free
// KNEE relative to its hip, in units of the standing leg's length (scale-free), around a slowly moving centre
// (exponential average, time constant 4 s), and accumulate the turning angle of the knee
// about that centre. The knee, not the foot: a foot circling on a cone about the vertical keeps its height, so from
// the front it only slides sideways, while the knee rises with hip flexion and moves out with abduction: a loop in
// the front view for both the bent-knee and the straight-leg version. A circle counts once 300 deg have turned in one direction (our default: the first ~40-60 deg
// are lost while the foot leaves its resting point, the circle's centre), and 360 deg are then taken off, so later
// circles need a full turn each (direction reported). Turning is only
// accumulated while the knee is >= 0.05 leg lengths from the centre (our default: closer than that, keypoint
// jitter of ~1-2 % of the leg would spin the angle), and steps over 90 deg between frames are ignored (a swap or a
// glitch, not motion). No circles during the first `setupMs` of visible frames (getting into position).
// Fault: TRUNK_LEAN toward the standing side >= 10 deg (clears < 6, as the single-leg stand test); the cue's side
// is the standing leg, as in the single-leg checks.
// Not visible: the circle's depth component (front view sees its projection: a circle drawn mostly forward/back
// looks like a vertical line, and may not be counted; draw it wide).
import { z } from 'zod';
import { distance, midpoint, trunkLeanDeg } from '../../core/geometry';
import { otherSide, type PoseFrame } from '../../core/pose-frame';
import { SIDE_JOINTS } from '../engine/body';
import { cue, gateFrame, lostTooLong, measure, phaseFinding } from '../engine/gate';
import { INITIAL_PERSISTENCE, stepThresholdFault, type PersistenceState } from '../engine/persistence';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { INITIAL_VIEW_CHECK, type ViewCheckState } from '../engine/view-check';
import { visiblePx } from '../engine/visibility';
import { INITIAL_IDENTITY, type IdentityState } from '../engine/identity';
import { programmeBaseShape } from './programme-kit';
import { trunkLeanShape } from './standing';

const DEG = 180 / Math.PI;

export const standingHipCircumductionConfigSchema = z.object({
  ...programmeBaseShape,
  ...trunkLeanShape,
  centreTimeConstantMs: z.number().min(100).max(20_000).default(4000).describe('Time constant of the moving circle centre, ms. Our default: ~2 slow circles, so a 2 s circle wobbles the centre by only ~8 % of its radius (1/sqrt(1+(omega tau)^2)) while a shift of stance is followed within seconds.'),
  minRadiusLeg: z.number().min(0).max(1).default(0.05).describe('Turning counts only while the knee is this far from the centre, in standing-leg lengths. Our default (see header): a 20 deg cone moves the knee ~0.17 leg lengths.'),
  circleCompleteDeg: z.number().min(180).max(360).default(300).describe('A circle counts when this much turning has accumulated in one direction, deg; 360 is then subtracted. Our default (see header).'),
  maxStepDeg: z.number().min(10).max(180).default(90).describe('Angle steps larger than this between frames are ignored as glitches, deg. Our default.'),
});
export type StandingHipCircumductionConfig = z.infer<typeof standingHipCircumductionConfigSchema>;

export interface CircumductionState {
  view: ViewCheckState;
  identity: IdentityState;
  visibleSinceMs: number | null;
  lastMs: number | null;
  centre: { x: number; y: number } | null;
  prevAngleDeg: number | null;
  accDeg: number;
  count: number;
  circleStartMs: number | null;
  radiusSum: number; radiusN: number;
  lean: PersistenceState;
  circleFaults: readonly string[];
  announcedPhase: 'setup' | 'active' | null;
}

const INITIAL: CircumductionState = {
  view: INITIAL_VIEW_CHECK, identity: INITIAL_IDENTITY, visibleSinceMs: null, lastMs: null, centre: null, prevAngleDeg: null, accDeg: 0, count: 0,
  circleStartMs: null, radiusSum: 0, radiusN: 0, lean: INITIAL_PERSISTENCE, circleFaults: [], announcedPhase: null,
};

function required(c: StandingHipCircumductionConfig) {
  const s = SIDE_JOINTS[c.side], o = SIDE_JOINTS[otherSide(c.side)];
  return [s.shoulder, o.shoulder, s.hip, o.hip, s.knee, o.ankle];
}

export function stepCircumduction(s: CircumductionState, frame: PoseFrame, c: StandingHipCircumductionConfig): { state: CircumductionState; findings: Finding[] } {
  const t = frame.timestampMs;
  const gate = gateFrame(frame, required(c), 'front', s.view, c, s.identity);
  const identity = gate.identity ?? s.identity;
  // Not judged: nothing is shown and everything waits; `lastMs` stays the last judged frame.
  if (!gate.ok) return { state: { ...s, view: gate.view, identity }, findings: [gate.finding] };
  // Lost for longer than dropoutHoldMs: the circle in progress is dropped (no turning bridged over a long gap) and
  // the setup starts again; a shorter loss (a joint dropped for a few frames) keeps the circle going.
  if (lostTooLong(s.lastMs, t, c)) {
    s = { ...s, visibleSinceMs: null, lastMs: null, centre: null, prevAngleDeg: null, accDeg: 0, circleStartMs: null, radiusSum: 0, radiusN: 0, lean: INITIAL_PERSISTENCE, circleFaults: [] };
  }
  const findings: Finding[] = [];
  const sj = SIDE_JOINTS[c.side], oj = SIDE_JOINTS[otherSide(c.side)];
  const p = (n: Parameters<typeof visiblePx>[1]) => visiblePx(frame, n, c)!;
  const hip = p(sj.hip), knee = p(sj.knee), stanceHip = p(oj.hip), stanceAnkle = p(oj.ankle);
  const leg = distance(stanceHip, stanceAnkle);
  const v = { x: (knee.x - hip.x) / leg, y: (knee.y - hip.y) / leg };
  const dt = s.lastMs === null ? 0 : Math.max(0, t - s.lastMs);
  const a = 1 - Math.exp(-dt / c.centreTimeConstantMs);
  const centre = s.centre ? { x: s.centre.x + (v.x - s.centre.x) * a, y: s.centre.y + (v.y - s.centre.y) * a } : v;
  const rx = v.x - centre.x, ry = v.y - centre.y, radius = Math.hypot(rx, ry);
  const visibleSinceMs = s.visibleSinceMs ?? t;
  const active = t - visibleSinceMs >= c.setupMs;

  let { prevAngleDeg, accDeg, count, circleStartMs, radiusSum, radiusN, circleFaults } = s;
  const lean = trunkLeanDeg(midpoint(hip, stanceHip), midpoint(p('left_shoulder'), p('right_shoulder')), stanceHip.x);
  let leanState = s.lean;
  if (active) {
    leanState = stepThresholdFault(s.lean, lean, c.trunkLeanDeg, c.trunkLeanClearDeg, t, { onsetMs: c.faultOnsetMs, clearMs: c.faultClearMs });
    if (leanState.active) {
      findings.push(cue('TRUNK_LEAN', otherSide(c.side), 'warning', t, ['left_shoulder', 'right_shoulder', sj.hip, oj.hip], lean));
      if (!circleFaults.includes('TRUNK_LEAN')) circleFaults = [...circleFaults, 'TRUNK_LEAN'];
    }
    if (radius >= c.minRadiusLeg) {
      const ang = Math.atan2(ry, rx) * DEG;
      if (prevAngleDeg !== null) {
        let d = ang - prevAngleDeg;
        if (d > 180) d -= 360;
        if (d <= -180) d += 360;
        if (Math.abs(d) <= c.maxStepDeg) accDeg += d;
      }
      prevAngleDeg = ang;
      circleStartMs ??= t;
      radiusSum += radius; radiusN += 1;
      if (Math.abs(accDeg) >= c.circleCompleteDeg) {
        const dir = Math.sign(accDeg);
        count += 1;
        findings.push({
          kind: 'rep', side: c.side, index: count, timestampMs: t, durationMs: t - circleStartMs,
          // +1 = clockwise as seen in the (unmirrored) image, y down.
          metrics: { direction: dir, meanRadiusLeg: radiusSum / radiusN }, faults: [...circleFaults],
        });
        accDeg -= 360 * dir;
        circleStartMs = t; radiusSum = 0; radiusN = 0; circleFaults = leanState.active ? ['TRUNK_LEAN'] : [];
      }
    } else {
      prevAngleDeg = null; // too close to the centre: the angle is noise, restart the angle track
    }
    findings.push(measure('CIRCLE_PROGRESS_DEG', c.side, accDeg, 'deg', t));
  }
  findings.push(measure('TRUNK_LEAN_DEG', c.side, lean, 'deg', t));
  const phase = active ? 'active' : 'setup';
  let announcedPhase = s.announcedPhase;
  if (phase !== announcedPhase) { findings.push(phaseFinding(phase, t)); announcedPhase = phase; }
  return {
    state: { view: gate.view, identity, visibleSinceMs, lastMs: t, centre, prevAngleDeg, accDeg, count, circleStartMs, radiusSum, radiusN, lean: leanState, circleFaults, announcedPhase },
    findings,
  };
}

export const standingHipCircumduction: ExerciseDefinition<typeof standingHipCircumductionConfigSchema, CircumductionState> & { howTo: string; limitations: readonly string[] } = {
  id: 'standing-hip-circumduction',
  name: 'Standing hip circumduction',
  group: 'strength',
  view: 'front',
  requiredKeypoints: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'],
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
