// Picks the TensorFlow.js backend at run time, best first: WebGPU -> WebGL -> wasm. Every backend that is skipped
// or fails is recorded with a reason the user can read, so a slow machine is explained rather than silent.
// Runs in the inference worker (OffscreenCanvas for WebGL) or, as a fallback, on the page's main thread.
// Each backend's code is imported only when it is tried, so a wasm-only device never downloads the GPU backends.
// The wasm binaries are bundled by vite (`?url`) and served from our own origin: never a CDN.
import * as tf from '@tensorflow/tfjs-core';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { BACKEND_ORDER, BackendError, type BackendAttempt, type BackendInfo, type BackendName } from './pipeline-errors';
import { errorText } from '../core/error-text';
import { linkWebGPUBackend } from './webgpu-backend-link';

export { BACKEND_ORDER, BackendError, isBackendName, type BackendAttempt, type BackendInfo, type BackendName } from './pipeline-errors';

/** Loads a backend's code (it registers itself with tfjs on import). */
const BACKEND_CODE: Record<BackendName, () => Promise<unknown>> = {
  webgpu: () => import('@tensorflow/tfjs-backend-webgpu').then((m) => { linkWebGPUBackend(m); return m; }),
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  wasm: () => import('@tensorflow/tfjs-backend-wasm'),
};

/** A canvas for probing WebGL: a DOM canvas on the page, an OffscreenCanvas in a worker. */
function probeCanvas(): HTMLCanvasElement | OffscreenCanvas | null {
  if (typeof document !== 'undefined') return document.createElement('canvas');
  return typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : null;
}

/** Renderer names of CPU-only WebGL implementations (Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows WARP). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i;

/** Why a backend cannot be used here, or null if it is worth trying. Cheap checks before tfjs allocates anything. */
async function precheck(name: BackendName): Promise<string | null> {
  if (name === 'webgpu') {
    const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    if (!gpu) return 'WebGPU is not available in this browser';
    const adapter = await gpu.requestAdapter().catch(() => null);
    return adapter ? null : 'no WebGPU adapter (GPU) found';
  }
  if (name === 'webgl') {
    // A software-rendered WebGL (SwiftShader, llvmpipe) is ~10x slower than wasm SIMD for MoveNet: skip it.
    const canvas = probeCanvas();
    if (!canvas) return 'no canvas for WebGL here (OffscreenCanvas is missing)';
    const gl = canvas.getContext('webgl2', { failIfMajorPerformanceCaveat: true }) as WebGL2RenderingContext | null;
    if (!gl) {
      return probeCanvas()?.getContext('webgl2')
        ? 'WebGL runs in software here (no GPU acceleration), slower than wasm'
        : 'WebGL 2 is not available';
    }
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    const soft = SOFTWARE_RENDERER.exec(renderer);
    if (soft) return `WebGL runs in software here (${soft[0]}), slower than wasm`;
    return null;
  }
  if (typeof WebAssembly !== 'object') return 'WebAssembly is not available';
  return null;
}

async function activate(name: BackendName): Promise<string> {
  const code = await BACKEND_CODE[name]().catch((e: unknown) => { throw new Error(`its code could not be loaded (${errorText(e)})`); });
  if (name === 'wasm') {
    const { setWasmPaths } = code as typeof import('@tensorflow/tfjs-backend-wasm');
    // Single-threaded on purpose. Threads would need a cross-origin isolated page (COOP/COEP), and tfjs-wasm starts
    // its threads from `factory.toString()` in a blob worker, which our minified build breaks (measured: the
    // workers throw "e is not defined" and the backend never finishes starting). Unminified it works but the bundle
    // grows 1.3 -> 3.8 MB, and on a 2-core machine it was not faster (86 vs 70 ms). GPUs take the WebGPU/WebGL path.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    try {
      setWasmPaths({
        'tfjs-backend-wasm.wasm': wasmPlainUrl,
        'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
        // Never loaded (threads are off); setWasmPaths insists on an entry, and this keeps 435 KB out of dist/.
        'tfjs-backend-wasm-threaded-simd.wasm': wasmSimdUrl,
      });
    } catch {
      // Already set by an earlier attempt in this page: the paths are the same.
    }
  }
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error('initialisation failed');
  await tf.ready();
  // A tiny op proves the backend really computes (a lost GPU context shows up here, not at setBackend).
  const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(2)));
  const value = (await probe.data())[0];
  probe.dispose();
  if (value !== 3) throw new Error(`self-test computed ${value} instead of 3`);
  if (name === 'wasm') {
    const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
    const threads = await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT');
    return `${simd ? 'SIMD' : 'no SIMD'}, ${threads ? 'multi-threaded' : 'single thread'}`;
  }
  return name === 'webgpu' ? 'GPU (WebGPU)' : 'GPU (WebGL 2)';
}

/** A backend that neither starts nor fails (seen with broken wasm workers) must not leave the app hanging. Our default. */
const ACTIVATE_TIMEOUT_MS = 30_000;

function withTimeout<T>(p: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(reason)), ms); });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

let active: Promise<BackendInfo> | null = null;
let started = false;
/** Backends that started but then failed to run the model in this page (see fallBackFrom). */
const brokenAtRunTime = new Map<BackendName, string>();

async function startFirstWorking(candidates: readonly BackendName[], attempts: BackendAttempt[]): Promise<BackendInfo> {
  for (const name of candidates) {
    const broken = brokenAtRunTime.get(name);
    const skip = broken ?? (await precheck(name));
    if (skip) {
      attempts.push({ backend: name, ok: false, reason: skip });
      continue;
    }
    try {
      const detail = await withTimeout(activate(name), ACTIVATE_TIMEOUT_MS, `did not start within ${ACTIVATE_TIMEOUT_MS / 1000} s`);
      attempts.push({ backend: name, ok: true });
      return { backend: name, detail, attempts };
    } catch (e) {
      attempts.push({ backend: name, ok: false, reason: errorText(e) });
    }
  }
  throw new BackendError(attempts);
}

/**
 * Starts the best backend that works; `only` forces one (e.g. `?backend=wasm` for benchmarks). Memoised: tfjs has
 * one global backend per page, so later calls return the same result.
 */
export function initBackend(only?: BackendName): Promise<BackendInfo> {
  active ??= startFirstWorking(only ? [only] : BACKEND_ORDER, []);
  active.then(() => { started = true; }, () => { active = null; });
  return active;
}

/**
 * The active backend started but could not run the model (e.g. a GPU driver bug in a kernel): mark it broken and
 * switch to the next one in BACKEND_ORDER. The caller must dispose models made on the old backend and load again.
 */
export function fallBackFrom(current: BackendInfo, reason: string): Promise<BackendInfo> {
  brokenAtRunTime.set(current.backend, `started, but could not run the model (${reason})`);
  const attempts = current.attempts.map((a) => (a.backend === current.backend && a.ok ? { backend: a.backend, ok: false, reason: brokenAtRunTime.get(a.backend) } : a));
  const rest = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(current.backend) + 1);
  active = startFirstWorking(rest, attempts);
  active.catch(() => { active = null; });
  return active;
}

/** Whether a backend has started in this thread (the next load needs no "starting backend" step). */
export function backendStarted(): boolean {
  return started;
}
