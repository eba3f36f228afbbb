// Shared helpers for browser tests: serve the built app (dist/) on localhost, feed a real clip to Chromium's fake
// camera, launch Debian's chromium via playwright-core, watch every request, read the app's state.
// `npm test` builds dist/ before vitest runs; when running one e2e file alone, run `npx vite build` first.
import { execFileSync } from 'node:child_process';
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { PoseFrame } from '../../src/core/pose-frame';
import { CHROMIUM, CHROMIUM_PATH, FFMPEG, describeNeeding, prerequisitesRequired } from '../prerequisites';
import { VIDEOS_DIR } from '../shared-videos';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST_DIR = join(REPO_ROOT, 'dist');
export const CACHE_DIR = join(REPO_ROOT, '.cache');
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');
/** The folder of real clips used by tests (tests/shared-videos.ts). */
export { SHARED_DIR, VIDEOS_DIR } from '../shared-videos';
export { CHROMIUM_PATH } from '../prerequisites';

/** Timeouts for browser tests (a cold model load and warm-up on 2 shared cores can take a while). */
export const BROWSER_SETUP_TIMEOUT_MS = 180_000;
export const BROWSER_TEST_TIMEOUT_MS = 180_000;

export const browserAvailable = (): boolean => CHROMIUM.available();
/** CI (or REQUIRE_BROWSER=1) turns a missing browser from a skip into a failure. */
export const browserRequired = (): boolean => prerequisitesRequired();

/**
 * `describe` for browser tests: runs when Chromium (and, for suites that feed a clip to the fake camera, ffmpeg) is
 * installed; otherwise skipped with the apt command, unless in CI or REQUIRE_BROWSER=1, where it fails saying why.
 */
export function describeBrowser(name: string, fn: () => void, { ffmpeg = true } = {}): void {
  describeNeeding(ffmpeg ? [CHROMIUM, FFMPEG] : [CHROMIUM], name, fn);
}

// ---------------------------------------------------------------------------------------------------------------
// Static server for dist/

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm', // instantiateStreaming insists on this type
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  origin: string;
  /** Paths requested so far (for asserting what the app loaded). */
  requested: string[];
  /** The folder served (the private snapshot unless `snapshot: false`): a test may change a file in it. */
  root: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Send COOP/COEP headers so the page is cross-origin isolated (SharedArrayBuffer, threaded wasm). */
  crossOriginIsolated?: boolean;
  /**
   * Serve a private copy of `dir` (default true): in a shared working tree another `vite build` may empty dist/
   * while a browser test is running. The copy (~20 MB) is removed on close.
   */
  snapshot?: boolean;
}

/** Copies a complete build (index.html and every asset it references present) to a private folder. */
async function snapshotBuild(dir: string): Promise<string> {
  const started = Date.now();
  const referenced = (d: string): string[] | null => {
    const index = join(d, 'index.html');
    if (!existsSync(index)) return null;
    const refs = [...readFileSync(index, 'utf8').matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => m[1]!);
    return refs.every((r) => existsSync(join(d, r))) && existsSync(join(d, 'models')) ? refs : null;
  };
  for (;;) {
    if (referenced(dir)) {
      const copy = mkdtempSync(join(tmpdir(), 'dist-'));
      try {
        cpSync(dir, copy, { recursive: true });
        if (referenced(copy)) return copy;
      } catch { /* dist/ is being rewritten: try again */ }
      rmSync(copy, { recursive: true, force: true });
    }
    const waited = Date.now() - started;
    if ((!existsSync(dir) && waited > 5_000) || waited > 60_000) {
      throw new Error(`${dir} holds no complete build: build first (npm test does; alone: npx vite build)`);
    }
    await new Promise((ok) => setTimeout(ok, 500));
  }
}

export async function serveDir(dir = DIST_DIR, opts: ServeOptions = {}): Promise<StaticServer> {
  const copy = opts.snapshot === false ? null : await snapshotBuild(dir);
  const root = resolve(copy ?? dir);
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requested.push(path);
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${path}`); return; }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store',
      ...(opts.crossOriginIsolated
        ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' }
        : {}),
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    requested,
    root,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => {
        if (copy) rmSync(copy, { recursive: true, force: true });
        ok();
      });
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Clips -> y4m for the fake camera

export interface Y4mOptions {
  widthPx?: number;
  fps?: number;
  maxSeconds?: number;
  /** Extra ffmpeg video filter applied before scaling, e.g. 'crop=iw:ih*0.5:0:0' (top half). */
  filter?: string;
  /** Distinguishes cached variants made with `filter`. */
  variant?: string;
}

/**
 * Converts ../shared/videos/<clip>.mp4 to a y4m file in .cache/ (reused when present) and returns its path.
 * 640 px wide at 30 fps keeps a 10 s clip near 100 MB; Chromium loops it as the camera picture.
 */
export function clipToY4m(clip: string, { widthPx = 640, fps = 30, maxSeconds, filter, variant }: Y4mOptions = {}): string {
  if (filter && !variant) throw new Error('clipToY4m: give a variant name with a filter (it names the cached file)');
  const src = join(VIDEOS_DIR, clip.endsWith('.mp4') ? clip : `${clip}.mp4`);
  if (!existsSync(src)) throw new Error(`clip not found: ${src} (set SHARED_DIR to the folder holding videos/)`);
  const base = clip.replace(/\.mp4$/, '');
  const out = join(CACHE_DIR, 'y4m', `${base}${variant ? `-${variant}` : ''}-${widthPx}w-${fps}fps${maxSeconds ? `-${maxSeconds}s` : ''}.y4m`);
  if (existsSync(out) && statSync(out).size > 0) return out;
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp.y4m`;
  execFileSync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y', '-i', src,
    ...(maxSeconds ? ['-t', String(maxSeconds)] : []),
    '-vf', `${filter ? `${filter},` : ''}scale=${widthPx}:-2,fps=${fps}`, '-pix_fmt', 'yuv420p', tmp,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  renameSync(tmp, out); // atomic: a half-written file is never reused
  return out;
}

