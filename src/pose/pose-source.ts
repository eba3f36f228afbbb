// The facade the UI calls: "show the camera (or this file) in this <video> and give me PoseFrames".
// It owns the backend, the detector (one per model, reloaded on change), the source and the frame loop, and reports
// a typed status so the UI can say what is going on. UI code never imports tfjs or touches getUserMedia.
import type { PoseFrame } from '../core/pose-frame';
import { initBackend, fallBackFrom, BackendError, type BackendInfo, type BackendName, type BackendAttempt } from './backend';
import { CameraError, listCameras, openCamera, type CameraErrorKind, type CameraInfo, type CameraSession } from './camera';
import { createPoseDetector, MODEL_FILES, type ModelId, type PoseDetector } from './detector';
import { ModelLoadError, modelIOHandler } from './model-source';
import { PoseLoop, type PoseLoopStats } from './pose-loop';
import { KeypointSmoother, type SmoothingConfig } from './smoothing';
import { openVideoFile, VideoFileError, type VideoFileSession } from './video-file';

export type { CameraInfo, ModelId, PoseLoopStats, BackendName, BackendAttempt };
export { MODEL_IDS, MODEL_VERSIONS } from './detector';
export { isBackendName } from './backend';
export { smoothingFromParam, type SmoothingConfig } from './smoothing';

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
  | { kind: 'ended' }
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
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PoseSource {
  private video: HTMLVideoElement | null = null;
  private detector: PoseDetector | null = null;
  private detectorLoading: Promise<PoseDetector> | null = null;
  /** Identity of the current model load; a load whose token was replaced (model changed) discards its detector. */
  private loadToken: object | null = null;
  private camera: CameraSession | null = null;
  private file: VideoFileSession | null = null;
  private loop: PoseLoop | null = null;
  private readonly smoother: KeypointSmoother;
  /** Bumped by every start/stop; async work from an older generation discards its result. */
  private generation = 0;
  private startedAtMs = 0;
  private info: PipelineInfo;
  /** Re-runs the last start (used when the model changes). */
  private restart: (() => Promise<void>) | null = null;

  constructor(private readonly listener: PipelineListener, modelId: ModelId, private readonly options: PoseSourceOptions = {}) {
    this.smoother = new KeypointSmoother(options.smoothing);
    this.info = { backend: null, modelId, source: null, sourceLabel: '', timeToFirstPoseMs: null, videoSize: null };
  }

  get modelId(): ModelId { return this.info.modelId; }
  /** One Euro settings applied to every frame, or null when smoothing is off. */
  get smoothing(): SmoothingConfig | null { const s = this.smoother.settings; return s.enabled ? s : null; }
  get source(): SourceKind | null { return this.info.source; }

  attach(video: HTMLVideoElement): void {
    this.video = video;
    video.addEventListener('seeked', this.onSeeked);
    video.addEventListener('ended', this.onEnded);
    video.addEventListener('play', this.onPlay);
    video.addEventListener('loadedmetadata', this.onVideoSize);
    video.addEventListener('resize', this.onVideoSize);
  }

  listCameras(): Promise<CameraInfo[]> {
    return listCameras().catch(() => []);
  }

  async startCamera(deviceId?: string): Promise<void> {
    const gen = this.begin('camera');
    this.restart = () => this.startCamera(deviceId);
    const video = this.requireVideo();
    // Model and camera start together; the picture is shown as soon as the camera is ready (the user sees
    // themselves while the model is still loading), inference starts once both are.
    const detector = this.ensureDetector(gen);
    // The model often finishes before the user answers the permission prompt: say what we wait for then, not
    // "loading 100 %". The rejection is handled below (this also avoids an unhandled one if the camera fails first).
    detector.then(() => {
      if (gen === this.generation && !this.camera) this.listener.status({ kind: 'starting-source', source: 'camera' });
    }, () => undefined);
    let cam: CameraSession;
    try {
      cam = await openCamera({ deviceId });
    } catch (e) {
      if (gen === this.generation) this.fail(e);
      return;
    }
    if (gen !== this.generation) { cam.stop(); return; }
    this.camera = cam;
    cam.onEnded((err) => { if (gen === this.generation) { this.halt(); this.fail(err); } });
    video.srcObject = cam.stream;
    video.muted = true;
    video.playsInline = true;
    this.publish({ sourceLabel: cam.label || 'Camera' });
    try {
      await video.play();
    } catch (e) {
      if (gen === this.generation) this.fail(new CameraError('unknown', `The camera picture could not be shown: ${message(e)}`));
      return;
    }
    let det: PoseDetector;
    try {
      det = await detector;
    } catch (e) {
      if (gen === this.generation) this.fail(e);
      return;
    }
    if (gen !== this.generation) return;
    this.run(det, 'clock', 'camera');
  }

  async startFile(file: File): Promise<void> {
    const gen = this.begin('file');
    this.restart = () => this.startFile(file);
    const video = this.requireVideo();
    const [opened, det] = await Promise.allSettled([openVideoFile(video, file), this.ensureDetector(gen)]);
    if (gen !== this.generation) {
      if (opened.status === 'fulfilled') opened.value.release();
      return;
    }
    if (opened.status === 'rejected') return this.fail(opened.reason);
    this.file = opened.value;
    this.publish({ sourceLabel: opened.value.fileName });
    if (det.status === 'rejected') return this.fail(det.reason);
    await video.play().catch(() => undefined); // a muted video may autoplay; otherwise the user presses play
    if (gen !== this.generation) return;
    this.run(det.value, 'media', 'file');
  }

  /** Switches the model. A running source is restarted with the new model (a file from its beginning). */
  async setModel(modelId: ModelId): Promise<void> {
    if (modelId === this.info.modelId) return;
    const restart = this.info.source ? this.restart : null;
    this.generation++;
    this.halt();
    this.detector?.dispose();
    this.detector = null;
    this.detectorLoading = null;
    this.loadToken = null;
    this.publish({ modelId });
    if (restart) await restart();
  }

  /** Stops the frame loop and releases the camera or file. The loaded model is kept. */
  stop(): void {
    this.generation++;
    this.halt();
    this.publish({ source: null, sourceLabel: '' });
    this.listener.status({ kind: 'idle' });
  }

  dispose(): void {
    this.stop();
    if (this.video) {
      this.video.removeEventListener('seeked', this.onSeeked);
      this.video.removeEventListener('ended', this.onEnded);
      this.video.removeEventListener('play', this.onPlay);
      this.video.removeEventListener('loadedmetadata', this.onVideoSize);
      this.video.removeEventListener('resize', this.onVideoSize);
    }
    this.detector?.dispose();
    this.detector = null;
    this.detectorLoading = null;
  }

  private begin(source: SourceKind): number {
    this.generation++;
    this.halt();
    this.startedAtMs = performance.now();
    this.publish({ source, sourceLabel: '', timeToFirstPoseMs: null, videoSize: null });
    // A recorded file gets the player's controls (play, pause, seek); the live camera does not.
    if (this.video) this.video.controls = source === 'file';
    this.listener.status({ kind: 'starting-source', source });
    return this.generation;
  }

  private halt(): void {
    this.loop?.stop();
    this.loop = null;
    this.camera?.stop();
    this.camera = null;
    this.file?.release();
    this.file = null;
    if (this.video) this.video.srcObject = null;
    this.smoother.reset();
    this.detector?.reset();
  }

  private requireVideo(): HTMLVideoElement {
    if (!this.video) throw new Error('PoseSource.attach(video) must be called before starting a source');
    return this.video;
  }

  private ensureDetector(gen: number): Promise<PoseDetector> {
    if (this.detector) return Promise.resolve(this.detector);
    if (this.detectorLoading) return this.detectorLoading;
    const modelId = this.info.modelId;
    const token = {};
    this.loadToken = token;
    const loading = (async () => {
      if (!this.info.backend) {
        if (gen === this.generation) this.listener.status({ kind: 'loading-backend' });
        this.publish({ backend: await initBackend(this.options.backend) });
      }
      const report = (progress: number) => {
        if (gen === this.generation && this.loadToken === token) this.listener.status({ kind: 'loading-model', modelId, progress });
      };
      report(0);
      let det: PoseDetector;
      for (;;) {
        try {
          det = await createPoseDetector(modelId, modelIOHandler(modelId, report, this.options.modelBaseUrl));
        } catch (e) {
          // Errors after the download (weights that do not fit the graph) still belong to a file.
          throw e instanceof ModelLoadError ? e : new ModelLoadError(MODEL_FILES[modelId], message(e));
        }
        // One inference on a blank image compiles the kernels now (not on the user's first frame) and proves that
        // the backend can run this model; a GPU backend that cannot falls back to the next one.
        const failure = await warmUp(det);
        if (!failure) break;
        det.dispose();
        const backend = this.info.backend;
        if (backend?.backend === 'wasm') {
          // wasm runs every MoveNet op, so a model that loads but cannot run there has bad files: garbage weights
          // of the right length pass loading (tfjs cannot tell) and fail here. Name the model's files.
          throw new ModelLoadError(MODEL_FILES[modelId], `the model loaded but cannot run, its weights are probably damaged (${failure})`);
        }
        if (!backend || this.options.backend) {
          throw new Error(`The pose model does not run on ${backend?.backend ?? 'this backend'}: ${failure}`);
        }
        if (gen === this.generation) this.listener.status({ kind: 'loading-backend' });
        this.publish({ backend: await fallBackFrom(backend, failure) });
      }
      if (this.loadToken !== token) { det.dispose(); throw new Error('model changed while loading'); }
      this.detector = det;
      return det;
    })();
    this.detectorLoading = loading;
    loading.catch(() => { if (this.detectorLoading === loading) this.detectorLoading = null; });
    return loading;
  }

  private run(detector: PoseDetector, timeBase: 'media' | 'clock', source: SourceKind): void {
    const video = this.requireVideo();
    this.loop?.stop();
    detector.reset();
    this.smoother.reset();
    const gen = this.generation;
    this.loop = new PoseLoop({
      video,
      detector,
      smoother: this.smoother,
      timeBase,
      onFrame: (frame, stats) => {
        if (gen !== this.generation) return;
        if (this.info.timeToFirstPoseMs === null && frame.keypoints) {
          this.publish({ timeToFirstPoseMs: Math.round(performance.now() - this.startedAtMs) });
        }
        this.listener.frame(frame, stats);
      },
      onError: (e) => { if (gen === this.generation) this.fail(e); },
      onHiddenChange: (hidden) => {
        if (gen === this.generation) this.listener.status(hidden ? { kind: 'hidden' } : { kind: 'running', source });
      },
    });
    this.loop.start();
    this.listener.status(video.ended ? { kind: 'ended' } : { kind: 'running', source });
  }

  private publish(patch: Partial<PipelineInfo>): void {
    this.info = { ...this.info, ...patch };
    this.listener.info({ ...this.info });
  }

  /** Shows the error and ends this start: the still-running model load must not overwrite it with its progress. */
  private fail(e: unknown): void {
    this.generation++;
    this.listener.status({ kind: 'error', error: toPipelineError(e) });
  }

  private readonly onSeeked = () => { this.smoother.reset(); this.detector?.reset(); };
  private readonly onEnded = () => { if (this.info.source === 'file' && this.loop) this.listener.status({ kind: 'ended' }); };
  private readonly onVideoSize = () => {
    const v = this.video;
    if (v && v.videoWidth > 0) this.publish({ videoSize: { widthPx: v.videoWidth, heightPx: v.videoHeight } });
  };
  private readonly onPlay = () => { if (this.info.source === 'file' && this.loop) this.listener.status({ kind: 'running', source: 'file' }); };
}

/** Runs the detector once on a small blank canvas; returns why it failed, or null. */
async function warmUp(det: PoseDetector): Promise<string | null> {
  const canvas = document.createElement('canvas');
  canvas.width = 192;
  canvas.height = 192;
  canvas.getContext('2d')?.fillRect(0, 0, 192, 192);
  try {
    await det.detect(canvas, { widthPx: 192, heightPx: 192 }, 0);
    return null;
  } catch (e) {
    return message(e);
  } finally {
    det.reset();
  }
}

export function toPipelineError(e: unknown): PipelineError {
  if (e instanceof CameraError) return { kind: 'camera', cameraError: e.kind, message: e.message };
  if (e instanceof ModelLoadError) return { kind: 'model', file: e.file, message: e.message };
  if (e instanceof BackendError) return { kind: 'backend', message: e.message, attempts: e.attempts };
  if (e instanceof VideoFileError) return { kind: 'video-file', file: e.fileName, message: e.message };
  return { kind: 'inference', message: `Pose detection stopped: ${message(e)}` };
}
