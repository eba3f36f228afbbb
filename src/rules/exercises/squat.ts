// Squat (two legs), FRONT view: reps on the hip drop from standing, live knee valgus per knee, knees coming closer
// together than when standing. Definitions and sources: docs/biomechanics.md#squat-depth, #knee-valgus-fppa,
// #knee-ankle-separation-ratio.
// - Reps: engine/depth-reps.ts from the first frame, wherever the recording begins (top <= 0.07 / bottom >= 0.25 of
//   the person's own standing hip height, ~knee 100-105 deg). A descent past 0.12 that turns back early, or a counted
//   rep short of the depth target (0.50), gives SHALLOW_REP (info; the rep is marked shallow).
// - KNEE_VALGUS per knee at smoothed FPPA >= 15 deg (ours: no double-leg squat norm), judged only around the bottom
//   (hip drop >= 0.10); frames where one knee reads >= +15 and the other <= -15 deg are not judged (the body is
//   turned against the camera: both knees shift the same way in the image).
// - KNEES_INSIDE_ANKLES when knee/ankle separation is < 1 and <= 0.78 x the person's own standing ratio (MoveNet
//   reads the knees inside the ankles already when standing), around the bottom.
// - Knees passing the toes are not penalised.
import { z } from 'zod';
import { separationRatio } from '../../core/geometry';
import type { PoseFrame } from '../../core/pose-frame';
import { accAtPeak, accMax, accMin, accumulate, captureAtPeak, EMPTY_ACC, noteFaults, type Accumulator } from '../engine/accumulator';
import { FULL_BODY, fppaBodyDeg } from '../engine/body';
import { commonConfigShape } from '../engine/config';
import { collectingRep, depthRepShape, INITIAL_DEPTH_REPS, repDepth, shallowCue, stepDepthFrame, unjudgedState, type DepthRepState } from '../engine/depth-reps';
import { EMPTY_SIGNALS, stepSignals, type SignalBank } from '../engine/ema';
import { faultCues, measure, phaseFinding, repFinding } from '../engine/findings';
import { INITIAL_GATE, judged, type GateState } from '../engine/gate';
import { NO_FAULTS, stepFaults, type FaultCheck, type FaultStates } from '../engine/persistence';
import { stepStandingRef, UNKNOWN_STANDING_REF, type StandingRefState } from '../engine/standing-ref';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { kneeValgusCheck, kneeValgusShape } from './standing';

const DOC = 'docs/biomechanics.md';

export const squatConfigSchema = z.strictObject({
  ...commonConfigShape,
  ...depthRepShape({
    bottomDropFrac: 0.25, bottomNote: `Ours (${DOC}#squat-depth): ~knee 100-105 deg; rep counting uses down <= 90-100 deg.`,
    minRepMs: 600, minRepNote: `Ours (${DOC}#rep-counting): faster is noise.`,
  }),
  reanchorStillMs: z.number().min(0).default(3000)
    .describe(`Standing still and upright this long (ms) between the zones re-anchors the standing height (the person stepped back). Ours (${DOC}#squat-depth): longer than any half-squat pause.`),
  ...kneeValgusShape(15, 10, `Ours (${DOC}#knee-valgus-fppa): no double-leg squat norm; above the healthy single-leg mean + 1 SD (8.4 + 5.1) and near the patellofemoral-pain mean 16.8.`),
  valgusMinDropFrac: z.number().min(0).max(1).default(0.1)
    .describe(`FPPA (and the knee/ankle ratio) is judged only when the hip drop is >= this (~knee flexion 35-40 deg: a straight leg shows only anatomy and noise). Ours (${DOC}#knee-valgus-fppa).`),
  fppaMaxDropFrac: z.number().min(0).max(1).default(0.25)
    .describe(`FPPA is judged and shown only up to this hip drop (~knee flexion 75 deg): deeper, the thigh points at the lens and 2D FPPA reads -30 to -90 deg on healthy squats; the knee/ankle separation ratio judges the knees there. Ours (${DOC}#knee-valgus-fppa).`),
  kneeAnkleRatioFault: z.number().min(0).default(0.78)
    .describe(`KNEES_INSIDE_ANKLES when knee sep / ankle sep <= this x the standing value (and < 1), around the bottom. Ours (${DOC}#knee-ankle-separation-ratio).`),
  kneeAnkleRatioClear: z.number().min(0).default(0.92)
    .describe(`KNEES_INSIDE_ANKLES clears above this x the standing value. Ours (${DOC}#knee-ankle-separation-ratio): hysteresis.`),
  rotationGuard: z.boolean().default(true)
    .describe(`Do not judge valgus on frames where one knee reads >= +valgusFppaDeg and the other <= -valgusFppaDeg (body turned against the camera; ${DOC}#knee-valgus-fppa).`),
  minAnkleSepTorsoFrac: z.number().min(0).default(0.2)
    .describe(`Skip the separation ratio when the ankles are closer than this many torso lengths (ratio too noisy). Ours (${DOC}#knee-ankle-separation-ratio).`),
  shallowMinDropFrac: z.number().min(0).max(1).default(0.12)
    .describe(`A descent this deep that turns back before the bottom zone gives SHALLOW_REP. Ours (${DOC}#squat-depth).`),
  depthTargetFrac: z.number().min(0).max(1).default(0.5)
    .describe(`A counted rep whose deepest hip drop stays under this is marked shallow (rep fault SHALLOW_REP) and "go deeper" (SHALLOW_REP, info) shows after it. Ours (${DOC}#depth-target): between real squats labelled "no depth" (median drop 0.43) and full ones (0.58-0.66).`),
  shallowCueMs: z.number().min(0).default(1500).describe(`How long SHALLOW_REP stays on (ms). Ours (${DOC}#squat-depth): long enough to read.`),
});
export type SquatConfig = z.infer<typeof squatConfigSchema>;

