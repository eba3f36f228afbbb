// Node-only: readies tfjs' wasm backend (SIMD) from node_modules, no network, no tfjs-node native addon.
// The same kernels the browser's wasm fallback runs, so recorded fixtures match what the app sees on wasm.
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export interface WasmBackendInfo {
  backend: string;
  simd: boolean;
  threads: boolean;
  tfjsVersion: string;
}

let ready: Promise<WasmBackendInfo> | null = null;

/** Directory holding tfjs-backend-wasm's .wasm binaries (with trailing separator, as setWasmPaths wants). */
export function wasmDistDir(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@tensorflow/tfjs-backend-wasm'); // .../dist/index.js or tf-backend-wasm.node.js
  return path.dirname(main) + path.sep;
}

/** Idempotent: sets wasm paths, selects 'wasm', awaits tf.ready(). Throws a clear error when wasm cannot start. */
export function initWasmBackend(): Promise<WasmBackendInfo> {
  if (!ready) {
    ready = (async () => {
      const dir = wasmDistDir();
      setWasmPaths(dir);
      let ok = false;
      try {
        ok = await tf.setBackend('wasm');
        await tf.ready();
      } catch (e) {
        throw new Error(`tfjs wasm backend failed to start (wasm files from ${dir}): ${(e as Error).message}`);
      }
      if (!ok || tf.getBackend() !== 'wasm') {
        throw new Error(`tfjs wasm backend failed to start (wasm files from ${dir}); active backend: ${tf.getBackend()}`);
      }
      return {
        backend: tf.getBackend(),
        simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')),
        threads: Boolean(await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')),
        tfjsVersion: tf.version_core,
      };
    })();
    ready.catch(() => { ready = null; });
  }
  return ready;
}
