// Installable and offline (src/pwa): after one visit the service worker has precached the app, the wasm binaries and
// the default model, so a reload with the network off still runs the camera pipeline and a coached set, and nothing
// is requested from any host; the screen stays on while that set runs. Thunder is cached when first used. A new
// version is offered, never forced.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import {
  browserSuite, clipToY4m, describeBrowser, openWatchedPage, saveScreenshot, waitForPose, waitForServiceWorker,
} from './harness';

const TEST_TIMEOUT_MS = 300_000;
/** The clip trimmed to its 3 full squats, padded with stills (as in coach-flows.test.ts), so reps come quickly. */
const SQUAT_FILTER = 'trim=end=8,setpts=PTS-STARTPTS,tpad=start_duration=4:start_mode=clone:stop_duration=3:stop_mode=clone';

/** Every cached request as "<cache name> <path>". */
const cachedPaths = (page: Page) => page.evaluate(async () => {
  const out: string[] = [];
  for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) out.push(`${name} ${new URL(req.url).pathname}`);
  return out;
});

/** Whether the coach view holds a screen wake lock now (WakeLockController). */
const screenKeptOn = (page: Page) => page.evaluate(() =>
  (document.querySelector('app-root')?.shadowRoot?.querySelector('coach-view') as unknown as { wakeLock: { active: boolean } } | null)?.wakeLock.active ?? null);

const repsThisSide = (page: Page) => page.evaluate(() => {
  const cv = document.querySelector('app-root')?.shadowRoot?.querySelector('coach-view') as unknown as { session: { repsThisSide(): number } | null } | null;
  return cv?.session?.repsThisSide() ?? 0;
});

describeBrowser('offline and updates (service worker, chromium)', () => {
  const suite = browserSuite(() => ({ fakeCameraY4m: clipToY4m('bodyweight-squat', { filter: SQUAT_FILTER, variant: 'three-squats-padded' }) }));

  it('after one visit, a reload with the network off runs the camera pipeline and a set; nothing is requested from any host', async () => {
    const w = await openWatchedPage(suite.browser, suite.server.origin);
    const { page } = w;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${suite.server.url}?backend=wasm`);
    await waitForPose(page, { minKeypoints: 13 });
    expect(await waitForServiceWorker(page)).toBe(`${suite.server.origin}/service-worker.js`);
    await expect.poll(() => page.locator('[data-testid="offline-ready"]').count(), { timeout: 10_000 }).toBe(1);
    const cached = await cachedPaths(page);
    for (const path of ['/index.html', '/models/movenet-lightning.json', '/models/movenet-lightning.bin', '/manifest.webmanifest']) {
      expect(cached.some((c) => c.endsWith(` ${path}`) || c.includes(` ${path}?`)), path).toBe(true);
    }
    expect(cached.some((c) => c.includes('.wasm'))).toBe(true);
    expect(cached.some((c) => c.includes('movenet-thunder'))).toBe(false); // on demand only

    const servedBefore = suite.server.requested.length;
    await w.context.setOffline(true);
    await page.reload();
    await waitForPose(page, { minKeypoints: 13 });
    expect(await page.locator('[data-testid="inference-thread"]').textContent()).toBe('worker');
    await page.locator('[data-exercise="squat"]').click();
    await page.locator('input[name="reps"]').fill('20');
    await page.locator('[data-testid="start"]').click();
    await expect.poll(() => repsThisSide(page), { timeout: 150_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    expect(await screenKeptOn(page)).toBe(true); // the set runs: the screen stays on (real Screen Wake Lock)
    await saveScreenshot(page, 'offline-reload-set');
    await page.locator('[data-testid="end-set"]').click();
    await expect.poll(() => screenKeptOn(page), { timeout: 10_000 }).toBe(false); // given back when the set ends
    // Offline, the server hears nothing from the page; only the browser's own update check of the service worker
    // script (made by the browser, outside the page's emulated network) may still reach it.
    expect(suite.server.requested.slice(servedBefore).filter((p) => p !== '/service-worker.js')).toEqual([]);
    expect(w.foreignRequests()).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, TEST_TIMEOUT_MS);

  it('Thunder is cached the first time it is chosen, not before', async () => {
    const w = await openWatchedPage(suite.browser, suite.server.origin);
    const { page } = w;
    await page.goto(`${suite.server.url}?backend=wasm&autostart=0`);
    await waitForServiceWorker(page);
    expect((await cachedPaths(page)).some((c) => c.includes('movenet-thunder'))).toBe(false);
    await page.goto(`${suite.server.url}?backend=wasm&model=thunder`);
    await waitForPose(page, { minKeypoints: 10, timeoutMs: 180_000 });
    const cached = await cachedPaths(page);
    expect(cached.filter((c) => /^models-on-demand-\S+ \/models\/movenet-thunder\.(json|bin)$/.test(c))).toHaveLength(2);
    expect(w.foreignRequests()).toEqual([]);
    await w.context.close();
  }, TEST_TIMEOUT_MS);

  it('a new version is offered with a prompt; Reload switches to it', async () => {
    const w = await openWatchedPage(suite.browser, suite.server.origin);
    const { page } = w;
    await page.goto(`${suite.server.url}?autostart=0`);
    await waitForServiceWorker(page);
    await page.reload(); // a returning visitor: the page is now controlled by the installed version
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.locator('[data-testid="update-available"]').count()).toBe(0);
    // The next version on the server: the service worker's script differs, so the browser installs it beside the old one.
    appendFileSync(join(suite.server.root, 'service-worker.js'), '\n// next version\n');
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r!.update()));
    await expect.poll(() => page.locator('[data-testid="update-available"]').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting))).toBe(true);
    await saveScreenshot(page, 'update-available');
    await Promise.all([page.waitForEvent('load', { timeout: 30_000 }), page.locator('[data-testid="update-reload"]').click()]);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => ({ waiting: !!r?.waiting, active: r?.active?.state }))), { timeout: 30_000 })
      .toEqual({ waiting: false, active: 'activated' });
    expect(await page.locator('[data-testid="update-available"]').count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, TEST_TIMEOUT_MS);
});
