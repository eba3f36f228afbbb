// End to end in headless Debian chromium, fake camera fed a real clip (y4m), the built app (dist/) on wasm.
//
// Definitions (all times on the page's performance.now() clock, ms):
// - camera-to-cue latency: rVFC metadata.captureTime of the analysed camera frame -> the first animation frame
//   (requestAnimationFrame callback) after the app delivered that frame's findings. Delivery = PoseLoop.onFrame
//   returned, i.e. smoothing, the exercise rule, the coaching fold and Lit's requestUpdate have run; Lit renders in
//   the microtasks right after, so that animation frame is the first paint that can show the cue. The compositor's
//   own time after it is not visible to JS and not included.
// - frames analysed per second: trace records per second of the measuring window.
// - camera frames not analysed: gaps in rVFC presentedFrames between consecutive analysed frames.
// - main-thread busy time per analysed frame: Chromium's own count of the page's main-thread task time
//   (DevTools Performance.getMetrics TaskDuration; a dedicated worker's tasks are not in it) over the window, divided
//   by the frames analysed in it, and the JavaScript part of it (ScriptDuration). With inference in the worker this is
//   capture + result + rules + the page's rendering; on the main thread it includes the inference itself. Headless
//   here has no GPU, so the browser paints the video and the overlay in software on that thread too.
// - long tasks per minute: PerformanceObserver 'longtask' entries (main-thread tasks over 50 ms) in the window.
// - app work per frame (the per-frame split): (detectStart - callback) + (delivered - detectEnd) + (DOM updated -
//   delivered); in a worker, the frame copy between detectStart and detectEnd is async and counted only above.
// - inference: the model's own time per frame in the thread that ran it (PoseLoopTrace.inferenceMs).
// - pages, alternated in each round: the app with inference in its worker (default), the same app on the main thread
//   (?worker=off), and the bare detector (bench/bare: same backend, loader and PoseLoop on the main thread, onFrame
//   does nothing).
// - start-up: navigation start (performance.timeOrigin, = 0) -> first delivered frame with a person, cold (fresh
//   context, nothing cached) and, for the worker app, again after a reload once its service worker is active (the app
//   and the model come from the service worker's cache); plus when the model weights finished downloading.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import type { PoseLoopTrace } from '../src/pose/pose-loop';
import { CACHE_DIR, REPO_ROOT, clipToY4m, launchChromium, serveDir } from '../tests/e2e/harness';
import { dist, type Dist } from './stats';

export interface TraceRecord extends PoseLoopTrace { domMs?: number; paintMs?: number }

export type PageKind = 'app' | 'app-main-thread' | 'bare';
export const PAGE_KINDS: readonly PageKind[] = ['app', 'app-main-thread', 'bare'];

export interface BrowserRun {
  page: PageKind;
  url: string;
  backend: string;
  windowSec: number;
  analysedPerSec: number;
  cameraFps: number;
  notAnalysedPct: number;
  inferenceMs: Dist;
  /** Worker only: reading the transferred frame's pixels, ms. */
  prepareMs: Dist | null;
  latencyMs: Dist;
  /** capture -> delivered (findings computed), ms. */
  captureToDeliveredMs: Dist;
  /** Main-thread app work per frame outside detector.detect, ms (sum of the three parts below). */
  appWorkMs: Dist;
  /** callback -> detect start (video size attributes, scheduling). */
  preDetectMs: Dist;
  /** detect end -> delivered: smoothing, rules, coaching fold, listeners. */
  deliverMs: Dist;
  /** delivered -> DOM updated (Lit render of the app, overlay drawing). */
  renderMs: Dist;
  maxInFlight: number;
  /** Page main-thread task time per analysed frame (DevTools TaskDuration), ms. */
  mainThreadBusyMsPerFrame: number;
  /** Of that, JavaScript (DevTools ScriptDuration); the rest is the browser's own style, layout, paint and media work. */
  mainThreadScriptMsPerFrame: number;
  /** Share of wall time the page's main thread was busy, %. */
  mainThreadBusyPct: number;
  /** Main-thread tasks over 50 ms, per minute. */
  longTasksPerMin: number;
  /** 'worker' or 'main thread' as the app's readout says; bare: main thread. */
  thread: string;
  firstPoseMs: number | null;
  /** Reload with the service worker active (worker app only). */
  firstPoseFromSwMs: number | null;
  /** JavaScript files (dist/ paths) the page and its worker fetched before the first pose, cold. */
  jsBeforeFirstPose: string[];
  modelFetchedMs: number | null;
  coaching: string;
}

