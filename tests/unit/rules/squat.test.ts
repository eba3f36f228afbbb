import { describe, expect, it } from 'vitest';
import { squat, type SquatConfig } from '../../../src/rules/exercises/squat';
import { runExercise, summarize } from '../../../src/rules/engine/run';
import type { Finding } from '../../../src/rules/engine/types';
import { deepFreeze, frame, scaled, squatPose, squatSequence, withJoints } from './frame-builder';

// The synthetic squats bottom out at 0.35 with their FPPA set there: tests of other thresholds widen FPPA's range to
// that depth and lower the depth target below it; both are pinned at their defaults on their own ('depth target and
// FPPA range' below).
const WIDE: Partial<SquatConfig> = { fppaMaxDropFrac: 0.4, depthTargetFrac: 0.3 };
const runDefaults = (frames: Parameters<typeof runExercise>[1], cfg: Partial<SquatConfig> = {}) => {
  const r = runExercise(squat, frames, cfg);
  return { ...r, sum: summarize(r.perFrame) };
};
const run = (frames: Parameters<typeof runExercise>[1], cfg: Partial<SquatConfig> = {}) => {
  const r = runExercise(squat, frames, { ...WIDE, ...cfg });
  return { ...r, sum: summarize(r.perFrame) };
};
const cueCodes = (fs: Finding[]) => [...new Set(fs.filter((f) => f.kind === 'cue').map((f) => `${f.code}:${f.side}`))].sort();

describe('squat: depth target and FPPA range (defaults)', () => {
  it('a counted rep short of the depth target (0.50) is marked shallow with "go deeper" (info); 0.501 is not', () => {
    const shallow = runDefaults(squatSequence([{ bottomDrop: 0.499 }]));
    expect(shallow.sum.reps.total).toBe(1);
    expect(shallow.sum.repFindings[0]!.faults).toEqual(['SHALLOW_REP']);
    expect(shallow.sum.cues.map((c) => `${c.code}`)).toEqual(['SHALLOW_REP']);
    const deep = runDefaults(squatSequence([{ bottomDrop: 0.501 }]));
    expect(deep.sum.repFindings[0]!.faults).toEqual([]);
    expect(deep.sum.cues).toEqual([]);
  });

  it('FPPA is shown and judged only up to a hip drop of 0.25; a deep squat reports no bottom FPPA', () => {
    const deep = runDefaults(squatSequence([{ bottomDrop: 0.6, fppaLeftDeg: -60, fppaRightDeg: -60, holdMs: 1000 }]));
    const fppaDrops = deep.perFrame.filter((p) => p.findings.some((f) => f.kind === 'measure' && f.code === 'FPPA_DEG'))
      .map((p) => (p.findings.find((f) => f.kind === 'measure' && f.code === 'DEPTH_FRAC') as Extract<Finding, { kind: 'measure' }>).value);
    expect(fppaDrops.length).toBeGreaterThan(5);
    expect(Math.max(...fppaDrops)).toBeLessThanOrEqual(0.25);
    expect(Math.min(...fppaDrops)).toBeGreaterThanOrEqual(0.1);
    expect(deep.sum.repFindings[0]!.metrics.bottomFppaLeftDeg).toBeUndefined();
    // Pinned: an FPPA past 15 deg only near the bottom (16 x progress) is judged with the range reaching the bottom,
    // not with it ending just short of it.
    const at = (max: number) => cueCodes(runDefaults(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 16, holdMs: 1500 }]), { fppaMaxDropFrac: max, kneeAnkleRatioFault: 0 }).findings);
    expect(at(0.351)).toEqual(['KNEE_VALGUS:left', 'SHALLOW_REP:both']);
    expect(at(0.349)).toEqual(['SHALLOW_REP:both']);
  });
});