/** The bodyweight-squat clip trimmed to its 3 full squats (standing again by 8.0 s, checked on a 2 fps frame sheet;
 * the 4th squat starts ~8.5 s), with 4 s of the still first frame before and 3 s of the still last frame after, so
 * every loop of the fake camera holds exactly 3 squats separated by standing still. */
export const threeSquatsY4m = (): string => clipToY4m('bodyweight-squat', {
  filter: 'trim=end=8,setpts=PTS-STARTPTS,tpad=start_duration=4:start_mode=clone:stop_duration=3:stop_mode=clone', variant: 'three-squats-padded',
});

// ---------------------------------------------------------------------------------------------------------------
// Chromium

/** Flags that make Debian's chromium run headless here (as root, no GPU, no background traffic). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export interface LaunchOptions {
  /** Feed this y4m to getUserMedia as the camera (and auto-accept the permission prompt). */
  fakeCameraY4m?: string;
  /** Fake camera but the permission prompt is denied. */
  denyCamera?: boolean;
  /** Several fake cameras (Chromium's test pattern unless fakeCameraY4m is given), e.g. for the camera picker. */
  fakeDeviceCount?: number;
  extraArgs?: string[];
}

export async function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  const args = [...CHROMIUM_FLAGS];
  const fake = opts.fakeCameraY4m || opts.denyCamera || opts.fakeDeviceCount;
  if (fake) args.push(`--use-fake-device-for-media-stream${opts.fakeDeviceCount ? `=device-count=${opts.fakeDeviceCount}` : ''}`);
  if (opts.fakeCameraY4m) args.push(`--use-file-for-fake-video-capture=${opts.fakeCameraY4m}`);
  if (opts.denyCamera) args.push('--deny-permission-prompts');
  else if (fake) args.push('--use-fake-ui-for-media-stream');
  args.push(...(opts.extraArgs ?? []));
  // playwright-core launches with a fresh temporary --user-data-dir and --headless.
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args });
}

export interface BrowserSuite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

/**
 * For a describeBrowser suite: before its tests, serves dist/ and launches chromium (with `launch`, e.g. the fake
 * camera); after them, closes both. Read `suite.server` / `suite.browser` inside the tests.
 */
export function browserSuite(launch: () => LaunchOptions): BrowserSuite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveDir();
    browser = await launchChromium(launch());
  }, BROWSER_SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() { if (!server) throw new Error('browserSuite: not set up'); return server; },
    get browser() { if (!browser) throw new Error('browserSuite: not set up'); return browser; },
  };
}

export interface PageWatch {
  page: Page;
  context: BrowserContext;
  /** Every URL the page, its workers and the service worker (precache, Thunder on first use) requested. */
  requests: string[];
  /** Requests to anything but `allowedOrigin` (data: and blob: URLs are local and allowed). */
  foreignRequests(): string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/** Waits until the service worker has installed (precache complete) and is active for this page's scope. */
export async function waitForServiceWorker(page: Page, timeoutMs = 120_000): Promise<string> {
  return page.evaluate(async (ms) => {
    const ready = navigator.serviceWorker.ready.then((r) => r.active?.scriptURL ?? '');
    const late = new Promise<string>((_, ko) => setTimeout(() => ko(new Error(`no active service worker after ${ms} ms`)), ms));
    return Promise.race([ready, late]);
  }, timeoutMs);
}

/** A fresh context + page that records all requests and errors. */
export async function openWatchedPage(browser: Browser, allowedOrigin: string): Promise<PageWatch> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  return {
    page,
    context,
    requests,
    foreignRequests: () => requests.filter((u) => !(u.startsWith(`${allowedOrigin}/`) || u === allowedOrigin || u.startsWith('data:') || u.startsWith('blob:'))),
    consoleErrors,
    pageErrors,
  };
}