/** Injected before any page script: collects the PoseLoop trace and stamps DOM-updated and next-paint times. */
function installTrace() {
  const recs: TraceRecord[] = [];
  (globalThis as unknown as { __benchTrace: TraceRecord[] }).__benchTrace = recs;
  const longTasks: number[] = [];
  (globalThis as unknown as { __benchLongTasks: number[] }).__benchLongTasks = longTasks;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) longTasks.push(e.startTime); }).observe({ type: 'longtask', buffered: true });
  (globalThis as unknown as { __trainerTrace: (t: PoseLoopTrace) => void }).__trainerTrace = (t) => {
    const r: TraceRecord = { ...t };
    if (recs.length < 100_000) recs.push(r);
    // A message task runs after the microtasks in which Lit renders the update requested during onFrame.
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { r.domMs = performance.now(); ch.port1.close(); };
    ch.port2.postMessage(0);
    requestAnimationFrame(() => { r.paintMs = performance.now(); });
  };
}

/** Builds bench/bare into .cache/bench-bare (with the model files beside it). */
export const buildBarePage = (): Promise<string> => buildBenchPage('bare', true);

/** Builds the page in bench/<name> into .cache/bench-<name>, optionally with the model files beside it. */
export async function buildBenchPage(name: string, withModels: boolean): Promise<string> {
  const outDir = join(CACHE_DIR, `bench-${name}`);
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'bench', name),
    base: './',
    logLevel: 'warn',
    resolve: { alias: { '@mediapipe/pose': join(REPO_ROOT, 'src/pose/mediapipe-pose-stub.ts') } },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
  if (!withModels) return outDir;
  mkdirSync(join(outDir, 'models'), { recursive: true });
  for (const f of readdirSync(join(REPO_ROOT, 'models')).filter((n) => /\.(json|bin)$/.test(n))) {
    cpSync(join(REPO_ROOT, 'models', f), join(outDir, 'models', f));
  }
  return outDir;
}

/** Clicks a button deep in shadow roots matching `selector`; returns whether one was found. */
async function clickDeep(page: Page, selector: string): Promise<boolean> {
  // A string, not a function: tsx (esbuild keepNames) would wrap named inner functions in a __name() helper that
  // does not exist in the page.
  return page.evaluate(`(() => {
    const sel = ${JSON.stringify(selector)};
    function find(root) {
      const hit = root.querySelector(sel);
      if (hit) return hit;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const h = find(el.shadowRoot); if (h) return h; }
      return null;
    }
    const el = find(document);
    if (el) el.click();
    return el !== null;
  })()`) as Promise<boolean>;
}

export interface RunOptions { warmupSec?: number; windowSec?: number; exercise?: string; log?: (s: string) => void }

/** Navigation start -> first delivered frame with a person on this page, ms. */
async function firstPose(page: Page, which: PageKind, url: string): Promise<number> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const ms = await page.evaluate(() => (globalThis as unknown as { __benchTrace: TraceRecord[] }).__benchTrace.find((r) => r.hasPerson)?.deliveredMs ?? null);
    if (ms !== null) return ms;
    const err = await page.evaluate(() => (globalThis as unknown as { __bareBench?: { error?: string } }).__bareBench?.error ?? null);
    if (err) throw new Error(`${which} page failed: ${err}`);
    await page.waitForTimeout(250);
  }
  throw new Error(`${which}: no pose within 180 s at ${url}`);
}

/** The page main thread's cumulative task time and, within it, JavaScript time (DevTools Performance metrics), s. */
async function mainThreadSec(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  return { task: get('TaskDuration'), script: get('ScriptDuration') };
}