describe('squat: reps and depth', () => {
  it('counts 3 clean reps after a stable start, no cues, depth reported', () => {
    const r = run(squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }, { bottomDrop: 0.35 }]));
    expect(r.sum.reps.total).toBe(3);
    expect(r.sum.cues).toEqual([]);
    for (const rep of r.sum.repFindings) {
      expect(rep.metrics.peakDepthFrac).toBeCloseTo(0.35, 6);
      expect(rep.faults).toEqual([]);
      expect(rep.durationMs).toBeGreaterThan(1400);
    }
  });

  it('pins the bottom threshold: drop 0.251 counts, 0.249 does not and gives SHALLOW_REP', () => {
    expect(run(squatSequence([{ bottomDrop: 0.251 }])).sum.reps.total).toBe(1);
    const shallow = run(squatSequence([{ bottomDrop: 0.249 }]));
    expect(shallow.sum.reps.total).toBe(0);
    expect(shallow.sum.cues.map((c) => c.code)).toEqual(['SHALLOW_REP']);
    // A tiny dip (below shallowMinDropFrac) is neither a rep nor a shallow cue.
    expect(run(squatSequence([{ bottomDrop: 0.1 }])).sum.cues).toEqual([]);
  });

  it('counts from any start: straight away, mid-descent, at the bottom (the top at the end of the first rep defines the standing height)', () => {
    // Squats straight away with 300 ms pauses: both count (live, the session's set-up gate decides when counting starts).
    expect(run(squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }], 30, 0)).sum.reps.total).toBe(2);
    // The first rep runs 1500-3300 ms (down 700, bottom 400, up 700): a recording that begins mid-descent or at the
    // bottom counts it when the person comes up, with its depth against the standing height found then.
    const set = squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }]);
    for (const t0 of [1850, 2300]) {
      const r = run(set.filter((f) => f.timestampMs >= t0));
      expect(r.sum.reps.total, `from ${t0} ms`).toBe(2);
      expect(r.sum.repFindings[1]!.metrics.peakDepthFrac).toBeCloseTo(0.35, 6);
    }
    // After the bottom (on the way up): that rep's bottom is not in the recording, only the second counts.
    expect(run(set.filter((f) => f.timestampMs >= 2900)).sum.reps.total).toBe(1);
  });

  it('is camera-distance free: a scaled copy gives the same reps and FPPA', () => {
    const reps = [{ bottomDrop: 0.3, fppaLeftDeg: 18 }, { bottomDrop: 0.3 }];
    const a = run(squatSequence(reps));
    const b = run(squatSequence(reps, 30, 1500, (j) => scaled(j, 0.5)));
    expect(b.sum.reps.total).toBe(2);
    expect(b.sum.repFindings[0]!.metrics.peakFppaLeftDeg).toBeCloseTo(a.sum.repFindings[0]!.metrics.peakFppaLeftDeg!, 6);
    expect(cueCodes(b.findings)).toEqual(cueCodes(a.findings));
  });

  it('works at 5 fps', () => {
    expect(run(squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }], 5)).sum.reps.total).toBe(2);
  });
});

