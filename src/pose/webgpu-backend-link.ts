// pose-detection imports the WebGPU backend statically, for two helpers (WebGPUBackend, webgpu_util) it uses only
// while WebGPU is the active backend. Bundled as is, every device would download the WebGPU backend (~317 KB) with
// the model code. The build resolves that one import (from pose-detection only, see vite.config.ts) to this module:
// its exports are live bindings that backend.ts points at the real backend when WebGPU is tried, before tfjs can
// run anything on it. Should they ever not be linked, MoveNet's warm-up on WebGPU fails and the app falls back to
// the next backend, saying why.
import type * as WebGPU from '@tensorflow/tfjs-backend-webgpu';

/** Until linked: a class nothing is an instance of. */
export let WebGPUBackend = class WebGPUBackendNotLoaded {} as unknown as typeof WebGPU.WebGPUBackend;
export let webgpu_util = {} as typeof WebGPU.webgpu_util;

export function linkWebGPUBackend(backend: typeof WebGPU): void {
  WebGPUBackend = backend.WebGPUBackend;
  webgpu_util = backend.webgpu_util;
}
