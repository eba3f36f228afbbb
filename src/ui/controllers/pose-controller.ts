// PoseController: the pose pipeline's lifecycle tied to a Lit host. Starts the camera once the host has rendered
// its <video> (if autoStart), stops every camera track when the host leaves the page, and exposes the latest state
// as plain fields for render(). Other code subscribes to frames with onFrame() (e.g. rules, recording).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PoseFrame } from '../../core/pose-frame';
import { bodyVisibility, DEFAULT_SCORE_THRESHOLD, type BodyVisibility } from '../../pose/pose-status';
import {
  PoseSource, type BackendName, type CameraInfo, type FileAnalysis, type FileAnalysisProgress, type ModelId, type PipelineInfo,
  type PipelineStatus, type PoseLoopStats, type RecordingInfo, type RecordingPlayer, type SmoothingConfig, type SourceKind,
} from '../../pose/pose-source';

export interface PoseControllerOptions {
  modelId: ModelId;
  /** Returns the host's <video> (after first render). */
  video: () => HTMLVideoElement | null;
  autoStart?: boolean;
  backend?: BackendName;
  cameraId?: string | null;
  scoreThreshold?: number;
  /** One Euro settings (pose/smoothing.ts); default MoveNet's own. */
  smoothing?: Partial<SmoothingConfig>;
  /** Inference in a Web Worker where possible (default); false = on the main thread. */
  worker?: boolean;
}

export type FrameListener = (frame: PoseFrame, stats: PoseLoopStats) => void;

/** A visibility state must hold this many consecutive frames before the banner changes (avoids flicker). Our default. */
const VISIBILITY_STABLE_FRAMES = 5;
/**
 * The host re-renders for the speed readout at most this often; every frame would re-render the whole shell for
 * numbers nobody can read at 30 Hz. The overlay draws every frame itself (pose-overlay `.source`). Our default.
 */
const READOUT_INTERVAL_MS = 250;

export class PoseController implements ReactiveController {
  status: PipelineStatus = { kind: 'idle' };
  info: PipelineInfo;
  frame: PoseFrame | null = null;
  stats: PoseLoopStats | null = null;
  cameras: CameraInfo[] = [];
  /** Debounced "who is in view" for the banner; null before the first frame. */
  visibility: BodyVisibility | null = null;
  readonly scoreThreshold: number;

  private readonly source: PoseSource;
  private readonly listeners = new Set<FrameListener>();
  private pendingVisibility: BodyVisibility | null = null;
  private pendingCount = 0;
  private cameraId: string | null;
  private lastHostUpdateMs = -Infinity;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly options: PoseControllerOptions) {
    this.scoreThreshold = options.scoreThreshold ?? DEFAULT_SCORE_THRESHOLD;
    this.cameraId = options.cameraId ?? null;
    this.source = new PoseSource({
      status: (s) => {
        this.status = s;
        if (s.kind !== 'running') { this.visibility = null; this.pendingCount = 0; }
        // A stopped or failed source leaves no picture: its last skeleton must not stay drawn over the black stage.
        if (s.kind === 'starting-source' || s.kind === 'idle' || s.kind === 'error') { this.frame = null; this.stats = null; }
        this.host.requestUpdate();
      },
      info: (i) => { this.info = i; this.host.requestUpdate(); },
      frame: (f, st) => this.onPoseFrame(f, st),
    }, options.modelId, { backend: options.backend, smoothing: options.smoothing, worker: options.worker });
    this.info = { backend: null, modelId: options.modelId, source: null, sourceLabel: '', timeToFirstPoseMs: null, videoSize: null, inference: null };
    host.addController(this);
  }

  get sourceKind(): SourceKind | null { return this.info.source; }
  get smoothing(): Record<string, unknown> | null { return this.source.smoothing; }

  hostConnected(): void {
    if (!this.options.autoStart) return;
    void this.host.updateComplete.then(() => {
      if (this.host.isConnected && !this.info.source) void this.startCamera();
    });
  }

  hostDisconnected(): void {
    this.source.dispose();
    this.bound = false; // re-attached (and restarted if autoStart) when the host is connected again
  }

  onFrame(listener: FrameListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async startCamera(deviceId: string | null = this.cameraId): Promise<void> {
    this.bind();
    this.cameraId = deviceId;
    await this.source.startCamera(deviceId ?? undefined);
    // Labels (and often the device count) are only known once permission is granted.
    this.cameras = await this.source.listCameras();
    this.host.requestUpdate();
  }

  /** Opens a file for analysis (the camera stops); rejects with the reason it cannot be analysed. */
  openRecording(file: File): Promise<RecordingInfo> {
    this.bind();
    return this.source.openRecording(file);
  }

  /** Every frame of the open file through the model (see PoseSource.analyseRecording). */
  analyseRecording(opts: { signal?: AbortSignal; onProgress?(p: FileAnalysisProgress): void; pace?: 'full' | 'real-time' } = {}): Promise<FileAnalysis> {
    return this.source.analyseRecording(opts);
  }

  /** Plays the open file back for review; null when none is open. */
  get player(): RecordingPlayer | null { return this.source.player; }

  setModel(modelId: ModelId): Promise<void> {
    return this.source.setModel(modelId);
  }

  stop(): void {
    this.source.stop();
  }

  private bound = false;
  private bind(): void {
    if (this.bound) return;
    const video = this.options.video();
    if (!video) throw new Error('PoseController: the host has not rendered its <video> yet');
    this.source.attach(video);
    this.bound = true;
  }

  private onPoseFrame(frame: PoseFrame, stats: PoseLoopStats): void {
    const prev = this.frame;
    const prevVisibility = this.visibility;
    this.frame = frame;
    this.stats = stats;
    const v = bodyVisibility(frame, this.scoreThreshold);
    if (this.pendingVisibility?.kind === v.kind) this.pendingCount++;
    else { this.pendingVisibility = v; this.pendingCount = 1; }
    if (this.visibility === null || this.visibility.kind === v.kind || this.pendingCount >= VISIBILITY_STABLE_FRAMES) this.visibility = v;
    for (const l of this.listeners) l(frame, stats);
    const now = performance.now();
    const shellChanged = !prev || prev.imageWidthPx !== frame.imageWidthPx || prev.imageHeightPx !== frame.imageHeightPx ||
      prevVisibility?.kind !== this.visibility?.kind || missingKey(prevVisibility) !== missingKey(this.visibility);
    if (shellChanged || now - this.lastHostUpdateMs >= READOUT_INTERVAL_MS) {
      this.lastHostUpdateMs = now;
      this.host.requestUpdate();
    }
  }
}

const missingKey = (v: BodyVisibility | null) => (v?.kind === 'partial' ? v.missing.join() : '');
