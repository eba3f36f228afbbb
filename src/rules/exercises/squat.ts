// Squat (two legs), FRONT view: reps, depth, live knee valgus per knee.
//
// Biomechanics and numbers (../shared/NOTES.md):
// - Knee valgus = frontal plane projection angle FPPA = 180 - hip-knee-ankle angle, positive when the knee is medial
//   to the hip-ankle line, judged at peak knee flexion. Norms exist only for the single-leg squat (women
//   8.4 +/- 5.1 deg, men ~7 deg, patellofemoral pain 16.8 +/- 5.4 deg; error ~3 deg, SDD ~8 deg). No 2D norm exists
//   for the double-leg squat, so KNEE_VALGUS at FPPA >= 15 deg is OUR default: above the healthy mean + 1 SD
//   (13.5 deg) and near the patellofemoral-pain mean; it clears below 10 deg (hysteresis). Valgus is judged only
//   "at and around the bottom" (hip drop >= 10% of standing hip height): FPPA is defined at peak knee flexion and
//   a straight leg shows only anatomy and keypoint noise. FPPA and the separation ratio are smoothed with the
//   common EMA (`signalSmoothingMs`, 150 ms) before thresholds, measures and per-rep metrics: 1.5 px of jitter
//   moves a single-frame FPPA by +/-3 deg.
// - Body turned against the camera: when the knees travel forward in a squat seen from an angle, both knees shift
//   the SAME way in the image, so one knee reads strongly "valgus" and the other strongly "varus" (seen on the real
//   studio-squat fixture: +70 / -80 deg with the knees over the feet). Such anti-symmetric frames (one knee >= +15,
//   the other <= -15 deg) are not judged for valgus (`rotationGuard`, our rule).
// - Scale-free alternative (NOTES): knee separation / ankle separation. < 1 = knees inside the ankles. MoveNet puts
//   the knees inside the ankles already when standing (0.6 on the real bodyweight-squat fixture, rising to 0.9 at the
//   bottom as the knees track out), so an absolute cut-off flags healthy squats. KNEES_INSIDE_ANKLES therefore needs
//   BOTH: ratio < 1 (knees inside the ankles, NOTES) and ratio <= 0.85 x the person's own standing ratio (knees
//   came >= 15% closer together than when standing), around the bottom; it clears above 0.92 x standing. The 0.85
//   and 0.92 are our defaults (no published number).
// - Depth: in a front view the 2D knee angle hardly changes (the thigh points at the camera), so depth is the drop
//   of the mid-hip toward the ankles as a fraction of the standing hip height (px, calibrated on the stable start
//   posture and refreshed at every top). With a two-segment leg (thigh = shank), NOTES' rep thresholds map to:
//   knee 100 deg ~ 0.28 drop, 90 deg ~ 0.36, 155 deg ~ 0.03. Our defaults: bottom >= 0.25 (~knee 100-105 deg),
//   top <= 0.07 (~knee 140-145 deg, looser than 155 so keypoint noise cannot hold a rep open).
// - Knees passing the toes are not penalised (NOTES).
import { z } from 'zod';
import { fppaDeg, jointAngleDeg, separationRatio } from '../../core/geometry';
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import { commonConfigShape } from '../engine/config';
import { dropFrac, hipHeightAboveAnklePx, INITIAL_STILLNESS, legPx, nextStandingRef, stepStillness, stillForMs, type StillnessState } from '../engine/body';
import { cue, gateFrame, lostTooLong, measure, phaseFinding } from '../engine/gate';
import { INITIAL_EMA, stepEma, type EmaState } from '../engine/ema';
import { INITIAL_IDENTITY, type IdentityState } from '../engine/identity';
import { INITIAL_PERSISTENCE, stepPersistence, thresholdSignal, type PersistenceState } from '../engine/persistence';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterState } from '../engine/rep-counter';
import { addSample, EMPTY_STAT, finiteMetrics, statMax, statMin, type Stat } from '../engine/stats';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { INITIAL_VIEW_CHECK, type ViewCheckState } from '../engine/view-check';

