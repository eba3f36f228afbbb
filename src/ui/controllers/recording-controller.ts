// RecordingController: the file analysis flow for a Lit host. Opens a file (the pipeline checks it can be decoded),
// analyses every frame once (progress, Cancel), folds the kept PoseFrames into sets with the pure session layer
// (coach/recording.ts; proposed splits from coach/set-splits.ts, which the user can change: the sets are re-folded in
// milliseconds, the model is not run again), saves the session to history marked "from a video", and drives the
// review: the stored skeleton and cue follow the video's picture, marks seek, previous / next rep, frame steps.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PoseFrame, Side } from '../../core/pose-frame';
import { analyseRecording, momentAt, type RecordingResult, type RecordingSegment } from '../../coach/recording';
import { proposeSplits, type ProposedSplit } from '../../coach/set-splits';
import { frameIndexAt, nextRepOrHold, previousRepOrHold, seekTimeForFrame, stepFrameIndex, type TimelineMark } from '../../coach/timeline';
import type { ExerciseDefinition } from '../../rules/engine/types';
import { AnalysisCancelled, type FileAnalysis, type FileAnalysisProgress, type RecordingInfo, type RecordingPlayer } from '../../pose/pose-source';
import type { StageHud } from '../coach-stage-layer';
import { jointHighlights, summariseOptionsFor, type JointHighlights } from '../live-view-model';
import { replayHud } from '../recording/recording-view-model';
import { HistoryController } from './history-controller';
import { errorText } from '../../core/error-text';

/** The pose pipeline as this flow uses it (PoseController). */
export interface RecordingPipeline {
  openRecording(file: File): Promise<RecordingInfo>;
  analyseRecording(opts: { signal?: AbortSignal; onProgress?(p: FileAnalysisProgress): void; pace?: 'full' | 'real-time' }): Promise<FileAnalysis>;
  readonly player: RecordingPlayer | null;
}

/** Where the review draws: the skeleton overlay over the video. */
export interface ReplayCanvas { frame: PoseFrame | null; highlights: JointHighlights }

/** 'detect': each set's side as the rule saw it (the single-leg test's stance leg); else that side for every set. */
export type SideChoice = Side | 'detect';

