// `npm run bench`: measured speed of the rules, the detector (Node, wasm), the whole app in headless chromium, its
// start-up, and the bundle size. Prints tables and writes bench/results.json and bench/results.md.
// Not part of `npm test` (numbers, not pass/fail). The machine's load average is recorded beside every section:
// on a shared 2-core box the detector numbers move a lot with it.
//
//   npm run bench                       all sections (about 3-4 minutes)
//   npm run bench -- --only rules,node  some sections: rules, node, browser, bundle, file (a recorded file analysed);
//                                       the other sections of bench/results.md are kept as they were
//   npm run bench -- --build            rebuild dist/ first (npx vite build)
//   npm run bench -- --quick            fewer runs (smoke test of the bench itself)
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchBrowser, PAGE_KINDS, type BrowserRun, type PageKind } from './browser';
import { benchFileAnalysis } from './file-analysis';
import { bundleSizes, firstScreenJs, jsSet } from './bundle';
import { benchDetector, decodeFrames, type DetectorBench } from './node-detector';
import { benchPipelineWithoutModel, benchRules, FRAME_BUDGET_US, type RuleBench } from './rules';
import { dist, fmt, table } from './stats';

const ROOT = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const arg = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const only = new Set((arg('--only') ?? 'rules,node,browser,bundle,file').split(','));
const quick = args.includes('--quick');

const load = () => loadavg().map((v) => v.toFixed(2)).join(' ');
const md: string[] = [];
const out = (s = '') => { console.log(s); md.push(s); };
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(2)} MB`;

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
};

out(`# Benchmarks (${results.date as string})`);
out();
out(`Machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, Node ${process.version}. Load average (1/5/15 min) at start: ${load()}.`);
out();

if (only.has('rules')) {
  const loadNow = load();
  const rows: RuleBench[] = benchRules(quick ? 3000 : 20_000);
  const pipe = benchPipelineWithoutModel(quick ? 3000 : 20_000);
  results.rules = { load: loadNow, budgetUs: FRAME_BUDGET_US, exercises: rows, pipelineWithoutModel: pipe };
  out(`## Rule evaluation per frame (Node, \`step\` alone; load ${loadNow})`);
  out();
  out(`Target: < 1 % of a 33 ms frame = 330 us. First pass over the frames is JIT warm-up and not counted.`);
  out();
  out(table(['exercise', 'frames used', 'steps', 'median us', 'p95 us', '% of 33 ms (median)'],
    [
      ...rows.map((r) => [r.exerciseId, r.frames, r.steps, fmt(r.us.median, 2), fmt(r.us.p95, 2), fmt(r.budgetPct, 3)]),
      ['(all after the model: toPoseFrame + One Euro + squat rule + coaching fold)', 'real, all fixtures', pipe.steps,
        fmt(pipe.us.median, 2), fmt(pipe.us.p95, 2), fmt((pipe.us.median / FRAME_BUDGET_US) * 100, 3)],
    ]));
  out();
}

if (only.has('node')) {
  const loadNow = load();
  const frames = await decodeFrames(undefined, 50);
  const lightning = await benchDetector('lightning', frames, quick ? 20 : 150, 5);
  const thunder = await benchDetector('thunder', frames, quick ? 8 : 50, 3);
  const loadAfter = load();
  results.detectorNode = { loadBefore: loadNow, loadAfter, runs: [lightning, thunder] };
  out(`## Detector inference per frame, Node (load ${loadNow} -> ${loadAfter})`);
  out();
  out(`${lightning.backend}; real frames of ${lightning.clip} (${lightning.imageSize}), consecutive frames cycled; warm-up excluded.`);
  out();
  out(table(['model', 'runs', 'median ms', 'p95 ms', 'mean ms', 'first (warm-up) ms', 'model load ms', 'tensors leaked'],
    [lightning, thunder].map((d: DetectorBench) => [d.modelId, d.ms.n, fmt(d.ms.median), fmt(d.ms.p95), fmt(d.ms.mean), fmt(d.firstMs, 0), fmt(d.loadMs, 0), d.tensorLeak])));
  out();
}