export const squatConfigSchema = z.object({
  ...commonConfigShape,
  topDropFrac: z.number().min(0).max(1).default(0.07)
    .describe('Back at the top when the hip drop (fraction of standing hip height) is <= this. Our default, ~knee 140-145 deg (see file header).'),
  bottomDropFrac: z.number().min(0).max(1).default(0.25)
    .describe('At the bottom when the hip drop is >= this. Our default, ~knee 100-105 deg; NOTES: down <= 90-100 deg.'),
  setupMs: z.number().min(0).default(1000)
    .describe('Stand still at the top this long (ms) before reps count: no reps while getting into position. Our default.'),
  setupStillTorsoFrac: z.number().min(0).default(0.15)
    .describe('"Still" = the smoothed mid-hip stays within this many torso lengths (~7 cm) of where it settled. Our default: above MoveNet jitter and the slow settling after a rise (real bodyweight-squat clip), far below walking into place (> 1 m/s).'),
  reanchorStillMs: z.number().min(0).default(3000)
    .describe('Standing still (upright) this long between the zones re-anchors the standing height (person stepped back). Our default: longer than any half-squat pause.'),
  standingMinLegTorsoRatio: z.number().min(0).default(1.2)
    .describe('Standing start posture: hip above ankle by >= this many torso lengths (adults ~1.5-1.7). Our default.'),
  standingMinKneeAngleDeg: z.number().min(0).max(180).default(150)
    .describe('Standing start posture: both knee angles >= this (deg). NOTES: up >= 150-160 deg.'),
  minBottomMs: z.number().min(0).default(100).describe('Minimum time in the bottom zone (ms) for a rep. Our default.'),
  minRepMs: z.number().min(0).default(600).describe('Minimum rep duration (ms); faster is noise. Our default.'),
  maxGapMs: z.number().min(0).default(1000)
    .describe('A rep in progress is dropped if the legs are not visible for longer than this (ms). Our default.'),
  valgusFppaDeg: z.number().default(15)
    .describe('KNEE_VALGUS when FPPA >= this (deg). Our default: no double-leg squat norm; single-leg squat norms 8.4 +/- 5.1 deg (women), PFP 16.8 deg (NOTES).'),
  valgusClearFppaDeg: z.number().default(10).describe('KNEE_VALGUS clears when FPPA < this (deg). Our default (hysteresis).'),
  valgusMinDropFrac: z.number().min(0).max(1).default(0.1)
    .describe('Judge valgus only when the hip drop is >= this: around the bottom, where FPPA is defined. Our default.'),
  kneeAnkleRatioFault: z.number().min(0).default(0.85)
    .describe('KNEES_INSIDE_ANKLES when (knee sep / ankle sep) <= this x the standing value (and < 1), around the bottom. Our default.'),
  kneeAnkleRatioClear: z.number().min(0).default(0.92).describe('KNEES_INSIDE_ANKLES clears above this x the standing value. Our default.'),
  rotationGuard: z.boolean().default(true)
    .describe('Do not judge valgus on frames where one knee reads >= +valgusFppaDeg and the other <= -valgusFppaDeg (body turned against the camera).'),
  minAnkleSepTorsoFrac: z.number().min(0).default(0.2)
    .describe('Skip the separation ratio when the ankles are closer than this many torso lengths (ratio too noisy). Our default.'),
  shallowMinDropFrac: z.number().min(0).max(1).default(0.12)
    .describe('A descent this deep that turns back before the bottom zone gives SHALLOW_REP. Our default.'),
  shallowCueMs: z.number().min(0).default(1500).describe('How long SHALLOW_REP stays on (ms). Our default.'),
});
export type SquatConfig = z.infer<typeof squatConfigSchema>;

export const SQUAT_REQUIRED: readonly KeypointName[] = [
  'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
];

interface RepAcc {
  fppaL: Stat; fppaR: Stat; ratio: Stat; relRatio: Stat; drop: Stat; faults: readonly string[];
  /** FPPA on the deepest frame of the rep (the literature's "at peak knee flexion"). */
  bottomFppaL: number; bottomFppaR: number;
}
const EMPTY_ACC: RepAcc = {
  fppaL: EMPTY_STAT, fppaR: EMPTY_STAT, ratio: EMPTY_STAT, relRatio: EMPTY_STAT, drop: EMPTY_STAT, faults: [],
  bottomFppaL: Number.NaN, bottomFppaR: Number.NaN,
};

export interface SquatState {
  view: ViewCheckState;
  identity: IdentityState;
  reps: RepCounterState;
  still: StillnessState;
  /** Smoothed mid-hip position (px) for the stillness test: raw keypoint jitter would keep resetting it. */
  emaHipX: EmaState;
  emaHipY: EmaState;
  /** Standing hip height above the ankles, px (NaN until calibrated). */
  refHipHeightPx: number;
  /** Knee/ankle separation ratio when standing (calibrated in setup; NaN until seen). */
  standingKneeAnkleRatio: number;
  valgusL: PersistenceState;
  valgusR: PersistenceState;
  kneesIn: PersistenceState;
  /** Smoothed signals (engine/ema.ts): FPPA per knee and the knee/ankle ratio. */
  emaFppaL: EmaState;
  emaFppaR: EmaState;
  emaRatio: EmaState;
  /** Last frame that could be judged (for the dropout rule). */
  lastJudgedMs: number | null;
  acc: RepAcc;
  shallowUntilMs: number;
}

