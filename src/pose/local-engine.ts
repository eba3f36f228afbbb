// Inference on the page's main thread: the fallback where no worker can run (see pose-engine.ts). The detector
// reads the <video> directly; each inference blocks the UI for its duration.
import { DetectorHost } from './detector-host';
import type { PoseEngine } from './pose-engine';
import { drawUpright } from './upright';

export function createLocalEngine(): PoseEngine {
  const host = new DetectorHost();
  let canvas: CanvasRenderingContext2D | null = null;
  return {
    thread: 'main-thread',
    load: (modelId, options, events) => host.load(modelId, options, events),
    analyse(video, size, timestampMs) {
      // pose-detection reads the image size from the element's width/height attributes (CSS still sizes it).
      if (video.width !== size.widthPx) video.width = size.widthPx;
      if (video.height !== size.heightPx) video.height = size.heightPx;
      return host.detect(video, size, timestampMs);
    },
    analyseFrame(frame, size, timestampMs, rotationDeg) {
      // The detector cannot read a VideoFrame: draw it (upright) into a canvas and hand over the pixels.
      try {
        canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
        if (!canvas) throw new Error('no 2D canvas on this page');
        if (canvas.canvas.width !== size.widthPx) canvas.canvas.width = size.widthPx;
        if (canvas.canvas.height !== size.heightPx) canvas.canvas.height = size.heightPx;
        drawUpright(canvas, frame, size.widthPx, size.heightPx, rotationDeg);
        return host.detect(canvas.getImageData(0, 0, size.widthPx, size.heightPx), size, timestampMs);
      } catch (e) {
        return Promise.reject(e);
      } finally {
        frame.close();
      }
    },
    reset: () => host.reset(),
    unload: () => host.unload(),
    dispose: () => host.unload(),
  };
}
