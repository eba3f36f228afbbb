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
// - app overhead: per analysed frame, the main-thread time the app spends outside detector.detect
//   ((detectStart - callback) + (delivered - detectEnd) + (paint-ready work: DOM updated - delivered)), as % of
//   detector.detect; and, as a cross-check, the same camera frames through a bare page (bench/bare: same backend,
//   loader and PoseLoop, onFrame does nothing): fps and inference time with and without the app.
// - start-up: navigation start (performance.timeOrigin, = 0) -> first delivered frame with a person; plus when the
//   model weights finished downloading (Resource Timing).
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { PoseLoopTrace } from '../src/pose/pose-loop';
import { CACHE_DIR, REPO_ROOT, clipToY4m, launchChromium, serveDir } from '../tests/e2e/harness';
import { dist, type Dist } from './stats';

export interface TraceRecord extends PoseLoopTrace { domMs?: number; paintMs?: number }

export interface BrowserRun {
  page: 'app' | 'bare';
  url: string;
  backend: string;
  windowSec: number;
  analysedPerSec: number;
  cameraFps: number;
  notAnalysedPct: number;
  inferenceMs: Dist;
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
  firstPoseMs: number | null;
  modelFetchedMs: number | null;
  coaching: string;
}

/** Injected before any page script: collects the PoseLoop trace and stamps DOM-updated and next-paint times. */
function installTrace() {
  const recs: TraceRecord[] = [];
  (globalThis as unknown as { __benchTrace: TraceRecord[] }).__benchTrace = recs;
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
export async function buildBarePage(): Promise<string> {
  const outDir = join(CACHE_DIR, 'bench-bare');
  await build({
    configFile: false,
    root: join(REPO_ROOT, 'bench', 'bare'),
    base: './',
    logLevel: 'warn',
    resolve: { alias: { '@mediapipe/pose': join(REPO_ROOT, 'src/pose/mediapipe-pose-stub.ts') } },
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  });
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

async function measure(page: Page, which: 'app' | 'bare', url: string, opts: RunOptions): Promise<BrowserRun> {
  const { warmupSec = 4, windowSec = 20, log = () => undefined } = opts;
  await page.addInitScript(installTrace);
  await page.goto(url);
  // First frame with a person (start-up), then warm-up, then the measuring window.
  const deadline = Date.now() + 180_000;
  let firstPoseMs: number | null = null;
  while (Date.now() < deadline) {
    firstPoseMs = await page.evaluate(() => (globalThis as unknown as { __benchTrace: TraceRecord[] }).__benchTrace.find((r) => r.hasPerson)?.deliveredMs ?? null);
    if (firstPoseMs !== null) break;
    const err = await page.evaluate(() => (globalThis as unknown as { __bareBench?: { error?: string } }).__bareBench?.error ?? null);
    if (err) throw new Error(`${which} page failed: ${err}`);
    await page.waitForTimeout(250);
  }
  if (firstPoseMs === null) throw new Error(`${which}: no pose within 180 s at ${url}`);
  let coaching = 'none (pose only)';
  if (which === 'app' && opts.exercise) {
    const picked = await clickDeep(page, `[data-exercise="${opts.exercise}"]`);
    if (picked) {
      coaching = `${opts.exercise} selected`;
      await page.waitForTimeout(300);
      for (const sel of ['[data-testid="start-set"]', '[data-testid="start"]']) if (await clickDeep(page, sel)) { coaching += ', set started'; break; }
    }
  }
  log(`  ${which}: first pose at ${firstPoseMs.toFixed(0)} ms; coaching: ${coaching}; warming up ${warmupSec} s, measuring ${windowSec} s`);
  await page.waitForTimeout(warmupSec * 1000);
  const t0 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(windowSec * 1000);
  const t1 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(200); // let the last paint stamps land
  const all = await page.evaluate(() => (globalThis as unknown as { __benchTrace: TraceRecord[] }).__benchTrace.map((r) => ({ ...r })));
  const recs = all.filter((r) => r.callbackMs >= t0 && r.callbackMs < t1);
  if (recs.length < 10) throw new Error(`${which}: only ${recs.length} frames analysed in ${windowSec} s`);
  const resources = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => ({ name: e.name, end: (e as PerformanceResourceTiming).responseEnd })));
  const modelFetchedMs = resources.filter((r) => /models\/.*\.bin$/.test(r.name)).map((r) => r.end).sort((a, b) => b - a)[0] ?? null;
  const backend = which === 'app'
    ? await page.evaluate(() => {
      const root = document.querySelector('app-root') as unknown as { pose?: { info: { backend: { backend: string; detail: string } | null } } } | null;
      const b = root?.pose?.info.backend;
      return b ? `${b.backend} (${b.detail})` : 'unknown';
    })
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
    inferenceMs: dist(recs.map((r) => r.detectEndMs - r.detectStartMs)),
    latencyMs: dist(withCapture.filter((r) => r.paintMs !== undefined).map((r) => r.paintMs! - r.captureTimeMs!)),
    captureToDeliveredMs: dist(withCapture.map((r) => r.deliveredMs - r.captureTimeMs!)),
    appWorkMs: dist(recs.filter((r) => r.domMs !== undefined).map((r) => (r.detectStartMs - r.callbackMs) + (r.deliveredMs - r.detectEndMs) + (r.domMs! - r.deliveredMs))),
    preDetectMs: dist(recs.map((r) => r.detectStartMs - r.callbackMs)),
    deliverMs: dist(recs.map((r) => r.deliveredMs - r.detectEndMs)),
    renderMs: dist(recs.filter((r) => r.domMs !== undefined).map((r) => r.domMs! - r.deliveredMs)),
    maxInFlight,
    firstPoseMs,
    modelFetchedMs,
    coaching,
  };
}

export interface BrowserBench { clip: string; rounds: number; app: BrowserRun[]; bare: BrowserRun[] }

/**
 * Runs the app page and the bare page alternately (`rounds` times each, a fresh context every time, never both at
 * once) so that load from other processes on a shared machine hits both alike.
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
  const out: BrowserBench = { clip, rounds, app: [], bare: [] };
  try {
    for (let i = 0; i < rounds; i++) {
      for (const which of ['app', 'bare'] as const) {
        const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
        const url = which === 'app' ? `${appServer.url}?backend=wasm` : `${bareServer.url}index.html?model=lightning`;
        out[which].push(await measure(await ctx.newPage(), which, url, opts));
        await ctx.close();
      }
    }
    return out;
  } finally {
    await browser.close();
    await appServer.close();
    await bareServer.close();
  }
}
