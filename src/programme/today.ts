// The programme's sessions as the user meets them, and "Today": the session to do next given the tagged records,
// the user's choices (skip, repeat) and the date. Pure: the caller passes today's local day.
// - A planned session (or a repeat of one) is done when each of its exercises has a record or was skipped.
// - Started but unfinished: "in progress" on the day it was started (Today resumes it), "partial" from the next day
//   on (Today moves on; coming back days later to one leftover exercise is not what a user expects).
// - Sessions can be done in any order (the app tags the record with the session the user picked); Today offers
//   the earliest one not yet done, a requested repeat first.
import type { ProgrammeRecord } from '../storage/programme-record';
import type { ProgrammeTag, SessionRecord } from '../storage/session-record';
import { type CleanCriteria, cleanRuleText, DEFAULT_CLEAN_CRITERIA, evaluateItem, type ItemEvaluation } from './clean';
import { daysBetween, weekOf } from './days';
import { findStep, type Plan, type PlanSession, type PlanStep, TEST_TRACK_ID } from './plan-schema';
import { type ItemSession, itemSessions, type TrackLevel, trackLevels } from './progression';

export type ItemState = 'todo' | 'done' | 'skipped';

export interface OccurrenceItem {
  /** A plan track, or TEST_TRACK_ID for the single-leg stand test. */
  trackId: string;
  /** Done: the step that was done. Otherwise: the step to do now (the track's current level). */
  step: PlanStep;
  stepIndex: number;
  stepCount: number;
  state: ItemState;
  /** How the done exercise went (null unless done). */
  evaluation: ItemEvaluation | null;
  /** What the app writes on the session record when the user does this exercise. */
  tag: ProgrammeTag;
}

export type OccurrenceState = 'pending' | 'in-progress' | 'partial' | 'done' | 'skipped';

export interface Occurrence {
  /** The planned session id, or `<sessionId>.repeat-<n>`. */
  id: string;
  sessionId: string;
  week: number;
  index: number;
  /** 0 for the planned session, n for its n-th repeat. */
  repeat: number;
  state: OccurrenceState;
  /** Local days of the first and last record, null when nothing was done. */
  firstDay: string | null;
  lastDay: string | null;
  items: OccurrenceItem[];
}

export const repeatId = (sessionId: string, n: number) => `${sessionId}.repeat-${n}`;

interface Context {
  plan: Plan;
  programme: ProgrammeRecord;
  items: ItemSession[];
  levels: Map<string, TrackLevel>;
  criteria: CleanCriteria;
  today: string;
}

function itemOf(ctx: Context, occurrenceId: string, trackId: string): OccurrenceItem {
  const { plan, programme } = ctx;
  const done = ctx.items.filter((i) => i.occurrenceId === occurrenceId && i.trackId === trackId);
  const skipped = programme.overrides.some((o) => o.kind === 'skip' && o.occurrenceId === occurrenceId && (o.trackId === undefined || o.trackId === trackId));
  const latest = done.at(-1);
  const level = ctx.levels.get(trackId);
  const found = latest ? findStep(plan, latest.stepId) : undefined;
  const step = found?.step ?? (trackId === TEST_TRACK_ID ? plan.test : level!.step);
  const stepIndex = found ? found.index : (level?.stepIndex ?? 0);
  const stepCount = trackId === TEST_TRACK_ID ? 1 : (level?.stepCount ?? 1);
  return {
    trackId, step, stepIndex, stepCount,
    state: done.length ? 'done' : skipped ? 'skipped' : 'todo',
    evaluation: latest ? evaluateItem(done.filter((i) => i.stepId === latest.stepId).flatMap((i) => i.sets), step.dose, ctx.criteria) : null,
    tag: { programmeId: programme.id, occurrenceId, trackId, stepId: step.id },
  };
}

