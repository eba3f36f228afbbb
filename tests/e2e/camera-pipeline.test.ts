// The built app in Debian's chromium with the fake camera playing a real squat clip: the real MoveNet weights from
// our own server, the real backend choice, the real overlay. Nothing may be requested from any other host.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { poseFrameSchema } from '../../src/core/pose-frame';
import {
  BROWSER_SETUP_TIMEOUT_MS, BROWSER_TEST_TIMEOUT_MS, clipToY4m, describeBrowser, launchChromium, openWatchedPage,
  saveScreenshot, serveDir, snapshot, waitForBanner, waitForPose, type StaticServer,
} from './harness';

/** A front-view, full-body person: MoveNet should see most of the 17 joints on some frame. */
const MIN_KEYPOINTS = 13;

describeBrowser('app in chromium, fake camera fed bodyweight-squat', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const y4m = clipToY4m('bodyweight-squat');
    server = await serveDir();
    browser = await launchChromium({ fakeCameraY4m: y4m });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds a person and draws the skeleton, with no request to any other host', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    const s = await waitForPose(w.page, { minKeypoints: MIN_KEYPOINTS });

    expect(s.status.kind).toBe('running');
    const frame = poseFrameSchema.parse(s.frame);
    expect(frame.keypoints).not.toBeNull();
    // The fake camera delivers the clip scaled to 640 px wide.
    expect(frame.imageWidthPx).toBe(640);
    expect(s.visibleKeypoints).toBeGreaterThanOrEqual(MIN_KEYPOINTS);
    // Plausible anatomy, not just "some numbers": shoulders above hips above knees above ankles (y grows down).
    const k = frame.keypoints!;
    const midY = (a: keyof typeof k, b: keyof typeof k) => (k[a].y + k[b].y) / 2;
    expect(midY('left_shoulder', 'right_shoulder')).toBeLessThan(midY('left_hip', 'right_hip'));
    expect(midY('left_hip', 'right_hip')).toBeLessThan(midY('left_ankle', 'right_ankle'));
    // Drawn: the overlay counted the joints it drew, and the canvas really has paint on it.
    expect(s.drawnKeypoints).toBeGreaterThanOrEqual(MIN_KEYPOINTS);
    expect(s.drawnBones).toBeGreaterThan(8);
    expect(s.paintedPixels).toBeGreaterThan(500);
    expect(s.backend).toMatch(/^(webgpu|webgl|wasm)$/);
    expect(s.stats!.inferenceMs).toBeGreaterThan(0);
    expect(s.timeToFirstPoseMs).toBeGreaterThan(0);

    // On the one frame the overlay last drew: exactly its joints at or above the threshold are drawn (the others are
    // hidden). The camera preview and its skeleton are mirrored like a selfie; the readout shows backend and speed.
    const shown = await w.page.evaluate(() => {
      const root = document.querySelector('app-root')!;
      const ctl = (root as unknown as { pose: { frame: { timestampMs: number; keypoints: Record<string, { score: number }> | null } | null; scoreThreshold: number } }).pose;
      const overlay = root.shadowRoot!.querySelector('pose-overlay') as HTMLElement;
      const f = ctl.frame!;
      const text = (id: string) => root.shadowRoot!.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
      return {
        sameFrame: overlay.dataset.frameMs === String(Math.round(f.timestampMs)),
        confident: Object.values(f.keypoints ?? {}).filter((k) => k.score >= ctl.scoreThreshold).length,
        belowThreshold: Object.values(f.keypoints ?? {}).filter((k) => k.score < ctl.scoreThreshold).length,
        drawn: Number(overlay.dataset.drawnKeypoints),
        overlayMirrored: overlay.hasAttribute('mirrored'),
        videoTransform: getComputedStyle(root.shadowRoot!.querySelector('video')!).transform,
        backendText: text('backend'), inferenceText: text('inference-ms'),
      };
    });
    expect(shown.sameFrame).toBe(true);
    expect(shown.drawn).toBe(shown.confident);
    expect(shown.overlayMirrored).toBe(true);
    expect(shown.videoTransform).toMatch(/^matrix\(-1, 0, 0, 1/);
    expect(shown.backendText).toBe(s.backend);
    expect(Number(shown.inferenceText)).toBeGreaterThan(0);
    console.log(`[e2e] drawn ${shown.drawn} of 17 joints (${shown.belowThreshold} below the threshold, hidden)`);

    await saveScreenshot(w.page, 'e2e-camera-squat');
    const after = await snapshot(w.page);
    console.log(`[e2e] backend=${after.backend} (${after.backendDetail}) inference=${after.stats?.inferenceMs.toFixed(1)} ms ` +
      `fps=${after.stats?.fps} analysed=${after.stats?.framesAnalysed} dropped=${after.stats?.framesDropped} ` +
      `firstPose=${after.timeToFirstPoseMs} ms`);

    // Everything came from our server: the page, the code, the wasm binaries and the weights.
    expect(w.foreignRequests()).toEqual([]);
    expect(server.requested).toContain('/models/movenet-lightning.json');
    expect(server.requested).toContain('/models/movenet-lightning.bin');
    expect(server.requested.some((p) => p.endsWith('.wasm')) || after.backend !== 'wasm').toBe(true);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m))).toEqual([]);

    // The built page's CSP is a second fence: even a stray fetch to a model hub cannot leave the machine.
    const csp = await w.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    expect(csp).toContain("connect-src 'self'");
    const stray = await w.page.evaluate(() => fetch('https://tfhub.dev/google/tfjs-model/movenet/singlepose/lightning/4').then(() => 'sent', (e) => String(e)));
    expect(stray).not.toBe('sent');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('says no camera was found when the browser has none', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Requested device not found', 'NotFoundError'));
      navigator.mediaDevices.enumerateDevices = () => Promise.resolve([]);
    });
    await w.page.goto(server.url);
    const s = await waitForBanner(w.page, 'camera-no-camera');
    expect(s.bannerText).toMatch(/no camera found/i);
    expect(s.drawnKeypoints).toBe(0);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('names the model file that failed to load', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.route('**/models/movenet-lightning.bin', (r) => r.fulfill({ status: 404, body: 'gone' }));
    await w.page.goto(server.url);
    const s = await waitForBanner(w.page, 'model-failed');
    expect(s.bannerText).toContain('movenet-lightning.bin');
    expect(s.bannerText).toContain('404');
    await saveScreenshot(w.page, 'e2e-model-failed');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});

