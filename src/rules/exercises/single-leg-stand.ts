// Single-leg stand test (Trendelenburg), FRONT or BACK view (the shoulder-width view check accepts both).
// docs/biomechanics.md#pelvic-drop-trendelenburg, #trunk-lean, #single-leg-stance-and-foot-lift.
// - A trial per stance leg, up to 30 s: it starts when one foot lifts (its ankle higher than the other by >= 8 % of
//   the stance leg length more than in the two-leg neutral, or by >= 15 % before any two-leg stance, for 300 ms,
//   counted into the trial) and ends when the foot is down again (< 5 % for 300 ms), at the target, or after a long
//   loss of view.
// - Calibrated on the person (engine/neutral.ts, docs/biomechanics.md#neutral-calibration): whenever they stand on
//   two legs outside a trial (set-up, between the legs) the median image angles of their pelvic line and trunk line
//   are learned; a trial judges against the neutral of the stance just before it, so camera roll, a body turned to the
//   camera and a detector placing one hip higher cancel. A recording that begins on one leg has no neutral before the
//   trial: its live drop is measured against the image level and not cued (trunk lean still is, against the image
//   vertical), and its hold-end is re-based on the two-leg stance seen as the foot comes down, when there is enough of
//   it (hold-end `neutralSource`: 1 = stance before, 2 = stance after, 0 = image level).
// - Pelvic drop (+ = the lifted side lower than in the neutral) and trunk lean (+ = toward the stance side), as the
//   rolling interquartile mean of the last 2 s (trunk: 0.4 s), are measured on every frame with the foot up; the
//   trial reports peak and mean drop of the 3 s rolling value (a peak of a noisier value overstates it).
//   PELVIC_DROP at >= 5 deg and TRUNK_LEAN at >= 10 deg are ours (no validated 2D cut-off); the angle is reported.
// All findings of a trial carry side = the STANCE (tested) leg, so left and right results compare directly.
import { z } from 'zod';
import { otherSide, type PoseFrame, type Side } from '../../core/pose-frame';
import { accMax, accMean, accumulate, EMPTY_ACC, type Accumulator } from '../engine/accumulator';
import { FULL_BODY, legPx } from '../engine/body';
import { commonConfigShape } from '../engine/config';
import { bothFeetDown, footLiftShape, INITIAL_FOOT_LIFT, learnFootNeutral, stepFootLift, type FootLiftState } from '../engine/foot-lift';
import { bodyLines, INITIAL_NEUTRAL, LEVEL, neutralLines, neutralShape, stanceAngles, stepNeutral, type BodyLines, type NeutralState } from '../engine/neutral';
import { faultCues, holdEndFinding, holdStatus, measure, notVisible, phaseFinding, type Phase } from '../engine/findings';
import { INITIAL_GATE, judged, stepGate, type GateState } from '../engine/gate';
import { NO_TRIALS, recordTrial, trialsDone, type LegTrials } from '../engine/leg-trials';
import { INITIAL_HOLD, endHold, stepHold, type HoldEvent, type HoldTimerState } from '../engine/hold-timer';
import { NO_FAULTS, stepFaults, type FaultStates } from '../engine/persistence';
import { NO_STANCE_LINES, stepStanceLines, type StanceLinesState } from '../engine/stance-lines';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { pelvicDropCheck, pelvicDropShape, trunkLeanCheck, trunkLeanShape } from './standing';

const DOC = 'docs/biomechanics.md#single-leg-stance-and-foot-lift';

export const singleLegStandConfigSchema = z.strictObject({
  ...commonConfigShape,
  side: z.enum(['auto', 'left', 'right']).default('auto')
    .describe("Stance (tested) leg: 'auto' = whichever foot stays down; 'left'/'right' = only trials on that leg count."),
  holdTargetMs: z.number().positive().default(30_000).describe('Trial length (ms). docs/biomechanics.md#pelvic-drop-trendelenburg: the classic test holds up to 30 s.'),
  ...footLiftShape,
  lapseGraceMs: z.number().min(0).default(1000).describe(`Joints may be out of view this long (ms) without ending the trial (the clock pauses). Ours (${DOC}).`),
  ...pelvicDropShape,
  ...trunkLeanShape,
  ...neutralShape,
  peakWindowMs: z.number().min(0).max(10_000).default(3000)
    .describe(`The trial's reported peak and mean pelvic drop are of the rolling interquartile mean of the last this many ms. Ours (docs/biomechanics.md#neutral-calibration): the peak of a noisy value overstates the drop (by ~1 deg over 1.5-2 s); a weak hip's drop is held for seconds.`),
});
export type SingleLegStandConfig = z.infer<typeof singleLegStandConfigSchema>;

export const SINGLE_LEG_STAND_REQUIRED = FULL_BODY;

export interface LegResult {
  holdMs: number; peakDropDeg: number; meanDropDeg: number; peakTrunkLeanDeg: number;
  reason: 'target' | 'posture-lost' | 'foot-down'; endedAtMs: number;
}

