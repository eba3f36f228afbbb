// Faults in the real browser that the other e2e files do not cover (see the list in tests/robustness/README.md):
// corrupt model files (not missing: garbage bytes, truncated weights, broken JSON), a GPU backend that fails while
// initialising (the app falls back and says why), no backend at all, junk in saved settings, the camera unplugged in
// the middle of a set (the reps so far are kept, the set can be ended, its summary shown and saved), and IndexedDB
// running out of quota (real Chromium quota, set through the DevTools protocol).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BROWSER_SETUP_TIMEOUT_MS, BROWSER_TEST_TIMEOUT_MS, clipToY4m, describeBrowser, launchChromium, openWatchedPage,
  addWorkerInitScript, saveScreenshot, serveDir, snapshot, threeSquatsY4m, waitForBanner, waitForPose, type StaticServer,
} from './harness';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './harness';

const SET_TIMEOUT_MS = 300_000;

interface Coach { screen: string; gate: string | null; reps: number | null; summaries: number }
const coach = (page: Page): Promise<Coach> => page.evaluate(() => {
  const cv = document.querySelector('app-root')?.shadowRoot?.querySelector('coach-view') as unknown as {
    screen: string; session: { gate: { status: string }; repsThisSide(): number; summaries: unknown[] } | null;
  } | null;
  const s = cv?.session;
  return { screen: cv?.screen ?? 'none', gate: s?.gate.status ?? null, reps: s ? s.repsThisSide() : null, summaries: s?.summaries.length ?? 0 };
});