describeBrowser('app in chromium, camera permission denied', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchChromium({ denyCamera: true });
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says the camera permission was denied', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    const s = await waitForBanner(w.page, 'camera-permission-denied');
    expect(s.bannerText).toMatch(/permission denied/i);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});

describeBrowser('app in chromium, fake camera showing only part of the body', () => {
  let server: StaticServer;
  const browsers: Browser[] = [];

  beforeAll(async () => { server = await serveDir(); }, BROWSER_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });

  it('asks the user to step back when the legs are out of the picture', async () => {
    // Top 45 % of the squat clip: head and shoulders in view, knees and ankles cut off.
    const y4m = clipToY4m('bodyweight-squat', { filter: 'crop=iw:ih*0.45:0:0', variant: 'top45', maxSeconds: 4 });
    const browser = await launchChromium({ fakeCameraY4m: y4m });
    browsers.push(browser);
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    const s = await waitForBanner(w.page, 'step-back', 90_000);
    expect(s.bannerText).toMatch(/step back so your whole body is visible/i);
    expect(s.bannerText).toMatch(/ankles/);
    await saveScreenshot(w.page, 'e2e-step-back');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('says no person is in view on an empty scene', async () => {
    // The left 25 % of the clip is bare wall and floor.
    const y4m = clipToY4m('bodyweight-squat', { filter: 'crop=iw*0.25:ih:0:0', variant: 'left25', maxSeconds: 4 });
    const browser = await launchChromium({ fakeCameraY4m: y4m });
    browsers.push(browser);
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(server.url);
    const s = await waitForBanner(w.page, 'no-person', 90_000);
    expect(s.bannerText).toMatch(/no person/i);
    expect(s.drawnKeypoints).toBeLessThan(6);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});
