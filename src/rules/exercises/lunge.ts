// Lunge (forward, reverse, transverse), FRONT view: reps per side (the front / working leg is the side),
// front-knee valgus, depth.
//
// Biomechanics and numbers (../shared/NOTES.md):
// - Knee valgus = FPPA (180 - hip-knee-ankle angle, positive = knee medial to the hip-ankle line), judged around the
//   bottom. NOTES: no 2D norm exists for the lunge; single-leg squat norms are 8.4 +/- 5.1 deg (women), ~7 deg
//   (men), patellofemoral pain 16.8 deg. KNEE_VALGUS on the front knee at FPPA >= 15 deg is OUR default (as for the
//   squat: above the healthy mean + 1 SD), clearing below 10 deg. FPPA is smoothed with the common 150 ms EMA.
// - Depth = drop of the mid-hip toward the lower (front) ankle, in TORSO lengths relative to the standing value:
//   1 - (hip height / torso) / (standing hip height / torso). Normalising by the torso on the same frame keeps
//   depth right when a forward lunge steps toward the camera (the person gets bigger in the image); the lunge trunk
//   stays upright, so the torso is not foreshortened (unlike the squat). With a vertical front shank and equal
//   thigh/shank, NOTES' "down <= 90-100 deg" is a drop of ~0.4-0.5; a drop of 0.30 is a front knee of ~110-115 deg.
//   Our default bottom is 0.30 (accepts the moderate lunges of a rehab programme; configurable), top <= 0.07.
// - Which leg is in front: seen from the front, the front shank is near vertical (full length in the image) while
//   the back shank points away from the camera and is foreshortened, its knee sinking toward its ankle. The front
//   leg is the one with the larger vertical knee-to-ankle extent, if it exceeds the other by >= 0.15 torso lengths
//   (our default); otherwise the legs are not told apart on that frame and no valgus is judged.
// - Variants (forward / reverse / transverse) differ in where the moving foot goes; the measurements are the same
//   (front-leg shank, hip drop), so the variant only selects the instructions. In the transverse lunge the leg that
//   stays planted and bends is the "front" leg.
import { z } from 'zod';
import { fppaDeg, jointAngleDeg } from '../../core/geometry';
import type { KeypointName, PoseFrame, Side } from '../../core/pose-frame';
import { commonConfigShape } from '../engine/config';
import { dropFrac, hipHeightAboveAnklePx, INITIAL_STILLNESS, legPx, nextStandingRef, stepStillness, stillForMs, type LegPoints, type StillnessState } from '../engine/body';
import { cue, gateFrame, lostTooLong, measure, phaseFinding } from '../engine/gate';
import { INITIAL_EMA, stepEma, type EmaState } from '../engine/ema';
import { INITIAL_IDENTITY, type IdentityState } from '../engine/identity';
import { INITIAL_PERSISTENCE, stepPersistence, thresholdSignal, type PersistenceState } from '../engine/persistence';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterState } from '../engine/rep-counter';
import { addSample, EMPTY_STAT, finiteMetrics, statMax, type Stat } from '../engine/stats';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { INITIAL_VIEW_CHECK, type ViewCheckState } from '../engine/view-check';

export const LUNGE_VARIANTS = ['forward', 'reverse', 'transverse'] as const;
export type LungeVariant = (typeof LUNGE_VARIANTS)[number];