describe('squat: knee valgus', () => {
  it('pins the FPPA threshold per knee: 15.05 deg gives KNEE_VALGUS, 14.95 does not', () => {
    // Bottom held 1.5 s so the smoothed FPPA (150 ms EMA) settles on the value.
    const over = run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 15.05, holdMs: 1500 }]), { kneeAnkleRatioFault: 0 });
    expect(cueCodes(over.findings)).toEqual(['KNEE_VALGUS:left']);
    expect(over.sum.repFindings[0]!.faults).toEqual(['KNEE_VALGUS_LEFT']);
    expect(over.sum.repFindings[0]!.metrics.peakFppaLeftDeg).toBeCloseTo(15.05, 3);
    expect(over.sum.repFindings[0]!.metrics.bottomFppaLeftDeg).toBeCloseTo(15.05, 3);
    const under = run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 14.95, holdMs: 1500 }]), { kneeAnkleRatioFault: 0 });
    expect(cueCodes(under.findings)).toEqual([]);
    const right = run(squatSequence([{ bottomDrop: 0.35, fppaRightDeg: 16, holdMs: 1500 }]), { kneeAnkleRatioFault: 0 });
    expect(cueCodes(right.findings)).toEqual(['KNEE_VALGUS:right']);
    expect(right.sum.repFindings[0]!.metrics.peakFppaRightDeg).toBeCloseTo(16, 3);
  });

  it('varus (knee outside the line) is not valgus', () => {
    const r = run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: -20, fppaRightDeg: -20, holdMs: 1500 }]));
    expect(cueCodes(r.findings)).toEqual([]);
    // Peak = the most valgus value seen around the bottom; at the deepest frame the FPPA is the full -20.
    expect(r.sum.repFindings[0]!.metrics.peakFppaLeftDeg).toBeLessThan(0);
    expect(r.sum.repFindings[0]!.metrics.bottomFppaLeftDeg).toBeCloseTo(-20, 3);
  });

  it('cue needs the fault to persist faultOnsetMs', () => {
    // No pause at the bottom: FPPA (25 x depth fraction) is >= 15 deg for ~560 ms around the bottom.
    const r = run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 25, holdMs: 0 }]), { kneeAnkleRatioFault: 0 });
    expect(cueCodes(r.findings)).toEqual(['KNEE_VALGUS:left']);
    const slow = run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 25, holdMs: 0 }]), { kneeAnkleRatioFault: 0, faultOnsetMs: 600 });
    expect(cueCodes(slow.findings)).toEqual([]);
  });

  it('no valgus cue near the top (drop below valgusMinDropFrac), even with a large FPPA', () => {
    const frames = [];
    for (let t = 0; t <= 3000; t += 33) frames.push(frame(t, squatPose({ drop: 0.05, fppaLeftDeg: 25 })));
    expect(cueCodes(run(frames).findings)).toEqual([]);
  });

  /** Knees placed directly: ankles 80 px apart; knee separation = standing ratio x 80 px, moving to bottom ratio. */
  const sepSeq = (standingRatio: number, bottomRatio: number, standMs = 1500) => squatSequence([{ bottomDrop: 0.35, holdMs: 1500 }], 30, standMs, (j) => {
    const f = Math.min(1, (j.left_hip!.y - 500) / 140);
    const half = 40 * (standingRatio + (bottomRatio - standingRatio) * f);
    return withJoints(j, { left_knee: { x: 500 + half, y: j.left_knee!.y }, right_knee: { x: 500 - half, y: j.right_knee!.y } });
  });
  const noFppa = { valgusFppaDeg: 90, valgusClearFppaDeg: 80 };

  it('knee/ankle separation vs standing: KNEES_INSIDE_ANKLES at <= 0.78 x standing, not at 0.80', () => {
    expect(cueCodes(run(sepSeq(1, 0.779), noFppa).findings)).toEqual(['KNEES_INSIDE_ANKLES:both']);
    expect(cueCodes(run(sepSeq(1, 0.80), noFppa).findings)).toEqual([]);
    expect(run(sepSeq(1, 0.779), noFppa).sum.repFindings[0]!.metrics.minKneeAnkleRatio).toBeCloseTo(0.779, 3);
    // Standing with the knees inside the ankles (0.6, as MoveNet sees the real bodyweight-squat clip):
    const r = run(sepSeq(0.6, 0.46), noFppa); // 0.767 x standing
    expect(cueCodes(r.findings)).toEqual(['KNEES_INSIDE_ANKLES:both']);
    expect(r.sum.repFindings[0]!.metrics.minKneeAnkleRatioVsStanding).toBeCloseTo(0.46 / 0.6, 3);
    expect(cueCodes(run(sepSeq(0.6, 0.48), noFppa).findings)).toEqual([]); // 0.80 x standing
    // Knees spreading from 0.6 to 0.9 at the bottom (the real clip): no cue although 0.9 < 1.
    expect(cueCodes(run(sepSeq(0.6, 0.9), noFppa).findings)).toEqual([]);
    // Knees outside the ankles at the bottom are never "inside", whatever the standing ratio.
    expect(cueCodes(run(sepSeq(1.3, 1.05), noFppa).findings)).toEqual([]);
  });

  it('a brief stand before the first rep (a recording of one squat) is the standing reference: that rep is judged', () => {
    // 233 ms of standing (the recorded one-squat clips stand 0.2-0.3 s): the standing height settles after 200 ms, as
    // the descent begins; the knees of those standing frames are the reference, so the caving first rep is cued, and
    // a rep whose knees stay wide is not.
    expect(cueCodes(run(sepSeq(1, 0.7, 233), noFppa).findings)).toEqual(['KNEES_INSIDE_ANKLES:both']);
    expect(cueCodes(run(sepSeq(1, 0.85, 233), noFppa).findings)).toEqual([]);
    // No stand at all (the recording begins in the descent): nothing to judge the knees against during that rep.
    expect(cueCodes(run(sepSeq(1, 0.7, 0), noFppa).findings)).toEqual([]);
  });

  it('body turned against the camera (both knees shifted the same way: +/-40 deg) is not judged as valgus', () => {
    const turned = run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 40, fppaRightDeg: -40 }]), { kneeAnkleRatioFault: 0 });
    expect(cueCodes(turned.findings)).toEqual([]);
    // Without the guard it would be flagged; one knee caving with the other neutral is flagged with the guard on.
    expect(cueCodes(run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 40, fppaRightDeg: -40 }]), { kneeAnkleRatioFault: 0, rotationGuard: false }).findings))
      .toEqual(['KNEE_VALGUS:left']);
    expect(cueCodes(run(squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 20, fppaRightDeg: -5 }]), { kneeAnkleRatioFault: 0 }).findings))
      .toEqual(['KNEE_VALGUS:left']);
  });
});

