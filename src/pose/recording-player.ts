// Plays an analysed file back in the <video> for review: seek, play, pause, and the media time of the picture on
// screen (requestVideoFrameCallback's mediaTime = the shown frame's own presentation time; 'seeked' and
// 'timeupdate' where rVFC is missing). The review draws the stored PoseFrame of that time: nothing is analysed again.
type VideoWithRvfc = HTMLVideoElement & {
  requestVideoFrameCallback?(cb: (now: number, meta: { mediaTime: number }) => void): number;
  cancelVideoFrameCallback?(handle: number): void;
};

export type MediaTimeListener = (mediaMs: number) => void;

export class RecordingPlayer {
  private listeners = new Set<MediaTimeListener>();
  private handle: number | null = null;
  private readonly video: VideoWithRvfc;

  constructor(video: HTMLVideoElement) {
    this.video = video as VideoWithRvfc;
    video.addEventListener('seeked', this.onSeeked);
    video.addEventListener('play', this.onPlay);
    video.addEventListener('timeupdate', this.onTimeUpdate);
  }

  get paused(): boolean { return this.video.paused; }
  get currentMs(): number { return this.video.currentTime * 1000; }

  /** Calls `listener` with the media time of each new picture (playing, seeking, stepping). */
  onTime(listener: MediaTimeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Shows the picture at `ms` (paused or playing); resolves when it is on screen. */
  seek(ms: number): Promise<void> {
    const v = this.video;
    const target = Math.max(0, Math.min(ms, Number.isFinite(v.duration) ? v.duration * 1000 : ms)) / 1000;
    return new Promise<void>((ok) => {
      const done = () => { v.removeEventListener('seeked', done); ok(); };
      v.addEventListener('seeked', done);
      v.currentTime = target;
    });
  }

  /** Plays on from the picture on screen (from the start once the video has ended). */
  async resume(): Promise<void> {
    if (this.video.ended) await this.seek(0);
    await this.video.play().catch(() => undefined);
  }

  pause(): void { this.video.pause(); }

  dispose(): void {
    this.cancel();
    this.listeners.clear();
    this.video.removeEventListener('seeked', this.onSeeked);
    this.video.removeEventListener('play', this.onPlay);
    this.video.removeEventListener('timeupdate', this.onTimeUpdate);
  }

  private emit(ms: number): void { for (const l of this.listeners) l(ms); }

  private readonly onSeeked = () => this.emit(this.currentMs);
  private readonly onTimeUpdate = () => { if (!this.video.requestVideoFrameCallback) this.emit(this.currentMs); };
  private readonly onPlay = () => this.schedule();

  private schedule(): void {
    const v = this.video;
    if (!v.requestVideoFrameCallback || this.handle !== null) return;
    this.handle = v.requestVideoFrameCallback((_, meta) => {
      this.handle = null;
      this.emit(meta.mediaTime * 1000);
      if (!v.paused && !v.ended) this.schedule();
    });
  }

  private cancel(): void {
    if (this.handle !== null) this.video.cancelVideoFrameCallback?.(this.handle);
    this.handle = null;
  }
}
