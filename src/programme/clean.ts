// "Clean form" as data: when a programme exercise counts as completed and clean, judged from the stored sets of
// one session (the rules' own rep faults, hold ends and cue onsets; info cues never count, the rules and the live
// set leave them out). The app shows `cleanRuleText` so the user knows what moves them up. Pure.
import { z } from 'zod';
import type { Side } from '../core/pose-frame';
import type { SessionRecord } from '../storage/session-record';
import type { Dose } from './plan-schema';

export type StoredSet = SessionRecord['sets'][number];

export const cleanCriteriaSchema = z.object({
  minCleanRepFraction: z.number().min(0).max(1).default(0.8)
    .describe('Reps: clean when at least this fraction of the session\'s reps had no form warning or fault. Our default 80 %: one rep in five may show a cue (a slip, keypoint noise), most must not.'),
  minRepsFraction: z.number().min(0).max(1).default(1)
    .describe('A rep set counts as done when it reached this fraction of its prescribed reps. Our default: all of them.'),
  minHoldsOnTargetFraction: z.number().min(0).max(1).default(0.8)
    .describe('Holds: clean when at least this fraction of the holds reached their target time (the hold clock only runs while the posture is right). Our default, the same 80 % as for reps.'),
  maxCueOnsetsPerHold: z.number().min(0).default(0.2)
    .describe('Holds: clean when form cues (warnings or faults) came on at most this often per hold over the session. Our default 0.2: one cue per five holds, the same allowance as for reps.'),
  sessionsToProgress: z.number().int().min(1).max(5).default(2)
    .describe('Complete, clean sessions in a row at a step before the exercise moves to its harder step. Our default 2: one good day can be luck, two in a row show the step is mastered.'),
});
export type CleanCriteria = z.infer<typeof cleanCriteriaSchema>;
export const DEFAULT_CLEAN_CRITERIA: CleanCriteria = cleanCriteriaSchema.parse({});

export type ItemProblem =
  | 'no-sets'       // nothing recorded
  | 'sets-missing'  // fewer finished sets than prescribed on a side
  | 'rep-faults'    // too many reps with a form warning or fault
  | 'holds-short'   // too many holds ended before their target time
  | 'hold-cues';    // form cues came on too often during the holds

export interface SideProgress {
  /** null for exercises without sides. */
  side: Side | null;
  setsDone: number;
  setsPrescribed: number;
}

export interface ItemEvaluation {
  completed: boolean;
  /** Completed and within the criteria; null for the single-leg test, which is measured, not progressed. */
  clean: boolean | null;
  sides: SideProgress[];
  reps: number;
  cleanReps: number;
  cleanRepFraction: number | null;
  holds: number;
  holdsOnTarget: number;
  cueOnsets: number;
  problems: ItemProblem[];
}

const doseSides = (dose: Dose): (Side | null)[] => (dose.sides === 'each' ? ['left', 'right'] : [null]);
const onSide = (sets: readonly StoredSet[], side: Side | null) => (side === null ? [...sets] : sets.filter((s) => s.side === side));

/** A hold reached its target: the rule ended it there, or it ran at least as long as the prescribed time. */
export function holdOnTarget(h: StoredSet['holds'][number], targetMs: number | null): boolean {
  return h.reason === 'target' || (targetMs !== null && h.elapsedMs >= targetMs);
}

/** Judge one programme exercise in one session: `sets` are all the stored sets done for it there. */
export function evaluateItem(sets: readonly StoredSet[], dose: Dose, criteria: CleanCriteria = DEFAULT_CLEAN_CRITERIA): ItemEvaluation {
  const sides = doseSides(dose);
  const counted = sides.flatMap((side) => onSide(sets, side));
  const setDone = (s: StoredSet): boolean =>
    dose.kind === 'reps' ? s.repCount >= Math.ceil(dose.reps * criteria.minRepsFraction)
      : dose.kind === 'holds' ? s.holds.length >= dose.holdsPerSet
        : s.holds.length >= 1;
  const setsPrescribed = dose.kind === 'test' ? 1 : dose.sets;
  const sideProgress = sides.map((side) => ({ side, setsDone: onSide(sets, side).filter(setDone).length, setsPrescribed }));
  const completed = sideProgress.every((p) => p.setsDone >= p.setsPrescribed);

  const reps = counted.flatMap((s) => s.reps);
  const cleanReps = reps.filter((r) => r.faults.length === 0).length;
  const holds = counted.flatMap((s) => s.holds);
  const targetMs = dose.kind === 'holds' ? dose.holdS * 1000 : dose.kind === 'test' ? dose.trialS * 1000 : null;
  const holdsOnTarget = holds.filter((h) => holdOnTarget(h, targetMs)).length;
  const cueOnsets = counted.reduce((a, s) => a + s.faults.reduce((b, f) => b + f.count, 0), 0);
  const cleanRepFraction = reps.length ? cleanReps / reps.length : null;

  const problems: ItemProblem[] = [];
  if (counted.length === 0) problems.push('no-sets');
  else if (!completed) problems.push('sets-missing');
  if (dose.kind === 'reps' && cleanRepFraction !== null && cleanRepFraction < criteria.minCleanRepFraction) problems.push('rep-faults');
  if (dose.kind === 'holds' && holds.length > 0) {
    if (holdsOnTarget / holds.length < criteria.minHoldsOnTargetFraction) problems.push('holds-short');
    if (cueOnsets / holds.length > criteria.maxCueOnsetsPerHold) problems.push('hold-cues');
  }
  const measured = dose.kind === 'reps' ? reps.length > 0 : holds.length > 0;
  return {
    completed,
    clean: dose.kind === 'test' ? null : completed && measured && problems.length === 0,
    sides: sideProgress, reps: reps.length, cleanReps, cleanRepFraction,
    holds: holds.length, holdsOnTarget, cueOnsets, problems,
  };
}

const pct = (f: number) => `${Math.round(f * 100)} %`;

function cueAllowance(perHold: number): string {
  if (perHold === 0) return 'no form warning during the holds';
  const every = 1 / perHold;
  return Number.isInteger(every) ? `at most one form warning per ${every} holds` : `at most ${perHold} form warnings per hold`;
}

/** What "clean" and "moving up" mean, in words the app shows next to the programme. */
export function cleanRuleText(criteria: CleanCriteria = DEFAULT_CLEAN_CRITERIA): { clean: string; progression: string } {
  const n = criteria.sessionsToProgress;
  const all = criteria.minRepsFraction >= 1 ? 'all their reps' : `at least ${pct(criteria.minRepsFraction)} of their reps`;
  return {
    clean: `Clean form means no form warning on at least ${pct(criteria.minCleanRepFraction)} of your reps; for holds, at least ${pct(criteria.minHoldsOnTargetFraction)} of them reach their target time, with ${cueAllowance(criteria.maxCueOnsetsPerHold)}.`,
    progression: `An exercise moves to its harder step after ${n === 1 ? 'one session' : `${n} sessions in a row`} done in full (every set, with ${all}) and with clean form. You can always choose an easier or harder step yourself.`,
  };
}
