// The frame loop: video frames in, smoothed PoseFrames out.
// - One inference at a time (in the worker or on the main thread, see pose-engine.ts). Frames that arrive while the
//   model is busy are never queued (a queue would make the skeleton lag further and further behind the person on a
//   slow machine). From the camera, only the newest is remembered, and the picture on screen then is analysed the
//   moment the model is free instead of idling until the next camera frame (up to 33 ms); older ones are dropped.
//   A file drops them all (a seek while busy would pair the old frame's time with the new picture).
// - Smoothing (One Euro) runs here on the page, after the model: it costs microseconds, and a seek or a new source
//   resets it without a round trip to the worker.
// - requestVideoFrameCallback (one callback per decoded video frame) where available, else requestAnimationFrame.
// - Paused while the tab is hidden (no work in the background; a video file is paused so no reps are skipped).
import type { PoseFrame } from '../core/pose-frame';
import type { Detection } from './detector-host';
import type { KeypointSmoother } from './smoothing';

export interface PoseLoopStats {
  /** Mean inference time over the last frames (up to 30), ms, in the thread that runs the model. The first
   * inference after a start is left out (warm-up). */
  inferenceMs: number;
  lastInferenceMs: number;
  /** The first inference (compiles kernels/shaders, so it is much slower than the rest), ms. */
  warmupMs: number;
  /** Poses produced per second over the last second. */
  fps: number;
  framesAnalysed: number;
  /** Video frames skipped because the model was still busy with an earlier one. */
  framesDropped: number;
}

/** Runs the model on the video's current picture (PoseEngine.analyse). */
export type FrameAnalyser = (video: HTMLVideoElement, size: { widthPx: number; heightPx: number }, timestampMs: number) => Promise<Detection>;

export interface PoseLoopOptions {
  video: HTMLVideoElement;
  analyse: FrameAnalyser;
  smoother?: KeypointSmoother;
  /** 'media': timestamps are the video's own time (files: a re-analysed file gives the same times). 'clock': performance.now(). */
  timeBase: 'media' | 'clock';
  onFrame(frame: PoseFrame, stats: PoseLoopStats, raw: PoseFrame): void;
  onError(error: unknown): void;
  /** Told when the loop pauses or resumes because the tab was hidden/shown. */
  onHiddenChange?(hidden: boolean): void;
}

/**
 * Benchmark/soak hook (bench/, tests/soak/): when a page defines `globalThis.__trainerTrace` (a function, e.g. set
 * by a Playwright init script), the loop calls it once per analysed frame with these timestamps (performance.now()
 * clock, ms). Normal pages never define it, so nothing is recorded and nothing is kept.
 */
export interface PoseLoopTrace {
  /** When the browser captured the frame (rVFC metadata.captureTime: camera frames in Chromium), else null. */
  captureTimeMs: number | null;
  /** rVFC metadata.presentationTime (frame handed to the compositor), else null (rAF fallback). */
  presentationTimeMs: number | null;
  /** The frame callback ran (performance.now() on entry; rVFC's own `now` is the rendering step's start). */
  callbackMs: number;
  /** rVFC metadata.presentedFrames: frames the video element showed so far (gaps = camera frames not analysed). */
  presentedFrames: number | null;
  /** analyse() called / its result back on the page. In a worker the page is free in between. */
  detectStartMs: number;
  detectEndMs: number;
  /** The model's own time on this frame in the thread that ran it (worker or main thread), ms. */
  inferenceMs: number;
  /** In the worker: reading the frame's pixels before inference, ms; null on the main thread. */
  prepareMs: number | null;
  /** tfjs tensors alive after this inference, wherever it ran (leak checks). */
  liveTensors: number | null;
  /** onFrame returned: smoothing done and every listener (rules, session, requestUpdate) has run. */
  deliveredMs: number;
  hasPerson: boolean;
  framesAnalysed: number;
  framesDropped: number;
}
type TraceSink = (t: PoseLoopTrace) => void;

interface FrameMeta { mediaTime: number; captureTime?: number; presentationTime?: number; presentedFrames?: number }

type VideoWithRvfc = HTMLVideoElement & {
  requestVideoFrameCallback?(cb: (now: number, meta: FrameMeta) => void): number;
  cancelVideoFrameCallback?(handle: number): void;
};

/** Frames averaged for the inference-time readout. */
const INFERENCE_WINDOW = 30;

export class PoseLoop {
  private running = false;
  private busy = false;
  /** The newest frame that arrived while busy (analysed as soon as the model is free); null if none. */
  private waiting: { timestampMs: number; meta?: FrameMeta } | null = null;
  private handle: number | null = null;
  private usesRvfc: boolean;
  private pausedVideoForHidden = false;
  private recent: number[] = [];
  private window: number[] = [];
  private lastMediaTimeMs = -1;
  /** rVFC presentedFrames at the last callback; null after a (re)start. */
  private lastPresentedFrames: number | null = null;
  private readonly stats: PoseLoopStats = { inferenceMs: 0, lastInferenceMs: 0, warmupMs: 0, fps: 0, framesAnalysed: 0, framesDropped: 0 };

  constructor(private readonly opts: PoseLoopOptions) {
    this.usesRvfc = typeof (opts.video as VideoWithRvfc).requestVideoFrameCallback === 'function';
  }

