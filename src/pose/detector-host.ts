// Owns the tfjs side of inference in one thread: starts the backend, downloads and warms up the model (falling
// back to the next backend when a GPU one cannot run it), and runs it on images. The inference worker
// (pose-worker.ts) hosts one; where no worker can run, the page's main thread does (local-engine.ts).
import { memory } from '@tensorflow/tfjs-core';
import { backendStarted, fallBackFrom, initBackend } from './backend';
import { createPoseDetector, type PoseDetector } from './detector';
import { modelIOHandler } from './model-source';
import { MODEL_FILES, type ModelId } from './models';
import { ModelLoadError, type BackendInfo, type BackendName } from './pipeline-errors';
import { errorText } from '../core/error-text';
import type { PoseFrame } from '../core/pose-frame';

/** What a load reports while it runs (to the UI's status banner and readout). */
export interface LoadEvents {
  loadingBackend(): void;
  backend(info: BackendInfo): void;
  /** 0..1 of the model's bytes received. */
  progress(fraction: number): void;
}

export interface LoadOptions {
  /** Force one backend (e.g. `?backend=wasm`); default: the best that works. */
  backend?: BackendName;
  /** Absolute URL of the model folder (resolved on the page). */
  modelBaseUrl: string;
}

/** An image the detector can read in every thread: a transferred ImageBitmap, or (main thread) the video itself. */
export type DetectorImage = ImageBitmap | HTMLVideoElement | ImageData;

export interface Detection {
  frame: PoseFrame;
  /** Time the model took on this image in the thread that ran it, ms. */
  inferenceMs: number;
  /** In the worker: time to read the transferred frame's pixels before inference, ms. */
  prepareMs?: number;
  /** tfjs tensors alive after this inference (constant in steady state; a leak makes it grow). */
  liveTensors: number;
}

export class DetectorHost {
  private detector: PoseDetector | null = null;
  /** Bumped by every load and unload: a load that finishes after a newer one started discards its model. */
  private generation = 0;

  /** Returns the backend the model runs on. */
  async load(modelId: ModelId, options: LoadOptions, events: LoadEvents): Promise<BackendInfo> {
    const gen = ++this.generation;
    this.detector?.dispose();
    this.detector = null;
    if (!backendStarted()) events.loadingBackend();
    let backend = await initBackend(options.backend);
    events.backend(backend);
    let det: PoseDetector;
    for (;;) {
      try {
        det = await createPoseDetector(modelId, modelIOHandler(modelId, (p) => { if (gen === this.generation) events.progress(p); }, options.modelBaseUrl));
      } catch (e) {
        // Errors after the download (weights that do not fit the graph) still belong to a file.
        throw e instanceof ModelLoadError ? e : new ModelLoadError(MODEL_FILES[modelId], errorText(e));
      }
      // One inference on a blank image compiles the kernels now (not on the user's first frame) and proves that
      // the backend can run this model; a GPU backend that cannot falls back to the next one.
      const failure = await warmUp(det);
      if (!failure) break;
      det.dispose();
      if (backend.backend === 'wasm') {
        // wasm runs every MoveNet op, so a model that loads but cannot run there has bad files: garbage weights
        // of the right length pass loading (tfjs cannot tell) and fail here. Name the model's files.
        throw new ModelLoadError(MODEL_FILES[modelId], `the model loaded but cannot run, its weights are probably damaged (${failure})`);
      }
      if (options.backend) throw new Error(`The pose model does not run on ${backend.backend}: ${failure}`);
      events.loadingBackend();
      backend = await fallBackFrom(backend, failure);
      events.backend(backend);
    }
    if (gen !== this.generation) { det.dispose(); throw new Error('model changed while loading'); }
    this.detector = det;
    return backend;
  }

  async detect(image: DetectorImage, size: { widthPx: number; heightPx: number }, timestampMs: number): Promise<Detection> {
    const det = this.detector;
    if (!det) throw new Error('no pose model is loaded');
    const t0 = performance.now();
    try {
      const frame = await det.detect(image, size, timestampMs);
      return { frame, inferenceMs: performance.now() - t0, liveTensors: memory().numTensors };
    } finally {
      if ('close' in image) image.close(); // a transferred bitmap is ours to free
    }
  }

  /** Forget the crop region tracked from earlier frames (new source, seek). */
  reset(): void {
    this.detector?.reset();
  }

  /** Frees the model (e.g. before loading another one). */
  unload(): void {
    this.generation++;
    this.detector?.dispose();
    this.detector = null;
  }
}

/** Runs the detector once on a small blank image; returns why it failed, or null. */
async function warmUp(det: PoseDetector): Promise<string | null> {
  const blank = new ImageData(192, 192); // transparent black; ImageData exists on the page and in workers
  try {
    await det.detect(blank, { widthPx: 192, heightPx: 192 }, 0);
    return null;
  } catch (e) {
    return errorText(e);
  } finally {
    det.reset();
  }
}
