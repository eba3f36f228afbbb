// The committed real fixtures came from this pipeline: re-running the recorder's path (ffmpeg -> MoveNet on wasm ->
// One Euro) on the clip reproduces the committed keypoints. Needs the clip (tests/shared-videos.ts); skipped without it.
import { existsSync, readFileSync } from 'node:fs';
import { clipPath } from '../shared-videos';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWithFfmpeg } from '../prerequisites';
import { KEYPOINT_NAMES } from '../../src/core/pose-frame';
import { parseFixture } from '../../src/fixtures/fixture-schema';
import { createNodePoseDetector, processVideo, type NodePoseDetector } from '../../src/pose/node/node-pose';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLIP = clipPath('bodyweight-squat');
/** Committed coordinates are rounded to 4 decimals; allow that plus float noise. */
const TOL = 2e-4;

let pose: NodePoseDetector | null = null;
afterAll(() => pose?.dispose());

describeWithFfmpeg('real fixtures are reproducible from the clips', () => describe.skipIf(!existsSync(CLIP))('on the real clip (skipped without it)', () => {
  it('re-recording the first 30 frames of bodyweight-squat gives the committed keypoints', async () => {
    const fx = parseFixture(readFileSync(path.join(ROOT, 'fixtures/real/bodyweight-squat.json'), 'utf8'));
    expect(fx.capture.model?.id).toBe('lightning');
    pose = await createNodePoseDetector('lightning');
    expect(pose.model.weightsSha256).toBe(fx.capture.model?.weightsSha256);
    const r = await processVideo(pose, CLIP, { maxFrames: 30, smoothing: fx.capture.smoothing ?? false });
    let worst = 0;
    r.frames.forEach((f, i) => {
      const c = fx.frames[i]!;
      expect(f.timestampMs).toBeCloseTo(c.timestampMs, 3);
      for (const n of KEYPOINT_NAMES) {
        worst = Math.max(worst, Math.abs(f.keypoints![n].x - c.keypoints![n].x), Math.abs(f.keypoints![n].y - c.keypoints![n].y));
      }
    });
    expect(worst).toBeLessThan(TOL);
  }, 120_000);
}));
