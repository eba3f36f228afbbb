// Every step of the plan, run by the coach, gets the rule config the plan prescribes for each set's side, and the
// dose's sets, reps and holds.
import { describe, expect, it } from 'vitest';
import { createSession, sessionSpec, stepSession, type SessionSpec, type SessionState } from '../../../src/coach/coach-session';
import { HIP_STABILITY_PLAN } from '../../../src/programme/plan';
import { stepConfig } from '../../../src/programme/plan-registry';
import { sessionPlanForStep } from '../../../src/programme/session-plan';
import { getExercise } from '../../../src/rules/registry';

const nextSetState = (spec: SessionSpec, s: SessionState): SessionState =>
  stepSession(stepSession(s, { type: 'end-set' }, spec).state, { type: 'next-set' }, spec).state;

describe('programme step -> session plan', () => {
  const steps = [HIP_STABILITY_PLAN.test, ...HIP_STABILITY_PLAN.tracks.flatMap((t) => t.steps)];
  it.each(steps.map((s) => [s.id, s] as const))('%s: each set runs the step config on its side, with the dose', (_id, step) => {
    const plan = sessionPlanForStep(step);
    const def = getExercise(step.exerciseId);
    const spec = sessionSpec(def, plan);
    const d = step.dose;
    const perSide = d.kind === 'test' ? 1 : d.sets;
    expect(plan.sets).toHaveLength(d.sides === 'each' ? perSide * 2 : perSide);
    if (d.sides === 'each') expect(plan.sets.slice(0, 2)).toEqual(['left', 'right']);
    expect(plan.reps).toBe(d.kind === 'reps' ? d.reps : null);
    if (d.kind === 'holds') expect(plan).toMatchObject({ holdMs: d.holdS * 1000, holds: d.holdsPerSet });
    let state = createSession(spec);
    for (let i = 0; i < plan.sets.length; i++) {
      if (i > 0) state = nextSetState(spec, state);
      expect(state.setIndex).toBe(i);
      expect(state.rule.config, `set ${i + 1}`).toEqual(stepConfig(step, plan.sets[i] ?? undefined));
    }
  });
});
