// A local video file as a pose source: the same pipeline analyses a recorded set. The file never leaves the
// browser (an object URL, revoked on release).

export class VideoFileError extends Error {
  constructor(readonly fileName: string, message: string) {
    super(message);
    this.name = 'VideoFileError';
  }
}

export interface VideoFileSession {
  readonly fileName: string;
  readonly durationSec: number;
  readonly widthPx: number;
  readonly heightPx: number;
  /** Detach the file from the video element and free its object URL. */
  release(): void;
}

const MEDIA_ERROR_TEXT: Record<number, string> = {
  1: 'loading was aborted',
  2: 'a read error occurred',
  3: 'the video could not be decoded (damaged file or unsupported codec)',
  4: 'the format is not supported by this browser',
};

/** Loads `file` into `video` and waits until its first frame is known. Does not start playback. */
export async function openVideoFile(video: HTMLVideoElement, file: File, timeoutMs = 15_000): Promise<VideoFileSession> {
  const name = file.name || 'the file';
  if (file.type && !file.type.startsWith('video/')) {
    throw new VideoFileError(name, `"${name}" is not a video (${file.type}). Choose a video file such as .mp4 or .webm.`);
  }
  const url = URL.createObjectURL(file);
  const release = () => {
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  };
  video.srcObject = null;
  video.src = url;
  video.muted = true;
  video.playsInline = true;
  try {
    await new Promise<void>((resolve, reject) => {
      const done = () => { clearTimeout(timer); video.removeEventListener('loadeddata', onData); video.removeEventListener('error', onError); };
      const onData = () => { done(); resolve(); };
      const onError = () => {
        done();
        const code = video.error?.code ?? 0;
        reject(new VideoFileError(name, `"${name}" cannot be played: ${MEDIA_ERROR_TEXT[code] ?? 'unknown media error'}.`));
      };
      const timer = setTimeout(() => { done(); reject(new VideoFileError(name, `"${name}" did not load within ${timeoutMs / 1000} s.`)); }, timeoutMs);
      video.addEventListener('loadeddata', onData);
      video.addEventListener('error', onError);
      video.load();
    });
  } catch (e) {
    release();
    throw e;
  }
  if (video.videoWidth === 0 || video.videoHeight === 0) {
    release();
    throw new VideoFileError(name, `"${name}" has no picture (an audio-only file?).`);
  }
  return {
    fileName: name,
    durationSec: video.duration,
    widthPx: video.videoWidth,
    heightPx: video.videoHeight,
    release,
  };
}
