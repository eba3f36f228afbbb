// The inference worker: owns tfjs (backend, model, inference) off the page's main thread. The page sends frames as
// transferred ImageBitmaps and gets plain PoseFrames back (worker-engine.ts). tfjs and the model code are imported
// on the first load, so the worker answers `ping` as soon as this small script has run.
import * as Comlink from 'comlink';
import type { DetectorHost } from './detector-host';
import { drawUpright, type RotationDeg } from './upright';
import type { WorkerApi } from './worker-protocol';
import './worker-protocol';

let host: Promise<DetectorHost> | null = null;
let canvas: OffscreenCanvasRenderingContext2D | null = null;

/**
 * A VideoFrame's pixels as RGBA, converted by the browser (VideoFrame.copyTo with a format, Chromium 127+); null
 * where that conversion is not offered or the frame is not the picture's size, and the canvas below does it.
 */
async function copyRgba(frame: VideoFrame, widthPx: number, heightPx: number): Promise<ImageData | null> {
  const rect = frame.visibleRect;
  if (!rect || rect.width !== widthPx || rect.height !== heightPx) return null;
  try {
    const rgba = new Uint8ClampedArray(widthPx * heightPx * 4);
    await frame.copyTo(rgba, { format: 'RGBA', colorSpace: 'srgb' } as VideoFrameCopyToOptions);
    return new ImageData(rgba, widthPx, heightPx);
  } catch {
    return null;
  }
}

/** The picture's pixels at `widthPx` x `heightPx`, turned upright first when the file asks for a rotation. */
function readPixels(image: ImageBitmap | VideoFrame, widthPx: number, heightPx: number, rotationDeg: RotationDeg = 0): ImageData {
  canvas ??= new OffscreenCanvas(widthPx, heightPx).getContext('2d', { willReadFrequently: true });
  if (!canvas) throw new Error('no 2D OffscreenCanvas in this worker');
  if (canvas.canvas.width !== widthPx) canvas.canvas.width = widthPx;
  if (canvas.canvas.height !== heightPx) canvas.canvas.height = heightPx;
  if (rotationDeg === 0) canvas.drawImage(image, 0, 0, widthPx, heightPx);
  else drawUpright(canvas, image, widthPx, heightPx, rotationDeg);
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
  async detect(image, size, timestampMs, rotationDeg = 0) {
    const host = await detectorHost();
    // tfjs cannot read a VideoFrame: draw it (or the bitmap) once into our canvas and hand tfjs the pixels. The
    // colour conversion happens here, off the page's main thread.
    const t0 = performance.now();
    let pixels: ImageData;
    try {
      const direct = image instanceof ImageBitmap || rotationDeg !== 0 ? null : await copyRgba(image, size.widthPx, size.heightPx);
      pixels = direct ?? readPixels(image, size.widthPx, size.heightPx, rotationDeg);
    } finally {
      image.close();
    }
    const prepareMs = performance.now() - t0;
    return { ...(await host.detect(pixels, size, timestampMs)), prepareMs };
  },
  reset() { void host?.then((h) => h.reset()); },
  unload() { void host?.then((h) => h.unload()); },
};

Comlink.expose(api);
