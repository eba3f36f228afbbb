// What the page and the inference worker say to each other (through Comlink, which turns calls into messages),
// and how errors cross: the UI tells a missing model file from a backend failure by the error's class, so those
// classes are rebuilt on the page with their fields (file, attempts) instead of arriving as a plain Error.
import * as Comlink from 'comlink';
import type { Detection, LoadEvents, LoadOptions } from './detector-host';
import type { ModelId } from './models';
import { BackendError, ModelLoadError, type BackendAttempt, type BackendInfo } from './pipeline-errors';
import type { RotationDeg } from './upright';

export interface WorkerApi {
  /** Answers once the worker's script has run: proof that it started. */
  ping(): 'ready';
  /** Loads the model (starting the backend first if needed) and returns the backend it runs on. */
  load(modelId: ModelId, options: LoadOptions, events: LoadEvents & Comlink.ProxyMarked): Promise<BackendInfo>;
  /** Runs the model on a transferred frame (the worker closes it), turned clockwise by `rotationDeg` first (a phone
   * file's display rotation; `size` is then the upright size). */
  detect(image: ImageBitmap | VideoFrame, size: { widthPx: number; heightPx: number }, timestampMs: number, rotationDeg?: RotationDeg): Promise<Detection>;
  reset(): void;
  unload(): void;
}

type WireError =
  | { kind: 'model'; file: string; reason: string }
  | { kind: 'backend'; attempts: BackendAttempt[] }
  | { kind: 'other'; name: string; message: string };

export function errorToWire(e: unknown): WireError {
  if (e instanceof ModelLoadError) return { kind: 'model', file: e.file, reason: e.reason };
  if (e instanceof BackendError) return { kind: 'backend', attempts: e.attempts };
  if (e instanceof Error) return { kind: 'other', name: e.name, message: e.message };
  return { kind: 'other', name: 'Error', message: String(e) };
}

export function errorFromWire(w: WireError): Error {
  if (w.kind === 'model') return new ModelLoadError(w.file, w.reason);
  if (w.kind === 'backend') return new BackendError(w.attempts);
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

// Comlink's own 'throw' handler keeps only name, message and stack. Same detection, richer payload.
const comlinkThrow = Comlink.transferHandlers.get('throw')!;
Comlink.transferHandlers.set('throw', {
  canHandle: comlinkThrow.canHandle,
  serialize: (thrown) => [errorToWire((thrown as { value: unknown }).value), []],
  deserialize: (w) => { throw errorFromWire(w as WireError); },
});
