// Inference in a Web Worker, in the real browser: the readout says where the model runs, PoseFrames arrive from the
// worker, the page falls back to its main thread (and says why) when the worker cannot start, and `?worker=off`
// runs the model on the main thread without a warning.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { poseFrameSchema } from '../../src/core/pose-frame';
import { BROWSER_TEST_TIMEOUT_MS, browserSuite, clipToY4m, describeBrowser, openWatchedPage, saveScreenshot, waitForPose } from './harness';

const readout = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).textContent({ timeout: 5000 }).catch(() => null);

describeBrowser('pose inference in a worker (chromium)', () => {
  const suite = browserSuite(() => ({ fakeCameraY4m: clipToY4m('bodyweight-squat') }));

  it('runs the model in a worker: the readout says so and PoseFrames arrive', async () => {
    const w = await openWatchedPage(suite.browser, suite.server.origin);
    const workerUrls: string[] = [];
    w.page.on('worker', (wk) => workerUrls.push(wk.url()));
    await w.page.goto(`${suite.server.url}?backend=wasm`);
    const s = await waitForPose(w.page, { minKeypoints: 13 });
    expect(await readout(w.page, 'inference-thread')).toBe('worker');
    expect(await w.page.locator('[data-testid="thread-fallback"]').count()).toBe(0);
    expect(workerUrls.some((u) => /\/assets\/pose-worker-[\w-]+\.js$/.test(u))).toBe(true);
    // A plain, schema-valid PoseFrame came back from the worker, and it moves: frames keep arriving.
    const frame = poseFrameSchema.parse(s.frame);
    expect(frame.imageWidthPx).toBe(640);
    const first = s.stats!.framesAnalysed;
    await expect.poll(async () => (await w.page.evaluate(() =>
      (document.querySelector('app-root') as unknown as { pose: { stats: { framesAnalysed: number } | null } }).pose.stats?.framesAnalysed ?? 0)), { timeout: 20_000 })
      .toBeGreaterThan(first + 10);
    // tfjs was never loaded on the page itself: the model code and weights were fetched by the worker.
    const pageScripts = await w.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(js|bin|wasm)$/.test(n)));
    expect(pageScripts.filter((n) => /local-engine|detector-host|\.bin$|\.wasm$/.test(n))).toEqual([]);
    expect(w.foreignRequests()).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await saveScreenshot(w.page, 'worker-running');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('?worker=off runs the model on the main thread, without a warning', async () => {
    const w = await openWatchedPage(suite.browser, suite.server.origin);
    await w.page.goto(`${suite.server.url}?backend=wasm&worker=off`);
    await waitForPose(w.page, { minKeypoints: 13 });
    expect(await readout(w.page, 'inference-thread')).toBe('main thread');
    expect(await w.page.locator('[data-testid="thread-fallback"]').count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('a worker that cannot start: falls back to the main thread, says why, and still finds the person', async () => {
    const w = await openWatchedPage(suite.browser, suite.server.origin);
    await w.page.route('**/assets/pose-worker-*.js', (r) => r.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
    await w.page.goto(`${suite.server.url}?backend=wasm`);
    await waitForPose(w.page, { minKeypoints: 13 });
    expect(await readout(w.page, 'inference-thread')).toBe('main thread');
    expect(await readout(w.page, 'thread-fallback')).toMatch(/main thread because the inference worker could not start \(its script failed to load or threw\)/);
    expect(w.pageErrors).toEqual([]);
    await saveScreenshot(w.page, 'worker-fallback-main-thread');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});