async function measure(page: Page, which: PageKind, url: string, opts: RunOptions): Promise<BrowserRun> {
  const { warmupSec = 4, windowSec = 20, log = () => undefined } = opts;
  await page.addInitScript(installTrace);
  // What the page and its workers load (not the service worker's precache, which runs beside them).
  const js = new Set<string>();
  const onRequest = (r: import('playwright-core').Request) => {
    const path = new URL(r.url()).pathname;
    if (!r.serviceWorker() && path.endsWith('.js')) js.add(path.replace(/^\//, ''));
  };
  page.context().on('request', onRequest);
  await page.goto(url);
  // First frame with a person (start-up), then warm-up, then the measuring window.
  const firstPoseMs = await firstPose(page, which, url);
  page.context().off('request', onRequest);
  let firstPoseFromSwMs: number | null = null;
  if (which === 'app') {
    // Once the service worker is active, a reload serves the app and the model from its cache.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    firstPoseFromSwMs = await firstPose(page, which, url);
  }
  let coaching = 'none (pose only)';
  if (which !== 'bare' && opts.exercise) {
    const picked = await clickDeep(page, `[data-exercise="${opts.exercise}"]`);
    if (picked) {
      coaching = `${opts.exercise} selected`;
      await page.waitForTimeout(300);
      for (const sel of ['[data-testid="start-set"]', '[data-testid="start"]']) if (await clickDeep(page, sel)) { coaching += ', set started'; break; }
      // A live camera set opens with the placement check; skip it so the window measures the coaching step itself.
      await page.waitForTimeout(300);
      if (await clickDeep(page, '[data-testid="placement-override"]')) coaching += ' (placement check skipped)';
    }
  }
  log(`  ${which}: first pose at ${firstPoseMs.toFixed(0)} ms; coaching: ${coaching}; warming up ${warmupSec} s, measuring ${windowSec} s`);
  await page.waitForTimeout(warmupSec * 1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy0 = await mainThreadSec(cdp);
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(windowSec * 1000);
  const t1 = await page.evaluate(() => performance.now());
  const busy1 = await mainThreadSec(cdp);
  await cdp.detach();
  const longTasks = (await page.evaluate(() => (globalThis as unknown as { __benchLongTasks: number[] }).__benchLongTasks.slice()))
    .filter((t) => t >= t0 && t < t1).length;
  await page.waitForTimeout(200); // let the last paint stamps land
  const all = await page.evaluate(() => (globalThis as unknown as { __benchTrace: TraceRecord[] }).__benchTrace.map((r) => ({ ...r })));
  const recs = all.filter((r) => r.callbackMs >= t0 && r.callbackMs < t1);
  if (recs.length < 10) throw new Error(`${which}: only ${recs.length} frames analysed in ${windowSec} s`);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, end: (e as PerformanceResourceTiming).responseEnd })));
  const modelFetchedMs = resources.filter((r) => /models\/.*\.bin$/.test(r.name)).map((r) => r.end).sort((a, b) => b - a)[0] ?? null;
  const appInfo = which === 'bare' ? null : await page.evaluate(() => {
    const root = document.querySelector('app-root') as unknown as { pose?: { info: { backend: { backend: string; detail: string } | null; inference: { thread: string } | null } } } | null;
    const b = root?.pose?.info.backend;
    return { backend: b ? `${b.backend} (${b.detail})` : 'unknown', thread: root?.pose?.info.inference?.thread ?? 'unknown' };
  });
  const backend = appInfo ? appInfo.backend
    : await page.evaluate(() => (globalThis as unknown as { __bareBench: { status: string } }).__bareBench.status);
  // In flight: detect intervals of consecutive frames must not overlap.
  let maxInFlight = 1;
  const sorted = all.slice().sort((a, b) => a.detectStartMs - b.detectStartMs);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.detectStartMs < sorted[i - 1]!.detectEndMs) maxInFlight = 2;
  let presentedGap = 0;
  let presentedSpan = 0;
  for (let i = 1; i < recs.length; i++) {
    const a = recs[i - 1]!.presentedFrames, b = recs[i]!.presentedFrames;
    if (a !== null && b !== null && b > a) { presentedGap += b - a - 1; presentedSpan += b - a; }
  }
  const secs = (t1 - t0) / 1000;
  const withCapture = recs.filter((r) => r.captureTimeMs !== null);
  return {
    page: which,
    url,
    backend,
    windowSec: secs,
    analysedPerSec: recs.length / secs,
    cameraFps: presentedSpan / secs,
    notAnalysedPct: presentedSpan ? (presentedGap / presentedSpan) * 100 : Number.NaN,
    inferenceMs: dist(recs.map((r) => r.inferenceMs)),
    prepareMs: recs.some((r) => r.prepareMs !== null) ? dist(recs.flatMap((r) => (r.prepareMs === null ? [] : [r.prepareMs]))) : null,
    latencyMs: dist(withCapture.filter((r) => r.paintMs !== undefined).map((r) => r.paintMs! - r.captureTimeMs!)),
    captureToDeliveredMs: dist(withCapture.map((r) => r.deliveredMs - r.captureTimeMs!)),
    appWorkMs: dist(recs.filter((r) => r.domMs !== undefined).map((r) => (r.detectStartMs - r.callbackMs) + (r.deliveredMs - r.detectEndMs) + (r.domMs! - r.deliveredMs))),
    preDetectMs: dist(recs.map((r) => r.detectStartMs - r.callbackMs)),
    deliverMs: dist(recs.map((r) => r.deliveredMs - r.detectEndMs)),
    renderMs: dist(recs.filter((r) => r.domMs !== undefined).map((r) => r.domMs! - r.deliveredMs)),
    maxInFlight,
    mainThreadBusyMsPerFrame: ((busy1.task - busy0.task) * 1000) / recs.length,
    mainThreadScriptMsPerFrame: ((busy1.script - busy0.script) * 1000) / recs.length,
    mainThreadBusyPct: ((busy1.task - busy0.task) * 1000 / (t1 - t0)) * 100,
    longTasksPerMin: longTasks / (secs / 60),
    thread: appInfo ? appInfo.thread.replace('-', ' ') : 'main thread',
    firstPoseMs,
    firstPoseFromSwMs,
    jsBeforeFirstPose: [...js],
    modelFetchedMs,
    coaching,
  };
}

