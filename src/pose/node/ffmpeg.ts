// Node-only: video -> raw RGB frames through the system ffmpeg (no native npm addon).
// ffprobe gives size and frame rate; ffmpeg streams rgb24 frames on stdout, read one frame-sized chunk at a time,
// so memory stays at a few frames whatever the clip length.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface VideoInfo {
  widthPx: number;
  heightPx: number;
  /** Frame rate (r_frame_rate), Hz. */
  fps: number;
  durationSec: number;
  /** Frame count from the container, or estimated from duration x fps. */
  frameCount: number;
}

export interface RawFrame {
  index: number;
  /**
   * Presentation time, ms, from the first frame: the container's own timestamps (what a browser's video element
   * reports as mediaTime), so a phone clip whose frames are not evenly spaced keeps its real times. When resampling
   * (`fps`) or seeking (`startSec`): startSec + index / fps.
   */
  timestampMs: number;
  widthPx: number;
  heightPx: number;
  /** rgb24, row-major, widthPx * heightPx * 3 bytes. Owned by the caller. */
  data: Uint8Array;
}

export interface DecodeOptions {
  /** Start time, s (input seek). */
  startSec?: number;
  /** Stop after this many frames. */
  maxFrames?: number;
  /** Resample to this frame rate (ffmpeg fps filter); default: the clip's own rate. */
  fps?: number;
}

function parseRate(r: string | undefined): number {
  if (!r) return Number.NaN;
  const [n, d] = r.split('/').map(Number);
  return d ? n! / d : Number(n);
}

/** Throws a clear error when ffmpeg/ffprobe are missing or the file is not a readable video. */
export function probeVideo(file: string): VideoInfo {
  if (!existsSync(file)) throw new Error(`video not found: ${file}`);
  const r = spawnSync('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0',
    '-show_entries', 'stream=width,height,r_frame_rate,nb_frames,duration:stream_side_data=rotation:format=duration',
    '-of', 'json', file,
  ], { encoding: 'utf8' });
  if (r.error) throw new Error(`ffprobe could not be run (is ffmpeg installed?): ${r.error.message}`);
  if (r.status !== 0) throw new Error(`ffprobe failed on ${file}: ${r.stderr.trim()}`);
  const j = JSON.parse(r.stdout) as {
    streams?: Array<{ width?: number; height?: number; r_frame_rate?: string; nb_frames?: string; duration?: string;
      side_data_list?: Array<{ rotation?: number }> }>;
    format?: { duration?: string };
  };
  const s = j.streams?.[0];
  if (!s?.width || !s.height) throw new Error(`no video stream in ${file}`);
  const fps = parseRate(s.r_frame_rate);
  if (!Number.isFinite(fps) || fps <= 0) throw new Error(`cannot read the frame rate of ${file} (${s.r_frame_rate})`);
  const durationSec = Number(s.duration ?? j.format?.duration ?? Number.NaN);
  const rotation = Math.abs(s.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? 0) % 180;
  // ffmpeg applies the rotation when decoding, so the frames come out with swapped sides.
  const [widthPx, heightPx] = rotation === 90 ? [s.height, s.width] : [s.width, s.height];
  const nb = Number(s.nb_frames);
  const frameCount = Number.isFinite(nb) && nb > 0 ? nb : Math.round(durationSec * fps);
  return { widthPx, heightPx, fps, durationSec, frameCount };
}

/**
 * Presentation times (ms from the first frame) of the video packets in display order, or null when the container
 * does not give them all. Reading packets does not decode, so this is quick even for 1080p clips. Phones write
 * clips whose first frame is shown only 2-20 ms (iPhone .mov) while every later one is 33.3 ms: index / fps would put
 * every frame after the first up to a frame late.
 */
export function presentationTimesMs(file: string): number[] | null {
  const r = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=time_base:packet=pts',
    '-of', 'json', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) return null;
  const j = JSON.parse(r.stdout) as { streams?: Array<{ time_base?: string }>; packets?: Array<{ pts?: number }> };
  const tb = parseRate(j.streams?.[0]?.time_base);
  const pts = (j.packets ?? []).map((p) => p.pts);
  if (!Number.isFinite(tb) || !pts.length || pts.some((p) => typeof p !== 'number')) return null;
  const sorted = (pts as number[]).slice().sort((a, b) => a - b);
  return sorted.map((p) => (p - sorted[0]!) * tb * 1000);
}

/**
 * Streams decoded frames, one per coded frame (no frame dropped or repeated to make the rate constant). Stops ffmpeg early when the consumer breaks out of the loop.
 * Rejects with ffmpeg's stderr when it fails.
 */
export async function* decodeVideo(file: string, opts: DecodeOptions = {}): AsyncGenerator<RawFrame> {
  const info = probeVideo(file);
  const fps = opts.fps ?? info.fps;
  const startSec = opts.startSec ?? 0;
  const args = ['-v', 'error', '-nostdin'];
  if (startSec > 0) args.push('-ss', String(startSec));
  args.push('-i', file);
  // Resampling makes a constant rate on purpose; otherwise pass every decoded frame through once, so frame i is
  // packet i in display order and gets its presentation time.
  if (opts.fps) args.push('-vf', `fps=${opts.fps}`);
  else args.push('-fps_mode', 'passthrough');
  const ptsMs = !opts.fps && startSec === 0 ? presentationTimesMs(file) : null;
  if (opts.maxFrames !== undefined) args.push('-frames:v', String(opts.maxFrames));
  args.push('-f', 'rawvideo', '-pix_fmt', 'rgb24', '-');
  const proc = spawn('ffmpeg', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve, reject) => {
    proc.on('error', (e) => reject(new Error(`ffmpeg could not be run (is it installed?): ${e.message}`)));
    proc.on('close', (code) => resolve(code));
  });
  const frameBytes = info.widthPx * info.heightPx * 3;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;
  try {
    for await (const chunk of proc.stdout as AsyncIterable<Buffer>) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      while (pendingBytes >= frameBytes) {
        const all = Buffer.concat(pending, pendingBytes);
        const data = new Uint8Array(frameBytes);
        data.set(all.subarray(0, frameBytes));
        const rest = all.subarray(frameBytes);
        pending = rest.length ? [Buffer.from(rest)] : [];
        pendingBytes = rest.length;
        const known = ptsMs?.[index];
        yield {
          index,
          timestampMs: known ?? (ptsMs?.length ? ptsMs.at(-1)! + ((index - ptsMs.length + 1) * 1000) / fps : (startSec + index / fps) * 1000),
          widthPx: info.widthPx,
          heightPx: info.heightPx,
          data,
        };
        index++;
      }
    }
    const code = await exited;
    if (code !== 0) throw new Error(`ffmpeg failed on ${file} (exit ${code}): ${stderr.trim()}`);
    if (index === 0) throw new Error(`ffmpeg decoded no frames from ${file}${stderr ? `: ${stderr.trim()}` : ''}`);
  } finally {
    if (proc.exitCode === null) proc.kill('SIGKILL');
  }
}

/** One frame at `timeSec` (convenience for tests). */
export async function decodeFrameAt(file: string, timeSec: number): Promise<RawFrame> {
  for await (const f of decodeVideo(file, { startSec: timeSec, maxFrames: 1 })) return f;
  throw new Error(`no frame at ${timeSec}s in ${file}`);
}