export const lungeConfigSchema = z.object({
  ...commonConfigShape,
  variant: z.enum(LUNGE_VARIANTS).default('reverse')
    .describe('forward / reverse / transverse: changes the instructions only; the same measurements apply (see file header).'),
  side: z.enum(['auto', 'left', 'right']).default('auto')
    .describe("Front (working) leg: 'auto' counts both legs; 'left'/'right' counts only reps with that leg in front."),
  topDropFrac: z.number().min(0).max(1).default(0.07)
    .describe('Back at the top when the hip drop (torso-normalised, fraction of standing) is <= this. Our default.'),
  bottomDropFrac: z.number().min(0).max(1).default(0.3)
    .describe('At the bottom when the hip drop is >= this. Our default (~front knee 110-115 deg); NOTES 90-100 deg ~ 0.4-0.5.'),
  setupMs: z.number().min(0).default(1000).describe('Stand still this long (ms) before reps count. Our default.'),
  setupStillTorsoFrac: z.number().min(0).default(0.15).describe('"Still" = the smoothed mid-hip stays within this many torso lengths (~7 cm). Our default (see squat.ts).'),
  standingMinLegTorsoRatio: z.number().min(0).default(1.2)
    .describe('Standing start posture: hip above the ankles by >= this many torso lengths (adults ~1.5-1.7). Our default.'),
  standingMinKneeAngleDeg: z.number().min(0).max(180).default(150).describe('Standing: both knees >= this (deg). NOTES: up >= 150-160.'),
  minBottomMs: z.number().min(0).default(100).describe('Minimum time at the bottom (ms). Our default.'),
  minRepMs: z.number().min(0).default(800).describe('Minimum rep duration (ms): a lunge includes a step. Our default.'),
  maxGapMs: z.number().min(0).default(1000).describe('A rep in progress is dropped after this long (ms) without visible legs. Our default.'),
  frontLegMinDiffTorso: z.number().min(0).default(0.15)
    .describe('Front leg = larger vertical knee-ankle extent, by at least this many torso lengths. Our default.'),
  valgusFppaDeg: z.number().default(15)
    .describe('KNEE_VALGUS (front knee) when FPPA >= this (deg). Our default: no 2D lunge norm (NOTES); single-leg squat norms 8.4 +/- 5.1 deg.'),
  valgusClearFppaDeg: z.number().default(10).describe('KNEE_VALGUS clears when FPPA < this (deg). Our default (hysteresis).'),
  valgusMinDropFrac: z.number().min(0).max(1).default(0.12)
    .describe('Judge valgus only when the hip drop is >= this (around the bottom, where FPPA is defined). Our default.'),
});
export type LungeConfig = z.infer<typeof lungeConfigSchema>;

export const LUNGE_REQUIRED: readonly KeypointName[] = [
  'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
];

interface RepAcc {
  /** Sum over frames near the bottom of (left shank extent - right shank extent), torso units: > 0 = left in front. */
  frontVote: number;
  fppaL: Stat; fppaR: Stat; drop: Stat;
  bottomFppaL: number; bottomFppaR: number;
  valgusL: boolean; valgusR: boolean;
}
const EMPTY_ACC: RepAcc = {
  frontVote: 0, fppaL: EMPTY_STAT, fppaR: EMPTY_STAT, drop: EMPTY_STAT, bottomFppaL: Number.NaN, bottomFppaR: Number.NaN,
  valgusL: false, valgusR: false,
};

export interface LungeState {
  view: ViewCheckState;
  identity: IdentityState;
  reps: RepCounterState;
  still: StillnessState;
  /** Smoothed mid-hip position (px) for the stillness test: raw keypoint jitter would keep resetting it. */
  emaHipX: EmaState;
  emaHipY: EmaState;
  /** Standing hip height above the lower ankle in torso lengths (NaN until calibrated). */
  refHeightTorso: number;
  valgusL: PersistenceState;
  valgusR: PersistenceState;
  /** Smoothed FPPA per knee (engine/ema.ts). */
  emaFppaL: EmaState;
  emaFppaR: EmaState;
  lastJudgedMs: number | null;
  acc: RepAcc;
  counts: { left: number; right: number };
}

export function lungeInitialState(): LungeState {
  return {
    view: INITIAL_VIEW_CHECK, identity: INITIAL_IDENTITY, reps: INITIAL_REP_COUNTER, still: INITIAL_STILLNESS,
    emaHipX: INITIAL_EMA, emaHipY: INITIAL_EMA, refHeightTorso: Number.NaN,
    valgusL: INITIAL_PERSISTENCE, valgusR: INITIAL_PERSISTENCE, emaFppaL: INITIAL_EMA, emaFppaR: INITIAL_EMA,
    lastJudgedMs: null, acc: EMPTY_ACC, counts: { left: 0, right: 0 },
  };
}

/** Vertical knee-to-ankle extent (px, y down): large for a vertical (front) shank. */
const shankDrop = (leg: LegPoints): number => leg.ankle.y - leg.knee.y;

