// Decoding a local file frame by frame in the browser, three ways, timed (bench/file-analysis.ts drives it):
// - webcodecs: mediabunny's VideoSampleSink (demuxer + WebCodecs VideoDecoder), what the app uses;
// - seek: seek-and-grab on a <video> (seek to each frame's time, wait for 'seeked', take the picture);
// - rvfc: play the <video> at a faster playbackRate and take the frames requestVideoFrameCallback hands out.
// Each reports the frames it got, their times, and the wall-clock time. No model runs here: decoding alone.
import { BlobSource, Input, MATROSKA, MP4, QTFF, VideoSampleSink, WEBM } from 'mediabunny';

interface Result { method: string; frames: number; timesMs: number[]; wallMs: number }

const video = document.getElementById('video') as HTMLVideoElement;
type Rvfc = HTMLVideoElement & { requestVideoFrameCallback(cb: (now: number, meta: { mediaTime: number }) => void): number };

async function load(url: string): Promise<File> {
  const blob = await (await fetch(url)).blob();
  return new File([blob], url.split('/').pop() ?? 'clip');
}

async function webcodecs(file: File): Promise<Result> {
  const t0 = performance.now();
  const input = new Input({ source: new BlobSource(file), formats: [MP4, QTFF, WEBM, MATROSKA] });
  const track = (await input.getPrimaryVideoTrack())!;
  const timesMs: number[] = [];
  for await (const s of new VideoSampleSink(track).samples()) {
    const f = s.toVideoFrame(); // as the app hands it on
    timesMs.push(s.microsecondTimestamp / 1000);
    f.close();
    s.close();
  }
  input.dispose();
  return { method: 'webcodecs', frames: timesMs.length, timesMs, wallMs: performance.now() - t0 };
}

async function openVideo(file: File): Promise<void> {
  video.src = URL.createObjectURL(file);
  await new Promise<void>((ok, ko) => { video.onloadeddata = () => ok(); video.onerror = () => ko(new Error(`video error ${video.error?.code}`)); });
}

/** Seek to each of `timesMs` (halfway to the next frame) and take the picture shown. */
async function seek(file: File, timesMs: number[]): Promise<Result> {
  await openVideo(file);
  const t0 = performance.now();
  const got: number[] = [];
  for (let i = 0; i < timesMs.length; i++) {
    const target = (timesMs[i]! + (timesMs[i + 1] ?? timesMs[i]! + 1)) / 2;
    await new Promise<void>((ok) => { video.onseeked = () => ok(); video.currentTime = target / 1000; });
    const f = new VideoFrame(video);
    got.push(f.timestamp / 1000);
    f.close();
  }
  return { method: 'seek', frames: got.length, timesMs: got, wallMs: performance.now() - t0 };
}

/** Play at `rate` and keep each frame rVFC reports (by its media time). */
async function rvfc(file: File, rate: number): Promise<Result> {
  await openVideo(file);
  const v = video as Rvfc;
  const got: number[] = [];
  const t0 = performance.now();
  await new Promise<void>((ok) => {
    const cb = (_: number, meta: { mediaTime: number }) => {
      const f = new VideoFrame(v);
      got.push(meta.mediaTime * 1000);
      f.close();
      if (!v.ended) v.requestVideoFrameCallback(cb);
    };
    v.requestVideoFrameCallback(cb);
    v.onended = () => ok();
    v.playbackRate = rate;
    void v.play();
  });
  return { method: `rvfc x${rate}`, frames: new Set(got).size, timesMs: [...new Set(got)], wallMs: performance.now() - t0 };
}

(globalThis as unknown as { decodeBench: unknown }).decodeBench = async (url: string, rates: number[]) => {
  const file = await load(url);
  const out: Result[] = [await webcodecs(file)];
  out.push(await seek(file, out[0]!.timesMs));
  for (const r of rates) out.push(await rvfc(file, r));
  return out;
};
