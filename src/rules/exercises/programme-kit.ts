// Shared step for the gluteus-medius programme's rep exercises (issue 7), built only from the engine blocks:
// gateFrame (visibility + view check), stepRepCounter (hysteresis + minimum phase times), stepThresholdFault
// (fault persistence with hysteresis) and Stat (per-rep statistics). An exercise file supplies the biomechanics:
// which keypoints, how to turn them into the rep metric and the fault values, and the per-rep metrics. This keeps
// a dozen exercises from copying the same bookkeeping, so every one of them gets the same guarantees:
//  - no cue, no rep and no measurement from a frame that fails the gate (a 'visibility' finding instead); joints
//    lost for up to `dropoutHoldMs` keep the debounced fault states, the smoothed signals and the setup timer (as the
//    headline checks: a 1-frame dropout must not split a cue or restart the setup), a longer loss resets them;
//  - with `trackPerson` (upright exercises), a pose that jumps to another person is NO_PERSON (engine/identity.ts);
//  - cues are evaluated only after setup (holding the start position), so getting into position never cues;
//  - a cue shows only after `faultOnsetMs` and clears after `faultClearMs` (engine/persistence.ts).
import { z } from 'zod';
import type { Point } from '../../core/geometry';
import type { KeypointName, PoseFrame, Side } from '../../core/pose-frame';
import type { TorsoPoints } from '../engine/body';
import { commonConfigShape, type CommonConfig } from '../engine/config';
import { cue, gateFrame, lostTooLong, measure, phaseFinding } from '../engine/gate';
import { INITIAL_PERSISTENCE, stepThresholdFault, type PersistenceState } from '../engine/persistence';
import { INITIAL_REP_COUNTER, stepRepCounter, type RepCounterConfig, type RepCounterState } from '../engine/rep-counter';
import { addSample, EMPTY_STAT, finiteMetrics, type Stat } from '../engine/stats';
import type { CameraView, ExerciseDefinition, ExerciseGroup, Finding, FindingSide, Severity } from '../engine/types';
import { INITIAL_VIEW_CHECK, type ViewCheckState } from '../engine/view-check';
import { INITIAL_IDENTITY, type IdentityState } from '../engine/identity';
import { visiblePx } from '../engine/visibility';

/** Rep timing shared by the programme's rep exercises (flat in each exercise's config). */
export const repTimingShape = {
  setupMs: z.number().min(0).max(10_000).default(800)
    .describe('Start position must be held this long (ms) before reps count (NOTES: no reps while getting into position). Our default: 0.8 s, short enough for a clip that starts mid-set.'),
  minTargetMs: z.number().min(0).max(5000).default(100)
    .describe('Minimum time (ms) in the target zone for a rep. Our default: 100 ms rejects a one-frame spike at 30 fps but accepts one frame at 5 fps (engine/rep-counter.ts).'),
  minRepMs: z.number().min(0).max(10_000).default(600)
    .describe('A rep faster than this (ms) is rejected as noise. Our default: these are slow, controlled rehab exercises.'),
  smoothingMs: z.number().min(0).max(2000).default(150)
    .describe('Time constant (ms) of a low-pass filter on the rep metric, the fault values and the per-rep samples (not on the live measures). Our default: measured on synthetic frames with 1.5 px keypoint noise, a ~40 px hip line or a ~250 px leg jitters by ~3 deg / ~0.01 of leg length frame to frame, enough to break the setup hold and bias per-rep peaks; 150 ms cuts that noise ~3x at 30 fps and adds ~150 ms of lag to slow rehab movements. 0 = off.'),
  maxGapMs: z.number().min(0).max(10_000).default(1000)
    .describe('If the rep metric cannot be measured for longer than this (ms), the rep in progress is dropped (no reps bridged over stale angles). Our default.'),
};

export const sideShape = {
  side: z.enum(['left', 'right']).default('left')
    .describe('Working side the user picked (see each exercise for which leg that is).'),
};

export type RepTiming = { setupMs: number; minTargetMs: number; minRepMs: number; maxGapMs: number; smoothingMs: number };
export type KitConfig = CommonConfig & RepTiming & { side: Side };

export const programmeBaseShape = { ...commonConfigShape, ...repTimingShape, ...sideShape };

/** A fault value checked on this frame; the kit debounces it per `code` + `side`. */
export interface FaultCheck {
  code: string;
  side: FindingSide;
  severity: Severity;
  /** NaN = not judged on this frame (e.g. the knee is not bent, or a joint of this check is hidden): the cue clears
   *  at once rather than staying on from an older frame. */
  value: number;
  /** Fault when value is past faultAt; clears when back past clearAt (direction from their order, engine/persistence). */
  faultAt: number;
  clearAt: number;
  joints: KeypointName[];
}

