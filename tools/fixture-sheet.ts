// Look at a recorded fixture before labelling it: (1) a frame sheet of the clip with the fixture's skeleton drawn
// on it, (2) a trace plot of joint signals over time. Both are PNGs to open with an image viewer.
//   npx tsx tools/fixture-sheet.ts <fixture.json> <video> <outPrefix> [--every-ms 400] [--cols 6] [--crop] [--tile-px 320]
// --crop: every tile shows only the box around the person (all confident keypoints over the clip, plus a margin), so
// a small person in a tall portrait frame is big enough to judge the knees. --tile-px: tile width.
// Trace colours: red = mid-hip y (down = lower in image), green = left knee angle, blue = right knee angle,
// yellow = left hip angle (shoulder-hip-knee), cyan = right hip angle, magenta = mean keypoint score.
// Angles map 0..180 deg to bottom..top; grid lines every 1 s (brighter every 5 s).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { KEYPOINT_NAMES, type KeypointName, type PoseFrame } from '../src/core/pose-frame';
import { jointAngleDeg, px } from '../src/core/geometry';
import { parseFixture } from '../src/fixtures/fixture-schema';
import { decodeVideo } from '../src/pose/node/ffmpeg';

const EDGES: Array<[KeypointName, KeypointName]> = [
  ['left_shoulder', 'right_shoulder'], ['left_hip', 'right_hip'],
  ['left_shoulder', 'left_hip'], ['right_shoulder', 'right_hip'],
  ['left_shoulder', 'left_elbow'], ['left_elbow', 'left_wrist'], ['right_shoulder', 'right_elbow'], ['right_elbow', 'right_wrist'],
  ['left_hip', 'left_knee'], ['left_knee', 'left_ankle'], ['right_hip', 'right_knee'], ['right_knee', 'right_ankle'],
];
type RGB = [number, number, number];
const LEFT: RGB = [255, 60, 60], RIGHT: RGB = [40, 120, 255], MID: RGB = [255, 255, 0];

class Canvas {
  constructor(readonly w: number, readonly h: number, readonly data: Uint8Array = new Uint8Array(w * h * 3)) {}
  dot(x: number, y: number, c: RGB, r = 1) {
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      const xi = Math.round(x + dx), yi = Math.round(y + dy);
      if (xi < 0 || yi < 0 || xi >= this.w || yi >= this.h) continue;
      const o = (yi * this.w + xi) * 3;
      this.data[o] = c[0]; this.data[o + 1] = c[1]; this.data[o + 2] = c[2];
    }
  }
  line(x0: number, y0: number, x1: number, y1: number, c: RGB, r = 1) {
    const n = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    for (let i = 0; i <= n; i++) this.dot(x0 + ((x1 - x0) * i) / n, y0 + ((y1 - y0) * i) / n, c, r);
  }
}