export function squatInitialState(): SquatState {
  return {
    view: INITIAL_VIEW_CHECK, identity: INITIAL_IDENTITY, reps: INITIAL_REP_COUNTER, still: INITIAL_STILLNESS,
    emaHipX: INITIAL_EMA, emaHipY: INITIAL_EMA, refHipHeightPx: Number.NaN,
    standingKneeAnkleRatio: Number.NaN,
    valgusL: INITIAL_PERSISTENCE, valgusR: INITIAL_PERSISTENCE, kneesIn: INITIAL_PERSISTENCE,
    emaFppaL: INITIAL_EMA, emaFppaR: INITIAL_EMA, emaRatio: INITIAL_EMA, lastJudgedMs: null, acc: EMPTY_ACC,
    shallowUntilMs: -Infinity,
  };
}

const withFault = (faults: readonly string[], f: string): readonly string[] => (faults.includes(f) ? faults : [...faults, f]);

export function squatStep(s: SquatState, frame: PoseFrame, cfg: SquatConfig): { state: SquatState; findings: Finding[] } {
  const t = frame.timestampMs;
  const gate = gateFrame(frame, SQUAT_REQUIRED, 'front', s.view, cfg, s.identity);
  const L = gate.ok ? legPx(frame, 'left', cfg) : null;
  const R = gate.ok ? legPx(frame, 'right', cfg) : null;
  if (!gate.ok || !gate.torso || !L || !R) {
    // Not judgeable: no cue, no measure, the rep counter waits (or drops the rep). The debounced fault states are
    // kept for a short dropout (dropoutHoldMs) and reset on the next visible frame after a longer one.
    const rc = stepRepCounter(s.reps, null, t, repCfg(cfg));
    const lost = rc.event?.type === 'aborted';
    const state: SquatState = {
      ...s, view: gate.view, identity: gate.identity ?? s.identity, reps: rc.state, acc: lost ? EMPTY_ACC : s.acc,
      refHipHeightPx: rc.state.phase === 'setup' ? Number.NaN : s.refHipHeightPx,
    };
    const vis: Finding = gate.ok
      ? { kind: 'visibility', code: 'NOT_VISIBLE', missing: [...SQUAT_REQUIRED], timestampMs: t }
      : gate.finding;
    return { state, findings: [vis, phaseFinding(rc.state.phase === 'setup' ? 'setup' : 'active', t)] };
  }
  const torso = gate.torso;
  const heightPx = hipHeightAboveAnklePx(torso.midHip, L.ankle, R.ankle);
  const kneeL = jointAngleDeg(L.hip, L.knee, L.ankle), kneeR = jointAngleDeg(R.hip, R.knee, R.ankle);
  const standing = heightPx >= cfg.standingMinLegTorsoRatio * torso.lengthPx
    && kneeL >= cfg.standingMinKneeAngleDeg && kneeR >= cfg.standingMinKneeAngleDeg;
  // A long dropout restarts the stillness test (and, below, the fault states); a short one does not.
  const gapReset = lostTooLong(s.lastJudgedMs, t, cfg);
  const emaHipX = stepEma(gapReset ? INITIAL_EMA : s.emaHipX, torso.midHip.x, t, cfg.signalSmoothingMs, cfg.dropoutHoldMs);
  const emaHipY = stepEma(gapReset ? INITIAL_EMA : s.emaHipY, torso.midHip.y, t, cfg.signalSmoothingMs, cfg.dropoutHoldMs);
  const still = stepStillness(gapReset ? INITIAL_STILLNESS : s.still, emaHipX.value, emaHipY.value, cfg.setupStillTorsoFrac * torso.lengthPx, t);

  // Standing reference: follows the person during setup, then the highest hip seen at the top.
  let ref = nextStandingRef(s.reps.phase, standing, s.refHipHeightPx, heightPx);
  let reps = s.reps;
  if (reps.phase === 'moving' && standing && stillForMs(still, t) >= cfg.reanchorStillMs && !reps.targetReached) {
    // Stood still, upright, outside the top zone for a long time: the person moved (e.g. stepped back).
    // Re-anchor the standing height instead of staying stuck in a rep that never started.
    ref = heightPx;
    reps = { ...reps, phase: 'start', repStartMs: null, targetEnterMs: null };
  }
  const drop = dropFrac(heightPx, ref);
  const rc = stepRepCounter(reps, reps.phase === 'setup' ? (standing ? 0 : null) : drop, t, repCfg(cfg),
    stillForMs(still, t) > 0);

  // After a longer dropout nothing from before it is used: fault states and smoothed signals restart.
  const prev = gapReset
    ? { valgusL: INITIAL_PERSISTENCE, valgusR: INITIAL_PERSISTENCE, kneesIn: INITIAL_PERSISTENCE, emaFppaL: INITIAL_EMA, emaFppaR: INITIAL_EMA, emaRatio: INITIAL_EMA }
    : s;
  const medialX = torso.midHip.x;
  const tau = cfg.signalSmoothingMs, gap = cfg.dropoutHoldMs;
  const emaFppaL = stepEma(prev.emaFppaL, fppaDeg(L.hip, L.knee, L.ankle, medialX), t, tau, gap);
  const emaFppaR = stepEma(prev.emaFppaR, fppaDeg(R.hip, R.knee, R.ankle, medialX), t, tau, gap);
  const fppaL = emaFppaL.value, fppaR = emaFppaR.value;
  const ankleSep = Math.abs(L.ankle.x - R.ankle.x);
  const rawRatio = ankleSep >= cfg.minAnkleSepTorsoFrac * torso.lengthPx ? separationRatio(L.knee, R.knee, L.ankle, R.ankle) : Number.NaN;
  const emaRatio = Number.isNaN(rawRatio) ? INITIAL_EMA : stepEma(prev.emaRatio, rawRatio, t, tau, gap);
  const ratio = emaRatio.value;
  const active = rc.state.phase !== 'setup';
  const nearBottom = active && drop >= cfg.valgusMinDropFrac;
  // Standing separation ratio, calibrated (smoothed) while standing still in setup; kept for the set. Not updated
  // at the top between reps: the first frames of a descent are still "top" and would pull it down.
  let standingRatio = s.standingKneeAnkleRatio;
  if (s.reps.phase === 'setup' && standing && !Number.isNaN(ratio)) {
    standingRatio = Number.isNaN(standingRatio) ? ratio : 0.8 * standingRatio + 0.2 * ratio;
  }
  const relRatio = ratio / standingRatio;
  const timing = { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs };
  const turned = cfg.rotationGuard && ((fppaL >= cfg.valgusFppaDeg && fppaR <= -cfg.valgusFppaDeg)
    || (fppaR >= cfg.valgusFppaDeg && fppaL <= -cfg.valgusFppaDeg));
  const vSig = (v: number) => (!nearBottom ? 'clear' : turned ? 'between' : thresholdSignal(v, cfg.valgusFppaDeg, cfg.valgusClearFppaDeg));
  const valgusL = stepPersistence(prev.valgusL, vSig(fppaL), t, timing);
  const valgusR = stepPersistence(prev.valgusR, vSig(fppaR), t, timing);
  const inSig = !nearBottom ? 'clear'
    : ratio >= 1 ? 'clear' : thresholdSignal(relRatio, cfg.kneeAnkleRatioFault, cfg.kneeAnkleRatioClear);
  const kneesIn = stepPersistence(prev.kneesIn, inSig, t, timing);

  const findings: Finding[] = [
    measure('FPPA_DEG', 'left', fppaL, 'deg', t),
    measure('FPPA_DEG', 'right', fppaR, 'deg', t),
  ];
  if (!Number.isNaN(ratio)) findings.push(measure('KNEE_ANKLE_RATIO', 'both', ratio, 'ratio', t));
  if (!Number.isNaN(relRatio)) findings.push(measure('KNEE_ANKLE_RATIO_VS_STANDING', 'both', relRatio, 'ratio', t));
  if (!Number.isNaN(drop)) findings.push(measure('DEPTH_FRAC', 'both', drop, 'ratio', t));
  if (valgusL.active) findings.push(cue('KNEE_VALGUS', 'left', 'warning', t, ['left_hip', 'left_knee', 'left_ankle'], fppaL));
  if (valgusR.active) findings.push(cue('KNEE_VALGUS', 'right', 'warning', t, ['right_hip', 'right_knee', 'right_ankle'], fppaR));
  if (kneesIn.active) findings.push(cue('KNEES_INSIDE_ANKLES', 'both', 'warning', t, ['left_knee', 'right_knee', 'left_ankle', 'right_ankle'], relRatio));

  // Per-rep accumulation while a rep is in progress (including the frame that ends it).
  let acc = s.acc;
  const inRep = s.reps.phase === 'moving' || s.reps.phase === 'target' || rc.state.phase === 'moving' || rc.state.phase === 'target';
  if (rc.event?.type === 'rep-start') acc = EMPTY_ACC;
  if (inRep) {
    let faults = acc.faults;
    if (valgusL.active) faults = withFault(faults, 'KNEE_VALGUS_LEFT');
    if (valgusR.active) faults = withFault(faults, 'KNEE_VALGUS_RIGHT');
    if (kneesIn.active) faults = withFault(faults, 'KNEES_INSIDE_ANKLES');
    const deepest = !(drop < acc.drop.max); // ties: the later frame (smoothed signals have settled)
    acc = {
      bottomFppaL: deepest ? fppaL : acc.bottomFppaL,
      bottomFppaR: deepest ? fppaR : acc.bottomFppaR,
      fppaL: nearBottom ? addSample(acc.fppaL, fppaL) : acc.fppaL,
      fppaR: nearBottom ? addSample(acc.fppaR, fppaR) : acc.fppaR,
      ratio: nearBottom ? addSample(acc.ratio, ratio) : acc.ratio,
      relRatio: nearBottom ? addSample(acc.relRatio, relRatio) : acc.relRatio,
      drop: addSample(acc.drop, drop),
      faults,
    };
  }
  let shallowUntilMs = s.shallowUntilMs;
  const ev = rc.event;
  if (ev?.type === 'rep') {
    findings.push({
      kind: 'rep', side: 'both', index: ev.index, timestampMs: t, durationMs: ev.durationMs,
      metrics: finiteMetrics({
        peakFppaLeftDeg: statMax(acc.fppaL), peakFppaRightDeg: statMax(acc.fppaR),
        bottomFppaLeftDeg: acc.bottomFppaL, bottomFppaRightDeg: acc.bottomFppaR,
        minKneeAnkleRatio: statMin(acc.ratio), minKneeAnkleRatioVsStanding: statMin(acc.relRatio), peakDepthFrac: statMax(acc.drop),
      }),
      faults: [...acc.faults],
    });
    acc = EMPTY_ACC;
    shallowUntilMs = -Infinity;
  } else if (ev?.type === 'partial') {
    if (statMax(acc.drop) >= cfg.shallowMinDropFrac) shallowUntilMs = t + cfg.shallowCueMs;
    acc = EMPTY_ACC;
  } else if (ev?.type === 'rep-start') {
    shallowUntilMs = -Infinity;
  }
  if (t <= shallowUntilMs) findings.push(cue('SHALLOW_REP', 'both', 'info', t, ['left_hip', 'right_hip']));
  findings.push(phaseFinding(active ? 'active' : 'setup', t));

  return {
    state: {
      view: gate.view, identity: gate.identity ?? s.identity, emaHipX, emaHipY, reps: rc.state, still, refHipHeightPx: ref, standingKneeAnkleRatio: standingRatio, valgusL, valgusR,
      kneesIn, emaFppaL, emaFppaR, emaRatio, lastJudgedMs: t, acc, shallowUntilMs,
    },
    findings,
  };
}

