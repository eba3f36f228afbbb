// A recorded set analysed from a local file through the same pipeline: the file input of the built app, a real clip.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { poseFrameSchema } from '../../src/core/pose-frame';
import {
  BROWSER_SETUP_TIMEOUT_MS, BROWSER_TEST_TIMEOUT_MS, CACHE_DIR, VIDEOS_DIR, describeBrowser, launchChromium,
  openWatchedPage, saveScreenshot, serveDir, snapshot, waitForBanner, waitForPose, type StaticServer,
} from './harness';

describeBrowser('app in chromium, video file source', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await serveDir();
    browser = await launchChromium();
  }, BROWSER_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('analyses a chosen video file: poses in video time, preview not mirrored', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(`${server.url}?autostart=0`);
    await w.page.locator('input[type=file]').setInputFiles(join(VIDEOS_DIR, 'bodyweight-squat.mp4'));
    const s = await waitForPose(w.page, { minKeypoints: 13 });
    const frame = poseFrameSchema.parse(s.frame);
    expect(frame.imageWidthPx).toBe(960); // the file's own size, no camera scaling
    expect(frame.timestampMs).toBeLessThanOrEqual(10_500); // media time of a 10 s clip, not a clock
    const mirrored = await w.page.evaluate(() =>
      document.querySelector('app-root')!.shadowRoot!.querySelector('pose-overlay')!.hasAttribute('mirrored'));
    expect(mirrored).toBe(false);
    // A file gets the player's controls (pause, seek) and the stage takes the file's 16:9 shape.
    const video = await w.page.evaluate(() => {
      const root = document.querySelector('app-root')!.shadowRoot!;
      const v = root.querySelector('video')!;
      const stage = root.querySelector('.stage')!.getBoundingClientRect();
      return { controls: v.controls, aspect: stage.width / stage.height };
    });
    expect(video.controls).toBe(true);
    expect(video.aspect).toBeCloseTo(960 / 540, 1);
    await saveScreenshot(w.page, 'e2e-video-file');
    expect(w.foreignRequests()).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('explains a file that is not a playable video', async () => {
    mkdirSync(CACHE_DIR, { recursive: true });
    const bogus = join(CACHE_DIR, 'not-a-video.mp4');
    writeFileSync(bogus, 'this is text, not a video');
    const w = await openWatchedPage(browser, server.origin);
    await w.page.goto(`${server.url}?autostart=0`);
    await w.page.locator('input[type=file]').setInputFiles(bogus);
    const s = await waitForBanner(w.page, 'video-file-failed');
    expect(s.bannerText).toContain('not-a-video.mp4');
    expect((await snapshot(w.page)).status.kind).toBe('error');
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
}, { ffmpeg: false }); // the clip goes in through the file input as it is: no ffmpeg
