// What a single-person pose detector reports for a known body, frame by frame, after the keypoints have been
// placed (placement.ts) and projected (camera/pinhole.ts):
// - jitter: Gaussian, scaled with the image (MoveNet sees a 192-256 px crop, so its error grows with the picture);
//   hips jitter more than the rest, hidden joints more still;
// - scores: a per-set level for visible joints, lower for joints hidden behind the body (far side in a side view,
//   the bottom side of a lying body) and for lying bodies as a whole;
// - dropouts: a joint lost for 1-10 frames (score 0.02-0.25, position wandering);
// - outliers: rarely a knee or ankle 5-15 % of the leg length off for one frame, with a normal score;
// - left/right swaps on a lying body (1-5 frames with every left/right pair exchanged);
// - joints outside the picture are reported at the edge with a low score.
// Deterministic for a given Rng.
import { KEYPOINT_NAMES, type KeypointName, type Keypoints, type PoseFrame } from '../../src/core/pose-frame';
import type { Projected } from '../camera/pinhole';
import type { Rng } from '../rng';

export interface DetectorSpec {
  /** Jitter SD as a fraction of the longer image side (0.0015 = 1.4 px at 960 px). */
  jitterFrac: number;
  /** Score of a clearly visible joint (each frame varies by +/- 0.08). */
  baseScore: number;
  /** Chance per frame that a dropout burst starts on one joint. */
  dropoutPerFrame: number;
  maxDropoutFrames: number;
  /** Chance per frame of a single-frame knee/ankle outlier. */
  outlierPerFrame: number;
  /** Chance per frame that a left/right swap starts (lying bodies only). */
  swapPerFrame: number;
  /** The body lies on the floor (scores lower, swaps possible). */
  lying: boolean;
}

export const CLEAN_DETECTOR: DetectorSpec = {
  jitterFrac: 0.0015, baseScore: 0.8, dropoutPerFrame: 0, maxDropoutFrames: 0, outlierPerFrame: 0, swapPerFrame: 0, lying: false,
};

export const NO_NOISE: DetectorSpec = { ...CLEAN_DETECTOR, jitterFrac: 0, baseScore: 0.9 };

const DROPPABLE: KeypointName[] = [
  'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist', 'right_wrist',
  'left_hip', 'right_hip', 'left_knee', 'right_knee', 'left_ankle', 'right_ankle',
];
const OUTLIER_JOINTS: KeypointName[] = ['left_knee', 'right_knee', 'left_ankle', 'right_ankle'];
const JITTER_GAIN: Partial<Record<KeypointName, number>> = { left_hip: 1.4, right_hip: 1.4, nose: 0.7, left_eye: 0.6, right_eye: 0.6 };

export const twinOf = (n: KeypointName): KeypointName | null =>
  n.startsWith('left_') ? (`right_${n.slice(5)}` as KeypointName) : n.startsWith('right_') ? (`left_${n.slice(6)}` as KeypointName) : null;

export interface DetectorEvents { dropoutFrames: number; outliers: number; swapFrames: number }

/** Stateful (dropout bursts and swaps last several frames). */
export class Detector {
  private bursts = new Map<KeypointName, number>();
  private swapLeft = 0;
  readonly events: DetectorEvents = { dropoutFrames: 0, outliers: 0, swapFrames: 0 };

  constructor(private readonly spec: DetectorSpec, private readonly rng: Rng, private readonly widthPx: number, private readonly heightPx: number) {}

  /**
   * Noisy keypoints from projected positions. `legPx` (image length of a leg) scales outliers; `hidden` marks
   * joints the body itself hides from the camera.
   */
  detect(px: Record<KeypointName, Projected>, timestampMs: number, legPx: number, hidden: ReadonlySet<KeypointName>): PoseFrame {
    const { spec, rng } = this;
    const W = this.widthPx, H = this.heightPx;
    const sigma = spec.jitterFrac * Math.max(W, H);
    if (spec.dropoutPerFrame > 0 && rng.chance(spec.dropoutPerFrame)) {
      this.bursts.set(DROPPABLE[Math.floor(rng.next() * DROPPABLE.length)]!, 1 + Math.floor(rng.next() * spec.maxDropoutFrames));
    }
    const outlier = spec.outlierPerFrame > 0 && rng.chance(spec.outlierPerFrame) ? OUTLIER_JOINTS[Math.floor(rng.next() * OUTLIER_JOINTS.length)]! : null;
    if (spec.lying && this.swapLeft === 0 && spec.swapPerFrame > 0 && rng.chance(spec.swapPerFrame)) this.swapLeft = 1 + Math.floor(rng.next() * 5);
    const kp = {} as Keypoints;
    let sum = 0;
    for (const name of KEYPOINT_NAMES) {
      const p = px[name];
      const gain = (JITTER_GAIN[name] ?? 1) * (hidden.has(name) ? 1.6 : 1);
      let x = p.x + rng.gauss(sigma * gain);
      let y = p.y + rng.gauss(sigma * gain);
      let score = Math.min(0.98, Math.max(0.3, spec.baseScore * (spec.lying ? 0.85 : 1) + rng.uniform(-0.08, 0.08)));
      if (hidden.has(name)) score = rng.uniform(0.2, 0.45);
      const burst = this.bursts.get(name) ?? 0;
      if (burst > 0) {
        score = rng.uniform(0.02, 0.25);
        x += rng.uniform(-0.1, 0.1) * legPx;
        y += rng.uniform(-0.1, 0.1) * legPx;
        this.bursts.set(name, burst - 1);
        this.events.dropoutFrames++;
      }
      if (name === outlier) {
        const a = rng.uniform(0, 2 * Math.PI), r = rng.uniform(0.05, 0.15) * legPx;
        x += r * Math.cos(a);
        y += r * Math.sin(a);
        this.events.outliers++;
      }
      if (p.x < 0 || p.y < 0 || p.x > W || p.y > H || p.depthM <= 0) {
        score = rng.uniform(0.02, 0.15);
        x = Math.min(W, Math.max(0, x));
        y = Math.min(H, Math.max(0, y));
      }
      kp[name] = { x: x / W, y: y / H, score };
      sum += score;
    }
    let keypoints = kp;
    if (this.swapLeft > 0) {
      this.swapLeft--;
      this.events.swapFrames++;
      keypoints = Object.fromEntries(KEYPOINT_NAMES.map((n) => [n, kp[twinOf(n) ?? n]])) as Keypoints;
    }
    return { timestampMs, imageWidthPx: W, imageHeightPx: H, keypoints, poseScore: sum / KEYPOINT_NAMES.length };
  }
}

/** The picture mirrored before detection: x flips, and the detector names sides by what it sees (left <-> right). */
export function mirrorFrame(f: PoseFrame): PoseFrame {
  if (!f.keypoints) return f;
  const k = f.keypoints;
  return { ...f, keypoints: Object.fromEntries(KEYPOINT_NAMES.map((n) => { const s = k[twinOf(n) ?? n]; return [n, { x: 1 - s.x, y: s.y, score: s.score }]; })) as Keypoints };
}