function toPng(c: Canvas, out: string, filter: string) {
  const r = spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${c.w}x${c.h}`, '-i', '-',
    '-vf', filter, '-frames:v', '1', out], { input: Buffer.from(c.data.buffer, c.data.byteOffset, c.data.byteLength) });
  if (r.status !== 0) throw new Error(`ffmpeg: ${r.stderr.toString()}`);
}

function drawSkeleton(c: Canvas, f: PoseFrame, minScore: number) {
  if (!f.keypoints) return;
  const r = Math.max(2, Math.round(c.w / 300));
  for (const [a, b] of EDGES) {
    const ka = f.keypoints[a], kb = f.keypoints[b];
    if (ka.score < minScore || kb.score < minScore) continue;
    const col = a.startsWith('left') && b.startsWith('left') ? LEFT : a.startsWith('right') && b.startsWith('right') ? RIGHT : MID;
    c.line(ka.x * c.w, ka.y * c.h, kb.x * c.w, kb.y * c.h, col, r);
  }
  for (const n of KEYPOINT_NAMES) {
    const k = f.keypoints[n];
    c.dot(k.x * c.w, k.y * c.h, k.score < minScore ? [128, 128, 128] : [255, 255, 255], r + 1);
  }
}

/** Pixel box around every confident keypoint of the clip, with a margin of 12% of its height, inside the image. */
function personBox(frames: readonly PoseFrame[], minScore: number, w: number, h: number) {
  let x0 = 1, y0 = 1, x1 = 0, y1 = 0;
  for (const f of frames) for (const n of KEYPOINT_NAMES) {
    const k = f.keypoints?.[n];
    if (!k || k.score < minScore) continue;
    x0 = Math.min(x0, k.x); x1 = Math.max(x1, k.x); y0 = Math.min(y0, k.y); y1 = Math.max(y1, k.y);
  }
  if (x1 <= x0 || y1 <= y0) return { x: 0, y: 0, w, h };
  const m = 0.12 * (y1 - y0) * h;
  const bx = Math.max(0, Math.floor(x0 * w - m)), by = Math.max(0, Math.floor(y0 * h - m));
  return { x: bx, y: by, w: Math.min(w, Math.ceil(x1 * w + m)) - bx, h: Math.min(h, Math.ceil(y1 * h + m)) - by };
}

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: {
    'every-ms': { type: 'string', default: '400' }, cols: { type: 'string', default: '6' }, 'min-score': { type: 'string', default: '0.3' },
    crop: { type: 'boolean', default: false }, 'tile-px': { type: 'string', default: '320' },
  } });
  const [fixturePath, video, prefix] = positionals;
  if (!fixturePath || !prefix) throw new Error('usage: fixture-sheet.ts <fixture.json> <video|-> <outPrefix>');
  const fx = parseFixture(readFileSync(fixturePath, 'utf8'), fixturePath);
  const everyMs = Number(values['every-ms']), cols = Number(values.cols), minScore = Number(values['min-score']);

  // (1) frame sheet with skeletons
  if (video) {
    // With a video: skeleton over the decoded frames. With "-": skeleton on grey (synthetic fixtures).
    const picked: Canvas[] = [];
    const labels: string[] = [];
    let next = 0;
    let fi = 0;
    const pick = (f: PoseFrame | undefined, data: Uint8Array | null) => {
      if (!f || f.timestampMs + 1e-6 < next) return;
      next += everyMs;
      const c = new Canvas(f.imageWidthPx, f.imageHeightPx, data ?? new Uint8Array(f.imageWidthPx * f.imageHeightPx * 3).fill(60));
      drawSkeleton(c, f, minScore);
      picked.push(c);
      labels.push(`${(f.timestampMs / 1000).toFixed(2)}s`);
    };
    if (video === '-') for (const f of fx.frames) pick(f, null);
    else for await (const raw of decodeVideo(video)) pick(fx.frames[fi++], raw.data);
    const first = picked[0]!;
    const box = values.crop ? personBox(fx.frames, minScore, first.w, first.h) : { x: 0, y: 0, w: first.w, h: first.h };
    const tileW = Number(values['tile-px']);
    const tileH = Math.round((box.h * tileW) / box.w / 2) * 2;
    const rows = Math.ceil(picked.length / cols);
    const sheet = new Canvas(tileW * cols, tileH * rows);
    picked.forEach((c, i) => {
      const ox = (i % cols) * tileW, oy = Math.floor(i / cols) * tileH;
      for (let y = 0; y < tileH; y++) for (let x = 0; x < tileW; x++) {
        const sx = box.x + Math.floor((x * box.w) / tileW), sy = box.y + Math.floor((y * box.h) / tileH);
        const s = (sy * c.w + sx) * 3, d = ((oy + y) * sheet.w + ox + x) * 3;
        sheet.data[d] = c.data[s]!; sheet.data[d + 1] = c.data[s + 1]!; sheet.data[d + 2] = c.data[s + 2]!;
      }
    });
    const text = labels.map((l, i) =>
      `drawtext=text='${l}':x=${(i % cols) * tileW + 4}:y=${Math.floor(i / cols) * tileH + 4}:fontsize=16:fontcolor=yellow:box=1:boxcolor=black`).join(',');
    toPng(sheet, `${prefix}-sheet.png`, text || 'null');
    process.stdout.write(`${prefix}-sheet.png (${picked.length} frames every ${everyMs} ms)\n`);
  }

  // (2) traces
  const W = 1400, H = 420, pad = 10;
  const plot = new Canvas(W, H);
  const t0 = fx.frames[0]!.timestampMs, t1 = fx.frames.at(-1)!.timestampMs;
  const X = (t: number) => pad + ((t - t0) / Math.max(1, t1 - t0)) * (W - 2 * pad);
  for (let s = Math.ceil(t0 / 1000); s * 1000 <= t1; s++) {
    const g = s % 5 === 0 ? 110 : 55;
    plot.line(X(s * 1000), 0, X(s * 1000), H - 1, [g, g, g], 0);
  }
  const series: Array<{ c: RGB; v: (f: PoseFrame) => number }> = [
    { c: [255, 60, 60], v: (f) => { const k = f.keypoints!; return 1 - (k.left_hip.y + k.right_hip.y) / 2; } },
    ...(['left', 'right'] as const).flatMap((s, i) => [
      { c: (i ? [60, 120, 255] : [60, 220, 60]) as RGB, v: (f: PoseFrame) => jointAngleDeg(px(f, `${s}_hip`)!, px(f, `${s}_knee`)!, px(f, `${s}_ankle`)!) / 180 },
      { c: (i ? [0, 230, 230] : [240, 220, 0]) as RGB, v: (f: PoseFrame) => jointAngleDeg(px(f, `${s}_shoulder`)!, px(f, `${s}_hip`)!, px(f, `${s}_knee`)!) / 180 },
    ]),
    { c: [230, 0, 230], v: (f) => f.poseScore },
  ];
  for (const s of series) {
    let prev: [number, number] | null = null;
    for (const f of fx.frames) {
      if (!f.keypoints) { prev = null; continue; }
      const v = s.v(f);
      if (!Number.isFinite(v)) { prev = null; continue; }
      const p: [number, number] = [X(f.timestampMs), pad + (1 - v) * (H - 2 * pad)];
      if (prev) plot.line(prev[0], prev[1], p[0], p[1], s.c, 1); else plot.dot(p[0], p[1], s.c, 1);
      prev = p;
    }
  }
  toPng(plot, `${prefix}-trace.png`, 'null');
  process.stdout.write(`${prefix}-trace.png\n`);
}

main().catch((e: unknown) => { process.stderr.write(`${(e as Error).message}\n`); process.exit(1); });
