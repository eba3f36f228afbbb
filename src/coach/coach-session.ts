// One coaching session: an exercise, a plan of sets (each with a working side), the rule runner, the set-up gate
// and the live set. Feeds each PoseFrame through the exercise's pure `step`, gates it, folds the findings, and says
// what happened (events) so the UI can speak and re-render. No DOM, no clock: times are the frames' timestamps.
import type { z } from 'zod';
import type { PoseFrame, Side } from '../core/pose-frame';
import { createRunner, type Runner } from '../rules/engine/run';
import type { ExerciseDefinition, Finding } from '../rules/engine/types';
import { exerciseConfig } from '../rules/registry';
import { createLiveSet, DEFAULT_LIVE_SET_OPTIONS, foldFindings, keyOf, repCounts, type CueFinding, type LiveSet } from './live-set';

/** Series are kept only when the summary asks for them (the single-leg plots); others would cost a copy per frame. */
const NO_SERIES = /(?!)/;
import { DEFAULT_SETUP_GATE, initialSetupGate, stepSetupGate, type SetupGate, type SetupGateConfig } from './setup-gate';
import { summariseSet, type SetSummary, type SummariseOptions } from './set-summary';

export interface SessionPlan {
  /** Working side of each set, in order (null for unsided exercises). */
  sets: (Side | null)[];
  /** Reps per set; the set ends by itself when reached. Null = no rep target (hold, or end by hand). */
  reps: number | null;
  /** Hold target per set (ms); null = the rule's default. */
  holdMs: number | null;
  /** Holds in one set, for exercises whose rule repeats the hold (e.g. the wall clamshell); null or absent = 1. */
  holds?: number | null;
}

export type CoachEvent =
  | { type: 'countdown'; seconds: number }
  | { type: 'go' }
  | { type: 'cue-on'; cue: CueFinding }
  | { type: 'rep'; count: number }
  | { type: 'set-complete'; summary: SetSummary };

export class CoachSession {
  setIndex = 0;
  gate: SetupGate = initialSetupGate();
  live: LiveSet;
  readonly summaries: SetSummary[] = [];
  /** True between a set's end and the start of the next. */
  setDone = false;
  private runner: Runner<unknown>;
  private lastCountdown: number | null = null;
  private lastMs: number | null = null;
  /** The rule has been running since the countdown began without starting a rep or a hold (see push). */
  private primed = false;

  constructor(
    readonly exercise: ExerciseDefinition,
    readonly plan: SessionPlan,
    private readonly summarise: SummariseOptions = {},
    private readonly gateConfig: SetupGateConfig = DEFAULT_SETUP_GATE,
  ) {
    if (plan.sets.length === 0) throw new Error('a session needs at least one set');
    this.runner = this.makeRunner();
    this.live = createLiveSet(exercise.id, this.side);
  }

  get side(): Side | null { return this.plan.sets[this.setIndex] ?? null; }
  get finished(): boolean { return this.setDone && this.setIndex >= this.plan.sets.length - 1; }

  private makeRunner(): Runner<unknown> {
    return createRunner(this.exercise as ExerciseDefinition<z.ZodType, unknown>, exerciseConfig(this.exercise, {}, this.side, this.plan.holdMs));
  }