export function lungeStep(s: LungeState, frame: PoseFrame, cfg: LungeConfig): { state: LungeState; findings: Finding[] } {
  const t = frame.timestampMs;
  const gate = gateFrame(frame, LUNGE_REQUIRED, 'front', s.view, cfg, s.identity);
  const L = gate.ok ? legPx(frame, 'left', cfg) : null;
  const R = gate.ok ? legPx(frame, 'right', cfg) : null;
  if (!gate.ok || !gate.torso || !L || !R) {
    const rc = stepRepCounter(s.reps, null, t, repCfg(cfg));
    const state: LungeState = {
      // Fault states are kept over a short dropout (dropoutHoldMs) and reset on the next visible frame after a longer one.
      ...s, view: gate.view, identity: gate.identity ?? s.identity, reps: rc.state,
      acc: rc.event?.type === 'aborted' ? EMPTY_ACC : s.acc,
      refHeightTorso: rc.state.phase === 'setup' ? Number.NaN : s.refHeightTorso,
    };
    const vis: Finding = gate.ok ? { kind: 'visibility', code: 'NOT_VISIBLE', missing: [...LUNGE_REQUIRED], timestampMs: t } : gate.finding;
    return { state, findings: [vis, phaseFinding(rc.state.phase === 'setup' ? 'setup' : 'active', t)] };
  }
  const torso = gate.torso;
  const heightTorso = hipHeightAboveAnklePx(torso.midHip, L.ankle, R.ankle) / torso.lengthPx;
  const standing = heightTorso >= cfg.standingMinLegTorsoRatio
    && jointAngleDeg(L.hip, L.knee, L.ankle) >= cfg.standingMinKneeAngleDeg
    && jointAngleDeg(R.hip, R.knee, R.ankle) >= cfg.standingMinKneeAngleDeg;
  // A long dropout restarts the stillness test (and, below, the fault states); a short one does not.
  const gapReset = lostTooLong(s.lastJudgedMs, t, cfg);
  const emaHipX = stepEma(gapReset ? INITIAL_EMA : s.emaHipX, torso.midHip.x, t, cfg.signalSmoothingMs, cfg.dropoutHoldMs);
  const emaHipY = stepEma(gapReset ? INITIAL_EMA : s.emaHipY, torso.midHip.y, t, cfg.signalSmoothingMs, cfg.dropoutHoldMs);
  const still = stepStillness(gapReset ? INITIAL_STILLNESS : s.still, emaHipX.value, emaHipY.value, cfg.setupStillTorsoFrac * torso.lengthPx, t);
  const ref = nextStandingRef(s.reps.phase, standing, s.refHeightTorso, heightTorso);
  const drop = dropFrac(heightTorso, ref);
  const rc = stepRepCounter(s.reps, s.reps.phase === 'setup' ? (standing ? 0 : null) : drop, t, repCfg(cfg), stillForMs(still, t) > 0);
  const active = rc.state.phase !== 'setup';

  // Front leg on this frame (null = not clear).
  const shankDiff = (shankDrop(L) - shankDrop(R)) / torso.lengthPx;
  const front: Side | null = shankDiff >= cfg.frontLegMinDiffTorso ? 'left' : shankDiff <= -cfg.frontLegMinDiffTorso ? 'right' : null;
  const nearBottom = active && drop >= cfg.valgusMinDropFrac;
  const medialX = torso.midHip.x;
  const prev = gapReset ? { valgusL: INITIAL_PERSISTENCE, valgusR: INITIAL_PERSISTENCE, emaFppaL: INITIAL_EMA, emaFppaR: INITIAL_EMA } : s;
  const emaFppaL = stepEma(prev.emaFppaL, fppaDeg(L.hip, L.knee, L.ankle, medialX), t, cfg.signalSmoothingMs, cfg.dropoutHoldMs);
  const emaFppaR = stepEma(prev.emaFppaR, fppaDeg(R.hip, R.knee, R.ankle, medialX), t, cfg.signalSmoothingMs, cfg.dropoutHoldMs);
  const fppaL = emaFppaL.value, fppaR = emaFppaR.value;
  const timing = { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs };
  const judge = (side: Side, v: number) =>
    nearBottom && front === side && (cfg.side === 'auto' || cfg.side === side)
      ? thresholdSignal(v, cfg.valgusFppaDeg, cfg.valgusClearFppaDeg) : 'clear';
  const valgusL = stepPersistence(prev.valgusL, judge('left', fppaL), t, timing);
  const valgusR = stepPersistence(prev.valgusR, judge('right', fppaR), t, timing);

  const findings: Finding[] = [];
  if (!Number.isNaN(drop)) findings.push(measure('DEPTH_FRAC', 'both', drop, 'ratio', t));
  if (front) findings.push(measure('FPPA_DEG', front, front === 'left' ? fppaL : fppaR, 'deg', t));
  if (valgusL.active) findings.push(cue('KNEE_VALGUS', 'left', 'warning', t, ['left_hip', 'left_knee', 'left_ankle'], fppaL));
  if (valgusR.active) findings.push(cue('KNEE_VALGUS', 'right', 'warning', t, ['right_hip', 'right_knee', 'right_ankle'], fppaR));

  let acc = s.acc;
  if (rc.event?.type === 'rep-start') acc = EMPTY_ACC;
  const inRep = s.reps.phase === 'moving' || s.reps.phase === 'target' || rc.state.phase === 'moving' || rc.state.phase === 'target';
  if (inRep) {
    const deepest = !(drop < acc.drop.max); // ties: the later frame (smoothed signals have settled)
    acc = {
      frontVote: nearBottom ? acc.frontVote + shankDiff : acc.frontVote,
      fppaL: nearBottom ? addSample(acc.fppaL, fppaL) : acc.fppaL,
      fppaR: nearBottom ? addSample(acc.fppaR, fppaR) : acc.fppaR,
      drop: addSample(acc.drop, drop),
      bottomFppaL: deepest ? fppaL : acc.bottomFppaL,
      bottomFppaR: deepest ? fppaR : acc.bottomFppaR,
      valgusL: acc.valgusL || valgusL.active,
      valgusR: acc.valgusR || valgusR.active,
    };
  }
  let counts = s.counts;
  const ev = rc.event;
  if (ev?.type === 'rep' || ev?.type === 'partial' || ev?.type === 'aborted') {
    const side: Side | null = acc.frontVote > 0 ? 'left' : acc.frontVote < 0 ? 'right' : null;
    if (ev.type === 'rep' && side && (cfg.side === 'auto' || cfg.side === side)) {
      counts = { ...counts, [side]: counts[side] + 1 };
      const left = side === 'left';
      findings.push({
        kind: 'rep', side, index: counts[side], timestampMs: t, durationMs: ev.durationMs,
        metrics: finiteMetrics({
          peakFppaDeg: statMax(left ? acc.fppaL : acc.fppaR),
          bottomFppaDeg: left ? acc.bottomFppaL : acc.bottomFppaR,
          peakDepthFrac: statMax(acc.drop),
        }),
        faults: (left ? acc.valgusL : acc.valgusR) ? ['KNEE_VALGUS'] : [],
      });
    }
    acc = EMPTY_ACC;
  }
  findings.push(phaseFinding(active ? 'active' : 'setup', t));
  return {
    state: { view: gate.view, identity: gate.identity ?? s.identity, emaHipX, emaHipY, reps: rc.state, still, refHeightTorso: ref, valgusL, valgusR, emaFppaL, emaFppaR, lastJudgedMs: t, acc, counts },
    findings,
  };
}

