// The facade the UI calls: "show the camera (or this file) in this <video> and give me PoseFrames".
// It owns the backend, the detector (one per model, reloaded on change), the source and the frame loop, and reports
// a typed status so the UI can say what is going on. UI code never imports tfjs or touches getUserMedia.
import type { PoseFrame } from '../core/pose-frame';
import { CameraError, listCameras, openCamera, type CameraInfo, type CameraSession } from './camera';
import { defaultModelBaseUrl, type ModelId } from './models';
import type { BackendAttempt, BackendName } from './pipeline-errors';
import { choosePoseEngine, type EngineChoice, type InferenceThread, type PoseEngine } from './pose-engine';
import { PoseLoop, type PoseLoopStats } from './pose-loop';
import { KeypointSmoother, type SmoothingConfig } from './smoothing';
import { openVideoFile, VideoFileError, type VideoFileSession } from './video-file';
import { analyseFile, AnalysisCancelled, type AnalyseFileOptions, type FileAnalysis } from './file-analysis';
import { RecordingPlayer } from './recording-player';
import type { Recording, RecordingInfo } from './recording-decoder';
import { toPipelineError, type PipelineInfo, type PipelineListener, type PoseSourceOptions, type SourceKind } from './pipeline-status';
import { errorText } from '../core/error-text';

// No tfjs here: this module is on the first screen. tfjs, the backends and the model code are loaded when a
// source starts (pose-engine.ts), in the inference worker where possible.
export type { CameraInfo, ModelId, PoseLoopStats, BackendName, BackendAttempt, InferenceThread };
export { MODEL_IDS, MODEL_VERSIONS } from './models';
export { isBackendName } from './pipeline-errors';
export { smoothingFromParam, type SmoothingConfig } from './smoothing';
export { AnalysisCancelled, type FileAnalysis, type FileAnalysisProgress } from './file-analysis';
export type { RecordingInfo } from './recording-decoder';
export type { RecordingPlayer } from './recording-player';
export { toPipelineError, type PipelineError, type PipelineInfo, type PipelineListener, type PipelineStatus, type PoseSourceOptions, type SourceKind } from './pipeline-status';

export class PoseSource {
  private video: HTMLVideoElement | null = null;
  /** The worker or main-thread engine, chosen on the first start. */
  private engineChoice: Promise<EngineChoice> | null = null;
  /** The engine once the current model is loaded in it. */
  private detector: PoseEngine | null = null;
  private detectorLoading: Promise<PoseEngine> | null = null;
  /** Identity of the current model load; a load whose token was replaced (model changed) discards its detector. */
  private loadToken: object | null = null;
  private camera: CameraSession | null = null;
  private file: VideoFileSession | null = null;
  private loop: PoseLoop | null = null;
  /** A file opened for analysis, its review player, and the analysis in progress (aborted by any new start). */
  private recording: Recording | null = null;
  private recordingPlayer: RecordingPlayer | null = null;
  private analysis: AbortController | null = null;
  private readonly smoother: KeypointSmoother;
  /** Bumped by every start/stop; async work from an older generation discards its result. */
  private generation = 0;
  private startedAtMs = 0;
  private info: PipelineInfo;
  /** Re-runs the last start (used when the model changes). */
  private restart: (() => Promise<void>) | null = null;

  constructor(private readonly listener: PipelineListener, modelId: ModelId, private readonly options: PoseSourceOptions = {}) {
    this.smoother = new KeypointSmoother(options.smoothing);
    this.info = { backend: null, modelId, source: null, sourceLabel: '', timeToFirstPoseMs: null, videoSize: null, inference: null };
  }

  get modelId(): ModelId { return this.info.modelId; }
  /** One Euro settings applied to every frame, or null when smoothing is off. */
  get smoothing(): SmoothingConfig | null { const s = this.smoother.settings; return s.enabled ? s : null; }
  get source(): SourceKind | null { return this.info.source; }
  /** Plays the open file back for review; null when no file is open. */
  get player(): RecordingPlayer | null { return this.recordingPlayer; }

