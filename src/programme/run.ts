// Starting a programme run and recording the user's choices on it: pure functions that return a new record for
// the programme store to save. A choice that does not fit the plan (unknown session, track or step) is refused
// with an Error naming it, so a bad override is never stored.
import { type ProgrammeOverride, type ProgrammeRecord, programmeRecordSchema } from '../storage/programme-record';
import { findTrack, type Plan, TEST_TRACK_ID } from './plan-schema';

export function startProgramme(plan: Plan, id: string, startDay: string, nowIso: string): ProgrammeRecord {
  return programmeRecordSchema.parse({
    id, schemaVersion: 1, planId: plan.id, planVersion: plan.version, startDay, createdAt: nowIso, updatedAt: nowIso, overrides: [],
  });
}

const sessionOf = (plan: Plan, occurrenceId: string) => plan.sessions.find((s) => s.id === occurrenceId.replace(/\.repeat-\d+$/, ''));

function problem(plan: Plan, o: ProgrammeOverride): string | null {
  switch (o.kind) {
    case 'skip': {
      const s = sessionOf(plan, o.occurrenceId);
      if (!s) return `no session "${o.occurrenceId}" in the plan`;
      if (o.trackId !== undefined && o.trackId !== TEST_TRACK_ID && !s.trackIds.includes(o.trackId)) return `session "${s.id}" has no exercise on track "${o.trackId}"`;
      if (o.trackId === TEST_TRACK_ID && !s.test) return `session "${s.id}" has no single-leg test`;
      return null;
    }
    case 'repeat':
      return plan.sessions.some((s) => s.id === o.sessionId) ? null : `no session "${o.sessionId}" in the plan`;
    case 'set-step': {
      const t = findTrack(plan, o.trackId);
      if (!t) return `no track "${o.trackId}" in the plan`;
      return t.steps.some((s) => s.id === o.stepId) ? null : `track "${o.trackId}" has no step "${o.stepId}"`;
    }
  }
}

/** The run with one more choice appended (skip, repeat, or a chosen step). Throws when it does not fit the plan. */
export function withOverride(plan: Plan, run: ProgrammeRecord, override: ProgrammeOverride, nowIso: string): ProgrammeRecord {
  const p = problem(plan, override);
  if (p) throw new Error(`programme change refused: ${p}`);
  return programmeRecordSchema.parse({ ...run, overrides: [...run.overrides, override], updatedAt: nowIso });
}

/** The run marked as stopped (kept for history and reports; a new run can then start). */
export function endProgramme(run: ProgrammeRecord, nowIso: string): ProgrammeRecord {
  return { ...run, endedAt: nowIso, updatedAt: nowIso };
}
