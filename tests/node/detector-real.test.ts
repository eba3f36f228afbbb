// The real MoveNet weights from models/ on the tfjs wasm backend in Node, on real frames. No stubs.
import { existsSync } from 'node:fs';
import { clipPath } from '../shared-videos';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, type PoseFrame } from '../../src/core/pose-frame';
import { decodeFrameAt, decodeVideo, probeVideo } from '../../src/pose/node/ffmpeg';
import { createNodePoseDetector, processVideo, type NodePoseDetector } from '../../src/pose/node/node-pose';
import { describeWithFfmpeg } from '../prerequisites';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** A standing, front-view frame (bodyweight-squat.mp4 at 2.0 s, Pexels licence), committed so the test needs no clip. */
const COMMITTED_FRAME = path.join(ROOT, 'fixtures/frames/bodyweight-squat-2.0s.jpg');
const CLIP = clipPath('bodyweight-squat');

/** MoveNet's demo confidence threshold (tfjs-models pose-detection). */
const SCORE_MIN = 0.3;

let pose: NodePoseDetector;
beforeAll(async () => {
  pose = await createNodePoseDetector('lightning');
});
afterAll(() => pose?.dispose());

function expectStandingFrontView(f: PoseFrame) {
  expect(f.keypoints).not.toBeNull();
  const k = f.keypoints!;
  expect(Object.keys(k).sort()).toEqual([...KEYPOINT_NAMES].sort());
  const confident = KEYPOINT_NAMES.filter((n) => k[n].score > SCORE_MIN);
  expect(confident.length).toBeGreaterThanOrEqual(15);
  for (const side of ['left', 'right'] as const) {
    // Image y grows downward: shoulders above hips above knees above ankles.
    expect(k[`${side}_shoulder`].y).toBeLessThan(k[`${side}_hip`].y);
    expect(k[`${side}_hip`].y).toBeLessThan(k[`${side}_knee`].y);
    expect(k[`${side}_knee`].y).toBeLessThan(k[`${side}_ankle`].y);
    expect(k.nose.y).toBeLessThan(k[`${side}_shoulder`].y);
  }
  // Facing the camera, unmirrored: the person's left is on the image's right.
  expect(k.left_hip.x).toBeGreaterThan(k.right_hip.x);
  expect(k.left_shoulder.x).toBeGreaterThan(k.right_shoulder.x);
  // The person stands in the middle of the frame (she is at x ~ 0.45..0.6 in the image).
  const midHipX = (k.left_hip.x + k.right_hip.x) / 2;
  expect(midHipX).toBeGreaterThan(0.4);
  expect(midHipX).toBeLessThan(0.65);
  // Body height (nose to ankle) is a plausible share of the 540 px image (she fills ~75% of it).
  const heightFrac = (k.left_ankle.y + k.right_ankle.y) / 2 - k.nose.y;
  expect(heightFrac).toBeGreaterThan(0.5);
  expect(heightFrac).toBeLessThan(0.95);
}

describe('MoveNet Lightning on the wasm backend (Node)', () => {
  it('runs on wasm with the committed weights', () => {
    expect(pose.backend.backend).toBe('wasm');
    expect(pose.model.version).toBe('movenet-singlepose-lightning-v4');
    expect(pose.model.weightsSha256).toBe('bf97bc10d9c8a11200b0190ed64ce039b6252f1aff7cb552aca99b3d191c2f34');
  });

  it('reports no confident person in a blank image', async () => {
    const w = 320, h = 240;
    const data = new Uint8Array(w * h * 3).fill(200);
    pose.detector.reset();
    const { frame } = await pose.detectRgb({ index: 0, timestampMs: 0, widthPx: w, heightPx: h, data });
    const scores = frame.keypoints ? KEYPOINT_NAMES.map((n) => frame.keypoints![n].score) : [0];
    expect(Math.max(...scores)).toBeLessThan(SCORE_MIN);
  });

  it('gives clear errors for a missing video and missing weights', async () => {
    expect(() => probeVideo('/nonexistent/clip.mp4')).toThrow(/video not found: \/nonexistent\/clip\.mp4/);
    await expect(createNodePoseDetector('lightning', '/nonexistent-models')).rejects.toThrow(/model file not found: \/nonexistent-models\/movenet-lightning\.json/);
  });
});

describeWithFfmpeg('MoveNet Lightning on frames decoded with ffmpeg (Node)', () => {
  it('finds the 17 keypoints of a standing person in a committed real frame', async () => {
    const info = probeVideo(COMMITTED_FRAME);
    expect([info.widthPx, info.heightPx]).toEqual([960, 540]);
    const raw = await decodeFrameAt(COMMITTED_FRAME, 0);
    // MoveNet tracks a crop from frame to frame; run a few times as on a still video.
    let out: PoseFrame | null = null;
    pose.detector.reset();
    for (let i = 0; i < 3; i++) out = (await pose.detectRgb({ ...raw, timestampMs: i * 40 })).frame;
    expectStandingFrontView(out!);
  });

  it.skipIf(!existsSync(CLIP))('decodes the real clip with ffmpeg and tracks the squat without leaking tensors', async () => {
    // 2.0-2.4 s standing, then she starts the 2nd squat (bottom ~3.6 s): the hips must go down.
    const r = await processVideo(pose, CLIP, { startSec: 2.0, maxFrames: 40 });
    expect(r.frames).toHaveLength(40);
    expect(r.tensorLeak).toBe(0);
    expect(r.frames[1]!.timestampMs - r.frames[0]!.timestampMs).toBeCloseTo(40, 6);
    expectStandingFrontView(r.frames[2]!);
    const hipY = r.frames.map((f) => (f.keypoints!.left_hip.y + f.keypoints!.right_hip.y) / 2);
    const standingHipY = hipY[2]!;
    const lowestHipY = Math.max(...hipY);
    expect(lowestHipY - standingHipY).toBeGreaterThan(0.08); // hips drop > 8% of the image height in the squat
  });

  it('says a file that is not a video is not one', async () => {
    const gen = decodeVideo(path.join(ROOT, 'package.json'));
    await expect(gen.next()).rejects.toThrow(/ffprobe failed|no video stream/);
  });
});
