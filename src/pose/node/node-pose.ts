// Node-only pose pipeline: the app's own detector (pose/detector.ts) and smoother (pose/smoothing.ts) on the tfjs
// wasm backend, fed RGB frames decoded by ffmpeg. Used by tools/record.ts and tests/node/.
import * as tf from '@tensorflow/tfjs-core';
import { createPoseDetector, type ModelId, type PoseDetector } from '../detector';
import { KeypointSmoother, type SmoothingConfig } from '../smoothing';
import type { PoseFrame } from '../../core/pose-frame';
import { decodeVideo, probeVideo, type DecodeOptions, type RawFrame, type VideoInfo } from './ffmpeg';
import { DEFAULT_MODELS_DIR, modelFileInfo, modelIOHandler, type ModelFileInfo } from './model-files';
import { initWasmBackend, type WasmBackendInfo } from './wasm-backend';

export interface NodePoseDetector {
  detector: PoseDetector;
  model: ModelFileInfo;
  backend: WasmBackendInfo;
  /** Runs the model on one decoded frame; the input tensor is created and disposed here. */
  /**
   * Runs the model on one decoded frame; the input tensor is created and disposed here. `inferenceMs` is wall time,
   * `cpuMs` the process CPU time it took (wasm runs single-threaded here, so on a busy machine cpuMs is close to
   * the uncontended wall time).
   */
  detectRgb(frame: RawFrame): Promise<{ frame: PoseFrame; inferenceMs: number; cpuMs: number }>;
  dispose(): void;
}

export async function createNodePoseDetector(modelId: ModelId, modelsDir = DEFAULT_MODELS_DIR): Promise<NodePoseDetector> {
  const backend = await initWasmBackend();
  const model = modelFileInfo(modelId, modelsDir);
  let detector: PoseDetector;
  try {
    detector = await createPoseDetector(modelId, modelIOHandler(modelId, modelsDir));
  } catch (e) {
    throw new Error(`could not load MoveNet ${modelId} from ${model.jsonPath}: ${(e as Error).message}`);
  }
  return {
    detector,
    model,
    backend,
    async detectRgb(raw) {
      const input = tf.tensor3d(raw.data, [raw.heightPx, raw.widthPx, 3], 'int32');
      try {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        const frame = await detector.detect(input, { widthPx: raw.widthPx, heightPx: raw.heightPx }, raw.timestampMs);
        const c = process.cpuUsage(c0);
        return { frame, inferenceMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
      } finally {
        input.dispose();
      }
    },
    dispose: () => detector.dispose(),
  };
}

export interface ProcessProgress {
  done: number;
  total: number;
  /** Frames processed per second of wall time so far. */
  fps: number;
  lastInferenceMs: number;
}

export interface ProcessResult {
  video: VideoInfo;
  /** Smoothed frames (what the app's rules see). */
  frames: PoseFrame[];
  /** Unsmoothed detector output, same timestamps. */
  rawFrames: PoseFrame[];
  inferenceMs: { mean: number; median: number; p95: number; first: number };
  /** Process CPU ms per inference (steady state): the cost without other processes competing for the cores. */
  inferenceCpuMs: { mean: number; median: number };
  wallMs: number;
  /** Tensors alive after processing minus before (should be 0: no leak). */
  tensorLeak: number;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

/**
 * Decodes `file`, runs detector + smoothing on every frame exactly as the app does on a video file, and
 * returns the frames with timing stats. `smoothing: false` disables the One Euro filter.
 */
export async function processVideo(
  pose: NodePoseDetector,
  file: string,
  opts: DecodeOptions & { smoothing?: Partial<SmoothingConfig> | false; onProgress?: (p: ProcessProgress) => void } = {},
): Promise<ProcessResult> {
  const video = probeVideo(file);
  const smoother = opts.smoothing === false ? null : new KeypointSmoother(opts.smoothing ?? {});
  const total = Math.min(opts.maxFrames ?? Infinity,
    opts.fps ? Math.round((video.durationSec - (opts.startSec ?? 0)) * opts.fps) : video.frameCount - Math.round((opts.startSec ?? 0) * video.fps));
  pose.detector.reset();
  const before = tf.memory().numTensors;
  const frames: PoseFrame[] = [];
  const rawFrames: PoseFrame[] = [];
  const times: number[] = [];
  const cpu: number[] = [];
  const t0 = performance.now();
  for await (const raw of decodeVideo(file, opts)) {
    const { frame, inferenceMs, cpuMs } = await pose.detectRgb(raw);
    times.push(inferenceMs);
    cpu.push(cpuMs);
    rawFrames.push(frame);
    frames.push(smoother ? smoother.apply(frame) : frame);
    opts.onProgress?.({
      done: frames.length,
      total: Math.max(total, frames.length),
      fps: frames.length / ((performance.now() - t0) / 1000),
      lastInferenceMs: inferenceMs,
    });
  }
  const wallMs = performance.now() - t0;
  // The first call includes kernel warm-up; report it apart from the steady-state numbers.
  const steady = (times.length > 1 ? times.slice(1) : times).slice().sort((a, b) => a - b);
  const steadyCpu = (cpu.length > 1 ? cpu.slice(1) : cpu).slice().sort((a, b) => a - b);
  return {
    video,
    frames,
    rawFrames,
    inferenceMs: {
      mean: steady.reduce((s, v) => s + v, 0) / steady.length,
      median: quantile(steady, 0.5),
      p95: quantile(steady, 0.95),
      first: times[0] ?? Number.NaN,
    },
    inferenceCpuMs: { mean: steadyCpu.reduce((s, v) => s + v, 0) / steadyCpu.length, median: quantile(steadyCpu, 0.5) },
    wallMs,
    tensorLeak: tf.memory().numTensors - before,
  };
}
