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
});
