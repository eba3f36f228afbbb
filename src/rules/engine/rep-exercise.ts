// A rep exercise from a declarative spec: the exercise file says what it measures (the rep metric, live measures,
// fault values, per-rep samples) and its thresholds; this step does the bookkeeping with the kit's blocks, so every
// such exercise gets the same guarantees:
//  - no cue, no rep and no measurement from a frame that fails the gate (engine/gate.ts); joints lost for up to
//    `dropoutHoldMs` keep the fault states, filters and start timer, a longer loss resets them;
//  - with `trackPerson` (upright exercises), a pose that jumps to another person is NO_PERSON (engine/identity.ts);
//  - reps by the hysteresis rep counter (engine/rep-counter.ts) on the smoothed rep metric, after the start rule;
//  - cues only after the start, debounced (engine/persistence.ts), on smoothed fault values (engine/ema.ts); a fault
//    not judged on a frame (NaN) clears at once;
//  - per-rep statistics on smoothed samples (engine/accumulator.ts) and rep-level faults from the finished rep.
import type { z } from 'zod';
import type { Point } from '../../core/geometry';
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import { accumulate, EMPTY_ACC, noteFaults, type Accumulator } from './accumulator';
import type { TorsoPoints } from './body';
import type { ProgrammeConfig } from './config';
import { EMPTY_SIGNALS, stepSignals, type SignalBank } from './ema';
import { announcePhase, faultCues, measure, notVisible, repFinding, type Phase, type Unit } from './findings';
import { INITIAL_GATE, judged, stepGate, type GateState } from './gate';
import { faultKey, NO_FAULTS, stepFaults, type FaultCheck, type FaultStates } from './persistence';
import { finiteMetrics } from './stats';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterConfig, type RepCounterState } from './rep-counter';
import type { CameraView, ExerciseDefinition, ExerciseGroup, Finding, FindingSide } from './types';
import { visiblePx } from './visibility';

export interface MeasureOut { code: string; side: FindingSide; value: number; unit: Unit }

export interface Evaluation<A> {
  /** Rep metric; null when it cannot be measured on this frame. */
  primary: number | null;
  measures: MeasureOut[];
  faults: FaultCheck[];
  /** Values gathered into per-rep statistics. */
  samples: Record<string, number>;
  aux: A;
  /** Joints the exercise needed but could not see (e.g. neither side complete): reported as NOT_VISIBLE. */
  missing?: KeypointName[];
}

export interface EvalContext<C> {
  frame: PoseFrame;
  config: C;
  torso: TorsoPoints | null;
  /** Keypoint in px if visible (score + frame margin), else null. */
  pt(name: KeypointName): Point | null;
  /** Rep counter phase before this frame ('setup' until the start position has been held). */
  phase: RepCounterState['phase'];
}

export interface RepMetricContext<C, A = unknown> { config: C; durationMs: number; timeAtTargetMs: number; /** Exercise state after this frame. */ aux: A }

/** What every exercise definition says about itself, besides its step. */
export interface ExerciseInfoSpec<C> {
  id: string; name: string; group?: ExerciseGroup; view: CameraView; sided: boolean;
  description: string; howTo: string;
  /** What a single 2D camera cannot judge in this exercise (shown with the how-to). */
  limitations: readonly string[];
  configSchema: z.ZodType<C>;
  /** Keypoints that must be visible on this frame (the working side's joints; may pick the better-seen side). */
  required(config: C, frame: PoseFrame): readonly KeypointName[];
  cueCodes: readonly string[];
  measureCodes: readonly string[];
  /**
   * Person-switch guard on. For upright exercises only: its jump limit is in torso lengths, and a body lying along
   * the camera axis has a foreshortened torso, so a fast hip lift would read as a jump.
   */
  trackPerson?: boolean;
}

export interface RepExerciseSpec<C extends ProgrammeConfig, A> extends ExerciseInfoSpec<C> {
  repThresholds(config: C): { startThreshold: number; targetThreshold: number };
  initialAux(config: C): A;
  evaluate(ctx: EvalContext<C>, aux: A): Evaluation<A>;
  /** Per-rep metrics from the rep's accumulated samples (keys carry units). */
  repMetrics(acc: Accumulator, ctx: RepMetricContext<C, A>): Record<string, number>;
  /** Side of rep findings; default: config.side if sided, else 'both'. */
  repSide?(config: C): FindingSide;
  /** Rep-level faults judged from the finished rep's metrics (e.g. 'HINGE_SHALLOW'). */
  repFaults?(metrics: Record<string, number>, config: C): string[];
}

export interface RepExerciseState<A> {
  gate: GateState;
  rep: RepCounterState;
  faults: FaultStates;
  /** The rep in progress: samples and the (non-info) cue codes seen. */
  acc: Accumulator;
  timeAtTargetMs: number;
  /** Last frame seen, judged or not (time at the target counts between frames). */
  lastMs: number | null;
  announcedPhase: Phase | null;
  /** Smoothed signals: 'primary', 'sample:<key>', 'fault:<code>:<side>'. */
  signals: SignalBank;
  aux: A;
}

export const initialRepExerciseState = <A>(aux: A): RepExerciseState<A> => ({
  gate: INITIAL_GATE, rep: INITIAL_REP_COUNTER, faults: NO_FAULTS, acc: EMPTY_ACC, timeAtTargetMs: 0,
  lastMs: null, announcedPhase: null, signals: EMPTY_SIGNALS, aux,
});

export function repCounterConfig(c: ProgrammeConfig, th: { startThreshold: number; targetThreshold: number }): RepCounterConfig {
  return { ...th, setupMs: c.setupMs, minTargetMs: c.minTargetMs, minRepMs: c.minRepMs, maxGapMs: c.maxGapMs, setupBridgeMs: c.dropoutHoldMs };
}

