import { describe, expect, it } from 'vitest';
import { loadedKneeValgus } from '../../../src/rules/engine/valgus';
import {
  EMPTY_REST_NEUTRALS, EMPTY_REST_REFERENCE, fromRestNeutral, stepRestNeutrals, stepRestReference, type RestNeutrals, type RestReference, type RestReferenceOpts,
} from '../../../src/rules/engine/rest-reference';

const run = (values: number[], o: RestReferenceOpts) => {
  let s: RestReference = EMPTY_REST_REFERENCE;
  return values.map((v) => { const r = stepRestReference(s, v, o); s = r.state; return r.excursion; });
};

describe('rest reference (excursion from the person\'s own rest, from any start)', () => {
  const up: RestReferenceOpts = { dir: 1, targetExcursion: 0.5 };

  it('starting at rest: null until the range reaches the target, then the excursion above the running minimum', () => {
    const ex = run([1, 1, 1, 1.2, 1.49, 1.6, 1.8, 1.2, 1.0], up);
    expect(ex.slice(0, 6)).toEqual([null, null, null, null, null, null]); // robust peak 1.49: range 0.49
    expect(ex[6]).toBeCloseTo(0.6, 6); // robust peak (median of 3) 1.6 - rest 1
    expect(ex[7]).toBeCloseTo(0.2, 6);
    expect(ex[8]).toBeCloseTo(0, 6);
  });

  it('starting at the target: reports the first frames\' excursion once the person has come back to rest', () => {
    const ex = run([2, 2, 2, 1.8, 1.6, 1.4, 1.2, 1.0, 1.0], up);
    const first = ex.findIndex((x) => x !== null);
    expect(first).toBe(6); // peak 2 - robust rest 1.4 = 0.6 >= 0.5
    expect(ex[first]).toBeCloseTo(0.6, 6);
    expect(ex[first + 1]!).toBeLessThan(0.1); // the rest has followed the value down
    expect(ex[first + 2]).toBeCloseTo(0, 6);
  });

  it('a range just under the target reports nothing; one single-frame spike does not make it', () => {
    expect(run([1, 1, 1, 1.49, 1.49, 1.49, 1], up).every((x) => x === null)).toBe(true);
    expect(run([1, 1, 1, 1.9, 1, 1, 1], up).every((x) => x === null)).toBe(true);
  });

  it('dir -1 with relative: the drop below the running maximum as a fraction of it (leg compression)', () => {
    const ex = run([100, 100, 100, 95, 85, 80, 80, 100, 100], { dir: -1, targetExcursion: 0.1, relative: true });
    expect(ex.slice(0, 5)).toEqual([null, null, null, null, null]); // robust low 95: 0.05
    expect(ex[5]).toBeCloseTo(0.15, 6);
    expect(ex[6]).toBeCloseTo(0.2, 6);
    expect(ex[8]).toBeCloseTo(0, 6);
  });

  it("targetAt 'rest' (the rest is the rep's target, e.g. the straight leg): on the frame the rest becomes known, 0 is reported", () => {
    const o: RestReferenceOpts = { dir: -1, relative: true, targetExcursion: 0.12, targetAt: 'rest' };
    // Begins bent by 0.2 (the start posture), straightens: the rest (straight) becomes known at the top.
    const ex = run([80, 80, 80, 90, 100, 100, 100, 80, 80], o);
    const first = ex.findIndex((x) => x !== null);
    expect(ex[first]).toBe(0);
    expect(ex[ex.length - 1]).toBeCloseTo(0.2, 6);
  });

  it('smoothing: the extremes are taken on the smoothed value, so a short spike does not set the rest', () => {
    const t = (i: number) => i * 33;
    let s: RestReference = EMPTY_REST_REFERENCE;
    const vals = [0, 0, 0, 0, -8, -8, -8, 0, 0, 0, 0, 0, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20];
    const out = vals.map((v, i) => { const r = stepRestReference(s, v, { dir: 1, targetExcursion: 10, smoothing: { timestampMs: t(i), tauMs: 450, resetGapMs: 400 } }); s = r.state; return r.rest; });
    expect(out[10]!).toBeGreaterThan(-3); // three frames at -8 (100 ms) move the 450 ms-smoothed rest by under 3
    const raw = run(vals, { dir: 1, targetExcursion: 10 });
    expect(raw.some((x) => x !== null && x > 27)).toBe(true); // raw: the rest sat at -8, 20 read as 28
  });
});

describe('stepRestNeutrals: a neutral learned at the rest of a rest reference', () => {
  // Leg extent (px, dir -1 relative: compression) with a measure m that is 5 straight and 9 bent.
  const o = { dir: -1, relative: true, targetExcursion: 0.1 } as const;
  const neutralAfter = (extents: number[]) => {
    let ref: RestReference = EMPTY_REST_REFERENCE, n: RestNeutrals = EMPTY_REST_NEUTRALS;
    for (const e of extents) {
      const r = stepRestReference(ref, e, o);
      ref = r.state;
      n = stepRestNeutrals(n, { m: e >= 100 ? 5 : 9 }, r, e, { dir: -1, relative: true, band: 0.04 });
    }
    return fromRestNeutral(n, 'm', 0) * -1;
  };
  it('a recording that begins straight keeps its first frames as the neutral', () => {
    expect(neutralAfter([100, 100, 100, 100, 85, 80, 85, 100])).toBeCloseTo(5, 6);
  });
  it('a recording that begins bent drops those frames: the neutral is the straight leg seen later', () => {
    expect(neutralAfter([80, 80, 80, 80, 90, 100, 100, 100, 100])).toBeCloseTo(5, 6);
  });
  it('nothing is judged before the rest is known (NaN)', () => {
    expect(neutralAfter([100, 100, 100, 100])).toBeNaN();
  });
});

describe('loadedKneeValgus (engine/valgus.ts): the loaded knee against its straight-leg neutral', () => {
  // Neutral medial 0.02 learned with the leg straight (extent 100), then bent frames.
  const o = { dir: -1, relative: true, targetExcursion: 0.1 } as const;
  let ref: RestReference = EMPTY_REST_REFERENCE, n: RestNeutrals = EMPTY_REST_NEUTRALS;
  for (const e of [100, 100, 100, 100, 85, 80, 85, 100, 100]) {
    const r = stepRestReference(ref, e, o);
    ref = r.state;
    n = stepRestNeutrals(n, { medial: 0.02 }, r, e, { dir: -1, relative: true, band: 0.04 });
  }
  const w = { minBend: 0.05, fppaMaxBend: 0.2 };
  it('judges the medial displacement minus the neutral only while bent past minBend', () => {
    expect(loadedKneeValgus(n, 0.09, 20, 0.051, w).medial).toBeCloseTo(0.07, 9);
    expect(loadedKneeValgus(n, 0.09, 20, 0.049, w).medial).toBeNaN();
  });
  it('gives FPPA only inside its flexion window', () => {
    expect(loadedKneeValgus(n, 0.09, 20, 0.199, w).fppa).toBe(20);
    expect(loadedKneeValgus(n, 0.09, 20, 0.201, w).fppa).toBeNaN();
    expect(loadedKneeValgus(n, 0.09, 20, 0.049, w).fppa).toBeNaN();
  });
  it('nothing before the neutral is known', () => {
    expect(loadedKneeValgus(EMPTY_REST_NEUTRALS, 0.09, 20, 0.1, w).medial).toBeNaN();
  });
});
