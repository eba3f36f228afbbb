// The programme and the report in the built app in Debian's chromium, camera off (?autostart=0). Two and a half weeks
// of a programme are written into the app's own IndexedDB databases first: session records made like the app's
// (tagged with their programme session and step, each track at the step the progression had reached), with the
// single-leg test in weeks 1 and 3. Then: the programme's week view, starting Today's session (its first exercise,
// behind the camera placement check), History progress, and the report on screen, in print media and as a PDF.
// Screenshots and the PDF: test-results/programme-*.png, report-*.png, report.pdf.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { localDay } from '../../src/coach/trends';
import { addDays } from '../../src/programme/days';
import { HIP_STABILITY_PLAN as PLAN } from '../../src/programme/plan';
import { TEST_TRACK_ID } from '../../src/programme/plan-schema';
import { trackLevels } from '../../src/programme/progression';
import { getExercise } from '../../src/rules/registry';
import type { ProgrammeRecord } from '../../src/storage/programme-record';
import type { SessionRecord } from '../../src/storage/session-record';
import { at, doseSets, record } from '../unit/programme/records';
import { browserSuite, describeBrowser, openApp, RESULTS_DIR, saveScreenshot } from './harness';
import { coachState, waitFor } from './coach-helpers';

const TIMEOUT_MS = 180_000;

/** A run started 16 days ago (week 3 today): weeks 1-2 done, with fewer faulty reps as the weeks go by, week 3's
 * first session begun today with the single-leg test only. */
function history(): { run: ProgrammeRecord; records: SessionRecord[] } {
  const today = localDay(new Date().toISOString());
  const startDay = addDays(today, -16);
  const run: ProgrammeRecord = { id: 'e2e-run', schemaVersion: 1, planId: PLAN.id, planVersion: PLAN.version, startDay, createdAt: at(startDay, 8), updatedAt: at(startDay, 8), overrides: [] };
  const records: SessionRecord[] = [];
  const tag = (occurrenceId: string, trackId: string, stepId: string) => ({ programmeId: run.id, occurrenceId, trackId, stepId });
  const test = (occurrenceId: string, day: string, dropL: number, dropR: number) => records.push(record('single-leg-stand', at(day, 9),
    (['left', 'right'] as const).map((side, i) => ({
      ...doseSets(PLAN.test, { holdMs: side === 'left' && dropL > 5 ? 21_000 : 30_000 })[i]!,
      series: [{ code: 'PELVIC_OBLIQUITY_DEG', side, unit: 'deg' as const, tMs: [0, 1000, 2000, 3000], values: [0, 1, 2, 3].map((k) => (side === 'left' ? dropL : dropR) + (k % 2 ? 0.4 : -0.4)) }],
    })), tag(occurrenceId, TEST_TRACK_ID, PLAN.test.id), `e2e-${occurrenceId}-test`));
  const offsets = [0, 2, 4, 7, 9, 11]; // Mon, Wed, Fri of weeks 1 and 2
  PLAN.sessions.slice(0, 6).forEach((s, i) => {
    const day = addDays(startDay, offsets[i]!);
    if (s.test) test(s.id, day, 6.5, 2.5);
    const levels = trackLevels(PLAN, run, records);
    s.trackIds.forEach((trackId, k) => {
      const step = levels.get(trackId)!.step;
      // Week 1: three faulty reps per set (not clean) in every other exercise; week 2: clean.
      const faulty = s.week === 1 && k % 2 === 0 ? 3 : 0;
      records.push(record(step.exerciseId, at(day, 10, k * 10), doseSets(step, { faultyPerSet: step.dose.kind === 'reps' ? Math.min(faulty, step.dose.reps) : 0 }),
        tag(s.id, trackId, step.id), `e2e-${s.id}-${trackId}`));
    });
  });
  test('w3-a', today, 4.0, 2.6);
  // Names and groups as the app writes them (the helper leaves the id).
  return { run, records: records.map((r) => ({ ...r, exerciseName: getExercise(r.exerciseId).name, group: getExercise(r.exerciseId).group })) };
}

/** Writes the run and the records into the app's databases (once the app has created them). */
async function seed(page: Page, data: { run: ProgrammeRecord; records: SessionRecord[] }): Promise<void> {
  await page.waitForFunction(async () => {
    const names = (await indexedDB.databases()).map((d) => d.name);
    return names.includes('hip-trainer') && names.includes('hip-trainer-programme');
  }, undefined, { timeout: 15_000 });
  await page.evaluate(async ({ run, records }) => {
    const put = (db: string, store: string, rows: unknown[]) => new Promise<void>((ok, ko) => {
      const req = indexedDB.open(db);
      req.onerror = () => ko(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction(store, 'readwrite');
        for (const r of rows) tx.objectStore(store).put(r);
        tx.oncomplete = () => { req.result.close(); ok(); };
        tx.onerror = () => ko(tx.error);
      };
    });
    await put('hip-trainer-programme', 'programmes', [run]);
    await put('hip-trainer', 'sessions', records);
  }, data);
}

