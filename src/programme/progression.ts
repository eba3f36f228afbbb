// Where each track stands: the step to do now, decided only from the user's own tagged session records and their
// choices. Replayed from the start every time (records and overrides in time order), so nothing derived is stored:
// - a session at the current step that is complete and clean adds to a streak; anything else resets it;
// - `sessionsToProgress` in a row (default 2) move the track to its next step (not while the user locked the step);
// - the user's "set-step" choice moves the track at once and resets the streak;
// - sessions done at another step than the current one are kept (history, report) but do not move the track.
// The app never moves a track down by itself; after as many not-clean sessions in a row it suggests an easier step.
import { localDay } from '../coach/trends';
import type { ProgrammeRecord } from '../storage/programme-record';
import type { SessionRecord } from '../storage/session-record';
import { type CleanCriteria, DEFAULT_CLEAN_CRITERIA, evaluateItem, type ItemEvaluation, type StoredSet } from './clean';
import type { Plan, PlanStep, Track } from './plan-schema';

/** One programme exercise (a track's step, or the test) done in one planned session: all its records merged. */
export interface ItemSession {
  occurrenceId: string;
  trackId: string;
  stepId: string;
  /** Earliest record start (ISO) and its local day. */
  startedAt: string;
  day: string;
  lastDay: string;
  recordIds: string[];
  sets: StoredSet[];
}

const time = (iso: string) => Date.parse(iso);

/** The records of one programme run grouped per planned session, track and step, oldest first. */
export function itemSessions(records: readonly SessionRecord[], programmeId: string): ItemSession[] {
  const byKey = new Map<string, SessionRecord[]>();
  for (const r of records) {
    const tag = r.programme;
    if (!tag || tag.programmeId !== programmeId) continue;
    const key = JSON.stringify([tag.occurrenceId, tag.trackId, tag.stepId]);
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  return [...byKey.values()].map((rs) => {
    const sorted = [...rs].sort((a, b) => time(a.startedAt) - time(b.startedAt));
    const first = sorted[0]!;
    const tag = first.programme!;
    return {
      occurrenceId: tag.occurrenceId, trackId: tag.trackId, stepId: tag.stepId,
      startedAt: first.startedAt, day: localDay(first.startedAt), lastDay: localDay(sorted.at(-1)!.startedAt),
      recordIds: sorted.map((r) => r.id), sets: sorted.flatMap((r) => r.sets),
    };
  }).sort((a, b) => time(a.startedAt) - time(b.startedAt));
}

export interface TrackSessionResult {
  occurrenceId: string;
  day: string;
  stepId: string;
  /** -1 when the step is not (or no longer) in this track. */
  stepIndex: number;
  /** Done at the step the track was at then: only these count toward moving up. */
  atLevel: boolean;
  evaluation: ItemEvaluation;
}

export interface LevelChange {
  atIso: string;
  fromStepId: string;
  toStepId: string;
  reason: 'clean-sessions' | 'chosen';
}

export interface TrackLevel {
  trackId: string;
  title: string;
  stepIndex: number;
  stepCount: number;
  step: PlanStep;
  /** The user locked the step: no automatic move up. */
  locked: boolean;
  /** Complete, clean sessions in a row at the current step. */
  cleanStreak: number;
  /** Sessions still needed at this step to move up (0 at the top step or when locked). */
  sessionsToNextStep: number;
  atTop: boolean;
  /** The last `sessionsToProgress` sessions at this step were not clean: the app may offer an easier step. */
  suggestEasier: boolean;
  sessions: TrackSessionResult[];
  changes: LevelChange[];
}

type TrackEvent =
  | { at: number; kind: 'session'; item: ItemSession }
  | { at: number; kind: 'choice'; atIso: string; stepId: string; lock: boolean };

function levelOf(track: Track, events: readonly TrackEvent[], criteria: CleanCriteria): TrackLevel {
  const last = track.steps.length - 1;
  let index = 0;
  let locked = false;
  let streak = 0;
  let misses = 0;
  const sessions: TrackSessionResult[] = [];
  const changes: LevelChange[] = [];
  const move = (to: number, atIso: string, reason: LevelChange['reason']) => {
    if (to !== index) changes.push({ atIso, fromStepId: track.steps[index]!.id, toStepId: track.steps[to]!.id, reason });
    index = to;
    streak = 0;
    misses = 0;
  };
  for (const e of events) {
    if (e.kind === 'choice') {
      const to = track.steps.findIndex((s) => s.id === e.stepId);
      if (to < 0) continue; // a step the plan no longer has
      move(to, e.atIso, 'chosen');
      locked = e.lock;
      continue;
    }
    const stepIndex = track.steps.findIndex((s) => s.id === e.item.stepId);
    const step = track.steps[stepIndex];
    const evaluation = evaluateItem(e.item.sets, (step ?? track.steps[index]!).dose, criteria);
    const atLevel = stepIndex === index;
    sessions.push({ occurrenceId: e.item.occurrenceId, day: e.item.day, stepId: e.item.stepId, stepIndex, atLevel, evaluation });
    if (!atLevel) continue;
    if (evaluation.clean) { streak++; misses = 0; } else { streak = 0; misses++; }
    if (streak >= criteria.sessionsToProgress && !locked && index < last) move(index + 1, e.item.startedAt, 'clean-sessions');
  }
  const atTop = index === last;
  return {
    trackId: track.id, title: track.title, stepIndex: index, stepCount: track.steps.length, step: track.steps[index]!,
    locked, cleanStreak: streak, atTop,
    sessionsToNextStep: atTop || locked ? 0 : criteria.sessionsToProgress - streak,
    suggestEasier: index > 0 && misses >= criteria.sessionsToProgress,
    sessions, changes,
  };
}

/** Every track's level for this programme run, replaying its tagged records and the user's step choices. */
export function trackLevels(
  plan: Plan, programme: ProgrammeRecord, records: readonly SessionRecord[], criteria: CleanCriteria = DEFAULT_CLEAN_CRITERIA,
): Map<string, TrackLevel> {
  const items = itemSessions(records, programme.id);
  const out = new Map<string, TrackLevel>();
  for (const track of plan.tracks) {
    const events: TrackEvent[] = [
      ...items.filter((i) => i.trackId === track.id).map((item) => ({ at: time(item.startedAt), kind: 'session' as const, item })),
      ...programme.overrides.flatMap((o) => (o.kind === 'set-step' && o.trackId === track.id
        ? [{ at: time(o.atIso), kind: 'choice' as const, atIso: o.atIso, stepId: o.stepId, lock: o.lock }] : [])),
    ];
    // Stable sort: a choice made at the same instant as a session start comes after it.
    events.sort((a, b) => a.at - b.at);
    out.set(track.id, levelOf(track, events, criteria));
  }
  return out;
}