export interface BrowserBench {
  clip: string;
  rounds: number;
  runs: Record<PageKind, BrowserRun[]>;
  /** Main-thread busy ms per second of a page that only shows the camera video (bench/bare ?detect=off), per round. */
  videoOnlyBusyMsPerSec: number[];
}

/** The browser's own main-thread time for showing the 30 fps camera picture, with no model and no app: ms per s. */
async function videoOnlyBusy(page: Page, url: string, opts: RunOptions): Promise<number> {
  const { warmupSec = 4, windowSec = 20 } = opts;
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as unknown as { __bareBench?: { status: string } }).__bareBench?.status === 'video only', undefined, { timeout: 60_000 });
  await page.waitForTimeout(warmupSec * 1000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const b0 = await mainThreadSec(cdp);
  const t0 = Date.now();
  await page.waitForTimeout(windowSec * 1000);
  const b1 = await mainThreadSec(cdp);
  const secs = (Date.now() - t0) / 1000;
  await cdp.detach();
  return ((b1.task - b0.task) * 1000) / secs;
}

/**
 * Runs the pages alternately (`rounds` times each, a fresh context every time, never two at once) so that load from
 * other processes on a shared machine hits them alike.
 */
export async function benchBrowser(opts: RunOptions & { clip?: string; rounds?: number } = {}): Promise<BrowserBench> {
  const clip = opts.clip ?? 'bodyweight-squat';
  const rounds = opts.rounds ?? 2;
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) throw new Error('dist/ missing: run `npx vite build` (or npm run bench -- --build)');
  const y4m = clipToY4m(clip);
  const bareDir = await buildBarePage();
  const appServer = await serveDir();
  const bareServer = await serveDir(bareDir);
  const browser = await launchChromium({ fakeCameraY4m: y4m });
  const out: BrowserBench = { clip, rounds, runs: { app: [], 'app-main-thread': [], bare: [] }, videoOnlyBusyMsPerSec: [] };
  const urls: Record<PageKind, string> = {
    app: `${appServer.url}?backend=wasm`,
    'app-main-thread': `${appServer.url}?backend=wasm&worker=off`,
    bare: `${bareServer.url}index.html?model=lightning`,
  };
  try {
    for (let i = 0; i < rounds; i++) {
      for (const which of PAGE_KINDS) {
        const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
        out.runs[which].push(await measure(await ctx.newPage(), which, urls[which], opts));
        await ctx.close();
      }
      const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
      out.videoOnlyBusyMsPerSec.push(await videoOnlyBusy(await ctx.newPage(), `${bareServer.url}index.html?detect=off`, opts));
      await ctx.close();
    }
    return out;
  } finally {
    await browser.close();
    await appServer.close();
    await bareServer.close();
  }
}