export interface SingleLegStandState {
  gate: GateState;
  /** Which foot is up (debounced), and each ankle's height in the two-leg stance (engine/foot-lift.ts). */
  lift: FootLiftState;
  /** Stance leg of the trial in progress, null between trials. */
  stance: Side | null;
  hold: HoldTimerState;
  /** The trial in progress: smoothed obliquity ('drop') and lean samples. */
  acc: Accumulator;
  faults: FaultStates;
  /** Two-leg stance outside trials: the person's neutral pelvic and trunk lines. */
  neutral: NeutralState;
  /** The neutral the trial in progress is judged against (frozen at its start); null = none seen, image level used. */
  trialNeutral: BodyLines | null;
  /** Drop and lean against the neutral while the foot is up (engine/stance-lines.ts). */
  windows: StanceLinesState;
  /** After a trial both feet must be down before the next one can start. */
  armed: boolean;
  results: LegTrials<LegResult>;
}

export const singleLegStandInitialState = (): SingleLegStandState => ({
  gate: INITIAL_GATE, lift: INITIAL_FOOT_LIFT, stance: null, hold: INITIAL_HOLD, acc: EMPTY_ACC,
  faults: NO_FAULTS, neutral: INITIAL_NEUTRAL, trialNeutral: null, windows: NO_STANCE_LINES, armed: true,
  results: NO_TRIALS,
});

const holdCfg = (cfg: SingleLegStandConfig) => ({
  // The foot-down debounce decides 'foot-down'; the grace only has to cover visibility lapses. A joint lost for a
  // few frames while the foot is up before and after: the stance went on, count it.
  targetMs: cfg.holdTargetMs, graceMs: Math.max(cfg.lapseGraceMs, cfg.footDownMs + 1), startMs: 0, maxFrameGapMs: 250, bridgeUnknownMs: cfg.dropoutHoldMs,
});

export function singleLegStandStep(s: SingleLegStandState, frame: PoseFrame, cfg: SingleLegStandConfig): { state: SingleLegStandState; findings: Finding[] } {
  const t = frame.timestampMs;
  const findings: Finding[] = [];
  const g = stepGate(s.gate, frame, SINGLE_LEG_STAND_REQUIRED, 'front', cfg, true);
  const L = g.ok ? legPx(frame, 'left', cfg) : null, R = g.ok ? legPx(frame, 'right', cfg) : null;
  if (!g.ok || !g.torso || !L || !R) {
    // Nothing measured, no cue. A running trial pauses (bridged if short, ended after the grace period).
    findings.push(g.ok ? notVisible(SINGLE_LEG_STAND_REQUIRED, t) : g.finding);
    let next: SingleLegStandState = { ...s, gate: g.state };
    if (s.stance) {
      const h = stepHold(s.hold, null, t, holdCfg(cfg));
      next = finishIfEnded({ ...next, hold: h.state }, h.event, findings, t, cfg);
      if (next.stance) findings.push(holdFinding(next, cfg, t));
    }
    findings.push(phaseFinding(phaseOf(next, cfg), t));
    return { state: next, findings };
  }
  const torso = g.torso;
  const lift = stepFootLift(s.lift, L, R, t, cfg);
  let st: SingleLegStandState = { ...s, gate: judged(g.state, t), lift: lift.state };
  if (g.fresh) st = { ...st, faults: NO_FAULTS, windows: NO_STANCE_LINES };
  const lines = bodyLines(L.hip, R.hip, torso.ls, torso.rs);

  if (!st.stance) {
    // Both feet down, no foot on its way up: a two-leg stance frame for the neutral.
    if (bothFeetDown(lift)) st = { ...st, neutral: stepNeutral(st.neutral, lines, t, cfg), lift: learnFootNeutral(lift, t, cfg) };
    if (!st.armed && !lift.up.left && !lift.up.right) st = { ...st, armed: true };
    const lifted = lift.lifted;
    if (st.armed && lifted && (cfg.side === 'auto' || cfg.side === otherSide(lifted.side))) {
      // The trial starts at the first frame of the lift (the onset debounce is counted into the hold).
      st = { ...st, stance: otherSide(lifted.side), hold: { ...INITIAL_HOLD, okSinceMs: lifted.sinceMs }, acc: EMPTY_ACC, faults: NO_FAULTS, armed: false,
        trialNeutral: neutralLines(st.neutral, cfg), windows: NO_STANCE_LINES };
    }
  }
  if (st.stance) {
    const stance = st.stance, liftedSide = otherSide(stance);
    const liftedActive = lift.up[liftedSide];
    const footUp = liftedActive && lift.signal[liftedSide] !== 'clear';
    // The foot back on the floor (before the foot-down debounce ends the trial): two-leg stance for the neutral.
    if (lift.signal[liftedSide] === 'clear') st = { ...st, neutral: stepNeutral(st.neutral, lines, t, cfg) };
    let h = stepHold(st.hold, footUp, t, holdCfg(cfg));
    if (!liftedActive && h.event === null) h = endHold(h.state, 'foot-down', t);
    // Measured only with the foot up, against the neutral; the windows and fault states restart otherwise. The
    // trial reports the peak and mean of a longer average (peakWindowMs): the peak of a noisy value overstates the drop.
    const m = stepStanceLines(st.windows, lines, st.trialNeutral ?? LEVEL, stance, t, footUp, cfg.peakWindowMs, cfg);
    const obliq = m.dropDeg, lean = m.leanDeg;
    // Without a two-leg neutral the pelvic line is measured against the image level but not cued: a rolled camera or
    // the detector's hip placement alone reads several degrees.
    const checks = [pelvicDropCheck(stance, st.trialNeutral ? obliq : Number.NaN, cfg, 'left'), trunkLeanCheck(stance, lean, cfg, 'left')];
    const f = stepFaults(st.faults, footUp ? checks : [], t, { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs });
    st = { ...st, hold: h.state, windows: m.state, faults: f.states, acc: footUp ? accumulate(st.acc, { drop: m.reportDropDeg, lean }) : st.acc };
    if (footUp) {
      if (Number.isFinite(obliq)) findings.push(measure('PELVIC_OBLIQUITY_DEG', stance, obliq, 'deg', t));
      if (Number.isFinite(lean)) findings.push(measure('TRUNK_LEAN_DEG', stance, lean, 'deg', t));
      if (h.state.status !== 'ended') findings.push(...faultCues(f.active, t));
    }
    const before = st;
    st = finishIfEnded(st, h.event, findings, t, cfg);
    findings.push(holdFinding(st.stance ? st : before, cfg, t));
  }
  findings.push(phaseFinding(phaseOf(st, cfg), t));
  return { state: st, findings };
}