if (only.has('bundle') || only.has('browser')) {
  if (args.includes('--build') || !existsSync(join(ROOT, 'dist', 'index.html'))) {
    console.log('building dist/ (npx vite build) ...');
    execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}

let jsBeforeFirstPose: string[] | null = null;

if (only.has('browser')) {
  const loadNow = load();
  const b = await benchBrowser({ rounds: quick ? 1 : 2, windowSec: quick ? 6 : 15, warmupSec: quick ? 2 : 4, exercise: 'squat', log: console.log });
  const loadAfter = load();
  // Medians of per-round medians (rounds alternate the pages): robust to one noisy round.
  const med = (runs: BrowserRun[], f: (r: BrowserRun) => number) => dist(runs.map(f)).median;
  const LABEL: Record<PageKind, string> = {
    app: 'app, inference in the worker (default)', 'app-main-thread': 'app, inference on the main thread (?worker=off)',
    bare: 'bare detector, main thread (bench/bare)',
  };
  const analysedPct = (runs: BrowserRun[]) => med(runs, (r) => 100 - r.notAnalysedPct);
  const row = (kind: PageKind) => {
    const runs = b.runs[kind];
    return [
      LABEL[kind], fmt(med(runs, (r) => r.analysedPerSec)), fmt(med(runs, (r) => r.cameraFps)), fmt(analysedPct(runs), 1),
      fmt(med(runs, (r) => r.inferenceMs.median)), fmt(med(runs, (r) => r.inferenceMs.p95)),
      runs.every((r) => r.prepareMs) ? fmt(med(runs, (r) => r.prepareMs!.median), 1) : '-',
      fmt(med(runs, (r) => r.mainThreadBusyMsPerFrame), 2), fmt(med(runs, (r) => r.mainThreadScriptMsPerFrame), 2),
      fmt(med(runs, (r) => r.mainThreadBusyPct), 0),
      fmt(med(runs, (r) => r.longTasksPerMin), 1),
      fmt(med(runs, (r) => r.latencyMs.median)), fmt(med(runs, (r) => r.latencyMs.p95)),
      fmt(med(runs, (r) => r.appWorkMs.median), 2), Math.max(...runs.map((r) => r.maxInFlight)),
    ];
  };
  results.browser = { loadBefore: loadNow, loadAfter, ...b };
  const app = b.runs.app;
  const videoOnly = dist(b.videoOnlyBusyMsPerSec).median;
  // (busy ms per s - video-only busy ms per s) / analysed frames per s, per round, then the median.
  const appAboveVideo = med(app, (r) => (r.mainThreadBusyPct * 10 - videoOnly) / r.analysedPerSec);
  out(`## End to end in headless chromium (fake camera: ${b.clip}.mp4 as 640 px y4m at 30 fps; load ${loadNow} -> ${loadAfter})`);
  out();
  out(`Backend forced to wasm (?backend=wasm; WebGL is software-only here). App pages: ${app[0]?.coaching}. ` +
    `${b.rounds} rounds, the three pages alternating in each, ${fmt(app[0]?.windowSec ?? 0, 0)} s each after warm-up; the table shows the median over rounds of each round's value.`);
  out();
  out(table(['page', 'analysed/s', 'camera fps', '% camera frames analysed', 'inference median ms', 'inference p95 ms',
    'worker pixel read ms', 'main-thread busy per analysed frame ms', 'of it JavaScript ms', 'main thread busy %', 'long tasks /min', 'capture->cue median ms', 'capture->cue p95 ms',
    'app work/frame ms', 'max in flight'],
  PAGE_KINDS.map(row)));
  out();
  out(`- Main-thread busy per analysed frame: Chromium's task time of the page's main thread (DevTools Performance.getMetrics ` +
    `TaskDuration; a dedicated worker's tasks are not in it) over the window / frames analysed. Target with the worker: < 3 ms: ` +
    `**${fmt(med(app, (r) => r.mainThreadBusyMsPerFrame), 2)} ms**, of which JavaScript ${fmt(med(app, (r) => r.mainThreadScriptMsPerFrame), 2)} ms ` +
    `(main-thread inference: ${fmt(med(b.runs['app-main-thread'], (r) => r.mainThreadBusyMsPerFrame), 2)} ms). The rest is the browser's own work on that ` +
    `thread: this headless run has no GPU, so the 30 fps video and the overlay canvas are painted in software. A page that only ` +
    `shows the camera video (bench/bare ?detect=off) keeps the main thread busy ${fmt(videoOnly, 0)} ms per second; above that, the app with the ` +
    `worker costs **${fmt(appAboveVideo, 2)} ms per analysed frame**.`);
  out(`- Analysed frames vs camera frames on wasm (target >= 99 %): app with the worker **${fmt(analysedPct(app), 1)} %**, ` +
    `app on the main thread ${fmt(analysedPct(b.runs['app-main-thread']), 1)} %, bare detector ${fmt(analysedPct(b.runs.bare), 1)} %. ` +
    `One frame is in flight at a time; a frame that arrives while the model is busy is skipped.`);
  out(`- capture->cue: rVFC metadata.captureTime of the frame -> first requestAnimationFrame after its findings were delivered (that frame paints them).`);
  out(`- long tasks: main-thread tasks over 50 ms (PerformanceObserver 'longtask').`);
  out(`- app work/frame: the page's synchronous work around each frame (before analyse, smoothing + rules + session, Lit render); ` +
    `with the worker the frame hand-over (a VideoFrame) is part of the busy time only.`);
  const round = (kind: PageKind, f: (r: BrowserRun) => number | null) => b.runs[kind].map((r) => { const v = f(r); return v === null || !Number.isFinite(v) ? '-' : fmt(v, 0); });
  out();
  out(`## Start-up (page load -> first pose delivered, ms; localhost)`);
  out();
  out(table(['measure', ...app.map((_, i) => `round ${i + 1}`)], [
    ['app (worker), cold: fresh context, nothing cached', ...round('app', (r) => r.firstPoseMs)],
    ['app (worker), reload with the service worker active', ...round('app', (r) => r.firstPoseFromSwMs)],
    ['app (main thread), cold', ...round('app-main-thread', (r) => r.firstPoseMs)],
    ['bare detector, cold', ...round('bare', (r) => r.firstPoseMs)],
  ]));
  out();
  jsBeforeFirstPose = app[0]?.jsBeforeFirstPose ?? null;
}

if (only.has('bundle')) {
  const distDir = join(ROOT, 'dist');
  const { rows } = bundleSizes(distDir);
  const first = firstScreenJs(distDir);
  const toPose = jsBeforeFirstPose ? jsSet(distDir, jsBeforeFirstPose.filter((f) => existsSync(join(distDir, f)))) : null;
  results.bundle = { rows, firstScreen: first, jsBeforeFirstPoseWasm: toPose };
  out(`## Bundle (dist/)`);
  out();
  out(table(['part', 'files', 'size', 'gzip'], [
    ['JavaScript of the first screen (page scripts + static imports)', first.files.length, kb(first.bytes), kb(first.gzipBytes)],
    ...(toPose ? [['JavaScript fetched until the first pose, wasm (page + worker, cold)', toPose.files.length, kb(toPose.bytes), kb(toPose.gzipBytes)]] : []),
    ...rows.map((r) => [r.kind, r.files, r.bytes > 2 * 1024 * 1024 ? mb(r.bytes) : kb(r.bytes), r.gzipBytes === null ? '-' : kb(r.gzipBytes)]),
  ]));
  out();
}

if (only.has('file')) {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
  const loadNow = load();
  const f = await benchFileAnalysis({ quick, log: console.log });
  const loadAfter = load();
  results.file = { loadBefore: loadNow, loadAfter, ...f };
  out(`## Analysing a recorded file (headless chromium, wasm; load ${loadNow} -> ${loadAfter})`);
  out();
  out(`Decoding alone (bench/decode: no model), every way a page can get a file's frames. Exact = every frame once, with its own presentation time (those of the WebCodecs decode, which reads them from the container).`);
  out();
  out(table(['clip', 'method', 'frames got', 'of', 'exact', 'wall ms', 'x real time'],
    f.decode.map((r) => [r.clip, r.method, r.frames, r.total, r.exact ? 'yes' : 'no', fmt(r.wallMs, 0), fmt(r.xRealTime, 1)])));
  out();
  out(`The app's file analysis through its UI (decode + MoveNet in the worker + smoothing + the session), \`?backend=wasm\`, bodyweight-squat.mp4 (10 s, 250 frames):`);
  out();
  out(table(['model', 'frames', 'file s', 'analysis s', 'x real time', 'inference per frame ms'],
    f.analysis.map((r) => [r.model, r.frames, fmt(r.durationMs / 1000, 1), fmt(r.elapsedMs / 1000, 1), fmt(r.xRealTime, 2), fmt(r.inferenceMs, 1)])));
  out();
  if (f.equality) {
    const e = f.equality;
    out(`Same frames, same result: ${e.clip} (${e.model}) analysed at full speed and at real-time pace (\`?analysis=real-time\`, ${fmt(e.pacedElapsedMs / 1000, 1)} s): ` +
      `${e.framesFull} / ${e.framesPaced} PoseFrames, **${e.identicalFrames ? 'identical' : 'DIFFERENT'}**; reps per set ${JSON.stringify(e.repsFull)} / ${JSON.stringify(e.repsPaced)}.`);
    out();
  }
}

out(`Load average at the end: ${load()}.`);
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(args.includes('--only') ? { ...previousJson(), ...results } : results, null, 2) + '\n');
writeFileSync(join(ROOT, 'bench', 'results.md'), (args.includes('--only') ? mergeSections(previousMd(), md) : md.join('\n')) + '\n');
console.log('\nwrote bench/results.json and bench/results.md');

