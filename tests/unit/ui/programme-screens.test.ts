// @vitest-environment happy-dom
// The programme in <coach-view> with the real plan and the real exercises: start the programme, run Today's session
// with the space key (its exercises in plan order, each with the step's dose and rule config), every saved record
// tagged with its programme session and step; skip an exercise; the week view; History progress; the report page.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import '../../../src/ui/coach-view';
import '../../../src/ui/programme-view';
import '../../../src/ui/clinician-report-view';
import type { CoachView } from '../../../src/ui/coach-view';
import { HIP_STABILITY_PLAN } from '../../../src/programme/plan';
import { sessionPlanForStep } from '../../../src/programme/session-plan';
import { buildClinicianReport } from '../../../src/report/clinician-report';
import { EXERCISES } from '../../../src/rules/registry';
import { SessionStore } from '../../../src/storage/session-store';
import { shortcutFor } from '../../../src/ui/controllers/shortcuts-controller';
import { at, doseSets, record } from '../programme/records';

const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const tick = () => new Promise((r) => setTimeout(r, 20));
const space = () => window.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }));
const inner = (el: Element, sel: string) => el.shadowRoot!.querySelector(sel)!;

async function settle(el: CoachView): Promise<void> {
  for (let i = 0; i < 5; i++) { await tick(); await el.updateComplete; }
}

