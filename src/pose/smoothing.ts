// One Euro smoothing of keypoint positions (Casiez et al., CHI 2012), one filter per coordinate.
// Uses the reference implementation (npm `1eurofilter`, BSD-3) instead of a hand-written copy.
// Filtering happens on NORMALISED coordinates (0..1 of the image), with MoveNet's own defaults: pose-detection 2.1.3
// movenet/constants KEYPOINT_FILTER_CONFIG (frequency 30, minCutOff 2.5, beta 300, derivateCutOff 2.5), which its
// detector applies to normalised keypoints (movenet/detector.js estimateSinglePose). An earlier version filtered
// pixels with beta 636.61: the speed term then dwarfed minCutOff and the filter smoothed nothing (measured: jitter
// variance ratio 1.00; with these defaults 0.64 on +-3 px jitter at 640 px, and a 200 px step is followed at once).
// Scores are not smoothed: visibility gating must react at once when a joint drops out.
import { OneEuroFilter } from '1eurofilter';
import { z } from 'zod';
import { KEYPOINT_NAMES, type Keypoints, type PoseFrame } from '../core/pose-frame';

export const smoothingConfigSchema = z.object({
  enabled: z.boolean().default(true),
  /** Expected frame rate, Hz; only used for the first sample (timestamps drive the rest). */
  frequencyHz: z.number().positive().default(30),
  /** Lower = less jitter at rest, more lag. MoveNet default 2.5 Hz. */
  minCutOffHz: z.number().positive().default(2.5),
  /** Higher = less lag on fast moves. Per (image widths or heights) per second; MoveNet default 300. */
  beta: z.number().nonnegative().default(300),
  /** Cut-off of the speed estimate. MoveNet default 2.5 Hz. */
  derivateCutOffHz: z.number().positive().default(2.5),
  /** A gap longer than this (or no person) resets the filters so a new person is not dragged from the old pose. */
  resetAfterGapMs: z.number().positive().default(500),
});
export type SmoothingConfig = z.infer<typeof smoothingConfigSchema>;

/**
 * Smoothing settings from a URL switch: 'off', or 'minCutOffHz,beta' (e.g. '1.5,200'), or null when absent.
 * Throws with the reason on a value the schema rejects, so a typo is reported, not silently ignored.
 */
export function smoothingFromParam(p: string | null): Partial<SmoothingConfig> | null {
  if (p === null || p === '') return null;
  if (p === 'off') return { enabled: false };
  const [minCutOffHz, beta] = p.split(',').map(Number);
  const r = smoothingConfigSchema.safeParse({ minCutOffHz, beta });
  if (!r.success) throw new Error(`smoothing=${p}: expected 'off' or '<minCutOffHz>,<beta>' with positive numbers`);
  return { minCutOffHz: r.data.minCutOffHz, beta: r.data.beta };
}

export class KeypointSmoother {
  private filters = new Map<string, OneEuroFilter>();
  private lastTimestampMs: number | null = null;
  private readonly config: SmoothingConfig;

  constructor(config: Partial<SmoothingConfig> = {}) {
    this.config = smoothingConfigSchema.parse(config);
  }

  /** The settings in use (recorded in fixtures so a recording says how it was smoothed). */
  get settings(): SmoothingConfig { return { ...this.config }; }

  reset(): void {
    this.filters.clear();
    this.lastTimestampMs = null;
  }

  /** Returns a new, smoothed frame; the input is not modified. */
  apply(frame: PoseFrame): PoseFrame {
    const c = this.config;
    if (!c.enabled) return frame;
    if (!frame.keypoints) {
      this.reset();
      return frame;
    }
    if (this.lastTimestampMs !== null &&
        (frame.timestampMs <= this.lastTimestampMs || frame.timestampMs - this.lastTimestampMs > c.resetAfterGapMs)) {
      this.reset();
    }
    this.lastTimestampMs = frame.timestampMs;
    const tSec = frame.timestampMs / 1000;
    const out = {} as Keypoints;
    for (const name of KEYPOINT_NAMES) {
      const k = frame.keypoints[name];
      out[name] = {
        x: this.filter(`${name}.x`, k.x, tSec),
        y: this.filter(`${name}.y`, k.y, tSec),
        score: k.score,
      };
    }
    return { ...frame, keypoints: out };
  }

  private filter(key: string, value: number, tSec: number): number {
    let f = this.filters.get(key);
    if (!f) {
      const c = this.config;
      f = new OneEuroFilter(c.frequencyHz, c.minCutOffHz, c.beta, c.derivateCutOffHz);
      this.filters.set(key, f);
    }
    return f.filter(value, tSec);
  }
}
