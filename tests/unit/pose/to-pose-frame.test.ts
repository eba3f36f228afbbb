import { describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, poseFrameSchema } from '../../../src/core/pose-frame';
import { toPoseFrame, type DetectorPose } from '../../../src/pose/to-pose-frame';

const SIZE = { widthPx: 640, heightPx: 480 };

/** A detector result in pixels, keypoints in MoveNet order, named like pose-detection names them. */
function pose(score = 0.8, named = true): DetectorPose {
  return {
    score,
    keypoints: KEYPOINT_NAMES.map((name, i) => ({ x: 10 * i + 5, y: 20 * i + 1, score: 0.5 + i / 100, ...(named ? { name } : {}) })),
  };
}

describe('toPoseFrame', () => {
  it('normalises pixel coordinates by the image size and names every keypoint', () => {
    const f = toPoseFrame([pose()], SIZE, 1234);
    expect(poseFrameSchema.parse(f)).toEqual(f);
    expect(f.timestampMs).toBe(1234);
    expect(f.imageWidthPx).toBe(640);
    expect(f.keypoints!.nose).toEqual({ x: 5 / 640, y: 1 / 480, score: 0.5 });
    expect(f.keypoints!.right_ankle).toEqual({ x: 165 / 640, y: 321 / 480, score: 0.66 });
    expect(f.poseScore).toBe(0.8);
  });

  it('matches by name, not position, when the detector names keypoints', () => {
    const p = pose();
    const shuffled: DetectorPose = { ...p, keypoints: [...p.keypoints].reverse() };
    expect(toPoseFrame([shuffled], SIZE, 0)).toEqual(toPoseFrame([p], SIZE, 0));
  });

  it('falls back to MoveNet index order for unnamed keypoints', () => {
    expect(toPoseFrame([pose(0.8, false)], SIZE, 0)).toEqual(toPoseFrame([pose(0.8, true)], SIZE, 0));
  });

  it('gives keypoints: null and poseScore 0 when there is no person', () => {
    expect(toPoseFrame([], SIZE, 7)).toEqual({ timestampMs: 7, imageWidthPx: 640, imageHeightPx: 480, keypoints: null, poseScore: 0 });
    expect(toPoseFrame([{ keypoints: [] }], SIZE, 7).keypoints).toBeNull();
  });

  it('uses the mean keypoint score when the pose has none, and clamps scores into 0..1', () => {
    const p = pose();
    delete p.score;
    const f = toPoseFrame([p], SIZE, 0);
    const mean = KEYPOINT_NAMES.reduce((s, _n, i) => s + 0.5 + i / 100, 0) / 17;
    expect(f.poseScore).toBeCloseTo(mean, 12);
    const wild: DetectorPose = { keypoints: p.keypoints.map((k, i) => ({ ...k, score: i === 0 ? 1.7 : i === 1 ? Number.NaN : -1 })) };
    const g = toPoseFrame([wild], SIZE, 0);
    expect(g.keypoints!.nose.score).toBe(1);
    expect(g.keypoints!.left_eye.score).toBe(0);
    expect(g.keypoints!.right_eye.score).toBe(0);
    expect(() => poseFrameSchema.parse(g)).not.toThrow();
  });

  it('does not modify its input', () => {
    const p = pose();
    const copy = structuredClone(p);
    toPoseFrame([p], SIZE, 0);
    expect(p).toEqual(copy);
  });
});
