// The file analysis loop (src/pose/file-analysis.ts) with a fake decoder and a fake model: every frame analysed once
// with its own time, the same PoseFrames at full speed and at real-time pace, and Cancel closes every frame.
import { describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, type Keypoints, type PoseFrame } from '../../../src/core/pose-frame';
import { analyseFile, AnalysisCancelled, type FileAnalysisProgress, type FrameDetector } from '../../../src/pose/file-analysis';
import type { DecodedFrame, RecordingInfo } from '../../../src/pose/recording-decoder';
import { KeypointSmoother } from '../../../src/pose/smoothing';

/** A phone clip's times: an uneven start, then 30 fps. */
const TIMES = [0, 1.67, 35, 68.3, ...Array.from({ length: 26 }, (_, i) => 101.7 + i * 33.33)];
const INFO: RecordingInfo = { fileName: 'clip.mov', durationMs: 1000, widthPx: 540, heightPx: 960, rotationDeg: 90, codec: 'avc' };

class FakeFrame {
  closed = false;
  constructor(readonly t: number) {}
  close() { this.closed = true; }
}

function decoder(times = TIMES) {
  const made: FakeFrame[] = [];
  let stopped = false;
  async function* frames(): AsyncGenerator<DecodedFrame> {
    try {
      for (const t of times) {
        const f = new FakeFrame(t);
        made.push(f);
        yield { frame: f as unknown as VideoFrame, timestampMs: t };
      }
    } finally {
      stopped = true;
    }
  }
  return { frames, made, stopped: () => stopped };
}

/** A model whose answer depends only on the frame's time (a body moving steadily); it closes what it gets. */
const model = (seen: { t: number; rotation: number; size: string }[] = []): FrameDetector => async (frame, size, t, rotation) => {
  (frame as unknown as FakeFrame).close();
  seen.push({ t, rotation, size: `${size.widthPx}x${size.heightPx}` });
  const keypoints = Object.fromEntries(KEYPOINT_NAMES.map((n, i) => [n, { x: 0.3 + 0.01 * i + t / 10_000, y: 0.2 + 0.03 * i, score: 0.9 }])) as Keypoints;
  const f: PoseFrame = { timestampMs: t, imageWidthPx: size.widthPx, imageHeightPx: size.heightPx, keypoints, poseScore: 0.9 };
  return { frame: f, inferenceMs: 5, liveTensors: 0 };
};

describe('file analysis loop', () => {
  it('analyses every decoded frame once, in order, with its own time, upright size and rotation', async () => {
    const d = decoder();
    const seen: { t: number; rotation: number; size: string }[] = [];
    const r = await analyseFile(INFO, d.frames(), model(seen), null);
    expect(seen.map((s) => s.t)).toEqual(TIMES);
    expect(new Set(seen.map((s) => `${s.size} ${s.rotation}`))).toEqual(new Set(['540x960 90']));
    expect(r.frames.map((f) => f.timestampMs)).toEqual(TIMES);
    expect(d.made.every((f) => f.closed)).toBe(true);
  });

  it('gives the same PoseFrames at full speed and at real-time pace', async () => {
    let clock = 0;
    const now = () => clock;
    const sleeps: number[] = [];
    const sleep = async (ms: number) => { sleeps.push(ms); clock += ms; };
    const full = await analyseFile(INFO, decoder().frames(), model(), new KeypointSmoother(), { now });
    const paced = await analyseFile(INFO, decoder().frames(), model(), new KeypointSmoother(), { now, sleep, pace: 'real-time' });
    expect(paced.frames).toEqual(full.frames);
    // Real-time pace waited for the video's own timing (a fake clock: the waits add up to the last frame's time).
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeCloseTo(TIMES[TIMES.length - 1]!, 5);
  });

  it('reports progress with percent and time left, the last one at 100 %', async () => {
    let clock = 0;
    const progress: FileAnalysisProgress[] = [];
    const slow: FrameDetector = async (...args) => { clock += 20; return model()(...args); };
    await analyseFile(INFO, decoder().frames(), slow, null, { now: () => clock, onProgress: (p) => progress.push(p), progressEveryMs: 0 });
    const mid = progress.find((p) => p.fraction > 0.4 && p.fraction < 0.6)!;
    expect(mid.remainingMs!).toBeCloseTo((mid.elapsedMs * (1 - mid.fraction)) / mid.fraction, 6);
    expect(progress[progress.length - 1]).toMatchObject({ fraction: 1, remainingMs: 0, framesAnalysed: TIMES.length });
  });

  it('Cancel stops within one frame, closes the frame in hand and stops the decoder', async () => {
    const d = decoder();
    const abort = new AbortController();
    let n = 0;
    const cancelling: FrameDetector = async (...args) => { if (++n === 5) abort.abort(); return model()(...args); };
    await expect(analyseFile(INFO, d.frames(), cancelling, null, { signal: abort.signal })).rejects.toBeInstanceOf(AnalysisCancelled);
    expect(n).toBe(5);
    expect(d.stopped()).toBe(true);
    expect(d.made.length).toBeLessThanOrEqual(6);
    expect(d.made.every((f) => f.closed)).toBe(true);
  });
});
