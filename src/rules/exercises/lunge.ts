// Lunge (forward, reverse, transverse), FRONT view: reps per front leg (the front / working leg is the side),
// front-knee valgus, depth. Definitions and sources: docs/biomechanics.md#lunge-depth-and-front-leg, #knee-valgus-fppa.
// - Reps: engine/depth-reps.ts (from the first frame, any start) on the hip drop in TORSO lengths relative to standing (a forward lunge steps toward the
//   camera; the upright trunk is not foreshortened), bottom >= 0.20, top <= 0.07. A rep ends with the whole body back:
//   the hip above the HIGHER foot in the picture regains its standing value only with the feet together and the hips
//   up (a foot stepped back is higher in the picture), from any start (docs/biomechanics.md#lunge-depth-and-front-leg).
// - Front leg (engine/split-stance.ts): the foot that stepped away from its standing place (the front leg in the
//   forward lunge, the back leg in the reverse and transverse lunges: the planted, bending leg is the "front" leg), or
//   before the places are known the more vertical shank, by >= 0.15 torso lengths; decided per rep by a vote near the bottom.
// - KNEE_VALGUS on the front knee when the knees lie medial to their hip-ankle lines by >= 6 % of the standing leg
//   length together (a turned body shifts both the same way in the picture, cancelling in the sum)
//   (docs/biomechanics.md#knee-medial-displacement: a distance keeps its meaning where 2D FPPA does not, with the
//   front thigh pointing at the lens), at the bottom (the hip drop nearly still: during the step and the descent the
//   back knee bends ahead of the front one and the two shifts do not cancel yet), while the pelvis is turned less
//   than 35 deg from standing (the back leg turns with it). FPPA is shown only in its range (moderate knee flexion).
// - A counted rep short of the depth target (0.30) is marked shallow: SHALLOW_REP (info), "go deeper".
// - Variants differ in where the moving foot goes; the measurements are the same (in the transverse lunge the leg
//   that stays planted and bends is the "front" leg), so the variant selects the instructions only.
import { z } from 'zod';
import type { PoseFrame, Side } from '../../core/pose-frame';
import { accAtPeak, accCount, accMax, accSum, accumulate, captureAtPeak, EMPTY_ACC, noteFaults, type Accumulator } from '../engine/accumulator';
import { stepFollowedRef } from '../engine/baseline';
import { FULL_BODY, fppaBodyDeg, kneeMedialFrac, legLengthPx } from '../engine/body';
import { commonConfigShape } from '../engine/config';
import { anchored, collectingRep, depthRepShape, INITIAL_DEPTH_REPS, repDepth, shallowCue, stepDepthFrame, unjudgedState, type DepthRepState } from '../engine/depth-reps';
import { EMPTY_SIGNALS, stepSignals, type SignalBank } from '../engine/ema';
import { faultCues, measure, phaseFinding, repFinding } from '../engine/findings';
import { INITIAL_GATE, judged, type GateState } from '../engine/gate';
import { INITIAL_STILLNESS, stepStillness, stillForMs, type StillnessState } from '../engine/start';
import { faultKey, NO_FAULTS, stepFaults, type FaultStates } from '../engine/persistence';
import { signSide } from '../engine/side-vote';
import { clearSide, followFootPlaces, pelvisSquare, plantedGroundYPx, shankExtentDiff, splitStanceShape, splitStanceViewJudged, stepTravelDiff, UNKNOWN_FOOT_PLACES, type FootPlaces } from '../engine/split-stance';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { kneeMedialCheck } from './standing';

const DOC = 'docs/biomechanics.md';
export const LUNGE_VARIANTS = ['forward', 'reverse', 'transverse'] as const;
export type LungeVariant = (typeof LUNGE_VARIANTS)[number];

