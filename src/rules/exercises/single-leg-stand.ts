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
import { FULL_BODY, legLengthPx, legPx } from '../engine/body';
import { commonConfigShape } from '../engine/config';
import { bodyLines, EMPTY_WINDOW, lastSamples, INITIAL_NEUTRAL, LEVEL, neutralLines, neutralShape, pushSample, relativeLines, rollingMidMean, stanceAngles, stepNeutral, windowMedian, windowSpanMs, type BodyLines, type NeutralState, type SampleWindow } from '../engine/neutral';
import { faultCues, holdEndFinding, holdStatus, measure, notVisible, phaseFinding, type Phase } from '../engine/findings';
import { INITIAL_GATE, judged, stepGate, type GateState } from '../engine/gate';
import { INITIAL_HOLD, endHold, stepHold, type HoldEvent, type HoldTimerState } from '../engine/hold-timer';
import { INITIAL_PERSISTENCE, NO_FAULTS, stepFaults, stepPersistence, thresholdSignal, type FaultStates, type PersistenceState } from '../engine/persistence';
import type { ExerciseDefinition, Finding } from '../engine/types';
import { pelvicDropShape, trunkLeanShape } from './standing';

const DOC = 'docs/biomechanics.md#single-leg-stance-and-foot-lift';

export const singleLegStandConfigSchema = z.strictObject({
  ...commonConfigShape,
  side: z.enum(['auto', 'left', 'right']).default('auto')
    .describe("Stance (tested) leg: 'auto' = whichever foot stays down; 'left'/'right' = only trials on that leg count."),
  holdTargetMs: z.number().positive().default(30_000).describe('Trial length (ms). docs/biomechanics.md#pelvic-drop-trendelenburg: the classic test holds up to 30 s.'),
  liftOnFrac: z.number().min(0).max(1).default(0.15)
    .describe(`Foot up when its ankle is higher than the other by >= this fraction of the stance leg length. Ours (${DOC}): above the ~12 % a staggered stance shows, below a real lift.`),
  liftOffFrac: z.number().min(0).max(1).default(0.05).describe(`Foot down when the ankle height difference is < this fraction. Ours (${DOC}): hysteresis.`),
  liftOnNeutralFrac: z.number().min(0).max(1).default(0.08)
    .describe(`With a two-leg neutral: foot up when its ankle is higher than in the neutral (relative to the other ankle) by >= this fraction of the stance leg length. Ours (${DOC}): a staggered stance is in the neutral, so the threshold only has to clear the ~2 % jitter; a small lift (hip flexed 25 deg) reads 9-13 %.`),
  liftOnsetMs: z.number().min(0).default(300).describe(`Foot must stay up this long (ms) to start a trial (counted into it). Ours (${DOC}).`),
  footDownMs: z.number().min(0).default(300).describe(`Foot must stay down this long (ms) to end the trial. Ours (${DOC}).`),
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
  /** Debounced "this foot is up", per side. */
  liftL: PersistenceState;
  liftR: PersistenceState;
  /** Stance leg of the trial in progress, null between trials. */
  stance: Side | null;
  hold: HoldTimerState;
  /** The trial in progress: smoothed obliquity ('drop') and lean samples. */
  acc: Accumulator;
  faults: FaultStates;
  /** Two-leg stance outside trials: the person's neutral pelvic and trunk lines, and each ankle's height over the
   *  other (stance-leg lengths): a staggered stance or the camera's view of the feet. */
  neutral: NeutralState;
  ankleL: SampleWindow;
  ankleR: SampleWindow;
  /** The neutral the trial in progress is judged against (frozen at its start); null = none seen, image level used. */
  trialNeutral: BodyLines | null;
  /** Drop and lean against the neutral while the foot is up (rolling median windows). */
  dropWin: SampleWindow;
  leanWin: SampleWindow;
  /** After a trial both feet must be down before the next one can start. */
  armed: boolean;
  results: { left: LegResult | null; right: LegResult | null };
}

export const singleLegStandInitialState = (): SingleLegStandState => ({
  gate: INITIAL_GATE, liftL: INITIAL_PERSISTENCE, liftR: INITIAL_PERSISTENCE, stance: null, hold: INITIAL_HOLD, acc: EMPTY_ACC,
  faults: NO_FAULTS, neutral: INITIAL_NEUTRAL, ankleL: EMPTY_WINDOW, ankleR: EMPTY_WINDOW, trialNeutral: null, dropWin: EMPTY_WINDOW, leanWin: EMPTY_WINDOW, armed: true,
  results: { left: null, right: null },
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
  // Ankle raise of each foot relative to the other, in stance-leg lengths (camera-distance free).
  const raiseL = (R.ankle.y - L.ankle.y) / legLengthPx(R), raiseR = (L.ankle.y - R.ankle.y) / legLengthPx(L);
  // Against the two-leg neutral when there is one (a staggered stance cancels, a small lift is seen), else absolute.
  const n = ankleNeutral(s, cfg);
  const sigL = n ? thresholdSignal(raiseL - n.left, cfg.liftOnNeutralFrac, cfg.liftOffFrac) : thresholdSignal(raiseL, cfg.liftOnFrac, cfg.liftOffFrac);
  const sigR = n ? thresholdSignal(raiseR - n.right, cfg.liftOnNeutralFrac, cfg.liftOffFrac) : thresholdSignal(raiseR, cfg.liftOnFrac, cfg.liftOffFrac);
  const liftTiming = { onsetMs: cfg.liftOnsetMs, clearMs: cfg.footDownMs };
  const liftL = stepPersistence(s.liftL, sigL, t, liftTiming), liftR = stepPersistence(s.liftR, sigR, t, liftTiming);
  let st: SingleLegStandState = { ...s, gate: judged(g.state, t), liftL, liftR };
  if (g.fresh) st = { ...st, faults: NO_FAULTS, dropWin: EMPTY_WINDOW, leanWin: EMPTY_WINDOW };
  const lines = bodyLines(L.hip, R.hip, torso.ls, torso.rs);

  if (!st.stance) {
    // Both feet down, no foot on its way up: a two-leg stance frame for the neutral.
    if (!liftL.active && !liftR.active && sigL !== 'fault' && sigR !== 'fault') {
      st = { ...st, neutral: stepNeutral(st.neutral, lines, t, cfg), ankleL: pushSample(st.ankleL, t, raiseL, cfg.neutralWindowMs), ankleR: pushSample(st.ankleR, t, raiseR, cfg.neutralWindowMs) };
    }
    if (!st.armed && !liftL.active && !liftR.active) st = { ...st, armed: true };
    const lifted: Side | null = liftL.active && !s.liftL.active ? 'left' : liftR.active && !s.liftR.active ? 'right' : null;
    if (st.armed && lifted && (cfg.side === 'auto' || cfg.side === otherSide(lifted))) {
      // The trial starts at the first frame of the lift (the onset debounce is counted into the hold).
      const liftStart = (lifted === 'left' ? s.liftL.onsetStartMs : s.liftR.onsetStartMs) ?? t;
      st = { ...st, stance: otherSide(lifted), hold: { ...INITIAL_HOLD, okSinceMs: liftStart }, acc: EMPTY_ACC, faults: NO_FAULTS, armed: false,
        trialNeutral: neutralLines(st.neutral, cfg), dropWin: EMPTY_WINDOW, leanWin: EMPTY_WINDOW };
    }
  }
  if (st.stance) {
    const stance = st.stance, liftedSide = otherSide(stance);
    const liftedActive = (liftedSide === 'left' ? liftL : liftR).active;
    const footUp = liftedActive && (liftedSide === 'left' ? sigL : sigR) !== 'clear';
    // The foot back on the floor (before the foot-down debounce ends the trial): two-leg stance for the neutral.
    if ((liftedSide === 'left' ? sigL : sigR) === 'clear') st = { ...st, neutral: stepNeutral(st.neutral, lines, t, cfg) };
    let h = stepHold(st.hold, footUp, t, holdCfg(cfg));
    if (!liftedActive && h.event === null) h = endHold(h.state, 'foot-down', t);
    // Measured only with the foot up, against the neutral; the median windows and fault states restart otherwise.
    const rel = stanceAngles(relativeLines(lines, st.trialNeutral ?? LEVEL), stance);
    // One window serves both: the last medianWindowMs for cues and the live value, the last peakWindowMs for the
    // trial's reported peak and mean (a longer average: the peak of a noisy value overstates the drop).
    const dropWin = footUp ? pushSample(st.dropWin, t, rel.dropDeg, Math.max(cfg.medianWindowMs, cfg.peakWindowMs), cfg.dropMinFrames) : EMPTY_WINDOW;
    const lastMs = (ms: number) => lastSamples(dropWin, t, ms, cfg.dropMinFrames);
    const reportDrop = rollingMidMean(lastMs(cfg.peakWindowMs), cfg.peakWindowMs);
    const leanWin = footUp ? pushSample(st.leanWin, t, rel.leanDeg, cfg.trunkWindowMs) : EMPTY_WINDOW;
    const obliq = rollingMidMean(lastMs(cfg.medianWindowMs), cfg.medianWindowMs, cfg.dropMinFrames), lean = rollingMidMean(leanWin, cfg.trunkWindowMs);
    // Without a two-leg neutral the pelvic line is measured against the image level but not cued: a rolled camera or
    // the detector's hip placement alone reads several degrees.
    const f = stepFaults(st.faults, footUp ? [
      { code: 'PELVIC_DROP', side: stance, severity: 'warning', value: st.trialNeutral ? obliq : Number.NaN, faultAt: cfg.pelvicDropDeg, clearAt: cfg.pelvicDropClearDeg, joints: ['left_hip', 'right_hip'] },
      { code: 'TRUNK_LEAN', side: stance, severity: 'warning', value: lean, faultAt: cfg.trunkLeanDeg, clearAt: cfg.trunkLeanClearDeg, joints: ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'] },
    ] : [], t, { onsetMs: cfg.faultOnsetMs, clearMs: cfg.faultClearMs });
    st = { ...st, hold: h.state, dropWin, leanWin, faults: f.states, acc: footUp ? accumulate(st.acc, { drop: reportDrop, lean }) : st.acc };
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

/** Each ankle's neutral height over the other (median of the two-leg stance), or null before enough stance. */
function ankleNeutral(s: SingleLegStandState, cfg: SingleLegStandConfig): { left: number; right: number } | null {
  if (s.ankleL.length < 3 || windowSpanMs(s.ankleL) < cfg.neutralMinMs) return null;
  return { left: windowMedian(s.ankleL), right: windowMedian(s.ankleR) };
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
  const results = { ...s.results, [stance]: result };
  // Left minus right peak drop: the side-to-side comparison the test is used for.
  if (results.left && results.right) findings.push(measure('PEAK_DROP_DIFF_DEG', 'both', results.left.peakDropDeg - results.right.peakDropDeg, 'deg', t));
  return { ...s, stance: null, results, faults: NO_FAULTS };
}

function phaseOf(s: SingleLegStandState, cfg: SingleLegStandConfig): Phase {
  if (s.stance) return 'active';
  const done = cfg.side === 'auto' ? !!(s.results.left && s.results.right) : !!s.results[cfg.side];
  return done ? 'done' : 'setup';
}

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