function repCfg(cfg: SquatConfig) {
  return {
    startThreshold: cfg.topDropFrac, targetThreshold: cfg.bottomDropFrac, setupMs: cfg.setupMs,
    minTargetMs: cfg.minBottomMs, minRepMs: cfg.minRepMs, maxGapMs: cfg.maxGapMs,
    setupBridgeMs: cfg.dropoutHoldMs,
  };
}

export const squat: ExerciseDefinition<typeof squatConfigSchema, SquatState> = {
  id: 'squat',
  name: 'Squat',
  group: 'strength',
  view: 'front',
  requiredKeypoints: SQUAT_REQUIRED,
  sided: false,
  configSchema: squatConfigSchema,
  description: 'Two-leg squat facing the camera: counts reps, measures depth and warns when a knee caves in.',
  cueCodes: ['KNEE_VALGUS', 'KNEES_INSIDE_ANKLES', 'SHALLOW_REP'],
  measureCodes: ['FPPA_DEG', 'KNEE_ANKLE_RATIO', 'KNEE_ANKLE_RATIO_VS_STANDING', 'DEPTH_FRAC'],
  limitations: [
    'Depth is the drop of the hips seen from the front, not the thigh angle (that needs a side view).',
    'Knee valgus (FPPA) has no published norm for the two-leg squat and ~3 deg of measurement error; frames where the body is turned against the camera are not judged.',
    'Forward trunk lean and heels lifting are not judged.',
    'Reps count only after you have stood still at the top for about a second.',
  ],
  initialState: () => squatInitialState(),
  step: squatStep,
};
