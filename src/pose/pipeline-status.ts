// The pipeline's status, info and errors as plain data for the UI (what PoseSource reports), and how an error of any
// part of the pipeline becomes one of them. No tfjs import: the first screen reads these.
import type { PoseFrame } from '../core/pose-frame';
import { CameraError, type CameraErrorKind } from './camera';
import type { ModelId } from './models';
import { BackendError, ModelLoadError, type BackendAttempt, type BackendInfo, type BackendName } from './pipeline-errors';
import type { InferenceThread } from './pose-engine';
import type { PoseLoopStats } from './pose-loop';
import type { SmoothingConfig } from './smoothing';
import { VideoFileError } from './video-file';
import { errorText } from '../core/error-text';

/** The text of anything thrown. */

export type SourceKind = 'camera' | 'file';

export type PipelineError =
  | { kind: 'camera'; cameraError: CameraErrorKind; message: string }
  | { kind: 'model'; file: string; message: string }
  | { kind: 'backend'; message: string; attempts: BackendAttempt[] }
  | { kind: 'video-file'; file: string; message: string }
  | { kind: 'inference'; message: string };

export type PipelineStatus =
  | { kind: 'idle' }
  | { kind: 'loading-backend' }
  | { kind: 'loading-model'; modelId: ModelId; progress: number }
  | { kind: 'starting-source'; source: SourceKind }
  | { kind: 'running'; source: SourceKind }
  | { kind: 'hidden' }
  /** A file is open for analysis and review (no live frame loop). */
  | { kind: 'file-ready' }
  /** Every frame of the open file is going through the model. */
  | { kind: 'analysing-file' }
  | { kind: 'error'; error: PipelineError };

export interface PipelineInfo {
  backend: BackendInfo | null;
  modelId: ModelId;
  source: SourceKind | null;
  /** Camera label or file name. */
  sourceLabel: string;
  /** ms from the start request to the first frame with a person; null until then. */
  timeToFirstPoseMs: number | null;
  /** Size of the picture in the <video> (known once its metadata loaded), so the UI can lay it out; null before. */
  videoSize: { widthPx: number; heightPx: number } | null;
  /** Where the model runs, and why on the main thread if the worker could not be used; null until known. */
  inference: { thread: InferenceThread; fallbackReason: string | null } | null;
}

export interface PipelineListener {
  status(status: PipelineStatus): void;
  info(info: PipelineInfo): void;
  frame(frame: PoseFrame, stats: PoseLoopStats): void;
}

export interface PoseSourceOptions {
  /** Force one backend (e.g. for benchmarks); default: best available. */
  backend?: BackendName;
  smoothing?: Partial<SmoothingConfig>;
  /** Base URL of the model folder; default `<app base>/models`. */
  modelBaseUrl?: string;
  /** Run inference in a Web Worker where the browser can (default true); false = on the main thread. */
  worker?: boolean;
}

export function toPipelineError(e: unknown): PipelineError {
  if (e instanceof CameraError) return { kind: 'camera', cameraError: e.kind, message: e.message };
  if (e instanceof ModelLoadError) return { kind: 'model', file: e.file, message: e.message };
  if (e instanceof BackendError) return { kind: 'backend', message: e.message, attempts: e.attempts };
  if (e instanceof VideoFileError) return { kind: 'video-file', file: e.fileName, message: e.message };
  return { kind: 'inference', message: `Pose detection stopped: ${errorText(e)}` };
}
