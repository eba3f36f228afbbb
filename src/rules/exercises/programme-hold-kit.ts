// Shared step for the programme's timed holds (prone straddle hold, multi-angle wall clamshell), built on the
// engine's hold timer (engine/hold-timer.ts: counts only while the posture is correct, short lapses pause it, a
// long lapse ends the hold), gateFrame and fault persistence, with the same guarantees as programme-kit.ts:
// no cue and no running clock from a frame that fails the gate, cues only while a hold is on, debounced.
// Holds repeat: after a hold ends, the next one is armed once the user has clearly left the position
// (`released`, e.g. legs down / foot down).
import { z } from 'zod';
import type { KeypointName, PoseFrame } from '../../core/pose-frame';
import { cue, gateFrame, lostTooLong, measure, phaseFinding } from '../engine/gate';
import { endHold, INITIAL_HOLD, stepHold, type HoldEvent, type HoldTimerConfig, type HoldTimerState } from '../engine/hold-timer';
import { INITIAL_PERSISTENCE, stepThresholdFault, type PersistenceState } from '../engine/persistence';
import { addSample, EMPTY_STAT, finiteMetrics, type Stat } from '../engine/stats';
import type { CameraView, ExerciseDefinition, Finding, FindingSide } from '../engine/types';
import { INITIAL_VIEW_CHECK, type ViewCheckState } from '../engine/view-check';
import { visiblePx } from '../engine/visibility';
import { INITIAL_IDENTITY, type IdentityState } from '../engine/identity';
import type { EvalContext, FaultCheck, KitConfig, MeasureOut } from './programme-kit';

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

export interface HoldExerciseSpec<C extends KitConfig, A> {
  id: string; name: string; view: CameraView; sided: boolean;
  description: string; howTo: string; limitations: readonly string[];
  configSchema: z.ZodType<C>;
  required(config: C, frame: PoseFrame): readonly KeypointName[];
  holdTimer(config: C): HoldTimerConfig;
  /** End a running hold at once when released (e.g. foot down), instead of after the grace period. */
  endOnRelease: boolean;
  /** Stop after this many holds (phase 'done'); undefined = no limit. */
  totalHolds?(config: C): number;
  holdSide(config: C): FindingSide;
  initialAux(config: C): A;
  evaluate(ctx: EvalContext<C> & { holdsDone: number }, aux: A): HoldEvaluation<A>;
  holdMetrics(stats: Readonly<Record<string, Stat>>, ctx: { config: C; holdsDone: number; aux: A }): Record<string, number>;
  cueCodes: readonly string[];
  measureCodes: readonly string[];
  /** Person-switch guard on (upright holds only; see RepExerciseSpec.trackPerson). */
  trackPerson?: boolean;
}

export interface HoldKitState<A> {
  view: ViewCheckState;
  identity: IdentityState;
  /** Last frame that could be judged (for the dropout rule). */
  lastJudgedMs: number | null;
  hold: HoldTimerState;
  faults: Readonly<Record<string, PersistenceState>>;
  stats: Readonly<Record<string, Stat>>;
  holdsDone: number;
  announcedPhase: 'setup' | 'active' | 'done' | null;
  aux: A;
}

const active = (h: HoldTimerState) => h.status === 'running' || h.status === 'lapsed';