export const lungeConfigSchema = z.strictObject({
  ...commonConfigShape,
  variant: z.enum(LUNGE_VARIANTS).default('reverse')
    .describe('forward / reverse / transverse: changes the instructions only; the same measurements apply.'),
  side: z.enum(['auto', 'left', 'right']).default('auto')
    .describe("Front (working) leg: 'auto' counts both legs; 'left'/'right' counts only reps with that leg in front."),
  ...depthRepShape({
    bottomDropFrac: 0.2, bottomNote: `Ours (${DOC}#lunge-depth-and-front-leg): the torso-normalised 2D drop reads 0.65-0.85 of the 3D hip drop (the hip moves along the camera axis), so 0.20 ~ a 3D drop of 0.25-0.30, front knee ~115-120 deg.`,
    minRepMs: 800, minRepNote: `Ours (${DOC}#rep-counting): a lunge includes a step.`,
  }),
  ...splitStanceShape,
  depthTargetFrac: z.number().min(0).max(1).default(0.3)
    .describe(`A counted rep whose deepest hip drop stays under this is marked shallow (rep fault SHALLOW_REP) and "go deeper" (SHALLOW_REP, info) shows after it. Ours (${DOC}#depth-target): ~a 3D drop of 0.35-0.45, the front knee near 90-100 deg.`),
  shallowCueMs: z.number().min(0).default(1500).describe(`How long SHALLOW_REP stays on (ms). Ours (${DOC}#depth-target): long enough to read.`),
  maxPelvisTurnDeg: z.number().min(0).max(90).default(35)
    .describe(`The front knee is not judged while the pelvis is turned from its standing orientation by more than this (hip width / torso below cos of it x the standing value): the back leg turns with the pelvis, so its knee's shift no longer cancels a turned camera's shift of the front knee (a transverse lunge turns 30-60 deg by design). Ours (${DOC}#knee-medial-displacement).`),
  valgusMedialFrac: z.number().min(0).max(1).default(0.06)
    .describe(`KNEE_VALGUS when the front knee lies medial to its hip-ankle line by >= this fraction of the standing leg length. Ours (${DOC}#knee-medial-displacement): 6 % (~5 cm) is what FPPA 17 deg (the patellofemoral-pain mean) is at 60 deg of knee flexion; a distance keeps that meaning at any depth.`),
  valgusClearMedialFrac: z.number().min(0).max(1).default(0.04)
    .describe(`KNEE_VALGUS clears below this medial displacement (fraction of the standing leg length). Ours (${DOC}#knee-medial-displacement): hysteresis, above ~2 % of keypoint noise.`),
  bottomStillFrac: z.number().min(0).default(0.06)
    .describe(`The front knee is judged only at the bottom: the hip drop (torso lengths) staying within this of where it settled for bottomStillMs (engine/start.ts stillness), i.e. moving slower than ~0.3 per second. Ours (${DOC}#knee-medial-displacement): valgus is defined at peak knee flexion; during the step and the descent the back knee bends ahead of the front one, so a turned body's shifts of the two knees do not cancel yet. A lunge descends at ~0.5-1 per second.`),
  bottomStillMs: z.number().min(0).default(200)
    .describe(`How long the hip drop must stay within bottomStillFrac to count as the bottom, ms. Ours (${DOC}#knee-medial-displacement): longer than the ~150 ms smoothing, shorter than a bottom pause.`),
  valgusMinDropFrac: z.number().min(0).max(1).default(0.12)
    .describe(`FPPA is judged only when the hip drop is >= this (a straight leg shows only anatomy and noise). Ours (${DOC}#knee-valgus-fppa).`),
  fppaMaxDropFrac: z.number().min(0).max(1).default(0.2)
    .describe(`FPPA is judged and shown only up to this hip drop (~front knee flexion 75 deg, the 2D drop reading 0.65-0.85 of the 3D one): deeper, the front thigh points at the lens and 2D FPPA has no meaning. Ours (${DOC}#knee-valgus-fppa).`),
});
export type LungeConfig = z.infer<typeof lungeConfigSchema>;

export const LUNGE_REQUIRED = FULL_BODY;

export interface LungeState {
  gate: GateState;
  depth: DepthRepState;
  /** Smoothed FPPA per knee (engine/ema.ts). */
  signals: SignalBank;
  faults: FaultStates;
  /**
   * Rep in progress. Near the bottom, `stepVote` sums (left - right ankle travel from its standing place, torso units:
   * > 0 = the left foot stepped) and `frontVote` (left - right shank extent, torso units: > 0 = left in front).
   */
  acc: Accumulator;
  /** Each ankle's standing place (px), learned at the top (engine/split-stance.ts). */
  standAnkles: FootPlaces;
  /** Each leg's standing length (px, hip-knee + knee-ankle), learned at the top; NaN until seen. */
  standLegPx: { l: number; r: number };
  /** Smoothed medial knee displacement per knee (engine/ema.ts). */
  medial: SignalBank;
  /** Hip width / torso length standing (learned at the top; NaN until seen). */
  standHipWidthTorso: number;
  /** "Go deeper" (SHALLOW_REP) shows until then. */
  shallowUntilMs: number;
  counts: { left: number; right: number };
  /** Stillness of the hip drop (the bottom of the lunge). */
  bottom: StillnessState;
}