describe('programme in <coach-view>', () => {
  it('runs Today\'s session in plan order with the steps\' doses and configs, tags every record, then moves Today on', async () => {
    const el = document.createElement('coach-view');
    el.exercises = EXERCISES;
    document.body.append(el);
    await settle(el);
    (inner(el, '[data-testid="nav-programme"]') as HTMLButtonElement).click();
    await settle(el);
    const view = inner(el, 'programme-view');
    (inner(view, '[data-testid="programme-begin"]') as HTMLButtonElement).click();
    await settle(el);
    await (view as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(text(view)).toContain('Next: Week 1, session 1');
    expect(text(view)).toContain('Clean form means no form warning on at least 80 % of your reps');

    (inner(view, '[data-testid="today-start"]') as HTMLButtonElement).click();
    await settle(el);
    const w1a = HIP_STABILITY_PLAN.sessions[0]!;
    const expected = ['single-leg-stand', ...w1a.trackIds.map((t) => HIP_STABILITY_PLAN.tracks.find((x) => x.id === t)!.steps[0]!.exerciseId)];
    const seen: { exerciseId: string; sets: number; config: unknown }[] = [];
    // Space ends each set and moves to the next set or the next exercise; the last summary stays.
    for (let guard = 0; guard < 40 && el.screen !== 'programme'; guard++) {
      const s = el.session!;
      if (el.screen === 'live' && s.state!.setIndex === 0) seen.push({ exerciseId: s.spec!.exercise.id, sets: s.spec!.plan.sets.length, config: s.state!.rule.config });
      space();
      await settle(el);
      if (el.screen === 'summary' && !inner(el, '[data-testid="next-set"]') && !el.shadowRoot!.querySelector('[data-testid="next-exercise"]')) break;
    }
    expect(seen.map((x) => x.exerciseId)).toEqual(expected);
    // Each exercise ran its step's dose and config (e.g. the two-leg bridge, the 4-point abduction's 5 s hold).
    const steps = [HIP_STABILITY_PLAN.test, ...w1a.trackIds.map((t) => HIP_STABILITY_PLAN.tracks.find((x) => x.id === t)!.steps[0]!)];
    steps.forEach((step, i) => {
      expect(seen[i]!.sets).toBe(sessionPlanForStep(step).sets.length);
      expect(seen[i]!.config).toMatchObject(step.config);
    });
    expect(text(el)).toContain('exercise 5 of 5 · session complete ✓');
    const done = inner(el, '[data-testid="finish"]') as HTMLButtonElement;
    expect(done.textContent).toBe('Session done');

    const store = await SessionStore.open();
    const recs = (await store.list()).records.filter((r) => r.programme?.occurrenceId === 'w1-a').sort((a, b) => a.startedAt.localeCompare(b.startedAt));
    expect(recs.map((r) => r.exerciseId)).toEqual(expected);
    expect(recs.map((r) => r.programme!.trackId)).toEqual(['single-leg-test', ...w1a.trackIds]);
    expect(recs.map((r) => r.programme!.stepId)).toEqual(steps.map((s) => s.id));
    expect(recs.every((r) => r.programme!.programmeId === recs[0]!.programme!.programmeId)).toBe(true);

    done.click();
    await settle(el);
    expect(el.screen).toBe('programme');
    const view2 = inner(el, 'programme-view');
    await (view2 as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(inner(view2, '[data-testid="today-headline"]').textContent).toBe('Done for today ✓ Next time: Week 1, session 2');
    expect(inner(view2, '[data-session="w1-a"]').getAttribute('data-state')).toBe('done');

    // Skip one exercise of the next session: it shows as skipped and the session starts with the others.
    const skip = view2.shadowRoot!.querySelector('[data-testid="today"] li[data-track="standing"] button') as HTMLButtonElement;
    skip.click();
    await settle(el);
    await (view2 as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(inner(view2, '[data-testid="today"] li[data-track="standing"]').getAttribute('data-state')).toBe('skipped');
    el.remove();
  }, 30_000);
});

describe('keyboard shortcuts', () => {
  const ev = (key: string, target: Partial<HTMLElement>, extra: Partial<KeyboardEvent> = {}) =>
    ({ key, ctrlKey: false, altKey: false, metaKey: false, repeat: false, defaultPrevented: false, composedPath: () => [target as EventTarget], ...extra });
  it('space, V and F on the page; nothing typed into a field; space on a button is the button\'s', () => {
    const div = { tagName: 'DIV', getAttribute: () => null };
    expect(shortcutFor(ev(' ', div))).toBe('space');
    expect(shortcutFor(ev('V', div))).toBe('v');
    expect(shortcutFor(ev('f', div))).toBe('f');
    expect(shortcutFor(ev('x', div))).toBeNull();
    expect(shortcutFor(ev(' ', { tagName: 'INPUT' }))).toBeNull();
    expect(shortcutFor(ev('v', { tagName: 'TEXTAREA' }))).toBeNull();
    expect(shortcutFor(ev('v', { tagName: 'DIV', isContentEditable: true }))).toBeNull();
    expect(shortcutFor(ev(' ', { tagName: 'BUTTON' }))).toBeNull();
    expect(shortcutFor(ev('v', { tagName: 'BUTTON' }))).toBe('v');
    expect(shortcutFor(ev(' ', div, { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(ev(' ', div, { repeat: true }))).toBeNull();
  });
});

describe('<clinician-report-view>', () => {
  it('renders the report model: caveats, the single-leg tests per leg with their change, fault rates per exercise', async () => {
    const run = { id: 'run1', schemaVersion: 1 as const, planId: HIP_STABILITY_PLAN.id, planVersion: 1, startDay: '2026-11-02', createdAt: at('2026-11-02'), updatedAt: at('2026-11-02'), overrides: [] };
    const test = HIP_STABILITY_PLAN.test;
    const bridge = HIP_STABILITY_PLAN.tracks[0]!.steps[0]!;
    const tag = (occurrenceId: string, trackId: string, stepId: string) => ({ programmeId: 'run1', occurrenceId, trackId, stepId });
    const legs = (dropL: number, dropR: number) => (['left', 'right'] as const).map((side, i) => ({
      ...doseSets(test, { holdMs: 30_000 })[i]!,
      series: [{ code: 'PELVIC_OBLIQUITY_DEG', side, unit: 'deg' as const, tMs: [0, 1000, 2000], values: side === 'left' ? [dropL, dropL, dropL] : [dropR, dropR, dropR] }],
    }));
    const records = [
      record('single-leg-stand', at('2026-11-02', 9), legs(6, 2), tag('w1-a', 'single-leg-test', test.id)),
      record('glute-bridge', at('2026-11-02', 10), doseSets(bridge, { faultyPerSet: 2 }), tag('w1-a', 'bridge', bridge.id)),
      record('single-leg-stand', at('2026-11-16', 9), legs(3, 2), tag('w3-a', 'single-leg-test', test.id)),
    ];
    const report = buildClinicianReport({ records, programme: { plan: HIP_STABILITY_PLAN, run }, generatedOn: '2026-11-20' });
    const el = document.createElement('clinician-report-view');
    el.report = report;
    document.body.append(el);
    await el.updateComplete;
    const t = text(el);
    expect(t).toContain('Screening and training aid, not a diagnosis');
    expect(el.shadowRoot!.querySelectorAll('[data-testid="report-test-row"]')).toHaveLength(2);
    // Left leg: mean drop 6 deg in the first test, 3 deg two weeks later; right leg 2 deg both times.
    expect(inner(el, '[data-testid="report-change"]').textContent!.replace(/\s+/g, ' ')).toBe(
      'Change from 2026-11-02 to 2026-11-16: left leg hold 0.0 s, mean drop -3.0°; right leg hold 0.0 s, mean drop 0.0°.');
    const bridgeRow = inner(el, '[data-testid="report-exercise"][data-exercise="glute-bridge"]');
    expect(bridgeRow.textContent!.replace(/\s+/g, ' ')).toContain('20 % (4)'); // 2 of 10 reps in each of 2 sets
    expect(t).toContain('Print / Save as PDF');
    expect(el.shadowRoot!.querySelector('single-leg-trend')).not.toBeNull();
    el.remove();
  });
});