export interface MeasureOut { code: string; side: FindingSide; value: number; unit: 'deg' | 'ratio' | 'ms' | 'count' }

export interface Evaluation<A> {
  /** Rep metric; null when it cannot be measured on this frame. */
  primary: number | null;
  measures: MeasureOut[];
  faults: FaultCheck[];
  /** Values gathered into per-rep statistics (key -> Stat). */
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

export interface RepExerciseSpec<C extends KitConfig, A> {
  id: string;
  name: string;
  group?: ExerciseGroup;
  view: CameraView;
  sided: boolean;
  description: string;
  howTo: string;
  /** What a single 2D camera cannot judge in this exercise (shown with the how-to). */
  limitations: readonly string[];
  configSchema: z.ZodType<C>;
  /** Keypoints that must be visible on this frame (the working side's joints; may pick the better-seen side). */
  required(config: C, frame: PoseFrame): readonly KeypointName[];
  repThresholds(config: C): { startThreshold: number; targetThreshold: number };
  initialAux(config: C): A;
  evaluate(ctx: EvalContext<C>, aux: A): Evaluation<A>;
  /** Per-rep metrics from the rep's statistics (keys carry units). */
  repMetrics(stats: Readonly<Record<string, Stat>>, ctx: RepMetricContext<C, A>): Record<string, number>;
  /** Side of rep findings; default: config.side if sided, else 'both'. */
  repSide?(config: C): FindingSide;
  /** Rep-level faults judged from the finished rep's metrics (e.g. 'HINGE_SHALLOW'). */
  repFaults?(metrics: Record<string, number>, config: C): string[];
  cueCodes: readonly string[];
  measureCodes: readonly string[];
  /**
   * Person-switch guard (engine/identity.ts) on. For upright exercises only: its jump limit is in torso lengths,
   * and a body lying along the camera axis has a foreshortened torso, so a fast hip lift would read as a jump
   * (measured on the synthetic front-view bridge: 500 ms of NO_PERSON at every lift).
   */
  trackPerson?: boolean;
}

export interface KitState<A> {
  view: ViewCheckState;
  identity: IdentityState;
  /** Last frame that could be judged (for the dropout rule). */
  lastJudgedMs: number | null;
  rep: RepCounterState;
  faults: Readonly<Record<string, PersistenceState>>;
  stats: Readonly<Record<string, Stat>>;
  /** Cue codes seen active during the rep in progress. */
  repFaults: readonly string[];
  timeAtTargetMs: number;
  lastMs: number | null;
  announcedPhase: 'setup' | 'active' | null;
  /** Low-pass filter state per signal key ('primary', 'fault:<code>:<side>', 'sample:<key>'). */
  smooth: Readonly<Record<string, number>>;
  aux: A;
}

export function initialKitState<A>(aux: A): KitState<A> {
  return {
    view: INITIAL_VIEW_CHECK, identity: INITIAL_IDENTITY, lastJudgedMs: null,
    rep: INITIAL_REP_COUNTER, faults: {}, stats: {}, repFaults: [], timeAtTargetMs: 0,
    lastMs: null, announcedPhase: null, smooth: {}, aux,
  };
}

/**
 * Exponential low-pass over frame time: first value passes through; NaN resets the key (no stale value is carried
 * over a gap in the signal). `dtMs` = time since the previous frame.
 */
function lowPass(prev: Readonly<Record<string, number>>, next: Record<string, number>, key: string, v: number, dtMs: number, tauMs: number): number {
  if (!Number.isFinite(v)) return v;
  const p = prev[key];
  const out = tauMs <= 0 || p === undefined || !(dtMs > 0) ? v : p + (v - p) * (1 - Math.exp(-dtMs / tauMs));
  next[key] = out;
  return out;
}

const faultKey = (f: { code: string; side: FindingSide }): string => `${f.code}:${f.side}`;

export function repCounterConfig(c: KitConfig, th: { startThreshold: number; targetThreshold: number }): RepCounterConfig {
  return { ...th, setupMs: c.setupMs, minTargetMs: c.minTargetMs, minRepMs: c.minRepMs, maxGapMs: c.maxGapMs, setupBridgeMs: c.dropoutHoldMs };
}

/** One frame of a programme rep exercise. Pure: builds a new state, never mutates `s`. */
export function stepRepExercise<C extends KitConfig, A>(
  spec: RepExerciseSpec<C, A>,
  s: KitState<A>,
  frame: PoseFrame,
  config: C,
): { state: KitState<A>; findings: Finding[] } {
  const t = frame.timestampMs;
  const findings: Finding[] = [];
  const repCfg = repCounterConfig(config, spec.repThresholds(config));
  const gate = gateFrame(frame, spec.required(config, frame), spec.view, s.view, config, spec.trackPerson ? s.identity : undefined);
  const identity = gate.identity ?? s.identity;
  if (!gate.ok) {
    // Not judgeable: no cue; the rep counter sees "no value" (drops the rep after maxGapMs); the fault states and
    // smoothed signals wait (reset on the next judged frame if the loss outlasts dropoutHoldMs).
    const rep = stepRepCounter(s.rep, null, t, repCfg);
    findings.push(gate.finding);
    return { state: { ...s, view: gate.view, identity, rep: rep.state, lastMs: t }, findings };
  }
  const pt = (name: KeypointName) => visiblePx(frame, name, config);
  const ev = spec.evaluate({ frame, config, torso: gate.torso, pt, phase: s.rep.phase }, s.aux);
  if (ev.missing && ev.missing.length > 0) {
    const rep = stepRepCounter(s.rep, null, t, repCfg);
    findings.push({ kind: 'visibility', code: 'NOT_VISIBLE', missing: ev.missing, timestampMs: t });
    return { state: { ...s, view: gate.view, identity, rep: rep.state, lastMs: t, aux: ev.aux }, findings };
  }
  // After a loss longer than dropoutHoldMs nothing from before it is used: fault states and filters restart.
  const fresh = lostTooLong(s.lastJudgedMs, t, config);
  const prevFaults = fresh ? {} : s.faults;
  const prevSmooth = fresh ? {} : s.smooth;
  const smooth: Record<string, number> = {};
  const dt = s.lastJudgedMs === null ? 0 : t - s.lastJudgedMs;
  const lp = (key: string, v: number) => lowPass(prevSmooth, smooth, key, v, dt, config.smoothingMs);
  const primary = ev.primary === null ? null : lp('primary', ev.primary);
  const rep = stepRepCounter(s.rep, primary, t, repCfg);

  let stats = s.stats;
  let repFaults = s.repFaults;
  let timeAtTargetMs = s.timeAtTargetMs;
  const ev0 = rep.event;
  if (ev0?.type === 'rep-start') { stats = {}; repFaults = []; timeAtTargetMs = 0; }
  const inRep = rep.state.phase === 'moving' || rep.state.phase === 'target';
  if (inRep) {
    const next: Record<string, Stat> = { ...stats };
    for (const k in ev.samples) next[k] = addSample(next[k] ?? EMPTY_STAT, lp(`sample:${k}`, ev.samples[k]!));
    stats = next;
    if (rep.state.phase === 'target' && s.rep.phase === 'target' && s.lastMs !== null) timeAtTargetMs += t - s.lastMs;
  }

  // Faults: judged only once the set is active (after setup).
  const faults: Record<string, PersistenceState> = {};
  if (rep.state.phase !== 'setup') {
    const timing = { onsetMs: config.faultOnsetMs, clearMs: config.faultClearMs };
    for (const f of ev.faults) {
      const key = faultKey(f);
      const value = lp(`fault:${key}`, f.value);
      if (Number.isNaN(value)) continue; // not judged now: tracker reset (absent from `faults`), no stale cue
      const st = stepThresholdFault(prevFaults[key] ?? INITIAL_PERSISTENCE, value, f.faultAt, f.clearAt, t, timing);
      faults[key] = st;
      if (st.active) {
        findings.push(cue(f.code, f.side, f.severity, t, f.joints, value));
        if (inRep && f.severity !== 'info' && !repFaults.includes(f.code)) repFaults = [...repFaults, f.code];
      }
    }
  }
  for (const m of ev.measures) if (Number.isFinite(m.value)) findings.push(measure(m.code, m.side, m.value, m.unit, t));

  const phase = rep.state.phase === 'setup' ? 'setup' : 'active';
  let announcedPhase = s.announcedPhase;
  if (phase !== announcedPhase) { findings.push(phaseFinding(phase, t)); announcedPhase = phase; }

  if (ev0?.type === 'rep') {
    const metrics = finiteMetrics(spec.repMetrics(stats, { config, durationMs: ev0.durationMs, timeAtTargetMs, aux: ev.aux }));
    const extra = spec.repFaults?.(metrics, config) ?? [];
    findings.push({
      kind: 'rep', side: spec.repSide?.(config) ?? (spec.sided ? config.side : 'both'), index: ev0.index, timestampMs: t,
      durationMs: ev0.durationMs, metrics, faults: [...repFaults, ...extra.filter((c) => !repFaults.includes(c))],
    });
    stats = {}; repFaults = []; timeAtTargetMs = 0;
  }
  return {
    state: { view: gate.view, identity, lastJudgedMs: t, rep: rep.state, faults, stats, repFaults, timeAtTargetMs, lastMs: t, announcedPhase, smooth, aux: ev.aux },
    findings,
  };
}

/** Turn a spec into a registry definition. */
export function defineRepExercise<C extends KitConfig, A>(
  spec: RepExerciseSpec<C, A>,
  requiredKeypoints: readonly KeypointName[],
): ExerciseDefinition<z.ZodType<C>, KitState<A>> & { howTo: string; limitations: readonly string[] } {
  return {
    id: spec.id,
    name: spec.name,
    group: spec.group ?? 'strength',
    view: spec.view,
    requiredKeypoints,
    sided: spec.sided,
    configSchema: spec.configSchema,
    description: spec.description,
    howTo: spec.howTo,
    limitations: spec.limitations,
    cueCodes: spec.cueCodes,
    measureCodes: spec.measureCodes,
    initialState: (config) => initialKitState(spec.initialAux(config)),
    step: (state, frame, config) => stepRepExercise(spec, state, frame, config),
  };
}

// ------------------------------------------------------------------ small shared measurements

/** Running maximum that ignores a single-frame spike: max over the median of the last 3 values. */
export interface RobustMax { readonly recent: readonly number[]; readonly max: number }
export const EMPTY_ROBUST_MAX: RobustMax = Object.freeze({ recent: [], max: Number.NaN });
export function stepRobustMax(s: RobustMax, v: number): RobustMax {
  if (!Number.isFinite(v)) return s;
  const recent = [...s.recent.slice(-2), v];
  if (recent.length < 3) return { recent, max: s.max };
  const med = [...recent].sort((a, b) => a - b)[1]!;
  return { recent, max: Number.isNaN(s.max) || med > s.max ? med : s.max };
}

/** Calibration mean collected while the set is in setup, frozen afterwards. */
export function stepBaseline(b: Stat, v: number, phase: RepCounterState['phase']): Stat {
  return phase === 'setup' ? addSample(b, v) : b;
}

/** Max / min / mean of a per-rep sample key; NaN if never sampled (finiteMetrics then drops it). */
export const repMax = (st: Readonly<Record<string, Stat>>, key: string): number => { const v = st[key]; return v && v.n > 0 ? v.max : Number.NaN; };
export const repMin = (st: Readonly<Record<string, Stat>>, key: string): number => { const v = st[key]; return v && v.n > 0 ? v.min : Number.NaN; };
export const repMean = (st: Readonly<Record<string, Stat>>, key: string): number => { const v = st[key]; return v && v.n > 0 ? v.sum / v.n : Number.NaN; };

/** Nothing measurable on this frame (e.g. not in the exercise's posture): the rep counter sees `null`. */
export const noEvaluation = <A>(aux: A): Evaluation<A> => ({ primary: null, measures: [], faults: [], samples: {}, aux });

// ------------------------------------------------------------------ side view: pick the side the camera sees

export type SideJointName = 'shoulder' | 'hip' | 'knee' | 'ankle' | 'elbow' | 'wrist';

/**
 * In a side view one side is near the camera and the other hidden behind the body. The side whose `joints` are
 * all visible with the higher minimum score, or null if neither side is complete.
 */
export function nearSide(frame: PoseFrame, joints: readonly SideJointName[], vis: { minKeypointScore: number; frameMarginFrac: number }): Side | null {
  let best: Side | null = null, bestScore = -1;
  for (const side of ['left', 'right'] as const) {
    let min = Infinity;
    for (const j of joints) {
      const name = `${side}_${j}` as KeypointName;
      if (!visiblePx(frame, name, vis)) { min = -1; break; }
      min = Math.min(min, frame.keypoints![name].score);
    }
    if (min > bestScore) { bestScore = min; best = min >= 0 ? side : best; }
  }
  return best;
}

/** Keypoint names of `joints` on `side`. */
export const sideNames = (side: Side, joints: readonly SideJointName[]): KeypointName[] => joints.map((j) => `${side}_${j}` as KeypointName);