export const SQUAT_REQUIRED = FULL_BODY;

export interface SquatState {
  gate: GateState;
  depth: DepthRepState;
  /** Smoothed FPPA per knee and knee/ankle ratio (engine/ema.ts). */
  signals: SignalBank;
  /** Knee/ankle separation ratio standing (engine/standing-ref.ts). */
  standingRatio: StandingRefState;
  faults: FaultStates;
  acc: Accumulator;
  shallowUntilMs: number;
}

export const squatInitialState = (): SquatState => ({
  gate: INITIAL_GATE, depth: INITIAL_DEPTH_REPS, signals: EMPTY_SIGNALS, standingRatio: UNKNOWN_STANDING_REF,
  faults: NO_FAULTS, acc: EMPTY_ACC, shallowUntilMs: -Infinity,
});

/** Rep fault code of an active check: KNEE_VALGUS_LEFT / _RIGHT, KNEES_INSIDE_ANKLES. */
const repFaultCode = (f: FaultCheck): string => (f.side === 'both' ? f.code : `${f.code}_${f.side.toUpperCase()}`);

export function squatStep(s: SquatState, frame: PoseFrame, cfg: SquatConfig): { state: SquatState; findings: Finding[] } {
  const t = frame.timestampMs;
  const df = stepDepthFrame(s, frame, SQUAT_REQUIRED, cfg, 'px');
  if (!df.judged) return { state: unjudgedState(s, df), findings: df.findings };
  const { torso, L, R, fresh, step: d } = df;
  const drop = d.drop, active = d.state.phase !== 'setup';
  // Judged from the first frame (a recording may begin mid-rep): before the standing height is known, the drop is
  // from the highest height seen so far.
  const nearBottom = drop >= cfg.valgusMinDropFrac;
  // Where 2D FPPA means something: moderate knee flexion (docs/biomechanics.md#knee-valgus-fppa).
  const fppaValid = nearBottom && drop <= cfg.fppaMaxDropFrac;
  const ankleSep = Math.abs(L.ankle.x - R.ankle.x);
  const sig = stepSignals(fresh ? EMPTY_SIGNALS : s.signals, {
    fppaL: fppaBodyDeg(L, R.hip), fppaR: fppaBodyDeg(R, L.hip),
    ratio: ankleSep >= cfg.minAnkleSepTorsoFrac * torso.lengthPx ? separationRatio(L.knee, R.knee, L.ankle, R.ankle) : Number.NaN,
  }, t, cfg);
  const { fppaL, fppaR, ratio } = sig.values;
  // Against the person's own standing ratio: from the standing plateau, then followed at the top between reps.
  const standingRatio = stepStandingRef(s.standingRatio, s.depth, d, ratio, t, cfg.anchorBandFrac);
  const relRatio = ratio / standingRatio.value;
  const v = cfg.valgusFppaDeg;
  const turned = cfg.rotationGuard && ((fppaL >= v && fppaR <= -v) || (fppaR >= v && fppaL <= -v));
  const f = stepFaults(fresh ? NO_FAULTS : s.faults, [
    kneeValgusCheck('left', fppaL, cfg, { window: fppaValid, hold: turned }),
    kneeValgusCheck('right', fppaR, cfg, { window: fppaValid, hold: turned }),
    { code: 'KNEES_INSIDE_ANKLES', side: 'both', severity: 'warning', value: relRatio, faultAt: cfg.kneeAnkleRatioFault, clearAt: cfg.kneeAnkleRatioClear,
      joints: ['left_knee', 'right_knee', 'left_ankle', 'right_ankle'], window: nearBottom && !(ratio >= 1), hold: Number.isNaN(relRatio) },
  ], t, { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs });

  const findings: Finding[] = fppaValid ? [measure('FPPA_DEG', 'left', fppaL, 'deg', t), measure('FPPA_DEG', 'right', fppaR, 'deg', t)] : [];
  if (!Number.isNaN(ratio)) findings.push(measure('KNEE_ANKLE_RATIO', 'both', ratio, 'ratio', t));
  if (!Number.isNaN(relRatio)) findings.push(measure('KNEE_ANKLE_RATIO_VS_STANDING', 'both', relRatio, 'ratio', t));
  if (!Number.isNaN(drop)) findings.push(measure('DEPTH_FRAC', 'both', drop, 'ratio', t));
  findings.push(...faultCues(f.active, t));

  // Per-rep accumulation while a rep is in progress (including the frame that ends it).
  let acc = d.event?.type === 'rep-start' ? EMPTY_ACC : s.acc;
  if (collectingRep(s.depth, d)) {
    const bottom = (x: number) => (nearBottom ? x : Number.NaN), valid = (x: number) => (fppaValid ? x : Number.NaN);
    // FPPA "at the bottom" only when the deepest frame is inside FPPA's range (no -35 deg summaries of deep squats).
    acc = captureAtPeak(noteFaults(acc, f.active.map(repFaultCode)), 'drop', drop, { fppaL: valid(fppaL), fppaR: valid(fppaR) });
    acc = accumulate(acc, { fppaL: valid(fppaL), fppaR: valid(fppaR), ratio: bottom(ratio), relRatio: bottom(relRatio), drop });
  }
  let shallowUntilMs = d.event?.type === 'rep-start' ? -Infinity : s.shallowUntilMs;
  if (d.event?.type === 'rep') {
    // Counted (down past the bottom zone and back up) but short of the depth target: marked shallow, "go deeper".
    const { peakDepthFrac, shallow } = repDepth(d, acc, cfg.depthTargetFrac);
    findings.push(repFinding('both', d.event.index, t, d.event.durationMs, {
      peakFppaLeftDeg: accMax(acc, 'fppaL'), peakFppaRightDeg: accMax(acc, 'fppaR'),
      bottomFppaLeftDeg: accAtPeak(acc, 'fppaL'), bottomFppaRightDeg: accAtPeak(acc, 'fppaR'),
      minKneeAnkleRatio: accMin(acc, 'ratio'), minKneeAnkleRatioVsStanding: accMin(acc, 'relRatio'), peakDepthFrac,
    }, shallow ? [...acc.faults, 'SHALLOW_REP'] : acc.faults));
    acc = EMPTY_ACC;
    shallowUntilMs = shallow ? t + cfg.shallowCueMs : -Infinity;
  } else if (d.event?.type === 'partial') {
    if (accMax(acc, 'drop') >= cfg.shallowMinDropFrac) shallowUntilMs = t + cfg.shallowCueMs;
    acc = EMPTY_ACC;
  }
  findings.push(...shallowCue(shallowUntilMs, t));
  findings.push(phaseFinding(active ? 'active' : 'setup', t));
  return { state: { gate: judged(df.gate, t), depth: d.depth, signals: sig.bank, standingRatio, faults: f.states, acc, shallowUntilMs }, findings };
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
  ],
  initialState: () => squatInitialState(),
  step: squatStep,
};
