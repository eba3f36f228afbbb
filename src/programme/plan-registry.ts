// The plan meets the rules: every step names a registered exercise, its config parses with that exercise's zod
// schema, and the dose agrees with the config (hold targets, the 4-point top hold, sides, reps vs holds).
// `stepConfig` is what the app hands to the rule runner for a step.
import type { Side } from '../core/pose-frame';
import { type AnyExerciseDefinition, exerciseConfig, getExercise } from '../rules/registry';
import type { Plan, PlanStep } from './plan-schema';

/** Full rule config for a step on one side (sided exercises) or none. Throws a ZodError naming a bad field. */
export function stepConfig(step: PlanStep, side?: Side): unknown {
  return exerciseConfig(step.exerciseId, step.config, side);
}

export interface PlanProblem { stepId: string; message: string }

const ms = (s: number) => Math.round(s * 1000);

function checkStep(step: PlanStep): string[] {
  let def: AnyExerciseDefinition;
  try { def = getExercise(step.exerciseId); } catch (e) { return [(e as Error).message]; }
  const out: string[] = [];
  const sides: (Side | undefined)[] = def.sided ? ['left', 'right'] : [undefined];
  let config: Record<string, unknown> | null = null;
  for (const side of sides) {
    try { config = stepConfig(step, side) as Record<string, unknown>; } catch (e) { return [`config does not parse: ${(e as Error).message}`]; }
  }
  const c = config ?? {};
  const { dose } = step;
  if ((dose.sides === 'each') !== def.sided) out.push(`dose sides "${dose.sides}" but the exercise is ${def.sided ? '' : 'not '}sided`);
  if ((dose.kind === 'test') !== (def.group === 'test')) out.push(`a ${dose.kind} dose for a ${def.group} exercise`);
  if (dose.kind === 'holds') {
    if (def.group !== 'hold') out.push(`a holds dose for a ${def.group} exercise`);
    if (c.holdTargetMs !== ms(dose.holdS)) out.push(`holdS ${dose.holdS} s but the config target is ${String(c.holdTargetMs)} ms`);
    if (typeof c.holdsPerAngle === 'number' && dose.holdsPerSet % c.holdsPerAngle !== 0) {
      out.push(`holdsPerSet ${dose.holdsPerSet} is not a whole number of rounds of ${c.holdsPerAngle} holds per angle`);
    }
  }
  if (dose.kind === 'reps' && dose.holdAtTopS !== undefined && c.minTopHoldMs !== ms(dose.holdAtTopS)) {
    out.push(`holdAtTopS ${dose.holdAtTopS} s but the config top hold is ${String(c.minTopHoldMs)} ms`);
  }
  if (dose.kind === 'test' && c.holdTargetMs !== ms(dose.trialS)) out.push(`trialS ${dose.trialS} s but the config target is ${String(c.holdTargetMs)} ms`);
  return out;
}

/** Everything in the plan that does not fit the registered exercises; empty when the plan is sound. */
export function checkPlan(plan: Plan): PlanProblem[] {
  return [plan.test, ...plan.tracks.flatMap((t) => t.steps)]
    .flatMap((step) => checkStep(step).map((message) => ({ stepId: step.id, message })));
}