/** Nothing measurable on this frame (e.g. not in the exercise's posture): the rep counter sees `null`. */
export const noEvaluation = <A>(aux: A): Evaluation<A> => ({ primary: null, measures: [], faults: [], samples: {}, aux });

const prefixed = (prefix: string, values: Record<string, number>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const k in values) out[prefix + k] = values[k]!;
  return out;
};

/** One frame of a rep exercise. Pure: builds a new state, never mutates `s`. */
export function stepRepExercise<C extends ProgrammeConfig, A>(
  spec: RepExerciseSpec<C, A>, s: RepExerciseState<A>, frame: PoseFrame, config: C,
): { state: RepExerciseState<A>; findings: Finding[] } {
  const t = frame.timestampMs;
  const repCfg = repCounterConfig(config, spec.repThresholds(config));
  const g = stepGate(s.gate, frame, spec.required(config, frame), spec.view, config, spec.trackPerson ?? false);
  if (!g.ok) {
    const rep = stepRepCounter(s.rep, null, t, repCfg);
    return { state: { ...s, gate: g.state, rep: rep.state, lastMs: t }, findings: [g.finding] };
  }
  const ev = spec.evaluate({ frame, config, torso: g.torso, pt: (name) => visiblePx(frame, name, config), phase: s.rep.phase }, s.aux);
  if (ev.missing && ev.missing.length > 0) {
    const rep = stepRepCounter(s.rep, null, t, repCfg);
    return { state: { ...s, gate: g.state, rep: rep.state, lastMs: t, aux: ev.aux }, findings: [notVisible(ev.missing, t)] };
  }
  const findings: Finding[] = [];
  const prevSignals = g.fresh ? EMPTY_SIGNALS : s.signals;
  const p = stepSignals<string>(prevSignals, ev.primary === null ? {} : { primary: ev.primary }, t, config);
  const rep = stepRepCounter(s.rep, ev.primary === null ? null : p.values.primary!, t, repCfg);
  const inRep = rep.state.phase === 'moving' || rep.state.phase === 'target';
  const started = rep.state.phase !== 'setup';
  // Samples are smoothed while a rep is on, fault values once the set has started (each its own filter).
  const faultValues: Record<string, number> = {};
  if (started) for (const f of ev.faults) faultValues[faultKey(f)] = f.value;
  const o = stepSignals(prevSignals, { ...(inRep ? prefixed('sample:', ev.samples) : {}), ...prefixed('fault:', faultValues) }, t, config);

  let acc = s.acc, timeAtTargetMs = s.timeAtTargetMs;
  if (rep.event?.type === 'rep-start') { acc = EMPTY_ACC; timeAtTargetMs = 0; }
  if (inRep) {
    const smoothed: Record<string, number> = {};
    for (const k in ev.samples) smoothed[k] = o.values[`sample:${k}`]!;
    acc = accumulate(acc, smoothed);
    if (rep.state.phase === 'target' && s.rep.phase === 'target' && s.lastMs !== null) timeAtTargetMs += t - s.lastMs;
  }
  // Faults: judged only once the set has started (after the start rule).
  const checks = started ? ev.faults.map((f) => ({ ...f, value: o.values[`fault:${faultKey(f)}`]! })) : [];
  const f = stepFaults(g.fresh ? NO_FAULTS : s.faults, checks, t, { onsetMs: config.faultOnsetMs, clearMs: config.faultClearMs });
  findings.push(...faultCues(f.active, t));
  if (inRep) acc = noteFaults(acc, f.active.filter((x) => x.severity !== 'info').map((x) => x.code));
  for (const m of ev.measures) if (Number.isFinite(m.value)) findings.push(measure(m.code, m.side, m.value, m.unit, t));
  const announcedPhase = announcePhase(s.announcedPhase, started ? 'active' : 'setup', t, findings);

  if (rep.event?.type === 'rep') {
    const metrics = finiteMetrics(spec.repMetrics(acc, { config, durationMs: rep.event.durationMs, timeAtTargetMs, aux: ev.aux }));
    const faults = noteFaults(acc, spec.repFaults?.(metrics, config) ?? []).faults;
    findings.push(repFinding(spec.repSide?.(config) ?? (spec.sided ? config.side : 'both'), rep.event.index, t, rep.event.durationMs, metrics, faults));
    acc = EMPTY_ACC; timeAtTargetMs = 0;
  }
  return {
    state: { gate: judged(g.state, t), rep: rep.state, faults: f.states, acc, timeAtTargetMs, lastMs: t, announcedPhase, signals: { ...p.bank, ...o.bank }, aux: ev.aux },
    findings,
  };
}

/** Turn a spec into a registry definition. */
export function defineRepExercise<C extends ProgrammeConfig, A>(
  spec: RepExerciseSpec<C, A>,
  requiredKeypoints: readonly KeypointName[],
): ExerciseDefinition<z.ZodType<C>, RepExerciseState<A>> & { howTo: string; limitations: readonly string[] } {
  return {
    id: spec.id, name: spec.name, group: spec.group ?? 'strength', view: spec.view, requiredKeypoints, sided: spec.sided,
    configSchema: spec.configSchema, description: spec.description, howTo: spec.howTo, limitations: spec.limitations,
    cueCodes: spec.cueCodes, measureCodes: spec.measureCodes,
    initialState: (config) => initialRepExerciseState(spec.initialAux(config)),
    step: (state, frame, config) => stepRepExercise(spec, state, frame, config),
  };
}
