// Errors of the pose pipeline that the UI words, and the backend names they carry. No tfjs import, so the main
// thread can recognise them (and rebuild them from a worker's message) without loading tfjs.

export type BackendName = 'webgpu' | 'webgl' | 'wasm';
export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm'];

export interface BackendAttempt { backend: BackendName; ok: boolean; reason?: string }

export interface BackendInfo {
  backend: BackendName;
  /** Human-readable detail, e.g. "SIMD, 1 thread" or the GPU renderer. */
  detail: string;
  /** Every backend tried before (and including) the active one, with why it was not used. */
  attempts: BackendAttempt[];
}

export function isBackendName(s: string | null | undefined): s is BackendName {
  return s === 'webgpu' || s === 'webgl' || s === 'wasm';
}

export class BackendError extends Error {
  constructor(readonly attempts: BackendAttempt[]) {
    super(`No TensorFlow.js backend could start: ${attempts.map((a) => `${a.backend}: ${a.reason}`).join('; ')}`);
    this.name = 'BackendError';
  }
}

export class ModelLoadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`Could not load model file ${file}: ${reason}`);
    this.name = 'ModelLoadError';
  }
}

