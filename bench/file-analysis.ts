// Analysing a recorded file in headless chromium (wasm):
// - decoding alone, three ways (bench/decode: WebCodecs via mediabunny as the app does, seek-and-grab on a <video>,
//   requestVideoFrameCallback at faster playback rates): frames got, whether every frame came once with its own time
//   (exact), and speed as a multiple of real time;
// - the app's whole file analysis through its UI (decode + model in the worker + smoothing + the session), Lightning
//   and Thunder, as a multiple of real time;
// - the same file at real-time pace (?analysis=real-time) and at full speed: identical PoseFrames and summary.
import { join } from 'node:path';
import { VIDEOS_DIR, launchChromium, openWatchedPage, serveDir } from '../tests/e2e/harness';
import { analyseInApp, waitPhase } from '../tests/e2e/recording-harness';
import { buildBenchPage } from './browser';

export interface DecodeRow { clip: string; method: string; frames: number; total: number; exact: boolean; wallMs: number; xRealTime: number }
export interface AnalysisRow { clip: string; model: string; frames: number; durationMs: number; elapsedMs: number; xRealTime: number; inferenceMs: number }
export interface EqualityRow { clip: string; model: string; framesFull: number; framesPaced: number; pacedElapsedMs: number; identicalFrames: boolean; repsFull: number[]; repsPaced: number[] }
export interface FileBench { decode: DecodeRow[]; analysis: AnalysisRow[]; equality: EqualityRow | null }

const DECODE_CLIPS = [{ clip: 'bodyweight-squat.mp4', durationMs: 10_000 }, { clip: 'overhead-squat-7027.mov', durationMs: 2368 }];

export async function benchFileAnalysis(opts: { quick?: boolean; log?: (s: string) => void } = {}): Promise<FileBench> {
  const log = opts.log ?? (() => undefined);
  const out: FileBench = { decode: [], analysis: [], equality: null };
  const browser = await launchChromium();
  try {
    // Decoding alone.
    const decodeDir = await buildBenchPage('decode', false);
    const decodeServer = await serveDir(decodeDir, { snapshot: false });
    const clipServer = await serveDir(VIDEOS_DIR, { snapshot: false });
    try {
      const page = await browser.newPage();
      await page.goto(`${decodeServer.url}index.html`);
      await page.waitForFunction(() => 'decodeBench' in globalThis);
      for (const { clip, durationMs } of DECODE_CLIPS) {
        // The page fetches the clip from the other local server.
        await page.route(`${decodeServer.url}clips/*`, (route) => route.continue({ url: `${clipServer.url}${route.request().url().split('/').pop()}` }));
        const rows = await page.evaluate(([u, rates]) => (globalThis as unknown as { decodeBench(u: string, r: number[]): Promise<{ method: string; frames: number; timesMs: number[]; wallMs: number }[]> })
          .decodeBench(u, rates), [`${decodeServer.url}clips/${clip}`, opts.quick ? [4] : [1, 4, 16]] as const);
        const truth = rows[0]!.timesMs;
        for (const r of rows) {
          const exact = r.frames === truth.length && r.timesMs.every((t, i) => Math.abs(t - truth[i]!) < 0.5);
          out.decode.push({ clip, method: r.method, frames: r.frames, total: truth.length, exact, wallMs: r.wallMs, xRealTime: durationMs / r.wallMs });
          log(`decode ${clip} ${r.method}: ${r.frames}/${truth.length} frames, ${exact ? 'exact' : 'NOT exact'}, ${(durationMs / r.wallMs).toFixed(1)}x real time`);
        }
      }
      await page.close();
    } finally {
      await decodeServer.close();
      await clipServer.close();
    }

    // The app's analysis through its UI.
    const server = await serveDir();
    try {
      const base = `${server.url}?autostart=0&backend=wasm`;
      for (const model of opts.quick ? ['lightning'] : ['lightning', 'thunder']) {
        const w = await openWatchedPage(browser, server.origin);
        await analyseInApp(w, `${base}&model=${model}`, join(VIDEOS_DIR, 'bodyweight-squat.mp4'), 'squat');
        const s = await waitPhase(w.page, 'done', 600_000);
        out.analysis.push({
          clip: 'bodyweight-squat.mp4', model, frames: s.frames.length, durationMs: s.durationMs!, elapsedMs: s.elapsedMs!,
          xRealTime: s.durationMs! / s.elapsedMs!, inferenceMs: s.inferenceMs!,
        });
        log(`analysis ${model}: ${s.frames.length} frames in ${(s.elapsedMs! / 1000).toFixed(1)} s = ${(s.durationMs! / s.elapsedMs!).toFixed(2)}x real time`);
        await w.context.close();
      }
      // Same frames at 1x and at full speed.
      const clip = join(VIDEOS_DIR, 'overhead-squat-7027.mov');
      const w = await openWatchedPage(browser, server.origin);
      await analyseInApp(w, base, clip, 'squat');
      const full = await waitPhase(w.page, 'done', 300_000);
      await analyseInApp(w, `${base}&analysis=real-time`, clip, 'squat');
      const paced = await waitPhase(w.page, 'done', 300_000);
      out.equality = {
        clip: 'overhead-squat-7027.mov', model: 'lightning', framesFull: full.frames.length, framesPaced: paced.frames.length,
        pacedElapsedMs: paced.elapsedMs!, identicalFrames: JSON.stringify(full.frames) === JSON.stringify(paced.frames),
        repsFull: full.reps, repsPaced: paced.reps,
      };
      log(`1x vs full speed: identical PoseFrames ${out.equality.identicalFrames}, reps ${full.reps} / ${paced.reps}`);
      await w.context.close();
    } finally {
      await server.close();
    }
  } finally {
    await browser.close();
  }
  return out;
}
