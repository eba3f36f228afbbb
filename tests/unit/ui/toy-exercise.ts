// A tiny exercise definition for UI tests (not a real rule): reps from the left knee's height, a valgus cue from
// its x, no person -> NO_PERSON. Keeps the component tests independent of the real rules' thresholds.
import { z } from 'zod';
import { KEYPOINT_NAMES, type PoseFrame } from '../../../src/core/pose-frame';
import type { ExerciseDefinition, Finding } from '../../../src/rules/engine/types';

const schema = z.object({ side: z.enum(['left', 'right']).default('left') });
interface S { down: boolean; reps: number; downAt: number }

export const toyExercise: ExerciseDefinition<typeof schema, S> = {
  id: 'squat', name: 'Squat', group: 'strength', view: 'front', requiredKeypoints: ['left_knee'], sided: false,
  configSchema: schema,
  initialState: () => ({ down: false, reps: 0, downAt: 0 }),
  step(state, frame) {
    const t = frame.timestampMs;
    if (!frame.keypoints) return { state, findings: [{ kind: 'visibility', code: 'NO_PERSON', missing: [], timestampMs: t }] };
    const k = frame.keypoints.left_knee;
    const findings: Finding[] = [{ kind: 'measure', code: 'FPPA', side: 'left', value: (k.x - 0.5) * 100, unit: 'deg', timestampMs: t }];
    if (k.x > 0.6) findings.push({ kind: 'cue', code: 'KNEE_VALGUS', side: 'left', severity: 'fault', timestampMs: t, joints: ['left_knee', 'left_hip'] });
    let s = state;
    if (!s.down && k.y > 0.7) s = { ...s, down: true, downAt: t };
    else if (s.down && k.y < 0.5) {
      s = { ...s, down: false, reps: s.reps + 1 };
      findings.push({ kind: 'rep', side: 'both', index: s.reps, timestampMs: t, durationMs: t - state.downAt, metrics: { peakFppaDeg: (k.x - 0.5) * 100 }, faults: k.x > 0.6 ? ['KNEE_VALGUS'] : [] });
    }
    return { state: s, findings };
  },
};

export function frame(t: number, knee: { x: number; y: number } | null): PoseFrame {
  if (!knee) return { timestampMs: t, imageWidthPx: 640, imageHeightPx: 480, keypoints: null, poseScore: 0 };
  const kps = Object.fromEntries(KEYPOINT_NAMES.map((n) => [n, { x: 0.5, y: 0.5, score: 0.9 }])) as NonNullable<PoseFrame['keypoints']>;
  kps.left_knee = { x: knee.x, y: knee.y, score: 0.9 };
  return { timestampMs: t, imageWidthPx: 640, imageHeightPx: 480, keypoints: kps, poseScore: 0.9 };
}
