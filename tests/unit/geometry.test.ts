import { describe, expect, it } from 'vitest';
import { fppaDeg, jointAngleDeg, pelvicObliquityDeg, separationRatio, trunkLeanDeg } from '../../src/core/geometry';

const TOL_DEG = 1e-9;

describe('geometry sign conventions', () => {
  it('joint angle is 180 for a straight line and 90 for a right angle', () => {
    expect(jointAngleDeg({ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 0, y: 2 })).toBeCloseTo(180, 9);
    expect(jointAngleDeg({ x: 0, y: 0 }, { x: 0, y: 1 }, { x: 1, y: 1 })).toBeCloseTo(90, 9);
    expect(jointAngleDeg({ x: 0, y: 0 }, { x: 0, y: 0 }, { x: 1, y: 1 })).toBeNaN();
  });

  it('FPPA is positive when the knee is medial (toward the midline) and negative when lateral', () => {
    // Person's left leg on image right (front view, not mirrored); midline at x=0.
    const hip = { x: 10, y: 0 }, ankle = { x: 10, y: 100 };
    const medialKnee = { x: 10 - 50 * Math.tan((10 * Math.PI) / 180), y: 50 };
    const lateralKnee = { x: 10 + 50 * Math.tan((10 * Math.PI) / 180), y: 50 };
    expect(fppaDeg(hip, medialKnee, ankle, 0)).toBeCloseTo(20, 6);
    expect(fppaDeg(hip, lateralKnee, ankle, 0)).toBeCloseTo(-20, 6);
    expect(Math.abs(fppaDeg(hip, { x: 10, y: 50 }, ankle, 0))).toBeLessThan(TOL_DEG);
    // Right leg on image left: medial is +x.
    expect(fppaDeg({ x: -10, y: 0 }, { x: -5, y: 50 }, { x: -10, y: 100 }, 0)).toBeGreaterThan(0);
  });

  it('pelvic obliquity is positive when the lifted side hip is lower (y down)', () => {
    const stance = { x: 0, y: 100 };
    expect(pelvicObliquityDeg(stance, { x: 100, y: 110 })).toBeCloseTo((Math.atan(0.1) * 180) / Math.PI, 9);
    expect(pelvicObliquityDeg(stance, { x: -100, y: 90 })).toBeLessThan(0);
  });

  it('trunk lean is positive toward the given side', () => {
    expect(trunkLeanDeg({ x: 0, y: 100 }, { x: 10, y: 0 }, 50)).toBeGreaterThan(0);
    expect(trunkLeanDeg({ x: 0, y: 100 }, { x: 10, y: 0 }, -50)).toBeLessThan(0);
    expect(trunkLeanDeg({ x: 0, y: 100 }, { x: 0, y: 0 }, 50)).toBe(0);
  });

  it('separation ratio < 1 when knees are inside the ankles', () => {
    expect(separationRatio({ x: -5, y: 0 }, { x: 5, y: 0 }, { x: -10, y: 0 }, { x: 10, y: 0 })).toBeCloseTo(0.5, 9);
  });
});
