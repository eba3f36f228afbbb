// Pipeline lifecycle in the built app: pause while the tab is hidden, camera lost mid-session, model choice that
// persists across reloads, and camera tracks stopped when the app element leaves the page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BROWSER_SETUP_TIMEOUT_MS, BROWSER_TEST_TIMEOUT_MS, clipToY4m, describeBrowser, launchChromium, openWatchedPage,
  serveDir, snapshot, waitForBanner, waitForPose, type StaticServer,
} from './harness';

/** Makes the page believe its tab was hidden or shown (headless tabs are always visible). */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((h) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => h });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (h ? 'hidden' : 'visible') });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

describeBrowser('app lifecycle in chromium (fake camera)', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchChromium({ fakeCameraY4m: clipToY4m('bodyweight-squat') });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pauses inference while the tab is hidden and resumes when shown', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    await waitForPose(w.page, { minKeypoints: 10 });
    await setHidden(w.page, true);
    const atHide = (await snapshot(w.page)).stats!.framesAnalysed;
    await w.page.waitForTimeout(1500);
    const hidden = await snapshot(w.page);
    expect(hidden.status.kind).toBe('hidden');
    expect(hidden.bannerCode).toBe('paused-hidden');
    // At most the one inference that was already running when the tab was hidden.
    expect(hidden.stats!.framesAnalysed - atHide).toBeLessThanOrEqual(1);
    await setHidden(w.page, false);
    await w.page.waitForTimeout(1500);
    const shown = await snapshot(w.page);
    expect(shown.status.kind).toBe('running');
    expect(shown.stats!.framesAnalysed).toBeGreaterThan(hidden.stats!.framesAnalysed);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('reports a camera that disappears mid-session', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    await waitForPose(w.page, { minKeypoints: 10 });
    // What the browser does when the device is unplugged: the track fires 'ended'.
    await w.page.evaluate(() => {
      const video = document.querySelector('app-root')!.shadowRoot!.querySelector('video')!;
      (video.srcObject as MediaStream).getVideoTracks()[0]!.dispatchEvent(new Event('ended'));
    });
    const s = await waitForBanner(w.page, 'camera-unplugged', 10_000);
    expect(s.bannerText).toMatch(/disconnected/i);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('keeps the chosen model across a reload and loads only that model', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    await waitForPose(w.page, { minKeypoints: 10 });
    await w.page.locator('select[aria-label="Pose model"]').selectOption('thunder');
    await expect.poll(async () => (await snapshot(w.page)).modelId, { timeout: 30_000 }).toBe('thunder');
    await waitForPose(w.page, { minKeypoints: 10 });
    expect(w.requests.some((u) => u.endsWith('/models/movenet-thunder.bin'))).toBe(true);
    w.requests.length = 0;
    await w.page.reload();
    await waitForPose(w.page, { minKeypoints: 10 });
    expect((await snapshot(w.page)).modelId).toBe('thunder');
    expect(w.requests.filter((u) => u.includes('/models/'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/movenet-thunder\.json$/), expect.stringMatching(/movenet-thunder\.bin$/)]));
    expect(w.requests.some((u) => u.includes('movenet-lightning'))).toBe(false);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('stops the camera tracks when the app element is removed', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    await waitForPose(w.page, { minKeypoints: 10 });
    const states = await w.page.evaluate(() => {
      const root = document.querySelector('app-root')!;
      const stream = root.shadowRoot!.querySelector('video')!.srcObject as MediaStream;
      const before = stream.getTracks().map((t) => t.readyState);
      root.remove();
      return { before, after: stream.getTracks().map((t) => t.readyState) };
    });
    expect(states.before).toEqual(['live']);
    expect(states.after).toEqual(['ended']);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});

describeBrowser('app on a cross-origin isolated page (COOP/COEP)', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDir(undefined, { crossOriginIsolated: true });
    browser = await launchChromium({ fakeCameraY4m: clipToY4m('bodyweight-squat') });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Threaded tfjs-wasm breaks in the minified build and then never finishes starting; an isolated deployment
  // must still get a working (single-threaded) wasm backend.
  it('still runs the wasm backend and finds the person', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(`${server.url}?backend=wasm`);
    expect(await w.page.evaluate(() => crossOriginIsolated)).toBe(true);
    const s = await waitForPose(w.page, { minKeypoints: 13 });
    expect(s.backend).toBe('wasm');
    expect(s.backendDetail).toContain('single thread');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});

describeBrowser('app with two cameras', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchChromium({ fakeDeviceCount: 2 });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('offers a camera picker, switches camera, and remembers the choice', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    const picker = w.page.locator('select[aria-label="Camera"]');
    await picker.waitFor({ timeout: 60_000 });
    const labels = await picker.locator('option').allTextContents();
    expect(labels).toEqual(['fake_device_0', 'fake_device_1']);
    const label = () => w.page.evaluate(() => (document.querySelector('app-root') as unknown as { pose: { info: { sourceLabel: string } } }).pose.info.sourceLabel);
    await expect.poll(label, { timeout: 30_000 }).toBe('fake_device_0');
    await picker.selectOption({ label: 'fake_device_1' });
    await expect.poll(label, { timeout: 30_000 }).toBe('fake_device_1');
    // The test pattern has no person: the pipeline runs and says so.
    await waitForBanner(w.page, 'no-person', 60_000);
    await w.page.reload();
    await expect.poll(label, { timeout: 30_000 }).toBe('fake_device_1');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});
