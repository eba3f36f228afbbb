// Where inference runs, seen from the page. The preferred engine is a Web Worker that owns tfjs (pose-worker.ts):
// the page only captures each video frame as an ImageBitmap and transfers it, so inference never blocks the UI.
// Where workers, OffscreenCanvas or createImageBitmap are missing, or the worker fails to start, the same detector
// runs on the page's main thread (local-engine.ts), and the reason is shown. Neither engine is in the first
// screen's JavaScript: both are imported when the camera or a file starts.
import type { Detection, LoadEvents, LoadOptions } from './detector-host';
import type { ModelId } from './models';
import type { BackendInfo } from './pipeline-errors';
import type { RotationDeg } from './upright';
import { errorText } from '../core/error-text';

export type InferenceThread = 'worker' | 'main-thread';

export interface PoseEngine {
  readonly thread: InferenceThread;
  /**
   * Starts the backend if needed and loads (and warms up) the model; resolves with the backend it runs on. Rejects
   * with ModelLoadError / BackendError. `events` may still be called (from a worker) shortly after it settles.
   */
  load(modelId: ModelId, options: LoadOptions, events: LoadEvents): Promise<BackendInfo>;
  /** Runs the model on the video's current picture. */
  analyse(video: HTMLVideoElement, size: { widthPx: number; heightPx: number }, timestampMs: number): Promise<Detection>;
  /**
   * Runs the model on a decoded file frame (recording-decoder.ts), turned upright by `rotationDeg` first; `size` is
   * the upright size. The frame is consumed: transferred to the worker or closed here.
   */
  analyseFrame(frame: VideoFrame, size: { widthPx: number; heightPx: number }, timestampMs: number, rotationDeg: RotationDeg): Promise<Detection>;
  reset(): void;
  unload(): void;
  dispose(): void;
}

export interface EngineChoice {
  engine: PoseEngine;
  /** Why inference runs on the main thread; null when it runs in the worker (or the main thread was asked for). */
  fallbackReason: string | null;
}

/** Why this browser cannot run inference in a worker, or null if it can. */
export function workerUnsupportedReason(): string | null {
  if (typeof Worker !== 'function') return 'this browser has no Web Workers';
  if (typeof OffscreenCanvas !== 'function') return 'this browser has no OffscreenCanvas';
  if (typeof createImageBitmap !== 'function') return 'this browser cannot copy video frames (createImageBitmap)';
  return null;
}

/**
 * The worker engine where it can start, else the main thread with the reason. `useWorker: false` (the URL switch
 * `?worker=off`) asks for the main thread outright.
 */
export async function choosePoseEngine(useWorker = true): Promise<EngineChoice> {
  const unsupported = useWorker ? workerUnsupportedReason() : null;
  if (useWorker && !unsupported) {
    try {
      const { startWorkerEngine } = await import('./worker-engine');
      return { engine: await startWorkerEngine(), fallbackReason: null };
    } catch (e) {
      const { createLocalEngine } = await import('./local-engine');
      return { engine: createLocalEngine(), fallbackReason: errorText(e) };
    }
  }
  const { createLocalEngine } = await import('./local-engine');
  return { engine: createLocalEngine(), fallbackReason: unsupported };
}