  get isRunning(): boolean { return this.running; }
  get currentStats(): PoseLoopStats { return { ...this.stats }; }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.lastPresentedFrames = null;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (!document.hidden) this.schedule();
  }

  stop(): void {
    this.running = false;
    this.waiting = null;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.cancel();
  }

  private readonly onVisibility = () => {
    const v = this.opts.video;
    if (document.hidden) {
      this.cancel();
      this.waiting = null;
      this.lastPresentedFrames = null; // frames shown while hidden were not "dropped" by a busy model
      if (this.opts.timeBase === 'media' && !v.paused) { v.pause(); this.pausedVideoForHidden = true; }
      this.opts.onHiddenChange?.(true);
    } else if (this.running) {
      if (this.pausedVideoForHidden) { this.pausedVideoForHidden = false; void v.play().catch(() => undefined); }
      this.opts.onHiddenChange?.(false);
      this.schedule();
    }
  };

  private schedule(): void {
    if (!this.running || this.handle !== null) return;
    const v = this.opts.video as VideoWithRvfc;
    this.handle = this.usesRvfc
      ? v.requestVideoFrameCallback!((now, meta) => this.onVideoFrame(now, meta.mediaTime * 1000, meta))
      : requestAnimationFrame((now) => this.onVideoFrame(now, v.currentTime * 1000));
  }

  private cancel(): void {
    if (this.handle === null) return;
    const v = this.opts.video as VideoWithRvfc;
    if (this.usesRvfc) v.cancelVideoFrameCallback!(this.handle);
    else cancelAnimationFrame(this.handle);
    this.handle = null;
  }

  private onVideoFrame(nowMs: number, mediaTimeMs: number, meta?: FrameMeta): void {
    const calledMs = performance.now();
    this.handle = null;
    if (!this.running) return;
    this.schedule(); // ask for the next frame at once; it is dropped below if we are still busy
    const v = this.opts.video;
    // While inference blocks the main thread, the browser shows frames but cannot call us for them (rVFC coalesces):
    // those are skipped frames too. Without this, framesDropped read 0 while most camera frames went unanalysed.
    const presented = meta?.presentedFrames;
    if (presented !== undefined) {
      if (this.lastPresentedFrames !== null && presented > this.lastPresentedFrames + 1) {
        this.stats.framesDropped += presented - this.lastPresentedFrames - 1;
      }
      this.lastPresentedFrames = presented;
    }
    const timestampMs = this.opts.timeBase === 'media' ? mediaTimeMs : nowMs;
    if (this.busy) {
      if (this.opts.timeBase === 'media') { this.stats.framesDropped++; return; }
      if (this.waiting) this.stats.framesDropped++; // replaced by a newer one: never analysed
      this.waiting = { timestampMs, meta };
      return;
    }
    if (v.readyState < 2 || v.videoWidth === 0) return;
    // rAF fallback fires at display rate even when the video shows the same frame: skip repeats.
    if (!this.usesRvfc && this.opts.timeBase === 'media' && mediaTimeMs === this.lastMediaTimeMs) return;
    this.lastMediaTimeMs = mediaTimeMs;
    void this.analyse(timestampMs, calledMs, meta);
  }

  private async analyse(timestampMs: number, callbackMs = performance.now(), meta?: FrameMeta): Promise<void> {
    const { video, analyse, smoother } = this.opts;
    this.busy = true;
    try {
      const t0 = performance.now();
      const { frame: raw, inferenceMs, prepareMs, liveTensors } = await analyse(video, { widthPx: video.videoWidth, heightPx: video.videoHeight }, timestampMs);
      const t1 = performance.now();
      if (!this.running) return;
      this.updateStats(inferenceMs, t1);
      const frame = smoother ? smoother.apply(raw) : raw;
      this.opts.onFrame(frame, { ...this.stats }, raw);
      const trace = (globalThis as { __trainerTrace?: TraceSink }).__trainerTrace;
      if (typeof trace === 'function') {
        trace({
          captureTimeMs: meta?.captureTime ?? null, presentationTimeMs: meta?.presentationTime ?? null, callbackMs,
          presentedFrames: meta?.presentedFrames ?? null,
          detectStartMs: t0, detectEndMs: t1, inferenceMs, prepareMs: prepareMs ?? null, liveTensors: liveTensors ?? null, deliveredMs: performance.now(), hasPerson: raw.keypoints !== null,
          framesAnalysed: this.stats.framesAnalysed, framesDropped: this.stats.framesDropped,
        });
      }
    } catch (e) {
      if (this.running) { this.stop(); this.opts.onError(e); }
    } finally {
      this.busy = false;
      const next = this.waiting;
      this.waiting = null;
      // The video still shows that newest frame (a newer one would have replaced it): analyse it now.
      if (next && this.running && !document.hidden && this.opts.video.readyState >= 2) void this.analyse(next.timestampMs, performance.now(), next.meta);
    }
  }

  private updateStats(ms: number, nowMs: number): void {
    const s = this.stats;
    s.lastInferenceMs = ms;
    if (s.framesAnalysed === 0) {
      s.warmupMs = ms;
      s.inferenceMs = ms;
    } else {
      this.window.push(ms);
      if (this.window.length > INFERENCE_WINDOW) this.window.shift();
      s.inferenceMs = this.window.reduce((a, b) => a + b, 0) / this.window.length;
    }
    s.framesAnalysed++;
    this.recent.push(nowMs);
    while (this.recent.length > 0 && nowMs - this.recent[0]! > 1000) this.recent.shift();
    s.fps = this.recent.length;
  }
}