/** A watched page on the app at a window size (`query` e.g. '?autostart=0'); with `minKeypoints`, waits for a pose. */
export async function openApp(app: BrowserSuite, o: { width: number; height: number; query?: string; minKeypoints?: number }): Promise<PageWatch> {
  const w = await openWatchedPage(app.browser, app.server.origin);
  await w.page.setViewportSize({ width: o.width, height: o.height });
  await w.page.goto(`${app.server.url}${o.query ?? ''}`);
  if (o.minKeypoints) await waitForPose(w.page, { minKeypoints: o.minKeypoints });
  return w;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the app

export interface AppSnapshot {
  status: { kind: string; error?: { kind: string; message: string; file?: string } };
  backend: string | null;
  backendDetail: string | null;
  modelId: string;
  timeToFirstPoseMs: number | null;
  frame: PoseFrame | null;
  stats: { inferenceMs: number; fps: number; framesAnalysed: number; framesDropped: number } | null;
  /** Keypoints in `frame` with score >= the app's threshold. */
  visibleKeypoints: number;
  /** What the overlay drew last. */
  drawnKeypoints: number;
  drawnBones: number;
  /** Non-transparent pixels on the overlay canvas. */
  paintedPixels: number;
  bannerCode: string | null;
  bannerText: string;
}

/** Reads the app's state through <app-root>.pose (PoseController) and the overlay's canvas. */
export function snapshot(page: Page): Promise<AppSnapshot> {
  return page.evaluate(() => {
    type Ctl = {
      status: AppSnapshot['status']; frame: PoseFrame | null; stats: AppSnapshot['stats']; scoreThreshold: number;
      info: { backend: { backend: string; detail: string } | null; modelId: string; timeToFirstPoseMs: number | null };
    };
    const root = document.querySelector('app-root') as (HTMLElement & { pose: Ctl }) | null;
    // (Seen when dist/ was being rebuilt under a running test: the server answered 404 for the page.)
    if (!root) throw new Error(`no <app-root> on ${location.href}: ${document.body?.textContent?.slice(0, 200) ?? ''}`);
    const ctl = root.pose;
    const overlay = root.shadowRoot?.querySelector('pose-overlay') as HTMLElement | null;
    const banner = root.shadowRoot?.querySelector('status-banner') as HTMLElement | null;
    const canvas = overlay?.shadowRoot?.querySelector('canvas') ?? null;
    let painted = 0;
    if (canvas && canvas.width > 0 && canvas.height > 0) {
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    }
    const kps = ctl.frame?.keypoints;
    return {
      status: JSON.parse(JSON.stringify(ctl.status)),
      backend: ctl.info.backend?.backend ?? null,
      backendDetail: ctl.info.backend?.detail ?? null,
      modelId: ctl.info.modelId,
      timeToFirstPoseMs: ctl.info.timeToFirstPoseMs,
      frame: ctl.frame ? JSON.parse(JSON.stringify(ctl.frame)) : null,
      stats: ctl.stats ? { ...ctl.stats } : null,
      visibleKeypoints: kps ? Object.values(kps).filter((k) => k.score >= ctl.scoreThreshold).length : 0,
      drawnKeypoints: Number(overlay?.dataset.drawnKeypoints ?? 0),
      drawnBones: Number(overlay?.dataset.drawnBones ?? 0),
      paintedPixels: painted,
      bannerCode: banner?.dataset.code ?? null,
      bannerText: banner?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    };
  });
}

/**
 * Polls until a frame shows at least `minKeypoints` confident keypoints AND the overlay drew at least that many.
 * Returns that snapshot; throws with the last snapshot (status, banner) on timeout or app error.
 */
export async function waitForPose(page: Page, { minKeypoints = 13, timeoutMs = 90_000 } = {}): Promise<AppSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: AppSnapshot | null = null;
  while (Date.now() < deadline) {
    last = await snapshot(page);
    if (last.visibleKeypoints >= minKeypoints && last.drawnKeypoints >= minKeypoints) return last;
    if (last.status.kind === 'error') break;
    await page.waitForTimeout(200);
  }
  throw new Error(`no pose with >= ${minKeypoints} keypoints: ${JSON.stringify({ ...last, frame: undefined })}`);
}

/** Waits until the status banner shows `code` (e.g. 'model-failed'); returns the snapshot. */
export async function waitForBanner(page: Page, code: string, timeoutMs = 60_000): Promise<AppSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: AppSnapshot | null = null;
  while (Date.now() < deadline) {
    last = await snapshot(page);
    if (last.bannerCode === code) return last;
    await page.waitForTimeout(200);
  }
  throw new Error(`banner ${code} not shown; last: ${JSON.stringify({ ...last, frame: undefined })}`);
}

/**
 * Runs `fn(arg)` first thing in the inference worker (src/pose/pose-worker.ts), as page.addInitScript does for the
 * page: the worker's script is fetched as served and `fn` is put in front of it. The model code is imported later,
 * on the first load, so what `fn` patches (navigator.gpu, OffscreenCanvas, WebGL) is in place before tfjs looks.
 */
export async function addWorkerInitScript<A>(page: Page, fn: (arg: A) => void, arg: A): Promise<void> {
  await page.route('**/assets/pose-worker-*.js', async (route) => {
    const response = await route.fetch();
    const body = `(${fn.toString()})(${JSON.stringify(arg)});\n${await response.text()}`;
    await route.fulfill({ response, body });
  });
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
