// Reading <coach-view> in the built app from a browser test: the screen, the set-up gate, the reps of the set in
// progress and the summaries so far, and a poll that waits for a state.
import type { Page } from 'playwright-core';

export interface CoachState { screen: string; gate: string | null; reps: number | null; summaries: number; placement: string | null }

export function coachState(page: Page): Promise<CoachState> {
  return page.evaluate(() => {
    const cv = document.querySelector('app-root')?.shadowRoot?.querySelector('coach-view') as unknown as {
      screen: string; session: { gate: { status: string }; repsThisSide(): number; summaries: unknown[] } | null;
      placementStatus: { phase: string } | null;
    } | null;
    if (!cv) throw new Error('no <coach-view> in <app-root>');
    const s = cv.session;
    return {
      screen: cv.screen, gate: s?.gate.status ?? null, reps: s ? s.repsThisSide() : null, summaries: s?.summaries.length ?? 0,
      placement: cv.placementStatus?.phase ?? null,
    };
  });
}

export async function waitFor(page: Page, what: string, pred: (s: CoachState) => boolean, timeoutMs: number): Promise<CoachState> {
  const deadline = Date.now() + timeoutMs;
  let last: CoachState | null = null;
  while (Date.now() < deadline) {
    last = await coachState(page);
    if (pred(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(last)}`);
}