function occurrenceOf(ctx: Context, session: PlanSession, repeat: number): Occurrence {
  const id = repeat === 0 ? session.id : repeatId(session.id, repeat);
  const trackIds = session.test ? [TEST_TRACK_ID, ...session.trackIds] : session.trackIds;
  const items = trackIds.map((t) => itemOf(ctx, id, t));
  const mine = ctx.items.filter((i) => i.occurrenceId === id);
  const firstDay = mine.length ? mine.map((i) => i.day).sort()[0]! : null;
  const lastDay = mine.length ? mine.map((i) => i.lastDay).sort().at(-1)! : null;
  const count = (s: ItemState) => items.filter((i) => i.state === s).length;
  const state: OccurrenceState = count('todo') === 0
    ? (count('done') > 0 ? 'done' : 'skipped')
    : count('done') === 0 ? 'pending' : lastDay === ctx.today ? 'in-progress' : 'partial';
  return { id, sessionId: session.id, week: session.week, index: session.index, repeat, state, firstDay, lastDay, items };
}

/** Planned sessions in plan order, then the requested repeats in the order they were asked for. */
function buildOccurrences(ctx: Context): Occurrence[] {
  const planned = ctx.plan.sessions.map((s) => occurrenceOf(ctx, s, 0));
  const seen = new Map<string, number>();
  const repeats = ctx.programme.overrides.flatMap((o) => {
    if (o.kind !== 'repeat') return [];
    const session = ctx.plan.sessions.find((s) => s.id === o.sessionId);
    if (!session) return [];
    const n = (seen.get(session.id) ?? 0) + 1;
    seen.set(session.id, n);
    return [occurrenceOf(ctx, session, n)];
  });
  return [...planned, ...repeats];
}

export type TodayStatus =
  | 'not-started' // before the start day: `occurrence` is the first session
  | 'in-progress' // a session begun today is not finished: `occurrence` is it
  | 'ready'       // `occurrence` is the next session
  | 'done-today'  // a session was finished today: `occurrence` previews the next one
  | 'finished';   // every session done or skipped

export interface ProgrammeState {
  today: string;
  /** Programme week by the calendar (1 = the start day and the six days after it). */
  week: number;
  status: TodayStatus;
  occurrence: Occurrence | null;
  occurrences: Occurrence[];
  levels: TrackLevel[];
  counts: { planned: number; done: number; partial: number; skipped: number; remaining: number };
  /** Planned sessions of the weeks already over that are neither done, partial nor skipped. */
  behindBy: number;
  rule: { clean: string; progression: string };
}

/** Everything the "Today" and programme screens show, from the stored run, the session records and the day. */
export function programmeState(
  plan: Plan, programme: ProgrammeRecord, records: readonly SessionRecord[], today: string,
  criteria: CleanCriteria = DEFAULT_CLEAN_CRITERIA,
): ProgrammeState {
  if (programme.planId !== plan.id) throw new Error(`this programme run follows the plan "${programme.planId}", not "${plan.id}"`);
  const levels = trackLevels(plan, programme, records, criteria);
  const ctx: Context = { plan, programme, items: itemSessions(records, programme.id), levels, criteria, today };
  const occurrences = buildOccurrences(ctx);
  const planned = occurrences.filter((o) => o.repeat === 0);
  const n = (s: OccurrenceState) => planned.filter((o) => o.state === s).length;
  const closed = planned.length - n('pending') - n('in-progress');
  const week = weekOf(programme.startDay, today);
  const expected = Math.min(planned.length, Math.max(0, week - 1) * plan.sessionsPerWeek);

  const pending = occurrences.filter((o) => o.state === 'pending');
  const next = pending.find((o) => o.repeat > 0) ?? pending[0] ?? null;
  const running = occurrences.filter((o) => o.state === 'in-progress').sort((a, b) => (b.lastDay ?? '').localeCompare(a.lastDay ?? ''))[0];
  const endedToday = occurrences.some((o) => (o.state === 'done' || o.state === 'partial') && o.lastDay === today);
  let status: TodayStatus;
  let occurrence: Occurrence | null;
  if (daysBetween(programme.startDay, today) < 0) { status = 'not-started'; occurrence = next; }
  else if (running) { status = 'in-progress'; occurrence = running; }
  else if (!next) { status = 'finished'; occurrence = null; }
  else { status = endedToday ? 'done-today' : 'ready'; occurrence = next; }

  return {
    today, week, status, occurrence, occurrences,
    levels: plan.tracks.map((t) => levels.get(t.id)!),
    counts: { planned: planned.length, done: n('done'), partial: n('partial'), skipped: n('skipped'), remaining: n('pending') + n('in-progress') },
    behindBy: Math.max(0, expected - closed),
    rule: cleanRuleText(criteria),
  };
}
