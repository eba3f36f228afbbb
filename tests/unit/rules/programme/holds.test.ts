// Prone straddle hold and multi-angle wall clamshell (timed holds on the engine's hold timer).
import { describe, expect, it } from 'vitest';
import { runExercise, summarize } from '../../../../src/rules/engine/run';
import { proneStraddleHold as straddle } from '../../../../src/rules/exercises/prone-straddle-hold';
import { wallClamshell as wall } from '../../../../src/rules/exercises/wall-clamshell';
import type { Finding } from '../../../../src/rules/engine/types';
import { deepFreeze } from '../frame-builder';
import { oneLeg, profile, proneLegs, rad } from './poses';

const holdEnds = (fs: Finding[]) => fs.filter((f): f is Extract<Finding, { kind: 'hold-end' }> => f.kind === 'hold-end');

describe('prone straddle hold', () => {
  const lift = (elev: number, holdMs: number, o: { kneeDeg?: number } = {}) =>
    profile([[0, 0], [1000, 0], [1500, elev], [1500 + holdMs, elev], [2000 + holdMs, 0], [3000 + holdMs, 0]], (v) => proneLegs(v, o));

  it('times the hold while the legs are lifted and ends at the target', () => {
    const r = runExercise(straddle, lift(12, 25_000), { holdTargetMs: 20_000 });
    const ends = holdEnds(r.findings);
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ reason: 'target', elapsedMs: 20_000, side: 'both' });
    expect(summarize(r.perFrame).cues).toEqual([]);
  });

  it('pins the lifted threshold (6 deg): 7 runs the clock, 5 does not', () => {
    const running = (elev: number) => runExercise(straddle, lift(elev, 5000), {}).findings.some((f) => f.kind === 'hold' && f.running);
    expect(running(7)).toBe(true);
    expect(running(5)).toBe(false);
  });

  it('ends with posture-lost when the legs come down before the target, and re-arms for the next hold', () => {
    const frames = profile([[0, 0], [1000, 0], [1300, 12], [6300, 12], [6500, 0], [8000, 0], [8300, 12], [11300, 12], [11500, 0], [13000, 0]], (v) => proneLegs(v));
    const ends = holdEnds(runExercise(straddle, frames, {}).findings);
    expect(ends.map((e) => e.reason)).toEqual(['posture-lost', 'posture-lost']);
    expect(ends[0]!.elapsedMs).toBeGreaterThan(4800);
    expect(ends[0]!.elapsedMs).toBeLessThan(5600);
  });

  it('pins KNEES_BENDING (150 deg) during the hold', () => {
    expect(summarize(runExercise(straddle, lift(12, 4000, { kneeDeg: 148 }), {}).perFrame).cues.map((c) => c.code)).toContain('KNEES_BENDING');
    expect(summarize(runExercise(straddle, lift(12, 4000, { kneeDeg: 152 }), {}).perFrame).cues).toEqual([]);
  });
});

describe('prone straddle hold: view check for a camera above a body on the floor', () => {
  // Shoulders spread vertically around (300, 700) as a pitched camera sees them: ratio = spread / torso (251 px).
  const spread = (ratio: number) => profile([[0, 0], [1000, 0], [1500, 12], [6500, 12], [7000, 0], [8000, 0]], (v) => {
    const j = proneLegs(v), w = ratio * 251;
    return { ...j, left_shoulder: { x: 300, y: 700 - w / 2 }, right_shoulder: { x: 300, y: 700 + w / 2, score: 0.5 } };
  });
  it('pins sideMaxShoulderRatio (0.75): 0.74 is a side view and the hold runs, 0.76 is WRONG_VIEW', () => {
    const ok = runExercise(straddle, spread(0.74), {});
    expect(ok.findings.some((f) => f.kind === 'hold' && f.running)).toBe(true);
    expect(ok.findings.some((f) => f.kind === 'visibility' && f.code === 'WRONG_VIEW')).toBe(false);
    const wrong = runExercise(straddle, spread(0.76), {});
    expect(wrong.findings.some((f) => f.kind === 'visibility' && f.code === 'WRONG_VIEW')).toBe(true);
    expect(wrong.findings.some((f) => f.kind === 'hold' && f.running)).toBe(false);
  });
});

