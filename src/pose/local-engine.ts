// Inference on the page's main thread: the fallback where no worker can run (see pose-engine.ts). The detector
// reads the <video> directly; each inference blocks the UI for its duration.
import { DetectorHost } from './detector-host';
import type { PoseEngine } from './pose-engine';

export function createLocalEngine(): PoseEngine {
  const host = new DetectorHost();
  return {
    thread: 'main-thread',
    load: (modelId, options, events) => host.load(modelId, options, events),
    analyse(video, size, timestampMs) {
      // pose-detection reads the image size from the element's width/height attributes (CSS still sizes it).
      if (video.width !== size.widthPx) video.width = size.widthPx;
      if (video.height !== size.heightPx) video.height = size.heightPx;
      return host.detect(video, size, timestampMs);
    },
    reset: () => host.reset(),
    unload: () => host.unload(),
    dispose: () => host.unload(),
  };
}
