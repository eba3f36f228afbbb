// A repeated timed hold from a declarative spec (the exercise says when the posture is correct, when the person has
// clearly left the position, what it measures and which faults it judges), built on the hold timer
// (engine/hold-timer.ts: counts only while the posture is correct, short lapses pause it, a long lapse ends it),
// the gate and fault persistence, with the guarantees of engine/rep-exercise.ts: no cue and no running clock from a
// frame that fails the gate, cues only while a hold is on, debounced. Holds repeat: after a hold ends, the next one
// is armed once the user has clearly left the position (`released`, e.g. legs down / foot down).
import type { z } from 'zod';
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import { accumulate, EMPTY_ACC, type Accumulator } from './accumulator';
import type { CommonConfig } from './config';
import { announcePhase, faultCues, holdEndFinding, holdStatus, measure, notVisible, phaseFinding, type Phase } from './findings';
import { INITIAL_GATE, judged, stepGate, type GateState } from './gate';
import { endHold, INITIAL_HOLD, stepHold, type HoldEvent, type HoldTimerConfig, type HoldTimerState } from './hold-timer';
import { NO_FAULTS, stepFaults, type FaultCheck, type FaultStates } from './persistence';
import type { EvalContext, ExerciseInfoSpec, MeasureOut } from './rep-exercise';
import type { ExerciseDefinition, Finding, FindingSide } from './types';
import { visiblePx } from './visibility';

export interface HoldEvaluation<A> {
  /** Posture correct this frame (the clock runs). */
  postureOk: boolean;
  /** Clearly out of the position (ends a running hold as 'foot-down' if `endOnRelease`, re-arms after an end). */
  released: boolean;
  measures: MeasureOut[];
  faults: FaultCheck[];
  samples: Record<string, number>;
  aux: A;
  missing?: KeypointName[];
}

export interface HoldExerciseSpec<C extends CommonConfig, A> extends ExerciseInfoSpec<C> {
  holdTimer(config: C): HoldTimerConfig;
  /** End a running hold at once when released (e.g. foot down), instead of after the grace period. */
  endOnRelease: boolean;
  /** Stop after this many holds (phase 'done'); undefined = no limit. */
  totalHolds?(config: C): number;
  holdSide(config: C): FindingSide;
  initialAux(config: C): A;
  /** `holding`: a hold was running or lapsed before this frame (a frame for a two-leg neutral is one outside holds). */
  evaluate(ctx: EvalContext<C> & { holdsDone: number; holding: boolean }, aux: A): HoldEvaluation<A>;
  holdMetrics(acc: Accumulator, ctx: { config: C; holdsDone: number; aux: A }): Record<string, number>;
}

export interface HoldExerciseState<A> {
  gate: GateState;
  hold: HoldTimerState;
  faults: FaultStates;
  /** The hold in progress: samples while the clock runs. */
  acc: Accumulator;
  holdsDone: number;
  announcedPhase: Phase | null;
  aux: A;
}

const active = (h: HoldTimerState) => h.status === 'running' || h.status === 'lapsed';