describe('squat: visibility, view, purity', () => {
  it('no cue and no rep from invisible knees: NOT_VISIBLE with the missing joints instead', () => {
    const frames = squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 25 }], 30, 1500, (j, t) =>
      t > 1500 ? withJoints(j, { left_knee: { ...j.left_knee!, score: 0.29 } }) : j);
    const r = run(frames);
    expect(cueCodes(r.findings)).toEqual([]);
    expect(r.sum.reps.total).toBe(0);
    const vis = r.findings.find((f) => f.kind === 'visibility');
    expect(vis).toMatchObject({ code: 'NOT_VISIBLE', missing: ['left_knee'] });
    expect(r.findings.some((f) => f.kind === 'measure' && f.code === 'FPPA_DEG' && f.timestampMs > 1500)).toBe(false);
  });

  it('dropouts: no cue while the joint is lost; a short one (<= 400 ms) keeps the fault state, a longer one resets it', () => {
    const withDropout = (from: number, to: number) =>
      squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 25, holdMs: 2500 }], 30, 1500, (j, t) =>
        t > from && t < to ? withJoints(j, { left_ankle: { ...j.left_ankle!, score: 0.1 } }) : j);
    const cuesAt = (r: ReturnType<typeof run>, t0: number, t1: number) => r.perFrame
      .filter((p) => p.timestampMs >= t0 && p.timestampMs <= t1).some((p) => p.findings.some((f) => f.kind === 'cue'));
    const short = run(withDropout(2600, 2800), { kneeAnkleRatioFault: 0 });
    expect(cuesAt(short, 2400, 2590)).toBe(true);
    expect(cuesAt(short, 2610, 2790)).toBe(false);
    expect(cuesAt(short, 2800, 2840)).toBe(true); // judged afresh on the first visible frame: still >= 15 deg
    const long = run(withDropout(2600, 3100), { kneeAnkleRatioFault: 0 });
    expect(cuesAt(long, 2610, 3090)).toBe(false);
    // Longer than dropoutHoldMs: the cue needs a fresh onset (200 ms) before it returns.
    expect(cuesAt(long, 3100, 3290)).toBe(false);
    expect(cuesAt(long, 3350, 3600)).toBe(true);
  });

  it('WRONG_VIEW when side-on: no reps, no cues', () => {
    const frames = squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 25 }, { bottomDrop: 0.35 }], 30, 1500, (j) =>
      withJoints(j, { left_shoulder: { x: 505, y: j.left_shoulder!.y }, right_shoulder: { x: 495, y: j.right_shoulder!.y } }));
    const r = run(frames);
    expect(r.sum.reps.total).toBe(0);
    expect(r.sum.cues).toEqual([]);
    expect(r.sum.visibilityFrames.WRONG_VIEW).toBeGreaterThan(frames.length * 0.9);
  });

  it('step does not mutate its inputs and is deterministic', () => {
    const frames = squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 20 }, { bottomDrop: 0.2 }]).map(deepFreeze);
    const cfg = deepFreeze(squat.configSchema.parse({}));
    let s = deepFreeze(squat.initialState(cfg));
    const out: Finding[][] = [];
    for (const f of frames) { const r = squat.step(s, f, cfg); out.push(r.findings); s = deepFreeze(r.state); }
    const again = runExercise(squat, frames, {});
    expect(again.perFrame.map((p) => p.findings)).toEqual(out);
  });
});