function repCfg(cfg: LungeConfig) {
  return {
    startThreshold: cfg.topDropFrac, targetThreshold: cfg.bottomDropFrac, setupMs: cfg.setupMs,
    minTargetMs: cfg.minBottomMs, minRepMs: cfg.minRepMs, maxGapMs: cfg.maxGapMs,
    setupBridgeMs: cfg.dropoutHoldMs,
  };
}

export const lunge: ExerciseDefinition<typeof lungeConfigSchema, LungeState> = {
  id: 'lunge',
  name: 'Lunge (forward, reverse, transverse)',
  group: 'strength',
  view: 'front',
  requiredKeypoints: LUNGE_REQUIRED,
  sided: true,
  configSchema: lungeConfigSchema,
  description: 'Lunges facing the camera: counts reps per front leg, measures depth and warns when the front knee caves in.',
  cueCodes: ['KNEE_VALGUS'],
  measureCodes: ['DEPTH_FRAC', 'FPPA_DEG'],
  limitations: [
    'Depth is the drop of the hips seen from the front; how close the back knee comes to the floor is not measured.',
    'Only the front knee is judged for caving in; hip and pelvis rotation (important in the transverse lunge) cannot be judged in 2D.',
    'Forward, reverse and transverse lunges are measured the same way; the variant changes the instructions.',
  ],
  initialState: () => lungeInitialState(),
  step: lungeStep,
};