  attach(video: HTMLVideoElement): void {
    this.video = video;
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
      if (gen === this.generation) this.fail(new CameraError('unknown', `The camera picture could not be shown: ${errorText(e)}`));
      return;
    }
    let det: PoseEngine;
    try {
      det = await detector;
    } catch (e) {
      if (gen === this.generation) this.fail(e);
      return;
    }
    if (gen !== this.generation) return;
    this.run(det, 'clock', 'camera');
  }

  /**
   * Opens `file` for analysis: checks that this browser can decode it (a clear VideoFileError when not: not a video,
   * no picture, an unsupported codec) and shows its first picture, paused, for review. The camera stops.
   */
  async openRecording(file: File): Promise<RecordingInfo> {
    const gen = this.begin('file');
    this.restart = null; // a model change does not re-run an analysis by itself: the user starts it
    const video = this.requireVideo();
    let recording: Recording;
    try {
      const { openRecording } = await import('./recording-decoder');
      recording = await openRecording(file);
      if (gen !== this.generation) { recording.dispose(); throw new AnalysisCancelled(); }
      this.recording = recording;
      // The <video> shows the file for review; the browser applies its rotation on display, as the model got it.
      this.file = await openVideoFile(video, file);
    } catch (e) {
      if (gen === this.generation) { this.halt(); this.fail(e); }
      throw e;
    }
    if (gen !== this.generation) throw new AnalysisCancelled();
    this.recordingPlayer = new RecordingPlayer(video);
    this.publish({ sourceLabel: recording.info.fileName });
    this.listener.status({ kind: 'file-ready' });
    return recording.info;
  }

  /**
   * Analyses every frame of the open file (file-analysis.ts). Rejects with AnalysisCancelled when `signal` aborts or a
   * new start (camera, another file) takes over, and with a model or inference error otherwise (also shown as status).
   */
  async analyseRecording(opts: Pick<AnalyseFileOptions, 'signal' | 'onProgress' | 'pace'> = {}): Promise<FileAnalysis> {
    const recording = this.recording;
    if (!recording) throw new Error('PoseSource: open a file with openRecording() first');
    const gen = this.generation;
    this.analysis?.abort();
    const abort = new AbortController();
    this.analysis = abort;
    const onAbort = () => abort.abort();
    opts.signal?.addEventListener('abort', onAbort);
    try {
      let det: PoseEngine;
      try {
        det = await this.ensureDetector(gen);
      } catch (e) {
        if (gen === this.generation) this.fail(e);
        throw e;
      }
      if (gen !== this.generation || abort.signal.aborted) throw new AnalysisCancelled();
      this.recordingPlayer?.pause();
      this.listener.status({ kind: 'analysing-file' });
      det.reset(); // the model's crop tracking starts afresh at the first frame
      const smoother = new KeypointSmoother(this.smoother.settings);
      try {
        return await analyseFile(recording.info, recording.frames(), (f, size, t, r) => det.analyseFrame(f, size, t, r), smoother, {
          signal: abort.signal, onProgress: opts.onProgress, pace: opts.pace,
        });
      } catch (e) {
        if (!(e instanceof AnalysisCancelled) && gen === this.generation) this.fail(e);
        throw e;
      } finally {
        det.reset();
        if (gen === this.generation && this.recording === recording) this.listener.status({ kind: 'file-ready' });
      }
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      if (this.analysis === abort) this.analysis = null;
    }
  }

  /** Switches the model. A running camera is restarted with the new model (an open file is analysed again by hand). */
  async setModel(modelId: ModelId): Promise<void> {
    if (modelId === this.info.modelId) return;
    // An open file stays open (an analysis in progress stops); the user analyses it again with the new model.
    const fileOpen = this.recording !== null;
    const restart = this.info.source && !fileOpen ? this.restart : null;
    this.generation++;
    if (fileOpen) { this.analysis?.abort(); this.analysis = null; } else this.halt();
    this.detector = null;
    this.detectorLoading = null;
    this.loadToken = null;
    // Frees the old model and cancels a load still running (the engine handles calls in order).
    void this.engineChoice?.then((c) => c.engine.unload());
    this.publish({ modelId });
    if (fileOpen) this.listener.status({ kind: 'file-ready' });
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
      this.video.removeEventListener('loadedmetadata', this.onVideoSize);
      this.video.removeEventListener('resize', this.onVideoSize);
    }
    this.detector = null;
    this.detectorLoading = null;
    this.loadToken = null;
    void this.engineChoice?.then((c) => c.engine.dispose());
    this.engineChoice = null;
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
    this.analysis?.abort();
    this.analysis = null;
    this.recordingPlayer?.dispose();
    this.recordingPlayer = null;
    this.recording?.dispose();
    this.recording = null;
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

  private engine(): Promise<EngineChoice> {
    this.engineChoice ??= choosePoseEngine(this.options.worker !== false).then((c) => {
      this.publish({ inference: { thread: c.engine.thread, fallbackReason: c.fallbackReason } });
      return c;
    });
    return this.engineChoice;
  }

  private ensureDetector(gen: number): Promise<PoseEngine> {
    if (this.detector) return Promise.resolve(this.detector);
    if (this.detectorLoading) return this.detectorLoading;
    const modelId = this.info.modelId;
    const token = {};
    this.loadToken = token;
    let settled = false;
    // A worker's progress messages may arrive after its load settled: they must not overwrite "running".
    const current = () => !settled && gen === this.generation && this.loadToken === token;
    const loading = (async () => {
      if (!this.info.backend && gen === this.generation) this.listener.status({ kind: 'loading-backend' });
      const { engine } = await this.engine();
      try {
        const backend = await engine.load(modelId, { backend: this.options.backend, modelBaseUrl: this.options.modelBaseUrl ?? defaultModelBaseUrl() }, {
          loadingBackend: () => { if (current()) this.listener.status({ kind: 'loading-backend' }); },
          backend: (info) => { if (current()) this.publish({ backend: info }); },
          progress: (progress) => { if (current()) this.listener.status({ kind: 'loading-model', modelId, progress }); },
        });
        if (this.loadToken !== token) throw new Error('model changed while loading');
        this.publish({ backend });
      } finally {
        settled = true;
      }
      this.detector = engine;
      return engine;
    })();
    this.detectorLoading = loading;
    loading.catch(() => { if (this.detectorLoading === loading) this.detectorLoading = null; });
    return loading;
  }

  private run(detector: PoseEngine, timeBase: 'media' | 'clock', source: SourceKind): void {
    const video = this.requireVideo();
    this.loop?.stop();
    detector.reset();
    this.smoother.reset();
    const gen = this.generation;
    this.loop = new PoseLoop({
      video,
      analyse: (v, size, timestampMs) => detector.analyse(v, size, timestampMs),
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
    this.listener.status({ kind: 'running', source });
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

  private readonly onVideoSize = () => {
    const v = this.video;
    if (v && v.videoWidth > 0) this.publish({ videoSize: { widthPx: v.videoWidth, heightPx: v.videoHeight } });
  };
}