export function stepHoldExercise<C extends CommonConfig, A>(
  spec: HoldExerciseSpec<C, A>, s: HoldExerciseState<A>, frame: PoseFrame, config: C,
): { state: HoldExerciseState<A>; findings: Finding[] } {
  const t = frame.timestampMs;
  const findings: Finding[] = [];
  // Joints lost for a moment (<= dropoutHoldMs) are bridged: their time counts if the posture is right after.
  const cfg = { bridgeUnknownMs: config.dropoutHoldMs, ...spec.holdTimer(config) };
  const side = spec.holdSide(config);
  const total = spec.totalHolds?.(config);
  if (total !== undefined && s.holdsDone >= total) {
    return { state: s, findings: s.announcedPhase === 'done' ? [] : [phaseFinding('done', t)] };
  }
  /** Hold status and, on an end, the hold-end with its metrics; returns the holds done. */
  const report = (hold: HoldTimerState, ev: HoldEvent | null, acc: Accumulator, aux: A, holdsDone: number): number => {
    if (active(hold)) findings.push(holdStatus(side, hold.status === 'running', hold.elapsedMs, cfg.targetMs, t));
    if (ev?.type !== 'end') return holdsDone;
    findings.push(holdEndFinding(side, ev, t, spec.holdMetrics(acc, { config, holdsDone, aux })));
    return holdsDone + 1;
  };

  const g = stepGate(s.gate, frame, spec.required(config, frame), spec.view, config, spec.trackPerson ?? false);
  const pt = (name: KeypointName) => visiblePx(frame, name, config);
  const ev = g.ok ? spec.evaluate({ frame, config, torso: g.torso, pt, phase: 'start', holdsDone: s.holdsDone, holding: active(s.hold) }, s.aux) : null;
  if (!g.ok || !ev || (ev.missing && ev.missing.length > 0)) {
    findings.push(g.ok ? notVisible(ev?.missing ?? [], t) : g.finding);
    // Not judgeable (unknown posture): the clock pauses, ends after the grace period; a short loss is bridged. No
    // cue; the fault states wait (reset on the next judged frame if the loss outlasts dropoutHoldMs).
    const step = s.hold.status === 'ended' ? { state: s.hold, event: null } : stepHold(s.hold, null, t, cfg);
    const aux = ev?.aux ?? s.aux;
    const holdsDone = report(step.state, step.event, s.acc, aux, s.holdsDone);
    return { state: { ...s, gate: g.state, hold: step.state, holdsDone, aux }, findings };
  }

  let hold = s.hold, acc = s.acc;
  let event: HoldEvent | null = null;
  if (hold.status === 'ended') {
    if (ev.released) hold = INITIAL_HOLD;
  } else if (ev.released && spec.endOnRelease && active(hold)) {
    ({ state: hold, event } = endHold(hold, 'foot-down', t));
  } else {
    ({ state: hold, event } = stepHold(hold, ev.postureOk, t, cfg));
  }
  if (event?.type === 'start') acc = EMPTY_ACC;
  if (hold.status === 'running') acc = accumulate(acc, ev.samples);
  const f = stepFaults(g.fresh ? NO_FAULTS : s.faults, active(hold) ? ev.faults : [], t, { onsetMs: config.faultOnsetMs, clearMs: config.faultClearMs });
  findings.push(...faultCues(f.active, t));
  for (const m of ev.measures) if (Number.isFinite(m.value)) findings.push(measure(m.code, m.side, m.value, m.unit, t));
  const holdsDone = report(hold, event, acc, ev.aux, s.holdsDone);
  const phase: Phase = total !== undefined && holdsDone >= total ? 'done' : holdsDone > 0 || hold.status !== 'waiting' ? 'active' : 'setup';
  const announcedPhase = announcePhase(s.announcedPhase, phase, t, findings);
  return { state: { gate: judged(g.state, t), hold, faults: f.states, acc, holdsDone, announcedPhase, aux: ev.aux }, findings };
}

export function defineHoldExercise<C extends CommonConfig, A>(
  spec: HoldExerciseSpec<C, A>, requiredKeypoints: readonly KeypointName[],
): ExerciseDefinition<z.ZodType<C>, HoldExerciseState<A>> & { howTo: string; limitations: readonly string[] } {
  return {
    id: spec.id, name: spec.name, group: spec.group ?? 'hold', view: spec.view, requiredKeypoints, sided: spec.sided,
    configSchema: spec.configSchema, description: spec.description, howTo: spec.howTo, limitations: spec.limitations,
    cueCodes: spec.cueCodes, measureCodes: spec.measureCodes,
    initialState: (config) => ({ gate: INITIAL_GATE, hold: INITIAL_HOLD, faults: NO_FAULTS, acc: EMPTY_ACC, holdsDone: 0, announcedPhase: null, aux: spec.initialAux(config) }),
    step: (state, frame, config) => stepHoldExercise(spec, state, frame, config),
  };
}
