// The recorder's decoding (src/pose/node/ffmpeg.ts) on small clips made here with ffmpeg: frame times come from the
// container (a phone clip's short first frame stays short), every coded frame comes out once, and a clip with a
// rotation matrix comes out upright at the size the model is told.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { decodeVideo, presentationTimesMs, probeVideo, type RawFrame } from '../../src/pose/node/ffmpeg';
import { describeWithFfmpeg } from '../prerequisites';

const dir = mkdtempSync(path.join(tmpdir(), 'decode-'));
const UNEVEN = path.join(dir, 'uneven.mp4');
const ROTATED = path.join(dir, 'rotated.mp4');

function ffmpeg(args: string[]) {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${r.stderr}`);
}

async function all(file: string, opts = {}): Promise<RawFrame[]> {
  const out: RawFrame[] = [];
  for await (const f of decodeVideo(file, opts)) out.push(f);
  return out;
}

describeWithFfmpeg('decoding a clip for the recorder', () => {
  beforeAll(() => {
    // 64x48, white band along the top. Times as an iPhone writes them (600 ticks/s): the first frame is shown only
    // 1/600 s, every later one 1/30 s: 0, 1.67, 33.3, 66.7, 100, 133.3 ms.
    ffmpeg(['-f', 'lavfi', '-i', 'color=c=black:s=64x48:r=30,drawbox=x=0:y=0:w=64:h=12:color=white:t=fill', '-frames:v', '6',
      '-vf', "setpts='(N*100-if(gt(N,0),80,0))/3000/TB'", '-fps_mode', 'passthrough', '-video_track_timescale', '600',
      '-c:v', 'libx264', '-pix_fmt', 'yuv420p', UNEVEN]);
    // The same frames with a display matrix rotating them by 90 deg (as phones store portrait video).
    ffmpeg(['-i', UNEVEN, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', ROTATED]);
  });

  it('gives each frame its presentation time from the container, every frame once', async () => {
    expect(presentationTimesMs(UNEVEN)!.map((t) => +t.toFixed(2))).toEqual([0, 1.67, 33.33, 66.67, 100, 133.33]);
    const frames = await all(UNEVEN);
    expect(frames.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(frames.map((f) => +f.timestampMs.toFixed(2))).toEqual([0, 1.67, 33.33, 66.67, 100, 133.33]);
  });

  it('resampling to a fixed rate keeps index / fps times', async () => {
    const frames = await all(UNEVEN, { fps: 10 });
    expect(frames.length).toBeGreaterThan(0);
    frames.forEach((f, i) => expect(f.timestampMs).toBeCloseTo(i * 100, 6));
  });

  it('applies a rotation matrix: the frame comes out upright, at the size probeVideo reports', async () => {
    const info = probeVideo(ROTATED);
    expect([info.widthPx, info.heightPx]).toEqual([48, 64]);
    const [f] = await all(ROTATED, { maxFrames: 1 });
    expect([f!.widthPx, f!.heightPx]).toEqual([48, 64]);
    expect(f!.data.length).toBe(48 * 64 * 3);
    // The white band that ran along the top of the stored picture now runs down one side (a column, not a row).
    const lum = (x: number, y: number) => f!.data[(y * 48 + x) * 3]!;
    const colMean = (x: number) => Array.from({ length: 64 }, (_, y) => lum(x, y)).reduce((s, v) => s + v, 0) / 64;
    const rowMean = (y: number) => Array.from({ length: 48 }, (_, x) => lum(x, y)).reduce((s, v) => s + v, 0) / 48;
    expect(Math.max(colMean(2), colMean(45))).toBeGreaterThan(200);
    expect(Math.min(colMean(2), colMean(45))).toBeLessThan(50);
    expect(rowMean(2)).toBeLessThan(200);
  });
});