export type RecordingPhase =
  | { kind: 'empty' }
  | { kind: 'opening'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | { kind: 'ready'; info: RecordingInfo; note: string | null }
  | { kind: 'analysing'; info: RecordingInfo; progress: FileAnalysisProgress | null }
  | { kind: 'done'; info: RecordingInfo };

/** Seeking to a mark starts this much before it, so the movement into it is seen. Ours. */
const PREROLL_MS = 400;

export class RecordingController implements ReactiveController {
  phase: RecordingPhase = { kind: 'empty' };
  /** The analysed file (frames in memory while the file is open). */
  analysis: FileAnalysis | null = null;
  exercise: ExerciseDefinition | null = null;
  sideChoice: SideChoice = 'detect';
  segments: RecordingSegment[] = [];
  /** Why each set after the first starts where it does (null: marked by the user). */
  splitReasons: (ProposedSplit['reason'] | null)[] = [];
  result: RecordingResult | null = null;
  /** Time of the analysed frame on screen, ms (the picture's media time snapped to that frame). */
  currentMs = 0;
  readonly history: HistoryController;

  private abort: AbortController | null = null;
  /** The model (and backend) the kept frames come from. */
  private analysedWith = '';
  private unsubscribe: (() => void) | null = null;
  private lastHudKey = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly pipeline: () => RecordingPipeline | null,
    private readonly canvas: () => ReplayCanvas | null,
    private readonly modelLabel: () => string,
  ) {
    host.addController(this);
    this.history = new HistoryController(host);
  }

  hostDisconnected(): void {
    this.abort?.abort();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  get frames(): readonly PoseFrame[] { return this.analysis?.frames ?? []; }
  get marks(): readonly TimelineMark[] { return this.result?.marks ?? []; }

  async open(file: File): Promise<void> {
    const p = this.pipeline();
    if (!p) return;
    this.abort?.abort();
    this.reset();
    this.analysis = null;
    this.set({ kind: 'opening', fileName: file.name });
    try {
      const info = await p.openRecording(file);
      this.set({ kind: 'ready', info, note: null });
    } catch (e) {
      if (e instanceof AnalysisCancelled) return; // another file or the camera took over
      this.set({ kind: 'failed', fileName: file.name, message: errorText(e) });
    }
  }

  /** Analyses the open file as `exercise`, then folds it into sets and saves it. */
  async analyse(exercise: ExerciseDefinition, side: SideChoice, pace: 'full' | 'real-time' = 'full'): Promise<void> {
    const p = this.pipeline();
    const ph = this.phase;
    if (!p || (ph.kind !== 'ready' && ph.kind !== 'done')) return;
    const info = ph.info;
    this.exercise = exercise;
    this.sideChoice = exercise.sided ? side : 'detect';
    const abort = new AbortController();
    this.abort = abort;
    this.set({ kind: 'analysing', info, progress: null });
    try {
      // The PoseFrames do not depend on the exercise: a file analysed before with this model is only folded again.
      if (this.analysedWith !== this.modelLabel()) this.analysis = null;
      if (!this.analysis) {
        this.analysis = await p.analyseRecording({
          signal: abort.signal, pace,
          onProgress: (progress) => { if (this.phase.kind === 'analysing') this.set({ kind: 'analysing', info, progress }); },
        });
        this.analysedWith = this.modelLabel(); // read once the model (and its backend) is loaded
      }
    } catch (e) {
      this.analysis = null;
      if (abort.signal.aborted || e instanceof AnalysisCancelled) {
        if (this.abort === abort) this.set({ kind: 'ready', info, note: 'Analysis cancelled. Nothing was saved.' });
        return;
      }
      this.set({ kind: 'failed', fileName: info.fileName, message: errorText(e) });
      return;
    } finally {
      if (this.abort === abort) this.abort = null;
    }
    const proposal = proposeSplits(exercise, this.analysis.frames);
    this.splitReasons = [null, ...proposal.splits.map((s) => s.reason)];
    this.history.begin(exercise, this.modelLabel(), { source: { kind: 'video-file', fileName: info.fileName, durationMs: info.durationMs } });
    this.set({ kind: 'done', info });
    this.applySegments(proposal.segments.map((s) => ({ startMs: s.startMs, side: this.sideFor(s.side) })));
    this.follow();
    void this.showAt(this.frames[0]?.timestampMs ?? 0);
  }

  cancel(): void { this.abort?.abort(); }

  /** Back to choosing the exercise for the same file (its frames are kept: only the new exercise's rule runs). */
  backToSetup(): void {
    const ph = this.phase;
    if (ph.kind !== 'done') return;
    this.player?.pause();
    this.reset();
    this.set({ kind: 'ready', info: ph.info, note: null });
  }

  // ------------------------------------------------------------------ sets in the file

  /** A new set starts at the picture on screen. */
  markSetStart(): void {
    const t = this.frames[frameIndexAt(this.frames, this.currentMs)]?.timestampMs;
    if (t === undefined || this.segments.some((s) => Math.abs(s.startMs - t) < 1) || t <= (this.frames[0]?.timestampMs ?? 0)) return;
    const next = [...this.segments, { startMs: t, side: this.sideFor(null) }].sort((a, b) => a.startMs - b.startMs);
    this.splitReasons = next.map((s) => (s.startMs === t ? null : this.splitReasons[this.segments.indexOf(s)] ?? null));
    this.applySegments(next);
  }

  /** Set `i` (> 0) joins the set before it. */
  mergeSet(i: number): void {
    if (i <= 0 || i >= this.segments.length) return;
    this.splitReasons = this.splitReasons.filter((_, k) => k !== i);
    this.applySegments(this.segments.filter((_, k) => k !== i));
  }

  setSide(i: number, side: Side): void {
    this.applySegments(this.segments.map((s, k) => (k === i ? { ...s, side } : s)));
  }

  private sideFor(detected: Side | null): Side | null {
    if (!this.exercise?.sided) return null;
    return this.sideChoice === 'detect' ? detected : this.sideChoice;
  }

  private applySegments(segments: RecordingSegment[]): void {
    const def = this.exercise;
    if (!def || !this.analysis) return;
    this.segments = segments;
    this.result = analyseRecording(def, this.analysis.frames, segments, { summarise: summariseOptionsFor(def) });
    void this.history.saveSets(this.result.summaries);
    this.host.requestUpdate();
  }

  // ------------------------------------------------------------------ review

  get player(): RecordingPlayer | null { return this.pipeline()?.player ?? null; }

  async seekMark(m: TimelineMark): Promise<void> {
    const player = this.player;
    if (!player) return;
    await player.seek(Math.max(0, m.startMs - PREROLL_MS));
    await player.resume();
  }

  async stepFrame(step: number): Promise<void> {
    const i = stepFrameIndex(this.frames, this.currentMs, step);
    if (i < 0) return;
    this.player?.pause();
    await this.showAt(seekTimeForFrame(this.frames, i));
  }

  async goToRep(dir: 1 | -1): Promise<void> {
    const m = dir > 0 ? nextRepOrHold(this.marks, this.currentMs) : previousRepOrHold(this.marks, this.currentMs);
    if (m) await this.seekMark(m);
  }

  togglePlay(): void {
    const player = this.player;
    if (!player) return;
    if (player.paused) void player.resume(); else player.pause();
  }

  private async showAt(ms: number): Promise<void> {
    await this.player?.seek(ms);
  }

  /** The stored skeleton and cue follow the picture on screen. */
  private follow(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.player?.onTime((ms) => this.onTime(ms)) ?? null;
  }

  private onTime(ms: number): void {
    const frame = this.frames[frameIndexAt(this.frames, ms)] ?? null;
    // The shown frame's own time: 'seeked' reports the seek target (between two frames) and the frame callback the
    // frame's presentation time; both name the same frame, so stepping and marking agree whichever arrives last.
    this.currentMs = frame?.timestampMs ?? ms;
    const moment = this.result ? momentAt(this.result.moments, ms) : null;
    const canvas = this.canvas();
    if (canvas) {
      canvas.frame = frame;
      canvas.highlights = jointHighlights({ cues: moment?.cue ? [moment.cue] : [] });
    }
    const hud = replayHud(moment);
    const key = hud?.cue ? `${hud.cue.text}|${hud.cue.severity}` : '';
    if (key !== this.lastHudKey) {
      this.lastHudKey = key;
      this.host.dispatchEvent(new CustomEvent<StageHud | null>('coach-hud', { detail: hud, bubbles: true, composed: true }));
    }
    this.host.requestUpdate();
  }

  /** Clears the review (the analysed frames stay until another file opens). */
  private reset(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.result = null;
    this.segments = [];
    this.splitReasons = [];
    this.currentMs = 0;
    const canvas = this.canvas();
    if (canvas) { canvas.frame = null; canvas.highlights = {}; }
    if (this.lastHudKey !== '') {
      this.lastHudKey = '';
      this.host.dispatchEvent(new CustomEvent<StageHud | null>('coach-hud', { detail: null, bubbles: true, composed: true }));
    }
  }

  private set(phase: RecordingPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }
}
