// engine/split-stance.ts alone: the feet's standing places, the planted foot, which foot stepped (just inside and
// just outside the minimum difference), the shank fallback, when the view is judged, and the pelvis-turn guard.
import { describe, expect, it } from 'vitest';
import type { LegPoints } from '../../../src/rules/engine/body';
import { clearSide, followFootPlaces, pelvisSquare, plantedGroundYPx, shankExtentDiff, splitStanceViewJudged, stepTravelDiff, UNKNOWN_FOOT_PLACES } from '../../../src/rules/engine/split-stance';
import { frame, standingFront, withJoints } from './frame-builder';

const leg = (x: number, ankleY: number, kneeY = (500 + ankleY) / 2): LegPoints => ({ hip: { x, y: 500 }, knee: { x, y: kneeY }, ankle: { x, y: ankleY } });
const CFG = { minKeypointScore: 0.3, frameMarginFrac: 0, sideOnMaxShoulderRatio: 0.25, frontLegMinDiffTorso: 0.15, topDropFrac: 0.07 };

describe('split stance', () => {
  it('learns the feet places only at the top, first frame as is, then followed', () => {
    const p = followFootPlaces(UNKNOWN_FOOT_PLACES, leg(450, 900), leg(550, 900), true);
    expect(p).toEqual({ lx: 450, ly: 900, rx: 550, ry: 900 });
    expect(followFootPlaces(p, leg(400, 800), leg(600, 800), false)).toEqual(p);
    expect(followFootPlaces(p, leg(400, 900), leg(550, 900), true).lx).toBeCloseTo(440, 9);
  });

  it('the planted foot is the one nearer its place; before the places are known, by the stepping direction', () => {
    const p = followFootPlaces(UNKNOWN_FOOT_PLACES, leg(450, 900), leg(550, 900), true);
    expect(plantedGroundYPx(p, leg(450, 905), leg(550, 980), false)).toBe(905); // right foot stepped forward
    expect(plantedGroundYPx(p, leg(450, 800), leg(550, 902), true)).toBe(902); // left foot stepped back
    expect(plantedGroundYPx(UNKNOWN_FOOT_PLACES, leg(450, 800), leg(550, 950), true)).toBe(800); // forward: the back foot
    expect(plantedGroundYPx(UNKNOWN_FOOT_PLACES, leg(450, 800), leg(550, 950), false)).toBe(950); // reverse: the front foot
  });

  it('which foot stepped: left minus right travel in torso lengths, clear only past the minimum difference', () => {
    const p = followFootPlaces(UNKNOWN_FOOT_PLACES, leg(450, 900), leg(550, 900), true);
    const torsoPx = 200;
    expect(stepTravelDiff(p, leg(450, 900 - 31), leg(550, 900), torsoPx)).toBeCloseTo(0.155, 9);
    expect(clearSide(stepTravelDiff(p, leg(450, 900 - 31), leg(550, 900), torsoPx), 0.15)).toBe('left');
    expect(clearSide(stepTravelDiff(p, leg(450, 900 - 29), leg(550, 900), torsoPx), 0.15)).toBeNull();
    expect(clearSide(stepTravelDiff(p, leg(450, 900), leg(550, 900 + 31), torsoPx), 0.15)).toBe('right');
    expect(stepTravelDiff(UNKNOWN_FOOT_PLACES, leg(450, 900), leg(550, 900), torsoPx)).toBeNaN();
  });

  it('before the places: the front shank is the one with the larger vertical knee-to-ankle extent', () => {
    const back = leg(450, 850, 800); // shank foreshortened: 50 px
    const front = leg(550, 950, 720); // 230 px
    expect(shankExtentDiff(back, front, 1000)).toBeCloseTo(-0.18, 9);
    expect(clearSide(shankExtentDiff(back, front, 1000), 0.15)).toBe('right');
    expect(clearSide(shankExtentDiff(back, front, 1500), 0.15)).toBeNull(); // 0.12: not clear
  });

  it('the view is judged with the feet together at their places, not while split or a foot is away, unless side-on', () => {
    const j = standingFront();
    const f = frame(0, j);
    const la = j.left_ankle!, ra = j.right_ankle!;
    const places = { lx: la.x, ly: la.y, rx: ra.x, ry: ra.y };
    expect(splitStanceViewJudged(f, places, 300, CFG)).toBe(true);
    expect(splitStanceViewJudged(f, UNKNOWN_FOOT_PLACES, Number.NaN, CFG)).toBe(true); // places unknown, feet level
    const stepped = frame(0, withJoints(j, { left_ankle: { x: la.x - 50, y: la.y } }));
    expect(splitStanceViewJudged(stepped, places, 300, CFG)).toBe(false); // 50 px >= 0.15 x 300
    expect(splitStanceViewJudged(stepped, places, 400, CFG)).toBe(true); // 50 px < 0.15 x 400
    const split = frame(0, withJoints(j, { left_ankle: { x: la.x, y: la.y - 60 } }));
    expect(splitStanceViewJudged(split, UNKNOWN_FOOT_PLACES, Number.NaN, CFG)).toBe(false);
    const mid = (a: number, b: number) => (a + b) / 2;
    const sx = mid(j.left_shoulder!.x, j.right_shoulder!.x), hx = mid(j.left_hip!.x, j.right_hip!.x);
    const sideOn = frame(0, withJoints(j, {
      left_ankle: { x: la.x, y: la.y - 60 },
      left_shoulder: { x: sx + 1, y: j.left_shoulder!.y }, right_shoulder: { x: sx - 1, y: j.right_shoulder!.y },
      left_hip: { x: hx + 1, y: j.left_hip!.y }, right_hip: { x: hx - 1, y: j.right_hip!.y },
    }));
    expect(splitStanceViewJudged(sideOn, UNKNOWN_FOOT_PLACES, Number.NaN, CFG)).toBe(true);
  });

  it('pelvis square within maxTurnDeg of standing, either way; unknown standing counts as square', () => {
    const c = Math.cos(35 * Math.PI / 180);
    expect(pelvisSquare(0.5 * c + 1e-6, 0.5, 35)).toBe(true);
    expect(pelvisSquare(0.5 * c - 1e-6, 0.5, 35)).toBe(false);
    expect(pelvisSquare(0.5 / c - 1e-6, 0.5, 35)).toBe(true);
    expect(pelvisSquare(0.5 / c + 1e-6, 0.5, 35)).toBe(false);
    expect(pelvisSquare(0.3, Number.NaN, 35)).toBe(true);
  });
});