const holdFinding = (s: SingleLegStandState, cfg: SingleLegStandConfig, t: number): Finding =>
  holdStatus(s.stance!, s.hold.status === 'running', s.hold.elapsedMs, cfg.holdTargetMs, t);

/** On a hold 'end' event: emit hold-end with the trial metrics, store the leg result, return to waiting. */
function finishIfEnded(s: SingleLegStandState, ev: HoldEvent | null, findings: Finding[], t: number, cfg: SingleLegStandConfig): SingleLegStandState {
  if (ev?.type !== 'end' || !s.stance) return s;
  const stance = s.stance;
  // Judged against the image level (no stance seen before): re-base on the stance seen as the foot came down. The
  // rolling statistics are shift-equivariant, so subtracting the neutral from the peak and mean is exact.
  const after = s.trialNeutral ? null : neutralLines(s.neutral, cfg);
  const shift = after ? stanceAngles(after, stance) : { dropDeg: 0, leanDeg: 0 };
  const result: LegResult = {
    holdMs: ev.elapsedMs, peakDropDeg: accMax(s.acc, 'drop') - shift.dropDeg, meanDropDeg: accMean(s.acc, 'drop') - shift.dropDeg,
    peakTrunkLeanDeg: accMax(s.acc, 'lean') - shift.leanDeg, reason: ev.reason, endedAtMs: t,
  };
  findings.push(holdEndFinding(stance, ev, t, {
    peakDropDeg: result.peakDropDeg, meanDropDeg: result.meanDropDeg, peakTrunkLeanDeg: result.peakTrunkLeanDeg, holdMs: result.holdMs,
    neutralSource: s.trialNeutral ? 1 : after ? 2 : 0,
  }));
  // Left minus right peak drop: the side-to-side comparison the test is used for.
  const { trials: results, diffFinding } = recordTrial(s.results, stance, result, t, { code: 'PEAK_DROP_DIFF_DEG', of: (r) => r.peakDropDeg, unit: 'deg' });
  if (diffFinding) findings.push(diffFinding);
  return { ...s, stance: null, results, faults: NO_FAULTS };
}

const phaseOf = (s: SingleLegStandState, cfg: SingleLegStandConfig): Phase => (s.stance ? 'active' : trialsDone(s.results, cfg.side) ? 'done' : 'setup');

export const singleLegStand: ExerciseDefinition<typeof singleLegStandConfigSchema, SingleLegStandState> = {
  id: 'single-leg-stand',
  name: 'Single-leg stand test (Trendelenburg)',
  group: 'test',
  view: 'front',
  requiredKeypoints: SINGLE_LEG_STAND_REQUIRED,
  sided: true,
  configSchema: singleLegStandConfigSchema,
  description: 'Stand on one leg for up to 30 s facing the camera; measures how far the pelvis drops on the lifted side, per leg.',
  cueCodes: ['PELVIC_DROP', 'TRUNK_LEAN'],
  measureCodes: ['PELVIC_OBLIQUITY_DEG', 'TRUNK_LEAN_DEG', 'PEAK_DROP_DIFF_DEG'],
  limitations: [
    'The hip points are joint centres, not the pelvic bones: the pelvic angle is an estimate, and no validated 2D cut-off exists (the drop threshold is our default). The measured angle is always shown.',
    'Only seen from the front or the back; turned sideways the hip line cannot be measured.',
    'Hip rotation and ankle/foot balance strategies are not judged.',
  ],
  initialState: () => singleLegStandInitialState(),
  step: singleLegStandStep,
};