export const lungeInitialState = (): LungeState => ({
  gate: INITIAL_GATE, depth: INITIAL_DEPTH_REPS, signals: EMPTY_SIGNALS, faults: NO_FAULTS, acc: EMPTY_ACC, counts: { left: 0, right: 0 },
  standAnkles: UNKNOWN_FOOT_PLACES, standLegPx: { l: Number.NaN, r: Number.NaN },
  medial: EMPTY_SIGNALS, standHipWidthTorso: Number.NaN, shallowUntilMs: -Infinity, bottom: INITIAL_STILLNESS,
});

/** The front (working) leg given the foot that stepped: the stepping foot in a forward lunge, the other one otherwise. */
const frontFromStep = (stepped: Side, variant: LungeVariant): Side => (variant === 'forward' ? stepped : stepped === 'left' ? 'right' : 'left');

export function lungeStep(s: LungeState, frame: PoseFrame, cfg: LungeConfig): { state: LungeState; findings: Finding[] } {
  const t = frame.timestampMs;
  const sa = s.standAnkles;
  const df = stepDepthFrame(s, frame, LUNGE_REQUIRED, cfg, 'torso', {
    // Depth: the hip above the planted foot; before the places are known, by the variant.
    groundYPx: (L, R) => plantedGroundYPx(sa, L, R, cfg.variant === 'forward'),
    // A lunge ends with both feet back at their places, not when the hips are back up: the hip above the HIGHER foot
    // in the picture is at its standing value only with the feet together and the hips up (a foot stepped back is
    // higher in the picture; a foot stepped forward leaves the hips lower). No learned foot places needed, so this
    // holds from any start, whatever the camera height.
    topGroundYPx: (L, R) => Math.min(L.ankle.y, R.ankle.y),
    judgeView: splitStanceViewJudged(frame, sa, s.depth.scale.torsoPx?.value ?? Number.NaN, cfg),
  });
  if (!df.judged) return { state: unjudgedState(s, df), findings: df.findings };
  const { torso, L, R, fresh, step: d } = df;
  const drop = d.drop, active = d.state.phase !== 'setup';
  // Standing places of the feet, leg lengths and pelvis width, followed at the top between reps (within the band
  // that defines standing).
  const atTop = d.state.phase === 'start' && drop <= cfg.anchorBandFrac && d.topDrop <= cfg.anchorBandFrac;
  const hipWidthTorso = Math.hypot(torso.lh.x - torso.rh.x, torso.lh.y - torso.rh.y) / torso.lengthPx;
  const standHipWidthTorso = stepFollowedRef(s.standHipWidthTorso, hipWidthTorso, atTop);
  const standLegPx = { l: stepFollowedRef(s.standLegPx.l, legLengthPx(L), atTop), r: stepFollowedRef(s.standLegPx.r, legLengthPx(R), atTop) };
  const standAnkles = followFootPlaces(sa, L, R, atTop);
  // Front leg on this frame (null = not clear): from the foot that stepped, else from the shanks.
  const stepDiff = stepTravelDiff(standAnkles, L, R, torso.lengthPx), shankDiff = shankExtentDiff(L, R, torso.lengthPx);
  const stepped = clearSide(stepDiff, cfg.frontLegMinDiffTorso);
  const front: Side | null = stepped ? frontFromStep(stepped, cfg.variant) : clearSide(shankDiff, cfg.frontLegMinDiffTorso);
  // Judged from the first frame (a recording may begin mid-rep; engine/depth-reps.ts).
  const nearBottom = drop >= cfg.valgusMinDropFrac;
  // At the bottom: the hip drop nearly still (valgus is defined at peak knee flexion).
  const bottom = stepStillness(fresh ? INITIAL_STILLNESS : s.bottom, drop, 0, cfg.bottomStillFrac, t);
  const still = stillForMs(bottom, t) >= cfg.bottomStillMs;
  // Where 2D FPPA means something: moderate knee flexion (docs/biomechanics.md#knee-valgus-fppa).
  const fppaValid = nearBottom && drop <= cfg.fppaMaxDropFrac;
  const sig = stepSignals(fresh ? EMPTY_SIGNALS : s.signals, {
    fppaL: fppaBodyDeg(L, R.hip), fppaR: fppaBodyDeg(R, L.hip),
  }, t, cfg);
  const { fppaL, fppaR } = sig.values;
  // Knee valgus judged as a distance (medial displacement / standing leg length): valid at any knee flexion.
  const medStep = stepSignals(fresh ? EMPTY_SIGNALS : s.medial, {
    l: kneeMedialFrac(L, R.hip, standLegPx.l), r: kneeMedialFrac(R, L.hip, standLegPx.r),
  }, t, cfg);
  const med = medStep.values, medialBank = medStep.bank;
  const square = pelvisSquare(hipWidthTorso, standHipWidthTorso, cfg.maxPelvisTurnDeg);
  const valgusCheck = (side: Side, v: number) => kneeMedialCheck(side, v, cfg, { window: nearBottom && still && square && front === side && (cfg.side === 'auto' || cfg.side === side) });
  // A body turned against the camera shifts both bent knees the same way in the picture (their forward travel x
  // sin(yaw)), i.e. medial for one and lateral for the other: the sum of the two knees' medial displacements cancels
  // that and keeps the front knee caving in (the back knee's own displacement is small: it points at the floor).
  const caving = med.l! + med.r!;
  const f = stepFaults(fresh ? NO_FAULTS : s.faults, [valgusCheck('left', caving), valgusCheck('right', caving)],
    t, { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs });

  const findings: Finding[] = [];
  if (!Number.isNaN(drop)) findings.push(measure('DEPTH_FRAC', 'both', drop, 'ratio', t));
  if (front && fppaValid) findings.push(measure('FPPA_DEG', front, front === 'left' ? fppaL : fppaR, 'deg', t));
  findings.push(...faultCues(f.active, t));

  let acc = d.event?.type === 'rep-start' ? EMPTY_ACC : s.acc;
  if (collectingRep(s.depth, d)) {
    const bottom = (x: number) => (nearBottom ? x : Number.NaN), valid = (x: number) => (fppaValid ? x : Number.NaN);
    // FPPA "at the bottom" only when the deepest frame is inside FPPA's range.
    acc = captureAtPeak(noteFaults(acc, f.active.map(faultKey)), 'drop', drop, { fppaL: valid(fppaL), fppaR: valid(fppaR) });
    // Before the standing height is known the bottom is not known either: every frame votes (a recording that
    // begins at the bottom of a lunge).
    const vote = (x: number) => (nearBottom || !anchored(s.depth) ? x : Number.NaN);
    acc = accumulate(acc, { stepVote: bottom(stepDiff), frontVote: vote(shankDiff), fppaL: valid(fppaL), fppaR: valid(fppaR), medL: bottom(med.l!), medR: bottom(med.r!), drop });
  }
  let counts = s.counts;
  let shallowUntilMs = d.event?.type === 'rep-start' ? -Infinity : s.shallowUntilMs;
  const ev = d.event;
  if (ev?.type === 'rep' || ev?.type === 'partial' || ev?.type === 'aborted') {
    // The rep's front leg: by the vote of the feet's travel when the places were known near the bottom, else the shanks'.
    const stepped = signSide(accSum(acc, 'stepVote'));
    const side = accCount(acc, 'stepVote') > 0 ? stepped && frontFromStep(stepped, cfg.variant) : signSide(accSum(acc, 'frontVote'));
    if (ev.type === 'rep' && side && (cfg.side === 'auto' || cfg.side === side)) {
      counts = { ...counts, [side]: counts[side] + 1 };
      const fppa = side === 'left' ? 'fppaL' : 'fppaR';
      const { peakDepthFrac, shallow } = repDepth(d, acc, cfg.depthTargetFrac);
      if (shallow) shallowUntilMs = t + cfg.shallowCueMs;
      findings.push(repFinding(side, counts[side], t, ev.durationMs,
        { peakFppaDeg: accMax(acc, fppa), bottomFppaDeg: accAtPeak(acc, fppa), peakKneeMedialFrac: accMax(acc, side === 'left' ? 'medL' : 'medR'), peakDepthFrac },
        [...(acc.faults.includes(faultKey({ code: 'KNEE_VALGUS', side })) ? ['KNEE_VALGUS'] : []), ...(shallow ? ['SHALLOW_REP'] : [])]));
    }
    acc = EMPTY_ACC;
  }
  findings.push(...shallowCue(shallowUntilMs, t));
  findings.push(phaseFinding(active ? 'active' : 'setup', t));
  return { state: { gate: judged(df.gate, t), depth: d.depth, signals: sig.bank, faults: f.states, acc, counts, shallowUntilMs, standAnkles, standLegPx, medial: medialBank, standHipWidthTorso, bottom }, findings };
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
  cueCodes: ['KNEE_VALGUS', 'SHALLOW_REP'],
  measureCodes: ['DEPTH_FRAC', 'FPPA_DEG'],
  limitations: [
    'Depth is the drop of the hips seen from the front; how close the back knee comes to the floor is not measured.',
    'Only the front knee is judged for caving in; hip and pelvis rotation (important in the transverse lunge) cannot be judged in 2D.',
    'Forward, reverse and transverse lunges are measured the same way; the variant changes the instructions.',
  ],
  initialState: () => lungeInitialState(),
  step: lungeStep,
};
