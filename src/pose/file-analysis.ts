// The whole of a recorded file through the model: every decoded frame once, in order, with its own presentation
// time, one inference at a time (MoveNet tracks its crop region from the frame before, so the order matters), then
// the same One Euro smoothing as live. Nothing here depends on wall-clock time, so the same file gives the same
// PoseFrames at any speed: `pace: 'real-time'` (frames released no faster than the video plays, for the equality
// test and the benchmark) gives exactly what full speed gives.
// Cancel (an AbortSignal) stops within one inference: the frame in hand is closed and the decoder stopped, so no
// VideoFrame is left open (an unclosed frame stalls the decoder).
import type { PoseFrame } from '../core/pose-frame';
import type { Detection } from './detector-host';
import type { DecodedFrame, RecordingInfo } from './recording-decoder';
import type { KeypointSmoother } from './smoothing';
import type { RotationDeg } from './upright';

export interface FileAnalysisProgress {
  framesAnalysed: number;
  /** Presentation time of the last analysed frame, ms. */
  mediaMs: number;
  durationMs: number;
  /** 0..1 of the file's duration analysed. */
  fraction: number;
  /** Wall-clock time since the analysis started, ms. */
  elapsedMs: number;
  /** Estimated wall-clock time to the end at the speed so far, ms; null before the first frame. */
  remainingMs: number | null;
}

export interface FileAnalysis {
  info: RecordingInfo;
  /** Smoothed, one per decoded frame, in presentation order. */
  frames: PoseFrame[];
  /** Wall-clock time of the whole analysis (decoding + inference), ms. */
  elapsedMs: number;
  /** Mean model time per frame in the thread that ran it, ms. */
  inferenceMs: number;
}

export type FrameDetector = (frame: VideoFrame, size: { widthPx: number; heightPx: number }, timestampMs: number, rotationDeg: RotationDeg) => Promise<Detection>;

export interface AnalyseFileOptions {
  signal?: AbortSignal;
  onProgress?(p: FileAnalysisProgress): void;
  /** 'full' (default): as fast as the model goes. 'real-time': no faster than the video plays. */
  pace?: 'full' | 'real-time';
  /** Progress reports at most this often (wall-clock ms); the last frame always reports. */
  progressEveryMs?: number;
  /** Wall clock (ms); injectable for tests. */
  now?(): number;
  sleep?(ms: number): Promise<void>;
}

export class AnalysisCancelled extends Error {
  constructor() {
    super('The analysis was cancelled.');
    this.name = 'AnalysisCancelled';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

export async function analyseFile(
  info: RecordingInfo,
  decoded: AsyncIterable<DecodedFrame>,
  detect: FrameDetector,
  smoother: KeypointSmoother | null,
  opts: AnalyseFileOptions = {},
): Promise<FileAnalysis> {
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? defaultSleep;
  const everyMs = opts.progressEveryMs ?? 100;
  const size = { widthPx: info.widthPx, heightPx: info.heightPx };
  const frames: PoseFrame[] = [];
  const started = now();
  let lastReport = -Infinity;
  let inferenceTotalMs = 0;
  let firstMs: number | null = null;
  smoother?.reset();
  const report = (mediaMs: number, force: boolean) => {
    const t = now();
    if (!opts.onProgress || (!force && t - lastReport < everyMs)) return;
    lastReport = t;
    const elapsedMs = t - started;
    const fraction = info.durationMs > 0 ? Math.min(1, Math.max(0, mediaMs / info.durationMs)) : 1;
    opts.onProgress({
      framesAnalysed: frames.length, mediaMs, durationMs: info.durationMs, fraction, elapsedMs,
      remainingMs: fraction > 0 ? (elapsedMs * (1 - fraction)) / fraction : null,
    });
  };
  const iterator = decoded[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (opts.signal?.aborted) throw new AnalysisCancelled();
      const next = await iterator.next();
      if (next.done) break;
      const { frame, timestampMs } = next.value;
      if (opts.signal?.aborted) { frame.close(); throw new AnalysisCancelled(); }
      if (opts.pace === 'real-time') {
        firstMs ??= timestampMs;
        const due = started + (timestampMs - firstMs) - now();
        if (due > 0) await sleep(due);
      }
      const d = await detect(frame, size, timestampMs, info.rotationDeg); // consumes the frame
      inferenceTotalMs += d.inferenceMs;
      frames.push(smoother ? smoother.apply(d.frame) : d.frame);
      // The frame's end is where the video stands once it has been shown.
      report(timestampMs, false);
    }
  } finally {
    await iterator.return?.(undefined);
  }
  report(info.durationMs, true);
  return { info, frames, elapsedMs: now() - started, inferenceMs: frames.length ? inferenceTotalMs / frames.length : 0 };
}
