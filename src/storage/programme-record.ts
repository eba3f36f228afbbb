// The stored shape of a programme run: which plan, the day it started, and the user's overrides (skip, repeat,
// choose a step) as an append-only list of plain data. Everything else (today's session, levels, progress) is
// computed from this record and the session records (src/programme), so nothing derived is stored twice.
import { z } from 'zod';

/** A calendar day in the user's time zone, YYYY-MM-DD. */
export const isoDaySchema = z.iso.date();

const at = z.string().min(1).describe('Wall-clock time of the choice, ISO 8601 (orders it among the sessions).');

export const programmeOverrideSchema = z.discriminatedUnion('kind', [
  /** Skip a whole planned session (no trackId) or one exercise of it. */
  z.object({ kind: z.literal('skip'), atIso: at, occurrenceId: z.string().min(1), trackId: z.string().min(1).optional() }),
  /** Do a planned session again: it comes back as the next session (`<sessionId>.repeat-<n>`). */
  z.object({ kind: z.literal('repeat'), atIso: at, sessionId: z.string().min(1) }),
  /** The user picks a track's step (easier or harder); `lock` keeps it there until the user picks again. */
  z.object({ kind: z.literal('set-step'), atIso: at, trackId: z.string().min(1), stepId: z.string().min(1), lock: z.boolean() }),
]);
export type ProgrammeOverride = z.infer<typeof programmeOverrideSchema>;

export const programmeRecordSchema = z.object({
  /** Random id of this run (crypto.randomUUID); session records carry it in `programme.programmeId`. */
  id: z.string().min(1),
  schemaVersion: z.literal(1),
  planId: z.string().min(1),
  planVersion: z.number().int().positive(),
  /** Day 1 of week 1. */
  startDay: isoDaySchema,
  /** Wall-clock creation and last change, ISO 8601. */
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
  /** Set when the user stopped or restarted the programme; the run stays readable for history and reports. */
  endedAt: z.string().min(1).optional(),
  overrides: z.array(programmeOverrideSchema),
});
export type ProgrammeRecord = z.infer<typeof programmeRecordSchema>;
