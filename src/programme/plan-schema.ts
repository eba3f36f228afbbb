// The shape of a training plan, validated with zod: progression tracks (each a ladder of steps from easier to
// harder), the planned sessions (which tracks each one trains, and whether it opens with the single-leg test) and
// the sources the steps come from. A step is a registered exercise with config overrides plus a dose (sets, reps
// or holds, sides). That every exercise id exists and every step's config parses is checked against the rules
// registry in check-plan.ts, so this file stays free of the rules.
import { z } from 'zod';

/** Track id written on session records of the single-leg stand test given in a programme session. */
export const TEST_TRACK_ID = 'single-leg-test';

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens');

/** 'each' = the prescribed sets on the left AND on the right (a set per side); 'none' = not sided. */
export const doseSidesSchema = z.enum(['each', 'none']);

export const doseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reps'),
    sets: z.number().int().min(1).max(5),
    reps: z.number().int().min(1).max(30).describe('Reps per set (per side when sides = each).'),
    sides: doseSidesSchema,
    /** Seconds held at the top of each rep, where the exercise times it (its config must agree). */
    holdAtTopS: z.number().positive().max(30).optional(),
    restS: z.number().int().min(0).max(180).describe('Rest between sets, s.'),
  }),
  z.object({
    kind: z.literal('holds'),
    sets: z.number().int().min(1).max(5),
    holdsPerSet: z.number().int().min(1).max(15),
    holdS: z.number().positive().max(120).describe('Target time of each hold, s (the exercise config target must agree).'),
    sides: doseSidesSchema,
    restS: z.number().int().min(0).max(180),
  }),
  /** The single-leg stand test: one timed trial per leg. */
  z.object({ kind: z.literal('test'), trialS: z.number().positive().max(60), sides: z.literal('each') }),
]);
export type Dose = z.infer<typeof doseSchema>;

export const planStepSchema = z.object({
  /** Unique in the plan (session records name the step they were done at). */
  id: slug,
  /** A registered exercise id (src/rules/registry.ts). */
  exerciseId: slug,
  /** Partial config for the exercise (variant, hold target...), parsed by its zod schema. The side comes per set. */
  config: z.record(z.string(), z.unknown()),
  title: z.string().min(3),
  /** What to do and what makes this step harder than the one before (our words). */
  focus: z.string().min(10),
  dose: doseSchema,
  sources: z.array(slug).min(1),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const trackSchema = z.object({
  id: slug,
  title: z.string().min(3),
  summary: z.string().min(10),
  steps: z.array(planStepSchema).min(1),
});
export type Track = z.infer<typeof trackSchema>;

export const planSessionSchema = z.object({
  /** `w<week>-<a|b|c>` */
  id: slug,
  week: z.number().int().min(1),
  /** 1-based position within the week. */
  index: z.number().int().min(1),
  /** Opens with the single-leg stand test. */
  test: z.boolean(),
  /** Tracks trained, in order. */
  trackIds: z.array(slug).min(1),
});
export type PlanSession = z.infer<typeof planSessionSchema>;

export const sourceSchema = z.object({ id: slug, title: z.string().min(3), publisher: z.string().min(2), usedFor: z.string().min(3) });

export const planSchema = z.object({
  id: slug,
  version: z.number().int().positive(),
  title: z.string().min(3),
  summary: z.string().min(10),
  weeks: z.number().int().min(1).max(26),
  sessionsPerWeek: z.number().int().min(1).max(7),
  /** The single-leg stand test given in the sessions marked `test`. */
  test: planStepSchema,
  tracks: z.array(trackSchema).min(1),
  sessions: z.array(planSessionSchema).min(1),
  sources: z.array(sourceSchema).min(1),
}).superRefine((plan, ctx) => {
  const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
  const dup = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  const trackIds = plan.tracks.map((t) => t.id);
  const stepIds = [plan.test.id, ...plan.tracks.flatMap((t) => t.steps.map((s) => s.id))];
  for (const d of dup(trackIds)) issue(`track id "${d}" is used twice`);
  for (const d of dup(stepIds)) issue(`step id "${d}" is used twice`);
  if (trackIds.includes(TEST_TRACK_ID)) issue(`track id "${TEST_TRACK_ID}" is reserved for the single-leg test`);
  if (plan.test.dose.kind !== 'test') issue('the test step needs a test dose');
  for (const t of plan.tracks) for (const s of t.steps) if (s.dose.kind === 'test') issue(`step "${s.id}": a test dose belongs to the test step only`);
  for (const d of dup(plan.sessions.map((s) => s.id))) issue(`session id "${d}" is used twice`);
  const sourceIds = new Set(plan.sources.map((s) => s.id));
  for (const s of [plan.test, ...plan.tracks.flatMap((t) => t.steps)]) {
    for (const src of s.sources) if (!sourceIds.has(src)) issue(`step "${s.id}" cites unknown source "${src}"`);
  }
  if (plan.sessions.length !== plan.weeks * plan.sessionsPerWeek) {
    issue(`${plan.sessions.length} sessions planned, expected ${plan.weeks} weeks x ${plan.sessionsPerWeek}`);
  }
  plan.sessions.forEach((s, i) => {
    const week = Math.floor(i / plan.sessionsPerWeek) + 1;
    const index = (i % plan.sessionsPerWeek) + 1;
    if (s.week !== week || s.index !== index) issue(`session "${s.id}" is listed as week ${week} session ${index} but says week ${s.week} session ${s.index}`);
    for (const t of s.trackIds) if (!trackIds.includes(t)) issue(`session "${s.id}" names unknown track "${t}"`);
    for (const d of dup(s.trackIds)) issue(`session "${s.id}" trains track "${d}" twice`);
  });
});
export type Plan = z.infer<typeof planSchema>;

export function findTrack(plan: Plan, trackId: string): Track | undefined {
  return plan.tracks.find((t) => t.id === trackId);
}

/** The step with this id anywhere in the plan (the test step included), with its track (null for the test). */
export function findStep(plan: Plan, stepId: string): { step: PlanStep; track: Track | null; index: number } | undefined {
  if (plan.test.id === stepId) return { step: plan.test, track: null, index: 0 };
  for (const track of plan.tracks) {
    const index = track.steps.findIndex((s) => s.id === stepId);
    if (index >= 0) return { step: track.steps[index]!, track, index };
  }
  return undefined;
}
