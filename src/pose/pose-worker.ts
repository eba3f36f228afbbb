// The inference worker: owns tfjs (backend, model, inference) off the page's main thread. The page sends frames as
// transferred ImageBitmaps and gets plain PoseFrames back (worker-engine.ts). tfjs and the model code are imported
// on the first load, so the worker answers `ping` as soon as this small script has run.
import * as Comlink from 'comlink';
import type { DetectorHost } from './detector-host';
import type { WorkerApi } from './worker-protocol';
import './worker-protocol';

let host: Promise<DetectorHost> | null = null;
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
    return (await detectorHost()).detect(image, size, timestampMs);
  },
  reset() { void host?.then((h) => h.reset()); },
  unload() { void host?.then((h) => h.unload()); },
};

Comlink.expose(api);