function previousJson(): Record<string, unknown> {
  const p = join(ROOT, 'bench', 'results.json');
  try { return JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>; } catch { return {}; }
}
function previousMd(): string {
  const p = join(ROOT, 'bench', 'results.md');
  return existsSync(p) ? readFileSync(p, 'utf8') : '';
}

/** `--only`: the sections run now replace their namesakes (the heading up to its first '('); the others stay. */
function mergeSections(old: string, now: string[]): string {
  const split = (text: string) => {
    const blocks: { key: string; text: string }[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('## ') || blocks.length === 0) blocks.push({ key: line.startsWith('## ') ? line.split('(')[0]!.trim() : '', text: '' });
      blocks[blocks.length - 1]!.text += `${line}\n`;
    }
    return blocks;
  };
  const fresh = split(now.join('\n'));
  // The previous header stays (its date is that of the sections kept); a line says what was re-run, and when.
  const rerun = `Re-run with \`--only ${[...only].join(',')}\` at ${results.date as string} (load ${load()}): ${fresh.filter((f) => f.key).map((f) => f.key.replace(/^## /, '')).join('; ')}.`;
  const merged = split(old).map((b) => (b.key === '' ? { key: '', text: `${b.text.trimEnd()}\n\n${rerun}\n` } : fresh.find((f) => f.key === b.key) ?? b));
  for (const f of fresh) if (f.key && !merged.some((m) => m.key === f.key)) merged.push(f);
  return merged.map((b) => b.text.trimEnd()).join('\n\n').replace(/\nLoad average at the end:.*$/m, '');
}
