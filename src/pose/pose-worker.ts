// The inference worker: owns tfjs (backend, model, inference) off the page's main thread. The page sends frames as
// transferred ImageBitmaps and gets plain PoseFrames back (worker-engine.ts). tfjs and the model code are imported
// on the first load, so the worker answers `ping` as soon as this small script has run.
import * as Comlink from 'comlink';
import type { DetectorHost } from './detector-host';
import type { WorkerApi } from './worker-protocol';
import './worker-protocol';

let host: Promise<DetectorHost> | null = null;
let canvas: OffscreenCanvasRenderingContext2D | null = null;

function readPixels(image: ImageBitmap | VideoFrame, widthPx: number, heightPx: number): ImageData {
  canvas ??= new OffscreenCanvas(widthPx, heightPx).getContext('2d', { willReadFrequently: true });
  if (!canvas) throw new Error('no 2D OffscreenCanvas in this worker');
  if (canvas.canvas.width !== widthPx) canvas.canvas.width = widthPx;
  if (canvas.canvas.height !== heightPx) canvas.canvas.height = heightPx;
  canvas.drawImage(image, 0, 0, widthPx, heightPx);
  return canvas.getImageData(0, 0, widthPx, heightPx);
}
const detectorHost = () => (host ??= import('./detector-host').then((m) => new m.DetectorHost()));

const api: WorkerApi = {
  ping: () => 'ready',
  async load(modelId, options, events) {
    try {
      const h = await detectorHost();
      // The page's callbacks answer asynchronously; nothing here waits for them.
      return await h.load(modelId, options, {
        loadingBackend: () => void events.loadingBackend(),
        backend: (info) => void events.backend(info),
        progress: (f) => void events.progress(f),
      });
    } finally {
      (events as unknown as Comlink.Remote<unknown>)[Comlink.releaseProxy]();
    }
  },
  async detect(image, size, timestampMs) {
    const host = await detectorHost();
    // tfjs cannot read a VideoFrame: draw it (or the bitmap) once into our canvas and hand tfjs the pixels. The
    // colour conversion happens here, off the page's main thread.
    let pixels: ImageData;
    try {
      pixels = readPixels(image, size.widthPx, size.heightPx);
    } finally {
      image.close();
    }
    return host.detect(pixels, size, timestampMs);
  },
  reset() { void host?.then((h) => h.reset()); },
  unload() { void host?.then((h) => h.unload()); },
};

Comlink.expose(api);
