// Backend choice on the real tfjs backends in chromium. Headless chromium here has no GPU: its WebGL is
// SwiftShader (software), which the app rightly skips. To exercise the GPU path we make the inference worker (and
// the page, for the main-thread fallback) believe its WebGL is hardware (renderer name, performance-caveat flag);
// the WebGL backend itself is real (on an OffscreenCanvas in the worker).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  BROWSER_SETUP_TIMEOUT_MS, BROWSER_TEST_TIMEOUT_MS, clipToY4m, describeBrowser, launchChromium, openWatchedPage,
  addWorkerInitScript, serveDir, waitForPose, type StaticServer,
} from './harness';

interface BackendInfoJson { backend: string; attempts: Array<{ backend: string; ok: boolean; reason?: string }> }

/**
 * Runs before the app and before the inference worker's code: WebGL looks like a hardware GPU; optionally, conv
 * shaders fail to compile (a driver bug).
 */
async function pretendGpu(page: Page, breakConvShaders: boolean): Promise<void> {
  const patch = (breakConv: boolean) => {
    // A DOM canvas on the page, an OffscreenCanvas in the worker (tfjs's WebGL backend uses OffscreenCanvas in both).
    for (const Canvas of [globalThis.HTMLCanvasElement, globalThis.OffscreenCanvas]) {
      if (!Canvas) continue;
      const getContext = Canvas.prototype.getContext as (this: unknown, ...args: unknown[]) => unknown;
      (Canvas.prototype as unknown as { getContext: (t: string, a?: Record<string, unknown>) => unknown }).getContext =
        function (this: unknown, type: string, attrs?: Record<string, unknown>) {
          const a = attrs ? { ...attrs } : attrs;
          if (a) delete a.failIfMajorPerformanceCaveat;
          return getContext.apply(this, [type, a]);
        };
    }
    const proto = WebGL2RenderingContext.prototype;
    const getParameter = proto.getParameter;
    proto.getParameter = function (p: number) { return p === 0x9246 /* UNMASKED_RENDERER_WEBGL */ ? 'Test GPU' : getParameter.call(this, p); };
    if (!breakConv) return;
    const sources = new WeakMap<WebGLShader, string>();
    const shaderSource = proto.shaderSource;
    proto.shaderSource = function (sh: WebGLShader, src: string) { sources.set(sh, src); shaderSource.call(this, sh, src); };
    const getShaderParameter = proto.getShaderParameter;
    proto.getShaderParameter = function (sh: WebGLShader, p: number) {
      // Convolution shaders accumulate into `dotProd`; tfjs's tiny self-test (an add) does not.
      if (p === this.COMPILE_STATUS && (sources.get(sh) ?? '').includes('dotProd')) return false;
      return getShaderParameter.call(this, sh, p);
    };
  };
  await page.addInitScript(patch, breakConvShaders);
  await addWorkerInitScript(page, patch, breakConvShaders);
}

const backendInfo = (page: Page) => page.evaluate(() =>
  JSON.parse(JSON.stringify((document.querySelector('app-root') as unknown as { pose: { info: { backend: unknown } } }).pose.info.backend)) as BackendInfoJson);

describeBrowser('backend choice in chromium', () => {
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

  it('uses WebGL when it looks like a GPU, and the model runs on it', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await pretendGpu(w.page, false);
    await w.page.goto(server.url);
    const s = await waitForPose(w.page, { minKeypoints: 13, timeoutMs: 150_000 });
    expect(s.backend).toBe('webgl');
    expect(await w.page.locator('[data-testid="inference-thread"]').textContent()).toBe('worker');
    const info = await backendInfo(w.page);
    expect(info.attempts.map((a) => [a.backend, a.ok])).toEqual([['webgpu', false], ['webgl', true]]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);

  it('falls back to wasm when the GPU backend starts but cannot run the model, and says why', async () => {
    const w = await openWatchedPage(browser, server.origin);
    await pretendGpu(w.page, true);
    await w.page.goto(server.url);
    const s = await waitForPose(w.page, { minKeypoints: 13 });
    expect(s.backend).toBe('wasm');
    const info = await backendInfo(w.page);
    expect(info.attempts.map((a) => [a.backend, a.ok])).toEqual([['webgpu', false], ['webgl', false], ['wasm', true]]);
    expect(info.attempts[1]!.reason).toMatch(/could not run the model.*shader/i);
    const fallback = await w.page.evaluate(() =>
      document.querySelector('app-root')!.shadowRoot!.querySelector('[data-testid="backend-fallback"]')?.textContent ?? '');
    expect(fallback).toMatch(/webgl: started, but could not run the model/);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  }, BROWSER_TEST_TIMEOUT_MS);
});