async function until(page: Page, what: string, pred: (c: Coach) => boolean, timeoutMs: number): Promise<Coach> {
  const deadline = Date.now() + timeoutMs;
  let last: Coach | null = null;
  while (Date.now() < deadline) {
    last = await coach(page);
    if (pred(last)) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(last)}`);
}

describeBrowser('faults in chromium: model files, backends, settings', () => {
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

  const realBin = () => readFileSync(join(REPO_ROOT, 'models', 'movenet-lightning.bin'));

  it.each([
    ['truncated weights (first 100 KB of movenet-lightning.bin)', 'movenet-lightning.bin', () => realBin().subarray(0, 100 * 1024)],
    ['model JSON that is not JSON', 'movenet-lightning.json', () => Buffer.from('{"modelTopology": {"node": [ <<< cut here')],
  ])('%s: says the model failed to load and names its file', async (_, file, body) => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.route(`**/models/${file}`, (r) => r.fulfill({ status: 200, contentType: file.endsWith('.json') ? 'application/json' : 'application/octet-stream', body: body() }));
    await w.page.goto(`${server.url}?backend=wasm`);
    const s = await waitForBanner(w.page, 'model-failed', 90_000);
    // tfjs reports a short weight file while building the graph from the JSON, so the JSON may be the one named;
    // either way the user is pointed at the Lightning model's files in models/.
    expect(s.bannerText).toMatch(/movenet-lightning\.(json|bin)/);
    expect(s.drawnKeypoints).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('garbage weights of the right size: says the model failed and names its file, draws nothing', async () => {
    // tfjs cannot tell garbage of the right length from real weights at load time; the warm-up inference at load
    // then fails on wasm (integer shape constants are garbage too), which means the model files are bad.
    const w = await openWatchedPage(browser, server.origin);
    const garbage = Buffer.from(realBin().map((_, i) => (i * 7919) % 256));
    await w.page.route('**/models/movenet-lightning.bin', (r) => r.fulfill({ status: 200, contentType: 'application/octet-stream', body: garbage }));
    await w.page.goto(`${server.url}?backend=wasm`);
    const s = await waitForBanner(w.page, 'model-failed', 90_000);
    expect(s.bannerText).toMatch(/movenet-lightning\.(json|bin)/);
    expect(s.bannerText).toMatch(/weights/i);
    expect(s.drawnKeypoints).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('a WebGPU device that fails to start: falls back to wasm, says why, and still finds the person', async () => {
    const w = await openWatchedPage(browser, server.origin);
    // An adapter is offered (so the app tries WebGPU) but the device request fails, as on a broken GPU driver. The
    // model runs in the inference worker, whose navigator is its own: the fake goes there (and on the page).
    const brokenGpu = () => {
      const adapter = {
        features: new Set<string>(), limits: {}, info: {}, isFallbackAdapter: false,
        requestDevice: () => Promise.reject(new Error('GPU device lost (test)')),
        requestAdapterInfo: () => Promise.resolve({ vendor: 'test', architecture: '', device: '', description: '' }),
      };
      Object.defineProperty(navigator, 'gpu', {
        configurable: true,
        value: { requestAdapter: () => Promise.resolve(adapter), getPreferredCanvasFormat: () => 'rgba8unorm', wgslLanguageFeatures: new Set() },
      });
    };
    await w.page.addInitScript(brokenGpu);
    await addWorkerInitScript(w.page, brokenGpu, undefined);
    await w.page.goto(server.url);
    const s = await waitForPose(w.page, { minKeypoints: 13 });
    expect(s.backend).toBe('wasm');
    const fallback = await w.page.locator('[data-testid="backend-fallback"]').textContent();
    expect(fallback).toMatch(/webgpu:/);
    // The fake adapter was seen where the model runs: WebGPU was tried and failed, not skipped as absent.
    expect(fallback).not.toMatch(/webgpu: (WebGPU is not available|no WebGPU adapter)/);
    expect(fallback).toMatch(/webgl:/);
    expect(await w.page.locator('[data-testid="inference-thread"]').textContent()).toBe('worker');
    await saveScreenshot(w.page, 'robustness-backend-fallback');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('no backend can start (wasm binaries missing, no GPU): says the browser cannot run the model, with each reason', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: 'gone' }));
    await w.page.goto(server.url);
    const s = await waitForBanner(w.page, 'backend-failed', 90_000);
    expect(s.bannerText).toMatch(/cannot run the pose model/i);
    expect(s.bannerText).toMatch(/wasm:/);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('junk in saved settings (model, camera, voice): starts with the defaults', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i)!;
        localStorage.setItem(k, '{"not": valid');
      }
      localStorage.setItem('hip-trainer.model', '{"not": valid');
      localStorage.setItem('hip-trainer.camera', 'a-camera-that-was-unplugged-long-ago');
      localStorage.setItem('hip-trainer.voice', '\u0000garbage');
    });
    await w.page.goto(server.url);
    const s = await waitForPose(w.page, { minKeypoints: 13 });
    expect(s.modelId).toBe('lightning');
    expect(s.status.kind).toBe('running');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});

describeBrowser('faults in chromium during a set', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchChromium({ fakeCameraY4m: threeSquatsY4m() });
  }, BROWSER_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function startSquatSet(page: Page): Promise<void> {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url);
    await waitForPose(page, { minKeypoints: 13 });
    await page.locator('[data-exercise="squat"]').click();
    await page.locator('input[name="reps"]').fill('20');
    await page.locator('[data-testid="start"]').click();
    await until(page, 'the first rep', (c) => (c.reps ?? 0) >= 1, 150_000);
  }

  const storedSessions = (page: Page) => page.evaluate(async () => {
    const req = indexedDB.open('hip-trainer');
    const db: IDBDatabase = await new Promise((ok, ko) => { req.onsuccess = () => ok(req.result); req.onerror = () => ko(req.error); });
    const names = Array.from(db.objectStoreNames);
    let n = 0;
    for (const name of names) {
      n += await new Promise<number>((ok, ko) => { const r = db.transaction(name).objectStore(name).count(); r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
    }
    db.close();
    return n;
  });

  it('camera unplugged mid-set: says so, keeps the reps, and the set can still be ended, summarised and saved', async () => {
    const w = await openWatchedPage(browser, server.origin);
    const { page } = w;
    await startSquatSet(page);
    const before = await coach(page);
    // What an unplug looks like to the page: the track ends and fires 'ended'.
    await page.evaluate(() => {
      const video = document.querySelector('app-root')!.shadowRoot!.querySelector('video')!;
      const track = (video.srcObject as MediaStream).getVideoTracks()[0]!;
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
    const s = await waitForBanner(page, 'camera-unplugged', 10_000);
    expect(s.bannerText).toMatch(/disconnected/i);
    await page.waitForTimeout(1500);
    const after = await coach(page);
    expect(after.screen).toBe(before.screen);
    expect(after.reps).toBeGreaterThanOrEqual(before.reps!);
    // Nothing stale is shown as if live: no skeleton over the black stage, the set reads as paused (not "Form looks
    // good"), no live angle, and the header offers to start the camera again.
    const gone = await snapshot(page);
    expect(gone.drawnKeypoints).toBe(0);
    expect(gone.paintedPixels).toBe(0);
    const panel = page.locator('live-panel');
    await expect.poll(() => panel.locator('[data-testid="live-status"]').textContent()).toMatch(/paused.*disconnected/i);
    expect(await panel.locator('[data-testid="live-cue"]').textContent()).not.toMatch(/form looks good/i);
    expect(await panel.locator('[data-testid="measures"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start camera' }).count()).toBe(1);
    await saveScreenshot(page, 'robustness-unplugged-mid-set');

    await page.locator('[data-testid="end-set"]').click();
    const done = await until(page, 'the summary', (c) => c.screen === 'summary', 10_000);
    expect(done.summaries).toBe(1);
    expect(Number(await page.locator('[data-testid="summary-reps"]').textContent())).toBe(after.reps);
    await expect.poll(() => storedSessions(page), { timeout: 10_000 }).toBe(1);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, SET_TIMEOUT_MS);

  it('IndexedDB over its quota (real Chromium quota): the failure is shown, the set is kept in memory and exports', async () => {
    const w = await openWatchedPage(browser, server.origin);
    const { page } = w;
    const cdp = await page.context().newCDPSession(page);
    // A 1-byte quota for this origin: every IndexedDB write fails with QuotaExceededError, as on a full disk.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.origin, quotaSize: 1 });
    await startSquatSet(page);
    await page.locator('[data-testid="end-set"]').click();
    await until(page, 'the summary', (c) => c.screen === 'summary', 10_000);
    await expect.poll(() => page.locator('[data-testid="storage-error"]').textContent(), { timeout: 10_000 }).toMatch(/could not be saved|memory/i);
    await saveScreenshot(page, 'robustness-quota-full');
    await page.locator('[data-testid="nav-history"]').click();
    const item = page.locator('[data-testid="history-item"]');
    await expect.poll(() => item.count(), { timeout: 5000 }).toBe(1);
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-json"]').click()]);
    const body = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(body.sessions).toHaveLength(1);
    expect(body.sessions[0].exerciseId).toBe('squat');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, SET_TIMEOUT_MS);
});

describeBrowser('two people in chromium (chair-squat clip: a trainer beside a woman squatting side-on)', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchChromium({ fakeCameraY4m: clipToY4m('chair-squat') });
  }, BROWSER_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('front-view squat coaching: asks to face the camera, counts nothing, never cues knee valgus', async () => {
    const w = await openWatchedPage(browser, server.origin);
    const { page } = w;
    // Every cue the app shows during the run, as rendered text, sampled from the live panel.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url);
    await waitForPose(page, { minKeypoints: 8 });
    await page.locator('[data-exercise="squat"]').click();
    await page.locator('[data-testid="start"]').click();
    // Past the camera placement check (it would hold the set back here): what the rule itself says is tested.
    await page.locator('[data-testid="placement-override"]').click();
    const seen = new Set<string>();
    const gates = new Set<string>();
    let maxReps = 0;
    for (let i = 0; i < 40; i++) { // ~20 s: the 10 s clip loops twice
      const c = await coach(page);
      gates.add(c.gate ?? 'none');
      maxReps = Math.max(maxReps, c.reps ?? 0);
      const texts = await page.locator('[data-testid="live-cue"], [data-testid="live-status"]').allTextContents();
      for (const t of texts) seen.add(t.replace(/\s+/g, ' ').trim());
      await page.waitForTimeout(500);
    }
    const all = [...seen].join(' | ');
    console.log(`[two-people] gates ${[...gates].join(',')}; reps ${maxReps}; shown: ${all.slice(0, 300)}`);
    expect(maxReps).toBe(0);
    expect(all).not.toMatch(/knee/i);
    expect(all).toMatch(/face the camera/i);
    await saveScreenshot(page, 'robustness-two-people');
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, SET_TIMEOUT_MS);
});