describe('multi-angle wall clamshell', () => {
  // stance = left; the right (wall-side) foot lifts: free leg 250 px (up) or 400 px (down).
  const holds = (n: number, holdMs: number, o: { drop?: number } = {}) => {
    const k: Array<[number, number]> = [[0, 0], [800, 0]];
    let t = 800;
    for (let i = 0; i < n; i++) k.push([t += 200, 1], [t += holdMs, 1], [t += 200, 0], [t += 1000, 0]);
    return profile(k, (v) => oneLeg({ stance: 'left', freeLegPx: 400 - 150 * v, dropDeg: (o.drop ?? 0) * v }));
  };
  const cfg = { side: 'left', holdsPerAngle: 2, holdTargetMs: 5000 };

  it('times holds, walks through the three foot angles and finishes', () => {
    const r = runExercise(wall, holds(7, 5600), cfg);
    const ends = holdEnds(r.findings);
    expect(ends).toHaveLength(6);
    expect(ends.every((e) => e.reason === 'target' && e.elapsedMs === 5000 && e.side === 'left')).toBe(true);
    expect(ends.map((e) => e.metrics.angleStage)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(r.findings.some((f) => f.kind === 'phase' && f.phase === 'done')).toBe(true);
    expect(summarize(r.perFrame).cues).toEqual([]);
  });

  it('a foot put down early ends the hold as foot-down', () => {
    const ends = holdEnds(runExercise(wall, holds(1, 3000), cfg).findings);
    expect(ends).toHaveLength(1);
    expect(ends[0]!.reason).toBe('foot-down');
    expect(ends[0]!.elapsedMs).toBeGreaterThan(2800);
  });

  it('pins the foot-up threshold (8 % of the standing leg) and PELVIC_DROP (5 deg)', () => {
    const frames = (frac: number) => profile([[0, 0], [800, 0], [1000, 1], [4000, 1]], (v) => oneLeg({ stance: 'left', freeLegPx: 400 - v * 400 * frac, freeAnkleDy: 0 }));
    // free hip at 500 -> ankle at 900 - 400*frac: lift = frac (standing leg 400 px)
    expect(runExercise(wall, frames(0.09), cfg).findings.some((f) => f.kind === 'hold' && f.running)).toBe(true);
    expect(runExercise(wall, frames(0.07), cfg).findings.some((f) => f.kind === 'hold')).toBe(false);
    const codes = (d: number) => summarize(runExercise(wall, holds(1, 5600, { drop: d }), cfg).perFrame).cues.map((c) => c.code);
    expect(codes(6)).toContain('PELVIC_DROP');
    expect(codes(4)).not.toContain('PELVIC_DROP');
  });

  it('judges the pelvis against the two-leg neutral: a camera rolled +/-6 deg flags a 6 deg drop and not a level pelvis', () => {
    const rolled = (deg: number) => (j: ReturnType<typeof oneLeg>) => {
      const c = Math.cos(rad(deg)), sn = Math.sin(rad(deg));
      return Object.fromEntries(Object.entries(j).map(([n, p]) => [n, { ...p!, x: 500 + c * (p!.x - 500) - sn * (p!.y - 600), y: 600 + sn * (p!.x - 500) + c * (p!.y - 600) }]));
    };
    const rolledHolds = (deg: number, drop: number) => {
      const k: Array<[number, number]> = [[0, 0], [800, 0], [1000, 1], [6600, 1], [6800, 0], [7800, 0]];
      return profile(k, (v) => rolled(deg)(oneLeg({ stance: 'left', freeLegPx: 400 - 150 * v, dropDeg: drop * v })));
    };
    const codes = (deg: number, drop: number) => summarize(runExercise(wall, rolledHolds(deg, drop), cfg).perFrame).cues.map((c) => c.code);
    for (const deg of [-6, 6]) {
      expect(codes(deg, 6), `roll ${deg}`).toContain('PELVIC_DROP');
      expect(codes(deg, 0), `roll ${deg}`).not.toContain('PELVIC_DROP');
    }
  });

  it('foot down is back at the person\'s own stance: standing feet that read a few % apart (a rolled camera) re-arm the next hold; pins footDownFrac (3 %)', () => {
    // Standing: the wall-side ankle reads `standFrac` of the leg above the other; held: 0.375. After each hold the
    // foot comes back to `backFrac`.
    const twoHolds = (standFrac: number, backFrac: number) => {
      const k: Array<[number, number]> = [[0, standFrac], [1500, standFrac], [1700, 0.375], [7300, 0.375], [7500, backFrac], [9000, backFrac], [9200, 0.375], [14_800, 0.375], [15_000, backFrac], [16_000, backFrac]];
      return profile(k, (v) => oneLeg({ stance: 'left', freeLegPx: 400 - 400 * v }));
    };
    const targets = (standFrac: number, backFrac: number) => holdEnds(runExercise(wall, twoHolds(standFrac, backFrac), cfg).findings).filter((e) => e.reason === 'target').length;
    expect(targets(0.05, 0.05)).toBe(2);
    // A hold put down early ends as foot-down within 3 % of the stance, and by the grace period above it.
    const early = (standFrac: number, backFrac: number) => {
      const k: Array<[number, number]> = [[0, standFrac], [1500, standFrac], [1700, 0.375], [4000, 0.375], [4200, backFrac], [7000, backFrac]];
      return holdEnds(runExercise(wall, profile(k, (v) => oneLeg({ stance: 'left', freeLegPx: 400 - 400 * v })), cfg).findings).map((e) => e.reason);
    };
    expect(early(0.05, 0.075)).toEqual(['foot-down']);
    expect(early(0.02, 0.045)).toEqual(['foot-down']);
    expect(early(0.02, 0.055)).toEqual(['posture-lost']);
  });

  it('foot up stays absolute (8 %) over a stance that reads the feet apart; foot down is signed from the stance (3 %)', () => {
    // Stand 1.5 s with the wall-side ankle at `standFrac`, lift to `upFrac` for 2.3 s, put it back at `backFrac`.
    const run1 = (standFrac: number, upFrac: number, backFrac: number) => {
      const k: Array<[number, number]> = [[0, standFrac], [1500, standFrac], [1700, upFrac], [4000, upFrac], [4200, backFrac], [7000, backFrac]];
      return holdEnds(runExercise(wall, profile(k, (v) => oneLeg({ stance: 'left', freeLegPx: 400 - 400 * v })), cfg).findings).map((e) => e.reason);
    };
    // Feet reading 5 % apart standing: a lift to 8.5 % (3.5 % over the stance) is a hold, 7.5 % is not.
    expect(run1(0.05, 0.085, 0.05)).toEqual(['foot-down']);
    expect(run1(0.05, 0.075, 0.05)).toEqual([]);
    // The wall-side ankle reading 5 % lower standing: back within 3 % of that stance is foot down, 3.5 % above is not.
    expect(run1(-0.05, 0.375, -0.025)).toEqual(['foot-down']);
    expect(run1(-0.05, 0.375, -0.015)).toEqual(['posture-lost']);
  });

  it('no PELVIC_DROP before any two-leg stance (a recording that starts with the foot up)', () => {
    const fromUp = profile([[0, 1], [5600, 1], [5800, 0], [6800, 0]], (v) => oneLeg({ stance: 'left', freeLegPx: 400 - 150 * v, dropDeg: 8 * v }));
    expect(summarize(runExercise(wall, fromUp, cfg).perFrame).cues.map((c) => c.code)).not.toContain('PELVIC_DROP');
  });

  it('both are pure and deterministic', () => {
    const a = deepFreeze(holds(2, 5600)), b = deepFreeze(profile([[0, 0], [1000, 12], [4000, 12]], (v) => proneLegs(v)));
    expect(runExercise(wall, a, cfg).findings).toEqual(runExercise(wall, a, cfg).findings);
    expect(runExercise(straddle, b, {}).findings).toEqual(runExercise(straddle, b, {}).findings);
  });
});
