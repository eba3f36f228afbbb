// Lunge (forward, reverse, transverse), FRONT view: reps per front leg (the front / working leg is the side),
// front-knee valgus, depth. Definitions and sources: docs/biomechanics.md#lunge-depth-and-front-leg, #knee-valgus-fppa.
// - Reps: engine/depth-reps.ts (from the first frame, any start) on the hip drop in TORSO lengths relative to standing (a forward lunge steps toward the
//   camera; the upright trunk is not foreshortened), bottom >= 0.30 (~front knee 110-115 deg, ours), top <= 0.07.
// - Front leg: the shank with the larger vertical knee-to-ankle extent (the back shank points away from the camera
//   and is foreshortened), by >= 0.15 torso lengths; decided per rep by a vote over the frames near the bottom.
// - KNEE_VALGUS on the front knee at smoothed FPPA >= 15 deg (ours: no 2D lunge norm), judged around the bottom.
// - Variants differ in where the moving foot goes; the measurements are the same (in the transverse lunge the leg
//   that stays planted and bends is the "front" leg), so the variant selects the instructions only.
import { z } from 'zod';
import { fppaDeg } from '../../core/geometry';
import type { PoseFrame, Side } from '../../core/pose-frame';
import { accAtPeak, accMax, accSum, accumulate, captureAtPeak, EMPTY_ACC, noteFaults, type Accumulator } from '../engine/accumulator';
import { FULL_BODY, type LegPoints } from '../engine/body';
import { commonConfigShape } from '../engine/config';
import { buffering, depthRepShape, inRep, INITIAL_DEPTH_REPS, stepDepthFrame, type DepthRepState } from '../engine/depth-reps';
import { EMPTY_SIGNALS, stepSignals, type SignalBank } from '../engine/ema';
import { faultCues, measure, phaseFinding, repFinding } from '../engine/findings';
import { INITIAL_GATE, judged, type GateState } from '../engine/gate';
import { faultKey, NO_FAULTS, stepFaults, type FaultStates } from '../engine/persistence';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { kneeValgusCheck, kneeValgusShape } from './standing';

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
    bottomDropFrac: 0.3, bottomNote: `Ours (${DOC}#lunge-depth-and-front-leg): ~front knee 110-115 deg; down <= 90-100 deg would be ~0.4-0.5.`,
    minRepMs: 800, minRepNote: `Ours (${DOC}#rep-counting): a lunge includes a step.`,
  }),
  frontLegMinDiffTorso: z.number().min(0).default(0.15)
    .describe(`Front leg = larger vertical knee-ankle extent, by at least this many torso lengths. Ours (${DOC}#lunge-depth-and-front-leg).`),
  ...kneeValgusShape(15, 10, `Ours (${DOC}#knee-valgus-fppa): no 2D lunge norm; as the squat, above the healthy single-leg mean + 1 SD.`),
  valgusMinDropFrac: z.number().min(0).max(1).default(0.12)
    .describe(`Judge valgus only when the hip drop is >= this (around the bottom, where FPPA is defined). Ours (${DOC}#knee-valgus-fppa).`),
});
export type LungeConfig = z.infer<typeof lungeConfigSchema>;

export const LUNGE_REQUIRED = FULL_BODY;

export interface LungeState {
  gate: GateState;
  depth: DepthRepState;
  /** Smoothed FPPA per knee (engine/ema.ts). */
  signals: SignalBank;
  faults: FaultStates;
  /** Rep in progress; its `frontVote` sums (left - right shank extent, torso units) near the bottom: > 0 = left in front. */
  acc: Accumulator;
  counts: { left: number; right: number };
}

export const lungeInitialState = (): LungeState => ({
  gate: INITIAL_GATE, depth: INITIAL_DEPTH_REPS, signals: EMPTY_SIGNALS, faults: NO_FAULTS, acc: EMPTY_ACC, counts: { left: 0, right: 0 },
});

/** Vertical knee-to-ankle extent (px, y down): large for a vertical (front) shank. */
const shankDrop = (leg: LegPoints): number => leg.ankle.y - leg.knee.y;

