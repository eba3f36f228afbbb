// A programme step as the coach runs it: the step's dose (sets, reps or holds, sides) and its rule config become the
// session plan, so a programme exercise is coached exactly as the plan prescribes (the band bridge, the side plank's
// 20 s target, the wall clamshell's holds per angle...). Pure.
import type { Side } from '../core/pose-frame';
import type { SessionPlan } from '../coach/coach-session';
import type { PlanStep } from './plan-schema';

/** Sided doses alternate left and right, set by set (left first), as the picker's "both" does. */
const sides = (each: boolean, sets: number): (Side | null)[] =>
  Array.from({ length: sets }, () => (each ? (['left', 'right'] as Side[]) : [null])).flat();

export function sessionPlanForStep(step: PlanStep): SessionPlan {
  const d = step.dose;
  const config = { ...step.config };
  switch (d.kind) {
    case 'reps': return { sets: sides(d.sides === 'each', d.sets), reps: d.reps, holdMs: null, holds: null, config };
    case 'holds': return { sets: sides(d.sides === 'each', d.sets), reps: null, holdMs: Math.round(d.holdS * 1000), holds: d.holdsPerSet, config };
    case 'test': return { sets: ['left', 'right'], reps: null, holdMs: Math.round(d.trialS * 1000), holds: 1, config };
  }
}
