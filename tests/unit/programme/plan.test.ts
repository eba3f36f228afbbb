// The 6-week plan is valid data: it parses, every step names a registered exercise whose config parses, the dose
// agrees with the config, and the schedule is what the plan promises (3 a week, every track twice a week, the
// single-leg test at the start and every two weeks). The checks themselves are shown to fail on broken plans.
import { describe, expect, it } from 'vitest';
import { HIP_STABILITY_PLAN as PLAN } from '../../../src/programme/plan';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CLEAN_CRITERIA } from '../../../src/programme/clean';
import { checkPlan, stepConfig } from '../../../src/programme/plan-registry';
import { planTables } from '../../../src/programme/plan-table';
import { type Plan, planSchema, TEST_TRACK_ID } from '../../../src/programme/plan-schema';
import { EXERCISES } from '../../../src/rules/registry';

const clone = (): Plan => structuredClone(PLAN);
const issues = (p: Plan) => planSchema.safeParse(p).error?.issues.map((i) => i.message) ?? [];
const steps = (p: Plan) => [p.test, ...p.tracks.flatMap((t) => t.steps)];

describe('the hip-stability plan', () => {
  it('every step names a registered exercise, its config parses on each side, and its dose fits the config', () => {
    const ids = new Set(EXERCISES.map((d) => d.id));
    for (const s of steps(PLAN)) expect(ids, s.id).toContain(s.exerciseId);
    expect(checkPlan(PLAN)).toEqual([]);
    // The configs the app will run carry the plan's choices.
    const find = (id: string) => steps(PLAN).find((s) => s.id === id)!;
    expect(stepConfig(find('side-plank-2x20s'), 'left')).toMatchObject({ side: 'left', holdTargetMs: 20_000, variant: 'hold' });
    expect(stepConfig(find('side-plank-raises-2x6'), 'right')).toMatchObject({ side: 'right', variant: 'leg-raises' });
    expect(stepConfig(find('transverse-lunge-2x8'), 'left')).toMatchObject({ variant: 'transverse' });
    expect(stepConfig(find('side-lying-internal-3x10'), 'left')).toMatchObject({ variant: 'internal-rotation' });
    expect(stepConfig(find('wall-clamshell-2-per-angle'), 'left')).toMatchObject({ holdsPerAngle: 2, holdTargetMs: 8000 });
    expect(stepConfig(PLAN.test, 'left')).toMatchObject({ holdTargetMs: 30_000 });
  });

  it('is 6 weeks of 3 sessions, every track twice a week in 4 exercises, the test in weeks 1, 3, 5 and at the end', () => {
    expect(PLAN.sessions).toHaveLength(18);
    for (let w = 1; w <= 6; w++) {
      const week = PLAN.sessions.filter((s) => s.week === w);
      expect(week.map((s) => s.index)).toEqual([1, 2, 3]);
      for (const t of PLAN.tracks) expect(week.filter((s) => s.trackIds.includes(t.id)), `${t.id} in week ${w}`).toHaveLength(2);
      for (const s of week) expect(s.trackIds).toHaveLength(4);
    }
    expect(PLAN.sessions.filter((s) => s.test).map((s) => s.id)).toEqual(['w1-a', 'w3-a', 'w5-a', 'w6-c']);
  });

  it('follows the sources\' easier-to-harder order and steps up one thing at a time', () => {
    const order = (trackId: string) => PLAN.tracks.find((t) => t.id === trackId)!.steps.map((s) => s.exerciseId);
    // The published list: bridge -> prone hip extension; side-lying neutral -> medial -> lateral; standing
    // abduction -> transverse lunge -> circumduction; side bridge -> side bridge with abduction.
    expect(order('bridge').indexOf('glute-bridge')).toBeLessThan(order('bridge').indexOf('prone-hip-extension'));
    expect(PLAN.tracks.find((t) => t.id === 'side-lying')!.steps.filter((s) => s.exerciseId === 'side-lying-hip-abduction').map((s) => s.config.variant))
      .toEqual(['neutral', 'internal-rotation', 'external-rotation']);
    expect(order('standing').slice(1)).toEqual(['standing-hip-abduction', 'lunge', 'standing-hip-circumduction']);
    const plank = PLAN.tracks.find((t) => t.id === 'side-bridge')!.steps.filter((s) => s.exerciseId === 'side-plank');
    expect(plank.map((s) => s.config.variant)).toEqual(['hold', 'hold', 'leg-raises']);
    // Within one exercise the volume never goes down from one step to the next.
    for (const t of PLAN.tracks) {
      for (let i = 1; i < t.steps.length; i++) {
        const [a, b] = [t.steps[i - 1]!, t.steps[i]!];
        if (a.exerciseId !== b.exerciseId || a.dose.kind === 'test' || b.dose.kind === 'test' || a.dose.kind !== b.dose.kind) continue;
        const volume = (d: typeof a.dose) => (d.kind === 'reps' ? d.sets * d.reps : d.kind === 'holds' ? d.sets * d.holdsPerSet * d.holdS : 0);
        expect(volume(b.dose), `${a.id} -> ${b.id}`).toBeGreaterThanOrEqual(volume(a.dose));
      }
    }
  });

  it('the schema refuses duplicate ids, unknown tracks and sources, a wrong session count and the reserved test id', () => {
    const dupStep = clone();
    dupStep.tracks[1]!.steps[0]!.id = dupStep.tracks[0]!.steps[0]!.id;
    expect(issues(dupStep)).toEqual(['step id "bridge-2x10" is used twice']);
    const badTrack = clone();
    badTrack.sessions[0]!.trackIds = ['bridge', 'nope'];
    expect(issues(badTrack)).toEqual(['session "w1-a" names unknown track "nope"']);
    const badSource = clone();
    badSource.tracks[0]!.steps[0]!.sources = ['nowhere'];
    expect(issues(badSource)).toEqual(['step "bridge-2x10" cites unknown source "nowhere"']);
    const short = clone();
    short.sessions.pop();
    expect(issues(short)).toEqual(['17 sessions planned, expected 6 weeks x 3']);
    const reserved = clone();
    reserved.tracks[0]!.id = TEST_TRACK_ID;
    expect(issues(reserved)[0]).toBe('track id "single-leg-test" is reserved for the single-leg test');
    expect(issues(PLAN)).toEqual([]);
  });

  it('checkPlan names an unknown exercise, a config that does not parse, and doses that disagree with the config', () => {
    const p = clone();
    const [bridge, band] = p.tracks[0]!.steps as [Plan['tracks'][0]['steps'][0], Plan['tracks'][0]['steps'][0]];
    bridge.exerciseId = 'glute-brige';
    band.config = { variant: 'three-leg' };
    const plank = p.tracks.find((t) => t.id === 'side-bridge')!.steps[1]!;
    if (plank.dose.kind === 'holds') plank.dose.holdS = 25; // config says 20 s
    const clam = p.tracks.find((t) => t.id === 'side-lying')!.steps[0]!;
    if (clam.dose.kind === 'reps') clam.dose.sides = 'none'; // clamshell is sided
    const problems = checkPlan(p);
    expect(problems.map((x) => x.stepId)).toEqual(['bridge-2x10', 'bridge-band-3x10', 'clamshell-2x10', 'side-plank-2x20s']);
    expect(problems[0]!.message).toMatch(/unknown exercise id "glute-brige"/);
    expect(problems[1]!.message).toMatch(/config does not parse.*variant/s);
    expect(problems[2]!.message).toMatch(/dose sides "none" but the exercise is sided/);
    expect(problems[3]!.message).toMatch(/holdS 25 s but the config target is 20000 ms/);
  });

  it('the programme README shows the plan as it is in the code, and the clean-form defaults', () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../../src/programme/README.md'), 'utf8');
    expect(readme, 'run `npx tsx tools/plan-table.ts` and paste its output into src/programme/README.md').toContain(planTables(PLAN));
    for (const [field, value] of Object.entries(DEFAULT_CLEAN_CRITERIA)) expect(readme).toContain(`| \`${field}\` | ${value} |`);
  });
});