export function stepHoldExercise<C extends KitConfig, A>(
  spec: HoldExerciseSpec<C, A>, s: HoldKitState<A>, frame: PoseFrame, config: C,
): { state: HoldKitState<A>; findings: Finding[] } {
  const t = frame.timestampMs;
  const findings: Finding[] = [];
  // Joints lost for a moment (<= dropoutHoldMs) are bridged: their time counts if the posture is right after.
  const cfg = { bridgeUnknownMs: config.dropoutHoldMs, ...spec.holdTimer(config) };
  const side = spec.holdSide(config);
  const total = spec.totalHolds?.(config);
  if (total !== undefined && s.holdsDone >= total) {
    return { state: s, findings: s.announcedPhase === 'done' ? [] : [phaseFinding('done', t)] };
  }
  const finish = (hold: HoldTimerState, ev: HoldEvent | null, stats: Readonly<Record<string, Stat>>, aux: A, holdsDone: number) => {
    if (active(hold)) findings.push({ kind: 'hold', side, running: hold.status === 'running', elapsedMs: hold.elapsedMs, targetMs: cfg.targetMs, timestampMs: t });
    if (ev?.type === 'end') {
      findings.push({ kind: 'hold-end', side, elapsedMs: ev.elapsedMs, reason: ev.reason, timestampMs: t, metrics: finiteMetrics(spec.holdMetrics(stats, { config, holdsDone, aux })) });
      holdsDone += 1;
    }
    return holdsDone;
  };

  const gate = gateFrame(frame, spec.required(config, frame), spec.view, s.view, config, spec.trackPerson ? s.identity : undefined);
  const identity = gate.identity ?? s.identity;
  const pt = (name: KeypointName) => visiblePx(frame, name, config);
  const ev = gate.ok ? spec.evaluate({ frame, config, torso: gate.torso, pt, phase: 'start', holdsDone: s.holdsDone }, s.aux) : null;
  if (!gate.ok || !ev || (ev.missing && ev.missing.length > 0)) {
    findings.push(gate.ok ? { kind: 'visibility', code: 'NOT_VISIBLE', missing: ev?.missing ?? [], timestampMs: t } : gate.finding);
    // Not judgeable (unknown posture): the clock pauses, ends after the grace period; a short loss is bridged. No
    // cue; the fault states wait (reset on the next judged frame if the loss outlasts dropoutHoldMs).
    const step = s.hold.status === 'ended' ? { state: s.hold, event: null } : stepHold(s.hold, null, t, cfg);
    const holdsDone = finish(step.state, step.event, s.stats, ev?.aux ?? s.aux, s.holdsDone);
    return { state: { ...s, view: gate.view, identity, hold: step.state, holdsDone, aux: ev?.aux ?? s.aux }, findings };
  }

  let hold = s.hold, stats = s.stats;
  let event: HoldEvent | null = null;
  if (hold.status === 'ended') {
    if (ev.released) hold = INITIAL_HOLD;
  } else if (ev.released && spec.endOnRelease && active(hold)) {
    ({ state: hold, event } = endHold(hold, 'foot-down', t));
  } else {
    ({ state: hold, event } = stepHold(hold, ev.postureOk, t, cfg));
  }
  if (event?.type === 'start') stats = {};
  if (hold.status === 'running') {
    const next: Record<string, Stat> = { ...stats };
    for (const k in ev.samples) next[k] = addSample(next[k] ?? EMPTY_STAT, ev.samples[k]!);
    stats = next;
  }
  const prevFaults = lostTooLong(s.lastJudgedMs, t, config) ? {} : s.faults;
  const faults: Record<string, PersistenceState> = {};
  if (active(hold)) {
    const timing = { onsetMs: config.faultOnsetMs, clearMs: config.faultClearMs };
    for (const f of ev.faults) {
      const key = `${f.code}:${f.side}`;
      const st = stepThresholdFault(prevFaults[key] ?? INITIAL_PERSISTENCE, f.value, f.faultAt, f.clearAt, t, timing);
      faults[key] = st;
      if (st.active) findings.push(cue(f.code, f.side, f.severity, t, f.joints, f.value));
    }
  }
  for (const m of ev.measures) if (Number.isFinite(m.value)) findings.push(measure(m.code, m.side, m.value, m.unit, t));
  const holdsDone = finish(hold, event, stats, ev.aux, s.holdsDone);
  let announcedPhase = s.announcedPhase;
  const phase = total !== undefined && holdsDone >= total ? 'done' : holdsDone > 0 || hold.status !== 'waiting' ? 'active' : 'setup';
  if (phase !== announcedPhase) { findings.push(phaseFinding(phase, t)); announcedPhase = phase; }
  return { state: { view: gate.view, identity, lastJudgedMs: t, hold, faults, stats, holdsDone, announcedPhase, aux: ev.aux }, findings };
}

export function defineHoldExercise<C extends KitConfig, A>(
  spec: HoldExerciseSpec<C, A>, requiredKeypoints: readonly KeypointName[],
): ExerciseDefinition<z.ZodType<C>, HoldKitState<A>> & { howTo: string; limitations: readonly string[] } {
  return {
    id: spec.id, name: spec.name, group: 'hold', view: spec.view, requiredKeypoints, sided: spec.sided,
    configSchema: spec.configSchema, description: spec.description, howTo: spec.howTo, limitations: spec.limitations,
    cueCodes: spec.cueCodes, measureCodes: spec.measureCodes,
    initialState: (config) => ({ view: INITIAL_VIEW_CHECK, identity: INITIAL_IDENTITY, lastJudgedMs: null, hold: INITIAL_HOLD, faults: {}, stats: {}, holdsDone: 0, announcedPhase: null, aux: spec.initialAux(config) }),
    step: (state, frame, config) => stepHoldExercise(spec, state, frame, config),
  };
}


/** Hold timing shared by the programme's holds (flat in each exercise's config). */
export const holdTimingShape = {
  graceMs: z.number().min(0).max(10_000).default(1000)
    .describe('A lapse (posture lost or joints not visible) shorter than this pauses the clock; longer ends the hold. Our default: 1 s.'),
  holdStartMs: z.number().min(0).max(5000).default(300)
    .describe('Posture must be correct this long before the clock starts (counted into the hold). Our default.'),
  maxFrameGapMs: z.number().min(0).max(5000).default(500)
    .describe('A gap between frames adds at most this much time (a stalled camera cannot add time). Our default.'),
};