  /** One frame in; what happened out. Frames after the set ended are ignored until nextSet(). */
  push(frame: PoseFrame): { findings: Finding[]; events: CoachEvent[] } {
    if (this.setDone) return { findings: [], events: [] };
    const events: CoachEvent[] = [];
    const t = frame.timestampMs;
    if (this.lastMs !== null && t < this.lastMs) {
      // Time went back (a video file rewound or looped): the rule starts afresh; before "go" so does the set-up.
      this.runner.reset();
      if (this.gate.status !== 'counting') this.gate = initialSetupGate();
    }
    this.lastMs = t;
    const findings = this.runner.push(frame);
    const before = this.gate.status;
    this.gate = stepSetupGate(this.gate, findings, t, this.gateConfig);
    if (this.gate.status === 'countdown' && before !== 'countdown') {
      // The rule starts afresh with the countdown, so a rule that wants a still start (the squat: 1 s standing at
      // the top) has had it by "go" and the first rep right after "go" counts.
      this.runner.reset();
      this.primed = true;
    } else if (this.gate.status === 'countdown' && findings.some(startsWork)) {
      this.primed = false;
    }
    if (this.gate.status === 'countdown') {
      const s = Math.max(1, Math.ceil(this.gate.remainingMs / 1000));
      if (s !== this.lastCountdown) events.push({ type: 'countdown', seconds: s });
      this.lastCountdown = s;
    } else this.lastCountdown = null;
    if (this.gate.status !== 'counting') {
      // Show why we are waiting, but record nothing yet.
      this.live = { ...this.live, visibility: findings.find((f) => f.kind === 'visibility') as LiveSet['visibility'] ?? null };
      return { findings, events };
    }
    if (before !== 'counting') {
      this.live = createLiveSet(this.exercise.id, this.side);
      events.push({ type: 'go' });
      if (!this.primed) {
        // A rep or a hold began during the countdown (or the countdown was skipped): start the rule afresh at "go",
        // so nothing from the set-up counts and a hold is timed from "go".
        this.runner.reset();
        return { findings: [], events };
      }
    }
    const prev = this.live;
    this.live = foldFindings(prev, findings, t, { ...DEFAULT_LIVE_SET_OPTIONS, keepSeries: this.summarise.keepSeries ?? NO_SERIES });
    for (const c of this.live.cues) {
      if (c.severity !== 'info' && prev.cueOnsetMs[keyOf(c.code, c.side)] === undefined) events.push({ type: 'cue-on', cue: c });
    }
    if (this.live.reps.length > prev.reps.length) events.push({ type: 'rep', count: this.repsThisSide() });
    if (this.isComplete(findings)) events.push({ type: 'set-complete', summary: this.endSet() });
    return { findings, events };
  }

  /** Reps that count toward this set's target (this side's, or all when unsided). */
  repsThisSide(): number {
    const c = repCounts(this.live);
    return this.side === null ? c.total : this.live.reps.filter((r) => r.side === this.side || r.side === 'both').length;
  }

  private isComplete(findings: readonly Finding[]): boolean {
    // The rule says it is done (e.g. all holds of a multi-hold exercise), or enough holds have ended.
    if (findings.some((f) => f.kind === 'phase' && f.phase === 'done')) return true;
    if (findings.some((f) => f.kind === 'hold-end') && this.live.holdEnds.length >= (this.plan.holds ?? 1)) return true;
    if (this.plan.reps !== null && this.repsThisSide() >= this.plan.reps) return true;
    return false;
  }

  /** End the current set now (by hand, or when its target is reached) and keep its summary. */
  endSet(): SetSummary {
    if (this.setDone) return this.summaries[this.summaries.length - 1]!;
    const summary = summariseSet(this.live, this.summarise);
    this.summaries.push(summary);
    this.setDone = true;
    return summary;
  }

  /** Move on to the next set in the plan; it starts with the set-up gate again. */
  nextSet(): boolean {
    if (!this.setDone || this.setIndex >= this.plan.sets.length - 1) return false;
    this.setIndex++;
    this.setDone = false;
    this.gate = initialSetupGate();
    this.lastCountdown = null;
    this.lastMs = null;
    this.primed = false;
    this.runner = this.makeRunner();
    this.live = createLiveSet(this.exercise.id, this.side);
    return true;
  }
}

/** Findings that mean the rule counted or timed something (a rep, a hold running or ended). */
const startsWork = (f: Finding): boolean => f.kind === 'rep' || f.kind === 'hold' || f.kind === 'hold-end';

/** A number from the rule's default config whose key matches (e.g. the pelvic-drop flag in degrees), or null. */
export function ruleDefault(def: ExerciseDefinition, key: RegExp): number | null {
  const r = (def.configSchema as z.ZodType).safeParse({});
  if (!r.success || typeof r.data !== 'object' || r.data === null) return null;
  for (const [k, v] of Object.entries(r.data as Record<string, unknown>)) if (key.test(k) && typeof v === 'number') return v;
  return null;
}