describeBrowser('programme and report in chromium (seeded history, camera off)', () => {
  const app = browserSuite(() => ({}));

  it('week view, Today\'s session starts behind the placement check, History progress, the report on screen, in print and as a PDF', async () => {
    const w = await openApp(app, { width: 1280, height: 900, query: '?autostart=0' });
    const { page } = w;
    const data = history();
    await seed(page, data);
    await page.reload();

    // The programme: week 3 of 6, its first session begun today (test done), two weeks behind it done.
    await page.locator('[data-testid="nav-programme"]').click();
    const week = page.locator('[data-testid="programme-week"]');
    await expect.poll(() => week.locator('h3').textContent(), { timeout: 10_000 }).toBe('Week 3 of 6');
    expect(await page.locator('[data-testid="today-headline"]').textContent()).toBe('Carry on with Week 3, session 1');
    expect(await week.locator('[data-session="w3-a"]').getAttribute('data-state')).toBe('in-progress');
    expect(await week.locator('[data-session]').count()).toBe(3);
    expect(await page.locator('[data-testid="clean-rule"]').textContent()).toContain('80 %');
    // Week 2's clean sessions moved the clean tracks up a step (progression replayed from the seeded records).
    const bridge = (await page.locator('[data-testid="programme-levels"] [data-track="bridge"]').textContent())!.replace(/\s+/g, ' ');
    console.log(`[programme e2e] bridge track: ${bridge.slice(0, 160)}`);
    expect(bridge).toContain('Step 2 of 4: Glute bridge, knees pressing out'); // week 1 not clean, week 2 clean twice
    await saveScreenshot(page, 'programme-week-1280');
    await week.locator('button', { hasText: '← Week 2' }).click();
    expect(await week.locator('[data-session="w2-b"]').getAttribute('data-state')).toBe('done');
    await saveScreenshot(page, 'programme-week2-1280');

    // Today's session carries on with its first exercise still to do, after the camera placement check.
    await page.locator('[data-testid="today-start"]').click();
    const live = await waitFor(page, 'the first exercise', (s) => s.screen === 'live', 5000);
    expect(live.placement).toBe('front');
    const firstStep = trackLevels(PLAN, data.run, data.records).get(PLAN.sessions[6]!.trackIds[0]!)!.step;
    expect(await page.locator('live-panel h2').textContent()).toContain(firstStep.title);
    // The camera is off here: the normal page stays (with the shell's camera controls), the set waits for the check.
    expect(await page.locator('[data-testid="live-status"]').textContent()).toContain('Paused');
    expect(await page.locator('[data-testid="placement-override"]').count()).toBe(1);
    expect(await page.evaluate(() => document.querySelector('app-root')!.hasAttribute('distance'))).toBe(false);
    await saveScreenshot(page, 'programme-session-start-1280');
    await page.locator('[data-testid="stop-session"]').click();
    await waitFor(page, 'back on the programme', (s) => s.screen === 'programme', 5000);

    // History: programme sessions per week and the single-leg test over time.
    await page.locator('[data-testid="nav-history"]').click();
    await expect.poll(() => page.locator('[data-testid="history-progress"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('[data-testid="history-progress"] single-leg-trend data-chart').count()).toBe(2);
    await saveScreenshot(page, 'programme-history-progress-1280');

    // The report: on screen, then as paper.
    await page.locator('[data-testid="nav-report"]').click();
    const report = page.locator('[data-testid="clinician-report"]');
    await expect.poll(() => report.count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('[data-testid="report-test-row"]').count()).toBe(2);
    const change = (await page.locator('[data-testid="report-change"]').textContent())!.replace(/\s+/g, ' ');
    console.log(`[programme e2e] report: ${change}`);
    expect(change).toMatch(/left leg hold \+9\.0 s, mean drop -2\.5°/);
    expect(await page.locator('[data-testid="report-exercise"]').count()).toBeGreaterThan(4);
    expect(await page.locator('[data-testid="report-caveats"]').textContent()).toContain('not a diagnosis');
    await saveScreenshot(page, 'report-screen-1280');

    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const root = document.querySelector('app-root')!.shadowRoot!;
      const cv = root.querySelector('coach-view')!.shadowRoot!;
      const shown = (el: Element | null) => !!el && getComputedStyle(el).display !== 'none';
      const rv = cv.querySelector('clinician-report-view')!.shadowRoot!;
      return { header: shown(root.querySelector('header')), video: shown(root.querySelector('.watch')), nav: shown(cv.querySelector('nav')),
        printButton: shown(rv.querySelector('.actions')), body: getComputedStyle(document.body).backgroundColor };
    });
    expect(printed).toEqual({ header: false, video: false, nav: false, printButton: false, body: 'rgb(255, 255, 255)' });
    await saveScreenshot(page, 'report-print-media-1280');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(RESULTS_DIR, 'report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    console.log(`[programme e2e] report.pdf: ${pdf.length} bytes, ${pages} pages`);
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.emulateMedia({ media: 'screen' });

    expect(w.pageErrors).toEqual([]);
    expect(w.foreignRequests()).toEqual([]);
    expect((await coachState(page)).screen).toBe('report');
    await w.context.close();
  }, TIMEOUT_MS);
});
