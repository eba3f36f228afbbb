// The stored shape of a session (one exercise, one or more sets), validated with zod when read back or imported,
// so a corrupt record is reported instead of breaking the history screen. A stored set is the coach's SetSummary
// (coach/set-summary.ts); storage imports no coach code, and tests/unit/storage checks the two types stay equal.
import { z } from 'zod';

const findingSide = z.enum(['left', 'right', 'both']);
const num = z.number().finite();

export const seriesSchema = z.object({
  code: z.string(), side: findingSide, unit: z.enum(['deg', 'ratio', 'ms', 'count']),
  tMs: z.array(num), values: z.array(num),
});

export const setSummarySchema = z.object({
  exerciseId: z.string(),
  side: z.enum(['left', 'right']).nullable(),
  startedAtMs: num,
  durationMs: num,
  repCount: z.number().int().nonnegative(),
  reps: z.array(z.object({
    index: z.number().int(), side: findingSide, timestampMs: num, durationMs: num,
    metrics: z.record(z.string(), num), faults: z.array(z.string()),
  })),
  mainMetric: z.string().nullable(),
  holds: z.array(z.object({
    side: findingSide, elapsedMs: num, targetMs: num.nullable(),
    reason: z.enum(['target', 'posture-lost', 'foot-down', 'stopped', 'ended']), metrics: z.record(z.string(), num),
  })),
  faults: z.array(z.object({ code: z.string(), side: findingSide, count: z.number().int().nonnegative() })),
  repFaults: z.array(z.object({ code: z.string(), count: z.number().int().nonnegative() })),
  asymmetry: z.array(z.object({ metric: z.string(), left: num, right: num, diff: num, pct: num })),
  series: z.array(seriesSchema),
});

/** Which programme session and step a record belongs to (written by the app when the exercise was started from the
 * programme; absent on free practice). Optional, so records written before the programme existed stay valid with
 * the same schemaVersion. */
export const programmeTagSchema = z.object({
  /** The programme run (a new one starts when the user restarts the programme). */
  programmeId: z.string().min(1),
  /** The planned session (`w2-b`) or a repeat of it (`w2-b.repeat-1`). */
  occurrenceId: z.string().min(1),
  /** The progression track, or the single-leg test. */
  trackId: z.string().min(1),
  /** The step of the track that was done. */
  stepId: z.string().min(1),
});
export type ProgrammeTag = z.infer<typeof programmeTagSchema>;

/** Where the frames came from when not the live camera: a recorded file analysed on the device (its name only; no
 * pixel is stored). Optional, so earlier records stay valid with the same schemaVersion. */
export const recordingSourceSchema = z.object({
  kind: z.literal('video-file'),
  fileName: z.string(),
  /** The file's length, ms. */
  durationMs: z.number().finite().nonnegative(),
});
export type RecordingSource = z.infer<typeof recordingSourceSchema>;

export const sessionRecordSchema = z.object({
  /** Random id (crypto.randomUUID). */
  id: z.string().min(1),
  schemaVersion: z.literal(1),
  exerciseId: z.string(),
  exerciseName: z.string(),
  group: z.enum(['test', 'strength', 'hold']),
  /** Wall-clock start, ISO 8601 (for the history and day trends). */
  startedAt: z.string(),
  /** Wall-clock time of the last change. */
  updatedAt: z.string(),
  /** Model and backend used, for context when comparing sessions. */
  model: z.string().optional(),
  /** Set when the session was done as part of the programme. */
  programme: programmeTagSchema.optional(),
  /** Set when the sets were analysed from a video file instead of the camera. */
  source: recordingSourceSchema.optional(),
  sets: z.array(setSummarySchema),
});
export type SessionRecord = z.infer<typeof sessionRecordSchema>;

