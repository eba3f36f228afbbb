import { describe, expect, it } from 'vitest';
import { KEYPOINT_NAMES, type KeypointName, type Keypoints, type PoseFrame } from '../../../src/core/pose-frame';
import { bodyVisibility, DEFAULT_SCORE_THRESHOLD } from '../../../src/pose/pose-status';
import { toCameraError } from '../../../src/pose/camera';
import { bannerFor } from '../../../src/ui/status-text';

/** All joints at `score`, except the listed ones at `lowScore`. */
function frame(score: number, low: KeypointName[] = [], lowScore = 0.05): PoseFrame {
  const keypoints = Object.fromEntries(KEYPOINT_NAMES.map((n) => [n, { x: 0.5, y: 0.5, score: low.includes(n) ? lowScore : score }])) as Keypoints;
  return { timestampMs: 0, imageWidthPx: 640, imageHeightPx: 480, keypoints, poseScore: score };
}

const running = { kind: 'running', source: 'camera' } as const;

describe('body visibility and the banner', () => {
  it('uses the MoveNet demo threshold 0.3', () => {
    expect(DEFAULT_SCORE_THRESHOLD).toBe(0.3);
    expect(bodyVisibility(frame(0.3)).kind).toBe('full');
    expect(bodyVisibility(frame(0.29)).kind).toBe('no-person');
  });

  it('no person: null keypoints, or only a face', () => {
    const none: PoseFrame = { ...frame(0.9), keypoints: null, poseScore: 0 };
    expect(bodyVisibility(none)).toEqual({ kind: 'no-person' });
    const faceOnly = frame(0.05, ['nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear'], 0.9);
    expect(bodyVisibility(faceOnly).kind).toBe('no-person');
    expect(bannerFor(running, bodyVisibility(none))?.code).toBe('no-person');
  });

  it('asks to step back when both knees or both ankles (or hips) are out of view, and names them', () => {
    const v = bodyVisibility(frame(0.9, ['left_ankle', 'right_ankle', 'left_knee', 'right_knee']));
    expect(v).toEqual({ kind: 'partial', missing: ['left_knee', 'right_knee', 'left_ankle', 'right_ankle'], visibleCount: 13 });
    const b = bannerFor(running, v)!;
    expect(b.code).toBe('step-back');
    expect(b.title).toMatch(/step back so your whole body is visible/i);
    expect(b.detail).toContain('knees');
    expect(b.detail).toContain('ankles');
    expect(b.detail).not.toContain('hips');
  });

  it('does not ask to step back when only the far leg is hidden (side view)', () => {
    const sideView = bodyVisibility(frame(0.9, ['right_hip', 'right_knee', 'right_ankle', 'right_shoulder']));
    expect(sideView.kind).toBe('full');
    expect(bannerFor(running, sideView)).toBeNull();
  });

  it('says nothing while running with the whole body in view', () => {
    expect(bannerFor(running, bodyVisibility(frame(0.8)))).toBeNull();
  });

  it('errors outrank visibility, and a model error names the file', () => {
    const b = bannerFor({ kind: 'error', error: { kind: 'model', file: 'movenet-thunder.bin', message: 'Could not load model file movenet-thunder.bin: the server answered 404' } }, bodyVisibility(frame(0.8)))!;
    expect(b.tone).toBe('error');
    expect(b.title).toContain('movenet-thunder.bin');
  });

  it('loading shows progress in percent', () => {
    const b = bannerFor({ kind: 'loading-model', modelId: 'lightning', progress: 0.42 }, null)!;
    expect(b.progress).toBe(0.42);
    expect(b.title).toContain('42 %');
  });
});

describe('camera error mapping', () => {
  it('maps getUserMedia rejections to kinds the UI can word', () => {
    expect(toCameraError(new DOMException('denied', 'NotAllowedError')).kind).toBe('permission-denied');
    expect(toCameraError(new DOMException('none', 'NotFoundError')).kind).toBe('no-camera');
    expect(toCameraError(new DOMException('busy', 'NotReadableError')).kind).toBe('camera-in-use');
    expect(toCameraError(new DOMException('gone', 'OverconstrainedError'), 'abc').kind).toBe('no-camera');
    expect(toCameraError(new Error('weird')).kind).toBe('unknown');
    expect(bannerFor({ kind: 'error', error: { kind: 'camera', cameraError: 'permission-denied', message: 'x' } }, null)?.code).toBe('camera-permission-denied');
  });
});
