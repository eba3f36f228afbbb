// Benchmark: the built app in headless Debian chromium, fake camera playing a real clip. Per model: time to first
// pose (page load -> first frame with a person: backend init, model download + compile, camera start, warm-up),
// then per-frame inference ms over a steady window. Also the size of dist/.
// Usage: npm run bench:browser [-- --seconds 10 --backend wasm --models lightning,thunder]
// Needs a build (the script runs `vite build` first) and /usr/bin/chromium. Numbers depend on machine load:
// the load average is printed with them.
import { readdirSync, statSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DIST_DIR, clipToY4m, launchChromium, openWatchedPage, serveDir, waitForPose } from '../tests/e2e/harness';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};
const seconds = Number(arg('seconds', '10'));
const backend = arg('backend', 'wasm');
const models = arg('models', 'lightning,thunder').split(',');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function distSizes() {
  const files = walk(DIST_DIR);
  const sum = (pred: (f: string) => boolean) => files.filter(pred).reduce((n, f) => n + statSync(f).size, 0);
  const js = files.filter((f) => f.endsWith('.js'));
  return {
    totalBytes: sum(() => true),
    jsBytes: sum((f) => f.endsWith('.js')),
    jsGzipBytes: js.reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0),
    wasmBytes: sum((f) => f.endsWith('.wasm')),
    modelBytes: sum((f) => f.includes(`${join(DIST_DIR, 'models')}`)),
  };
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, mean: s.reduce((a, b) => a + b, 0) / s.length, median: q(0.5), p90: q(0.9), min: s[0]!, max: s[s.length - 1]! };
};

const y4m = clipToY4m('bodyweight-squat');
const server = await serveDir();
const results: Record<string, unknown> = { loadAvgBefore: loadavg().map((x) => +x.toFixed(2)), backend, seconds, dist: distSizes() };
try {
  for (const model of models) {
    const browser = await launchChromium({ fakeCameraY4m: y4m });
    try {
      const w = await openWatchedPage(browser, server.origin);
      const t0 = Date.now();
      await w.page.goto(`${server.url}?backend=${backend}&model=${model}`);
      const first = await waitForPose(w.page, { minKeypoints: 10, timeoutMs: 180_000 });
      const wallToFirstPoseMs = Date.now() - t0;
      await w.page.evaluate(() => {
        const root = document.querySelector('app-root') as HTMLElement & { pose: { onFrame(cb: (f: unknown, s: { lastInferenceMs: number }) => void): void } };
        (window as unknown as { __inf: number[] }).__inf = [];
        root.pose.onFrame((_f, s) => (window as unknown as { __inf: number[] }).__inf.push(s.lastInferenceMs));
      });
      await w.page.waitForTimeout(seconds * 1000);
      const inf = await w.page.evaluate(() => (window as unknown as { __inf: number[] }).__inf);
      const r = {
        backendUsed: first.backend,
        backendDetail: first.backendDetail,
        timeToFirstPoseMs: first.timeToFirstPoseMs,
        wallToFirstPoseMs,
        warmupMs: (first.stats as unknown as { warmupMs?: number })?.warmupMs,
        inferenceMs: stat(inf),
        posesPerSecond: +(inf.length / seconds).toFixed(1),
        foreignRequests: w.foreignRequests().length,
      };
      results[model] = r;
      console.log(model, JSON.stringify(r));
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
results.loadAvgAfter = loadavg().map((x) => +x.toFixed(2));
console.log(JSON.stringify(results, null, 2));
