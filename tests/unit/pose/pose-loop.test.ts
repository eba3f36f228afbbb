// @vitest-environment happy-dom
// The frame loop's scheduling contract, with a scripted video element and detector: one inference at a time
// (frames arriving meanwhile are dropped, not queued), video time for files, paused while the tab is hidden.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KEYPOINT_NAMES, type Keypoints, type PoseFrame } from '../../../src/core/pose-frame';
import { PoseLoop, type PoseLoopStats } from '../../../src/pose/pose-loop';

type FrameCb = (now: number, meta: { mediaTime: number }) => void;

/** A <video> stand-in: the test decides when a frame is presented. */
function fakeVideo() {
  const callbacks = new Map<number, FrameCb>();
  let next = 1;
  const v = {
    readyState: 4, videoWidth: 640, videoHeight: 480, width: 0, height: 0, paused: false,
    requestVideoFrameCallback(cb: FrameCb) { callbacks.set(next, cb); return next++; },
    cancelVideoFrameCallback(h: number) { callbacks.delete(h); },
    pause: vi.fn(function (this: { paused: boolean }) { this.paused = true; }),
    play: vi.fn(async function (this: { paused: boolean }) { this.paused = false; }),
    /** Presents one frame at `mediaTimeSec`: runs the callbacks registered so far. */
    present(mediaTimeSec: number, nowMs = performance.now()) {
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const cb of due) cb(nowMs, { mediaTime: mediaTimeSec });
    },
    get pending() { return callbacks.size; },
  };
  return v;
}

function personFrame(timestampMs: number): PoseFrame {
  const keypoints = Object.fromEntries(KEYPOINT_NAMES.map((n) => [n, { x: 0.5, y: 0.5, score: 0.9 }])) as Keypoints;
  return { timestampMs, imageWidthPx: 640, imageHeightPx: 480, keypoints, poseScore: 0.9 };
}

/** A detector whose every call waits until the test releases it. */
function gatedDetector() {
  const gates: Array<() => void> = [];
  let inFlight = 0, maxInFlight = 0;
  const detect = vi.fn(async (_img: unknown, _size: unknown, timestampMs: number) => {
    inFlight++; maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((ok) => gates.push(ok));
    inFlight--;
    return { frame: personFrame(timestampMs), inferenceMs: 20, liveTensors: 0 };
  });
  return { detect, release: () => gates.shift()?.(), get maxInFlight() { return maxInFlight; } };
}

const flush = () => new Promise((ok) => setTimeout(ok, 0));

function setHidden(hidden: boolean) {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.dispatchEvent(new Event('visibilitychange'));
}

afterEach(() => setHidden(false));

describe('PoseLoop', () => {
  it('runs one inference at a time and drops (never queues) frames that arrive meanwhile', async () => {
    const video = fakeVideo();
    const d = gatedDetector();
    const frames: PoseFrame[] = [];
    let stats: PoseLoopStats | null = null;
    const loop = new PoseLoop({
      video: video as unknown as HTMLVideoElement, analyse: d.detect, timeBase: 'media',
      onFrame: (f, s) => { frames.push(f); stats = s; }, onError: (e) => { throw e; },
    });
    loop.start();
    video.present(0.0); // starts inference #1
    for (let i = 1; i <= 4; i++) video.present(i / 30); // arrive while busy: dropped
    expect(d.detect).toHaveBeenCalledTimes(1);
    d.release();
    await flush();
    expect(frames.map((f) => f.timestampMs)).toEqual([0]);
    video.present(5 / 30); // the next frame after the result is analysed, not the queued old ones
    d.release();
    await flush();
    expect(d.detect).toHaveBeenCalledTimes(2);
    expect(frames.map((f) => Math.round(f.timestampMs))).toEqual([0, 167]);
    expect(d.maxInFlight).toBe(1);
    expect(stats!.framesDropped).toBe(4);
    expect(stats!.framesAnalysed).toBe(2);
    expect(stats!.lastInferenceMs).toBe(20); // the model's own time as reported by the engine
    loop.stop();
  });

  it('from the camera, the newest frame that arrived while busy is analysed as soon as the model is free', async () => {
    const video = fakeVideo();
    const d = gatedDetector();
    const frames: PoseFrame[] = [];
    let stats: PoseLoopStats | null = null;
    const loop = new PoseLoop({
      video: video as unknown as HTMLVideoElement, analyse: d.detect, timeBase: 'clock',
      onFrame: (f, s) => { frames.push(f); stats = s; }, onError: (e) => { throw e; },
    });
    loop.start();
    video.present(0, 1000); // inference #1
    for (let i = 1; i <= 4; i++) video.present(i / 30, 1000 + i * 33); // arrive while busy
    expect(d.detect).toHaveBeenCalledTimes(1);
    d.release();
    await flush();
    // Not waiting for the next camera frame: the newest (t = 1132) goes at once; 1033..1099 were dropped.
    expect(d.detect).toHaveBeenCalledTimes(2);
    expect(d.detect.mock.calls[1]![2]).toBe(1132);
    d.release();
    await flush();
    expect(frames.map((f) => f.timestampMs)).toEqual([1000, 1132]);
    expect(d.detect).toHaveBeenCalledTimes(2); // nothing else was waiting
    expect(d.maxInFlight).toBe(1);
    expect(stats!.framesDropped).toBe(3);
    loop.stop();
  });

  it('stops asking for frames while the tab is hidden, pauses a file, and resumes both when shown', async () => {
    const video = fakeVideo();
    const d = gatedDetector();
    const hiddenChanges: boolean[] = [];
    const loop = new PoseLoop({
      video: video as unknown as HTMLVideoElement, analyse: d.detect, timeBase: 'media',
      onFrame: () => undefined, onError: (e) => { throw e; }, onHiddenChange: (h) => hiddenChanges.push(h),
    });
    loop.start();
    expect(video.pending).toBe(1);
    setHidden(true);
    expect(video.pending).toBe(0);
    expect(video.pause).toHaveBeenCalledTimes(1);
    video.present(1);
    expect(d.detect).not.toHaveBeenCalled();
    setHidden(false);
    expect(video.play).toHaveBeenCalledTimes(1);
    expect(video.pending).toBe(1);
    video.present(2);
    expect(d.detect).toHaveBeenCalledTimes(1);
    expect(hiddenChanges).toEqual([true, false]);
    d.release();
    await flush();
    loop.stop();
    expect(video.pending).toBe(0);
  });

  it('stops and reports when inference throws', async () => {
    const video = fakeVideo();
    const error = new Error('kernel failed');
    const analyse = vi.fn(async () => { throw error; });
    const onError = vi.fn();
    const loop = new PoseLoop({ video: video as unknown as HTMLVideoElement, analyse, timeBase: 'clock', onFrame: () => undefined, onError });
    loop.start();
    video.present(0);
    await flush();
    expect(onError).toHaveBeenCalledWith(error);
    expect(loop.isRunning).toBe(false);
    expect(video.pending).toBe(0);
  });
});
