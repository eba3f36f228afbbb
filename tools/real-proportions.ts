// What MoveNet's 2D keypoints make of a real person's proportions in a recorded front-view squat fixture: the numbers a
// body-proportion or view rule must accept. Prints one markdown table row per fixture.
//   npx tsx tools/real-proportions.ts fixtures/real/overhead-squat-*.json
// Columns (all from the fixture's smoothed keypoints, px ratios, no checker involved):
// - standing frames: hip height above the ankles >= 97% of its 95th percentile over the clip (the person upright);
//   each standing value is the median over them.
// - leg/torso: mid-hip height above the mid-ankle / torso length (mid-shoulder to mid-hip).
// - shoulder/torso: shoulder width / torso length.
// - knee/ankle: knee separation / ankle separation (< 1 = knees inside the ankles), standing and at the bottom.
// - drop: (standing hip height - bottom hip height) / standing hip height; bottom = the frame with the lowest hip
//   height (3-frame median), its values = median over +/- 2 frames.
// - FPPA (deg, + = knee medial of the hip-ankle line, medial = toward the mid-hip): at the bottom, and at ~45-60 deg
//   of knee flexion on the way down, taken as the frames where the drop is 0.076-0.134 (thigh and shank equally
//   inclined: drop = 1 - cos(flexion / 2)); '-' when no frame of the descent falls in that band.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PoseFrame } from '../src/core/pose-frame';
import { fppaDeg, midpoint, px, separationRatio, torsoLengthPx, type Point } from '../src/core/geometry';
import { parseFixture } from '../src/fixtures/fixture-schema';

const MIN_SCORE = 0.3;
const median = (v: number[]): number => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : Number.NaN;
};
const quantile = (v: number[], q: number): number => {
  const s = v.filter(Number.isFinite).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

interface FrameMeasures { hipHeightPx: number; torsoPx: number; shoulderPx: number; kneeAnkle: number; fppaL: number; fppaR: number }

function measures(f: PoseFrame): FrameMeasures | null {
  const names = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle'] as const;
  const p = {} as Record<(typeof names)[number], Point>;
  for (const n of names) {
    const q = px(f, n);
    if (!q || (f.keypoints?.[n].score ?? 0) < MIN_SCORE) return null;
    p[n] = q;
  }
  const midHip = midpoint(p.left_hip, p.right_hip);
  const midAnkle = midpoint(p.left_ankle, p.right_ankle);
  return {
    hipHeightPx: midAnkle.y - midHip.y,
    torsoPx: torsoLengthPx(p.left_shoulder, p.right_shoulder, p.left_hip, p.right_hip),
    shoulderPx: Math.hypot(p.left_shoulder.x - p.right_shoulder.x, p.left_shoulder.y - p.right_shoulder.y),
    kneeAnkle: separationRatio(p.left_knee, p.right_knee, p.left_ankle, p.right_ankle),
    fppaL: fppaDeg(p.left_hip, p.left_knee, p.left_ankle, midHip.x),
    fppaR: fppaDeg(p.right_hip, p.right_knee, p.right_ankle, midHip.x),
  };
}

const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '-');
const f0 = (v: number) => (Number.isFinite(v) ? `${v >= 0 ? '+' : ''}${v.toFixed(0)}` : '-');

function row(file: string): string {
  const fx = parseFixture(readFileSync(file, 'utf8'), file);
  const m = fx.frames.map(measures);
  const h = m.map((x) => x?.hipHeightPx ?? Number.NaN);
  const top = quantile(h, 0.95);
  const standing = m.filter((x): x is FrameMeasures => !!x && x.hipHeightPx >= 0.97 * top);
  const standHip = median(standing.map((x) => x.hipHeightPx));
  const h3 = h.map((_, i) => median(h.slice(Math.max(0, i - 1), i + 2)));
  let bottom = 0;
  h3.forEach((v, i) => { if (v < (h3[bottom] ?? Infinity)) bottom = i; });
  const around = m.slice(Math.max(0, bottom - 2), bottom + 3).filter((x): x is FrameMeasures => !!x);
  const drop = (standHip - median(around.map((x) => x.hipHeightPx))) / standHip;
  const band = m.slice(0, bottom).filter((x): x is FrameMeasures => {
    if (!x) return false;
    const d = (standHip - x.hipHeightPx) / standHip;
    return d >= 0.076 && d <= 0.134;
  });
  const cells = [
    path.basename(file, '.json'),
    fx.capture.model?.id ?? '-',
    String(standing.length),
    f2(median(standing.map((x) => x.hipHeightPx / x.torsoPx))),
    f2(median(standing.map((x) => x.shoulderPx / x.torsoPx))),
    f2(median(standing.map((x) => x.kneeAnkle))),
    `${(fx.frames[bottom]!.timestampMs / 1000).toFixed(2)} s`,
    f2(median(around.map((x) => x.kneeAnkle))),
    f2(drop),
    `${f0(median(around.map((x) => x.fppaL)))} / ${f0(median(around.map((x) => x.fppaR)))}`,
    band.length ? `${f0(median(band.map((x) => x.fppaL)))} / ${f0(median(band.map((x) => x.fppaR)))} (${band.length})` : '-',
  ];
  return `| ${cells.join(' | ')} |`;
}

const files = process.argv.slice(2);
if (!files.length) {
  process.stderr.write('usage: npx tsx tools/real-proportions.ts <fixture.json>...\n');
  process.exit(2);
}
process.stdout.write([
  '| fixture | model | standing frames | leg/torso standing | shoulder/torso standing | knee/ankle standing | bottom (lowest hip) | knee/ankle bottom | hip drop at bottom | FPPA L / R bottom, deg | FPPA L / R at ~45-60 deg flexion, deg (frames) |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...files.map(row),
].join('\n') + '\n');
