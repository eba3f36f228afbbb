import { describe, expect, it } from 'vitest';
import { commonConfigSchema } from '../../../src/rules/engine/config';
import { viewSignal } from '../../../src/rules/engine/view-check';

describe('view check defaults (docs/biomechanics.md#view-check)', () => {
  const th = commonConfigSchema.parse({});
  it('a side view accepts a camera up to ~45 deg off side-on (<= 0.5) and refuses a body facing the camera', () => {
    expect(th.sideMaxShoulderRatio).toBe(0.5);
    expect(viewSignal(0.44, 'side', th)).toBe('clear'); // 30 deg off square, pitched at a lying body
    expect(viewSignal(0.5, 'side', th)).toBe('between');
    expect(viewSignal(0.51, 'side', th)).toBe('fault');
    expect(viewSignal(0.65, 'side', th)).toBe('fault'); // facing the camera: 0.65-0.8
  });
  it('a front view accepts every adult turned up to 30 deg (>= 0.40) and refuses a body turned 60 deg', () => {
    expect(th.frontMinShoulderRatio).toBe(0.4);
    expect(viewSignal(0.47 * Math.cos(Math.PI / 6), 'front', th)).not.toBe('fault'); // narrowest, arms overhead, 30 deg
    expect(viewSignal(0.43, 'front', th)).not.toBe('fault'); // the squat at 23 deg the old 0.45 refused
    expect(viewSignal(0.4, 'front', th)).toBe('between');
    expect(viewSignal(0.399, 'front', th)).toBe('fault');
    expect(viewSignal(0.65 * Math.cos(Math.PI / 3), 'front', th)).toBe('fault'); // median person turned 60 deg
  });
});