describe('squat: keypoint jitter', () => {
  it('still sets up and counts with +/-3 px jitter on every joint (torso 200 px), far from the image origin', () => {
    // Deterministic pseudo-random jitter; the body sits at x ~ 800 so absolute/torso would be ~4 torso lengths.
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const frames = squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }], 30, 1500, (j) => {
      const out: typeof j = {};
      for (const k of Object.keys(j) as (keyof typeof j)[]) out[k] = { ...j[k]!, x: j[k]!.x + 300 + 3 * rnd(), y: j[k]!.y + 3 * rnd() };
      return out;
    });
    expect(run(frames).sum.reps.total).toBe(2);
  });
});

describe('squat: dropouts and a second person', () => {
  it('1-3 frame dropouts of a leg joint (every ~0.5 s) neither block the setup nor lose reps or cues', () => {
    const frames = squatSequence([{ bottomDrop: 0.35, fppaLeftDeg: 25, holdMs: 1000 }, { bottomDrop: 0.35 }], 30, 1500, (j, t) =>
      Math.floor(t / 33) % 15 < 2 ? withJoints(j, { left_ankle: { ...j.left_ankle!, score: 0.05 } }) : j);
    const r = run(frames, { kneeAnkleRatioFault: 0 });
    expect(r.sum.visibilityFrames.NOT_VISIBLE).toBeGreaterThan(20);
    expect(r.sum.reps.total).toBe(2);
    expect(cueCodes(r.findings)).toEqual(['KNEE_VALGUS:left']);
    // One continuous cue interval (the dropout frames show no cue but do not restart the onset).
    expect(r.sum.cues.filter((c) => c.code === 'KNEE_VALGUS').length).toBeLessThanOrEqual(4);
  });

  it('a 0.3 s jump to a squatting bystander while the user stands: NO_PERSON, no cue, no rep, setup not lost', () => {
    const bystander = squatPose({ drop: 0.4, fppaLeftDeg: 30, fppaRightDeg: 30 });
    const frames = squatSequence([{ bottomDrop: 0.35 }, { bottomDrop: 0.35 }], 30, 1500, (j, t) => {
      if (t >= 3900 && t < 4200) {
        const out: typeof j = {};
        for (const k of Object.keys(bystander) as (keyof typeof j)[]) out[k] = { ...bystander[k]!, x: bystander[k]!.x - 350 };
        return out;
      }
      return j;
    });
    const r = run(frames);
    expect(r.sum.cues).toEqual([]);
    expect(r.sum.reps.total).toBe(2);
    const during = r.perFrame.filter((p) => p.timestampMs >= 3900 && p.timestampMs < 4200);
    expect(during.every((p) => p.findings.some((f) => f.kind === 'visibility' && f.code === 'NO_PERSON'))).toBe(true);
  });
});