export function lungeStep(s: LungeState, frame: PoseFrame, cfg: LungeConfig): { state: LungeState; findings: Finding[] } {
  const t = frame.timestampMs;
  const df = stepDepthFrame(s, frame, LUNGE_REQUIRED, cfg, 'torso');
  if (!df.judged) {
    const acc = df.step.event?.type === 'aborted' ? EMPTY_ACC : s.acc;
    return { state: { ...s, gate: df.gate, depth: df.step.depth, acc }, findings: df.findings };
  }
  const { torso, L, R, fresh, step: d } = df;
  const drop = d.drop, active = d.state.phase !== 'setup';
  // Front leg on this frame (null = not clear).
  const shankDiff = (shankDrop(L) - shankDrop(R)) / torso.lengthPx;
  const front: Side | null = shankDiff >= cfg.frontLegMinDiffTorso ? 'left' : shankDiff <= -cfg.frontLegMinDiffTorso ? 'right' : null;
  // Judged from the first frame (a recording may begin mid-rep; engine/depth-reps.ts).
  const nearBottom = drop >= cfg.valgusMinDropFrac;
  const sig = stepSignals(fresh ? EMPTY_SIGNALS : s.signals, {
    fppaL: fppaDeg(L.hip, L.knee, L.ankle, torso.midHip.x), fppaR: fppaDeg(R.hip, R.knee, R.ankle, torso.midHip.x),
  }, t, cfg);
  const { fppaL, fppaR } = sig.values;
  const judgedKnee = (side: Side) => ({ window: nearBottom && front === side && (cfg.side === 'auto' || cfg.side === side) });
  const f = stepFaults(fresh ? NO_FAULTS : s.faults,
    [kneeValgusCheck('left', fppaL, cfg, judgedKnee('left')), kneeValgusCheck('right', fppaR, cfg, judgedKnee('right'))],
    t, { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs });

  const findings: Finding[] = [];
  if (!Number.isNaN(drop)) findings.push(measure('DEPTH_FRAC', 'both', drop, 'ratio', t));
  if (front) findings.push(measure('FPPA_DEG', front, front === 'left' ? fppaL : fppaR, 'deg', t));
  findings.push(...faultCues(f.active, t));

  let acc = d.event?.type === 'rep-start' ? EMPTY_ACC : s.acc;
  if (inRep(s.depth.reps) || inRep(d.state) || buffering(s.depth)) {
    const bottom = (x: number) => (nearBottom ? x : Number.NaN);
    acc = captureAtPeak(noteFaults(acc, f.active.map(faultKey)), 'drop', drop, { fppaL, fppaR });
    acc = accumulate(acc, { frontVote: bottom(shankDiff), fppaL: bottom(fppaL), fppaR: bottom(fppaR), drop });
  }
  let counts = s.counts;
  const ev = d.event;
  if (ev?.type === 'rep' || ev?.type === 'partial' || ev?.type === 'aborted') {
    const vote = accSum(acc, 'frontVote');
    const side: Side | null = vote > 0 ? 'left' : vote < 0 ? 'right' : null;
    if (ev.type === 'rep' && side && (cfg.side === 'auto' || cfg.side === side)) {
      counts = { ...counts, [side]: counts[side] + 1 };
      const fppa = side === 'left' ? 'fppaL' : 'fppaR';
      findings.push(repFinding(side, counts[side], t, ev.durationMs,
        { peakFppaDeg: accMax(acc, fppa), bottomFppaDeg: accAtPeak(acc, fppa), peakDepthFrac: accMax(acc, 'drop') },
        acc.faults.includes(faultKey({ code: 'KNEE_VALGUS', side })) ? ['KNEE_VALGUS'] : []));
    }
    acc = EMPTY_ACC;
  }
  findings.push(phaseFinding(active ? 'active' : 'setup', t));
  return { state: { gate: judged(df.gate, t), depth: d.depth, signals: sig.bank, faults: f.states, acc, counts }, findings };
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
