// The page's side of the inference worker (pose-worker.ts): starts it, proves it runs, and hands it each video frame
// as a VideoFrame (a reference to the decoded picture: ~0.05 ms on the page) where WebCodecs exists, else as an
// ImageBitmap (measured ~4 ms of the page's main thread per 640x480 frame in Chromium: the colour conversion runs
// there). Either is transferred, not copied. The frame loop keeps one frame in flight, so frames never queue up.
import * as Comlink from 'comlink';
import type { PoseEngine } from './pose-engine';
import type { WorkerApi } from './worker-protocol';
import './worker-protocol';
import { errorText } from '../core/error-text';

/** A worker that has not answered by then is treated as one that cannot start (main thread instead). Our default. */
const WORKER_START_TIMEOUT_MS = 15_000;

/** Starts the worker; rejects with the reason when it cannot start (the caller falls back to the main thread). */
export async function startWorkerEngine(): Promise<PoseEngine> {
  const worker = new Worker(new URL('./pose-worker.ts', import.meta.url), { type: 'module', name: 'pose-inference' });
  // A worker whose script fails to load or that dies later fires 'error': every pending call then fails with it.
  const died = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new Error(e.message || 'its script failed to load or threw'));
    });
  });
  died.catch(() => undefined);
  const api = Comlink.wrap<WorkerApi>(worker);
  const stopped = died.catch((e: Error) => { throw new Error(`the inference worker stopped (${e.message})`); });
  stopped.catch(() => undefined);
  const call = <T>(p: Promise<T>): Promise<T> => Promise.race([p, stopped]);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      api.ping(),
      died,
      new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${WORKER_START_TIMEOUT_MS / 1000} s`)), WORKER_START_TIMEOUT_MS); }),
    ]);
  } catch (e) {
    worker.terminate();
    throw new Error(`the inference worker could not start (${errorText(e)})`);
  } finally {
    clearTimeout(timer);
  }
  return {
    thread: 'worker',
    load: (modelId, options, events) => call(api.load(modelId, options, Comlink.proxy(events))),
    async analyse(video, size, timestampMs) {
      const image = captureFrame(video) ?? await createImageBitmap(video);
      return call(api.detect(Comlink.transfer(image, [image]), size, timestampMs));
    },
    analyseFrame: (frame, size, timestampMs, rotationDeg) => call(api.detect(Comlink.transfer(frame, [frame]), size, timestampMs, rotationDeg)),
    reset: () => void call(api.reset()).catch(() => undefined),
    unload: () => void call(api.unload()).catch(() => undefined),
    dispose: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

/** The video's current picture as a VideoFrame, or null where WebCodecs is missing or the video cannot give one. */
function captureFrame(video: HTMLVideoElement): VideoFrame | null {
  if (typeof VideoFrame !== 'function') return null;
  try {
    return new VideoFrame(video);
  } catch {
    return null;
  }
}
