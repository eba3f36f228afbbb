// Detector inference per frame in Node on tfjs wasm (SIMD, the same kernels as the browser's wasm backend), real
// MoveNet weights from models/, on real frames decoded by ffmpeg from a shared clip. The timed span is
// `detector.detect` (pose-detection's preprocessing + model + toPoseFrame); building the input tensor from the RGB
// buffer is outside it. The first `warmup` inferences compile kernels and are excluded.
import { existsSync } from 'node:fs';
import { clipPath } from '../tests/shared-videos';
import * as tf from '@tensorflow/tfjs-core';
import type { ModelId } from '../src/pose/detector';
import { decodeVideo, type RawFrame } from '../src/pose/node/ffmpeg';
import { createNodePoseDetector } from '../src/pose/node/node-pose';
import { dist, type Dist } from './stats';

export { SHARED_DIR } from '../tests/shared-videos';
export const BENCH_CLIP = clipPath('bodyweight-squat');

export interface DetectorBench {
  modelId: ModelId; clip: string; imageSize: string; backend: string; warmup: number; firstMs: number;
  ms: Dist; loadMs: number; tensorLeak: number;
}

export async function decodeFrames(clip = BENCH_CLIP, count = 50): Promise<RawFrame[]> {
  if (!existsSync(clip)) throw new Error(`clip not found: ${clip} (set SHARED_DIR)`);
  const out: RawFrame[] = [];
  for await (const f of decodeVideo(clip, { maxFrames: count })) out.push(f);
  return out;
}

export async function benchDetector(modelId: ModelId, frames: RawFrame[], runs: number, warmup = 5): Promise<DetectorBench> {
  const t0 = performance.now();
  const pose = await createNodePoseDetector(modelId);
  const loadMs = performance.now() - t0;
  try {
    pose.detector.reset();
    const times: number[] = [];
    let firstMs = Number.NaN;
    let before = 0;
    for (let i = 0; i < warmup + runs; i++) {
      const raw = frames[i % frames.length]!;
      // Consecutive clip frames, timestamps increasing, as in a live session (MoveNet tracks its crop).
      const { inferenceMs } = await pose.detectRgb({ ...raw, timestampMs: i * 40 });
      if (i === 0) firstMs = inferenceMs;
      if (i === warmup - 1) before = tf.memory().numTensors;
      if (i >= warmup) times.push(inferenceMs);
    }
    const b = pose.backend;
    return {
      modelId, clip: BENCH_CLIP.split('/').pop()!, imageSize: `${frames[0]!.widthPx}x${frames[0]!.heightPx}`,
      backend: `tfjs ${b.tfjsVersion} wasm, ${b.simd ? 'SIMD' : 'no SIMD'}, ${b.threads ? 'threads' : '1 thread'}`,
      warmup, firstMs, ms: dist(times), loadMs, tensorLeak: tf.memory().numTensors - before,
    };
  } finally {
    pose.dispose();
  }
}
