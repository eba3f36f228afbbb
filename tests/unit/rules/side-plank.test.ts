import { describe, expect, it } from 'vitest';
import { lineDeviationDeg as bodyLineDeviationDeg } from '../../../src/core/geometry';
import { sidePlank, type SidePlankConfig } from '../../../src/rules/exercises/side-plank';
import { runExercise, summarize } from '../../../src/rules/engine/run';
import type { Side } from '../../../src/core/pose-frame';
import { jointAngleDeg } from '../../../src/core/geometry';
import type { Finding } from '../../../src/rules/engine/types';
import { deepFreeze, seq, standingFront, withJoints, type J, type Joints } from './frame-builder';

const S = { x: 250, y: 450 }, A = { x: 850, y: 550 };
const len = Math.hypot(A.x - S.x, A.y - S.y);
const d = { x: (A.x - S.x) / len, y: (A.y - S.y) / len };
const n = { x: -d.y, y: d.x }; // normal pointing to larger y (toward the floor)
const at = (p: { x: number; y: number }, along: number, across: number): J =>
  ({ x: p.x + d.x * along + n.x * across, y: p.y + d.y * along + n.y * across });

/** Hip offset along the floor normal that gives an exact signed deviation (deg) of the midpoint line. */
function hipOffsetFor(devDeg: number): number {
  let lo = -300, hi = 300;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (bodyLineDeviationDeg(S, at(S, 200, mid), A) < devDeg) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The plank's joints with the mid-hip moved `off` px along the floor normal. */
function plankJoints(bottom: Side, off: number): Joints {
  const top: Side = bottom === 'left' ? 'right' : 'left';
  const H = at(S, 200, off);
  return {
    nose: at(S, -80, 0), left_eye: at(S, -85, 5), right_eye: at(S, -85, -5), left_ear: at(S, -75, 10), right_ear: at(S, -75, -10),
    [`${bottom}_shoulder`]: at(S, 0, 70), [`${top}_shoulder`]: at(S, 0, -70),
    [`${bottom}_elbow`]: at(S, 0, 170), [`${top}_elbow`]: at(S, 60, -60),
    [`${bottom}_wrist`]: at(S, 80, 170), [`${top}_wrist`]: at(S, 120, -50),
    [`${bottom}_hip`]: { x: H.x + n.x * 40, y: H.y + n.y * 40 }, [`${top}_hip`]: { x: H.x - n.x * 40, y: H.y - n.y * 40 },
    [`${bottom}_knee`]: at(S, 400, 25), [`${top}_knee`]: at(S, 400, -25),
    [`${bottom}_ankle`]: at(S, len, 15), [`${top}_ankle`]: at(S, len, -15),
  };
}

interface PlankPose { devDeg?: number; bottom?: Side; raiseDeg?: number }

/** Side plank facing the camera, head at image left; the bottom side's points are nearer the floor (larger y). */
function plankPose({ devDeg = 0, bottom = 'left', raiseDeg = 0 }: PlankPose): Joints {
  const top: Side = bottom === 'left' ? 'right' : 'left';
  const off = devDeg === 0 ? 0 : hipOffsetFor(devDeg);
  const H = at(S, 200, off);
  const j = plankJoints(bottom, off);
  if (raiseDeg) {
    // Rotate the top leg about the mid-hip, away from the floor.
    const r = (raiseDeg * Math.PI) / 180;
    const rot = (p: J): J => {
      const vx = p.x - H.x, vy = p.y - H.y;
      return { x: H.x + vx * Math.cos(r) + vy * Math.sin(r), y: H.y - vx * Math.sin(r) + vy * Math.cos(r) };
    };
    j[`${top}_knee`] = rot(j[`${top}_knee`]!);
    j[`${top}_ankle`] = rot(j[`${top}_ankle`]!);
  }
  return j;
}

const run = (frames: ReturnType<typeof seq>, cfg: Partial<SidePlankConfig> = {}) => {
  const r = runExercise(sidePlank, frames, cfg);
  return { ...r, sum: summarize(r.perFrame) };
};
const cueKeys = (fs: Finding[]) => [...new Set(fs.filter((f) => f.kind === 'cue').map((f) => `${f.code}:${f.side}`))].sort();
const phases = (pieces: [number, PlankPose | Joints][]) => (t: number) => {
  let cur: PlankPose | Joints = {};
  for (const [from, p] of pieces) if (t >= from) cur = p;
  return 'left_hip' in cur ? (cur as Joints) : plankPose(cur as PlankPose);
};

describe('side plank geometry', () => {
  it('deviation is positive when the hip is below the line (sag), negative above (pike)', () => {
    expect(bodyLineDeviationDeg({ x: 0, y: 0 }, { x: 50, y: 10 }, { x: 100, y: 0 })).toBeGreaterThan(0);
    expect(bodyLineDeviationDeg({ x: 0, y: 0 }, { x: 50, y: -10 }, { x: 100, y: 0 })).toBeLessThan(0);
    expect(bodyLineDeviationDeg(S, at(S, 200, hipOffsetFor(12)), A)).toBeCloseTo(12, 6);
  });
});

describe('side plank hold', () => {
  it('times a straight hold to the 30 s target on the bottom side, no cues', () => {
    const r = run(seq(() => plankPose({ bottom: 'right' }), 10, 35_000));
    expect(r.sum.holdEnds).toEqual([expect.objectContaining({ side: 'right', reason: 'target', elapsedMs: 30_000, timestampMs: 30_000 })]);
    expect(r.sum.cues).toEqual([]);
    expect(r.perFrame.at(-1)!.findings.find((f) => f.kind === 'phase')).toMatchObject({ phase: 'done' });
  });

  it('pins the 10 deg tolerance: 9.9 deg sag keeps the hold running, 10.1 flags HIP_SAG and ends it after the grace', () => {
    const ok = run(seq(phases([[0, { devDeg: 0 }], [3000, { devDeg: 9.9 }]]), 30, 8000));
    expect(ok.sum.holdEnds).toEqual([]);
    expect(ok.sum.cues).toEqual([]);
    expect(ok.state.hold.status).toBe('running');
    const sag = run(seq(phases([[0, { devDeg: 0 }], [3000, { devDeg: 10.1 }]]), 30, 8000));
    expect(cueKeys(sag.findings)).toEqual(['HIP_SAG:left']);
    expect(sag.sum.holdEnds).toHaveLength(1);
    expect(sag.sum.holdEnds[0]).toMatchObject({ reason: 'posture-lost', side: 'left' });
    // Timed only while correct: ~3000 ms (0..2980), not the 1 s lapse.
    expect(Math.abs(sag.sum.holdEnds[0]!.elapsedMs - 2980)).toBeLessThanOrEqual(34);
    // The cued sag is in the hold's peak (the way down at the end of a hold, never cued, is not).
    expect(sag.sum.holdEnds[0]!.metrics.peakSagDeg).toBeCloseTo(10.1, 6);
  });

  it('HIP_PIKE at -10.1 deg, not at -9.9', () => {
    expect(cueKeys(run(seq(phases([[0, {}], [2000, { devDeg: -10.1 }]]), 30, 4000)).findings)).toEqual(['HIP_PIKE:left']);
    expect(cueKeys(run(seq(phases([[0, {}], [2000, { devDeg: -9.9 }]]), 30, 4000)).findings)).toEqual([]);
  });

  it('HIP_PIKE is judged on the 300 ms median: a held pike with every third frame jittering back inside the clear band is cued; a 200 ms pike is not', () => {
    const hiccup = (t: number) => plankPose({ devDeg: t < 2000 ? 0 : Math.round(t / (1000 / 30)) % 3 === 0 ? -5 : -10.5 });
    expect(cueKeys(run(seq(hiccup, 30, 4000)).findings)).toEqual(['HIP_PIKE:left']);
    expect(cueKeys(run(seq(phases([[0, {}], [2000, { devDeg: -12 }], [2200, {}]]), 30, 4000)).findings)).toEqual([]);
  });

  it('a short lapse pauses the clock but the hold continues', () => {
    const r = run(seq(phases([[0, {}], [3000, { devDeg: 15 }], [3600, {}]]), 30, 6000));
    expect(r.sum.holdEnds).toEqual([]);
    expect(cueKeys(r.findings)).toEqual(['HIP_SAG:left']);
    expect(Math.abs(r.state.hold.elapsedMs - (6000 - 600))).toBeLessThanOrEqual(70);
  });

  it('hips on the floor while getting into position: no cue, the hold starts after the lift', () => {
    const r = run(seq(phases([[0, { devDeg: 30 }], [2000, {}]]), 30, 5000));
    expect(r.sum.cues).toEqual([]);
    const firstRunning = r.findings.find((f) => f.kind === 'hold' && f.running);
    expect(firstRunning!.timestampMs).toBeGreaterThanOrEqual(2500);
    expect(Math.abs(r.state.hold.elapsedMs - 3000)).toBeLessThanOrEqual(34);
  });

  it('lying flat on the side is a straight line too, but not a plank: pins the 8 deg shoulder lift', () => {
    // The whole straight plank turned about the shoulders so the shoulder-ankle line rises `deg` above horizontal.
    const inclined = (deg: number) => () => {
      const r = ((Math.atan2(A.y - S.y, A.x - S.x) * 180) / Math.PI - deg) * (Math.PI / 180);
      const out: Joints = {};
      for (const [k, p] of Object.entries(plankPose({}))) {
        const vx = p.x - S.x, vy = p.y - S.y;
        out[k as keyof Joints] = { x: S.x + vx * Math.cos(r) + vy * Math.sin(r), y: S.y - vx * Math.sin(r) + vy * Math.cos(r) };
      }
      return out;
    };
    for (const deg of [0, 5, 7.9]) {
      const r = run(seq(inclined(deg), 30, 3000));
      expect(r.findings.some((f) => f.kind === 'hold'), `${deg} deg`).toBe(false);
      expect(r.sum.cues).toEqual([]);
    }
    const ok = run(seq(inclined(8.1), 30, 3000));
    expect(ok.state.hold.status).toBe('running');
  });

  it('a camera rolled under a forearm plank: after the hips rested toward the floor, a straight line as high as at rest is lifted; lying down flat is not; pins liftInclineDropDeg (4 deg)', () => {
    // The pose turned about the shoulders so the shoulder-ankle line rises `deg` above the image horizontal.
    const tilt = (j: Joints, deg: number): Joints => {
      const r = ((Math.atan2(A.y - S.y, A.x - S.x) * 180) / Math.PI - deg) * (Math.PI / 180);
      const out: Joints = {};
      for (const [k, p] of Object.entries(j)) {
        const vx = p.x - S.x, vy = p.y - S.y;
        out[k as keyof Joints] = { x: S.x + vx * Math.cos(r) + vy * Math.sin(r), y: S.y - vx * Math.sin(r) + vy * Math.cos(r) };
      }
      return out;
    };
    // Hips resting toward the floor (deviation 25 deg) for 1.5 s at `restDeg`, then a straight line at `heldDeg`.
    const lift = (restDeg: number, heldDeg: number, gapMs = 0) => seq((t) => (t < 1500 ? tilt(plankPose({ devDeg: 25 }), restDeg)
      : t < 1500 + gapMs ? tilt(plankPose({ devDeg: 14 }), heldDeg) : tilt(plankPose({}), heldDeg)), 30, 4500 + gapMs);
    const timed = (frames: ReturnType<typeof seq>) => run(frames).findings.some((f) => f.kind === 'hold' && f.running);
    expect(timed(lift(5, 5))).toBe(true);
    expect(timed(lift(9, 5.1))).toBe(true);
    expect(timed(lift(9, 4.9))).toBe(false);
    // Propped on the forearm at 12 deg, then the shoulders lowered to the floor: a straight line at 6 deg, not a plank.
    expect(timed(lift(12, 6))).toBe(false);
    // The rest is remembered for liftMemoryMs (5 s).
    expect(timed(lift(5, 5, 4000))).toBe(true);
    expect(timed(lift(5, 5, 6000))).toBe(false);
  });

  it('a standing person is not a plank (body line too steep): no hold', () => {
    const r = run(seq(() => standingFront(), 30, 3000));
    expect(r.findings.some((f) => f.kind === 'hold')).toBe(false);
  });

  it('feet cut off: the knees stand in (default), or NOT_VISIBLE and no hold without the fallback', () => {
    const noFeet = (t: number) => {
      const j = plankPose({});
      return withJoints(j, { left_ankle: { ...j.left_ankle!, x: 1005 }, right_ankle: { ...j.right_ankle!, x: 1005 } });
    };
    const a = run(seq(noFeet, 30, 3000));
    expect(a.state.hold.status).toBe('running');
    const b = run(seq(noFeet, 30, 3000), { kneeFallback: false });
    expect(b.findings.some((f) => f.kind === 'hold')).toBe(false);
    expect(b.sum.visibilityFrames.NOT_VISIBLE).toBe(b.sum.frames);
  });

  it('losing one joint of a stacked pair completes it from the last offset: the line does not jump, the hold runs on', () => {
    const r = run(seq((t) => {
      const j = plankPose({ devDeg: 4 });
      return t > 2000 && t < 3000 ? withJoints(j, { right_shoulder: { ...j.right_shoulder!, score: 0.1 } }) : j;
    }, 30, 4000));
    expect(r.sum.cues).toEqual([]);
    expect(r.findings.filter((f) => f.kind === 'hold' && !f.running)).toEqual([]);
    const devs = r.findings.flatMap((f) => (f.kind === 'measure' && f.code === 'BODY_LINE_DEVIATION_DEG' ? [f.value] : []));
    expect(Math.max(...devs) - Math.min(...devs)).toBeLessThan(1e-6);
    // Without a recent offset (pairMemoryMs 0) the line jumps to the single shoulder and the hold lapses.
    const noMemory = run(seq((t) => {
      const j = plankPose({ devDeg: 4 });
      return t > 2000 && t < 3000 ? withJoints(j, { right_shoulder: { ...j.right_shoulder!, score: 0.1 } }) : j;
    }, 30, 4000), { pairMemoryMs: 0 });
    expect(noMemory.findings.some((f) => f.kind === 'hold' && !f.running)).toBe(true);
  });

  it('no cue from invisible hips; the clock pauses while they are out of view', () => {
    const hidden = (t: number) => {
      const j = plankPose({ devDeg: t > 2000 ? 20 : 0 });
      return t > 2000 && t < 2600 ? withJoints(j, { left_hip: { ...j.left_hip!, score: 0.1 }, right_hip: { ...j.right_hip!, score: 0.1 } }) : j;
    };
    const r = run(seq(hidden, 30, 2590));
    expect(r.sum.cues).toEqual([]);
    expect(r.sum.visibilityFrames.NOT_VISIBLE).toBeGreaterThan(10);
  });
});

describe('side plank with top-leg raises', () => {
  function raises(peakDeg: number, n: number) {
    // 1.5 s plank, then n raises: 600 ms up, 300 ms at the top, 600 ms down, 500 ms rest.
    return seq((t) => {
      const u = t - 1500;
      const p = u % 2000;
      const f = u < 0 || u >= n * 2000 ? 0 : p < 600 ? p / 600 : p < 900 ? 1 : p < 1500 ? (1500 - p) / 600 : 0;
      return plankPose({ raiseDeg: peakDeg * f });
    }, 30, 1500 + n * 2000 + 500);
  }

  it('counts raises of the top leg; pins the 25 deg target', () => {
    const r = run(raises(35, 3), { variant: 'leg-raises' });
    expect(r.sum.reps).toMatchObject({ total: 3, right: 3 });
    expect(r.sum.repFindings[0]!.metrics.peakRaiseDeg).toBeGreaterThan(35);
    // The measured angle = the resting angle between the legs + the rotation of the top leg.
    const p0 = plankPose({});
    const hip = { x: (p0.left_hip!.x + p0.right_hip!.x) / 2, y: (p0.left_hip!.y + p0.right_hip!.y) / 2 };
    const rest = jointAngleDeg(p0.right_ankle!, hip, p0.left_ankle!);
    expect(rest).toBeLessThan(10);
    expect(run(raises(25 - rest + 0.1, 2), { variant: 'leg-raises' }).sum.reps.total).toBe(2);
    expect(run(raises(25 - rest - 0.1, 2), { variant: 'leg-raises' }).sum.reps.total).toBe(0);
    // The hold keeps running through the raises (the body line uses the bottom leg).
    expect(r.sum.holdEnds).toEqual([]);
    expect(r.sum.cues).toEqual([]);
  });

  it('a raise already up when the recording starts counts once it is completed (the hold start is still being confirmed)', () => {
    // The leg is up at 35 deg from the first frame, comes down over 300-900 ms, then two full raises.
    const frames = seq((t) => {
      if (t < 300) return plankPose({ raiseDeg: 35 });
      if (t < 900) return plankPose({ raiseDeg: 35 * (900 - t) / 600 });
      const p = (t - 1500) % 2000, f = t < 1500 || t >= 5500 ? 0 : p < 600 ? p / 600 : p < 900 ? 1 : p < 1500 ? (1500 - p) / 600 : 0;
      return plankPose({ raiseDeg: 35 * f });
    }, 30, 6000);
    expect(run(frames, { variant: 'leg-raises' }).sum.reps.total).toBe(3);
  });

  it('no raises counted in the plain hold variant', () => {
    expect(run(raises(35, 2)).sum.reps.total).toBe(0);
  });
});

describe('side plank purity', () => {
  it('step does not mutate its inputs and is deterministic', () => {
    const frames = seq(phases([[0, {}], [1500, { devDeg: 14 }], [2100, {}], [2400, { devDeg: -14 }], [3000, {}]]), 30, 5000).map(deepFreeze);
    const cfg = deepFreeze(sidePlank.configSchema.parse({ variant: 'leg-raises' }));
    let s = deepFreeze(sidePlank.initialState(cfg));
    const out: Finding[][] = [];
    for (const f of frames) { const r = sidePlank.step(s, f, cfg); out.push(r.findings); s = deepFreeze(r.state); }
    expect(runExercise(sidePlank, frames, { variant: 'leg-raises' }).perFrame.map((p) => p.findings)).toEqual(out);
    expect(cueKeys(out.flat())).toEqual(['HIP_PIKE:left', 'HIP_SAG:left']);
  });
});

describe('side plank: the side picked and the body', () => {
  it("SIDE_MISMATCH (info) when the picked side is not the one the body lies on; none with 'auto' or the right side", () => {
    const frames = seq(phases([[0, { devDeg: 0 }]]), 30, 3000);
    const cues = (side: 'auto' | 'left' | 'right') => run(frames, { side }).findings.filter((f) => f.kind === 'cue').map((f) => f.kind === 'cue' ? `${f.code}:${f.side}:${f.severity}` : '');
    expect([...new Set(cues('right'))]).toEqual(['SIDE_MISMATCH:right:info']);
    expect(cues('left')).toEqual([]);
    expect(cues('auto')).toEqual([]);
  });

  it('a few frames with left and right swapped (the model on a lying body) do not delay the clock; the other side runs none', () => {
    const swap = (j: Joints): Joints => {
      const out: Joints = {};
      for (const [k, v] of Object.entries(j)) out[(k.startsWith('left_') ? k.replace('left_', 'right_') : k.replace('right_', 'left_')) as keyof Joints] = v;
      return out;
    };
    const swapped = (from: number, to: number) => seq((t) => (t >= from && t < to ? swap(plankPose({})) : plankPose({})), 30, 4000);
    const firstRunningMs = (r: ReturnType<typeof run>) => r.findings.find((f) => f.kind === 'hold' && f.running)?.timestampMs ?? Infinity;
    // Swapped for 3 frames while the start is confirmed (500 ms): the hold still starts on time.
    const r = run(swapped(300, 400), { side: 'left' });
    expect(firstRunningMs(r)).toBeLessThan(600);
    expect(r.sum.cues).toEqual([]);
    // Lying on the other side from the start: no clock (SIDE_MISMATCH instead).
    const other = run(swapped(0, 4000), { side: 'left' });
    expect(firstRunningMs(other)).toBe(Infinity);
    expect(other.sum.cues.map((c) => c.code)).toContain('SIDE_MISMATCH');
  });
});

describe('side plank: the end of a hold is not a sag', () => {
  const sagFor = (devDeg: number, fromMs: number, toMs: number) => run(seq((t) => plankPose({ devDeg: t >= fromMs && t < toMs ? devDeg : 0 }), 30, 7000));
  it('lowering to the floor (0 -> 30 deg over 800 ms, then resting) raises no HIP_SAG and ends the hold', () => {
    const lower = run(seq((t) => plankPose({ devDeg: t < 4000 ? 0 : Math.min(30, ((t - 4000) / 800) * 30) }), 30, 7000));
    expect(cueKeys(lower.findings)).toEqual([]);
    expect(lower.sum.holdEnds[0]).toMatchObject({ reason: 'posture-lost' });
    expect(lower.sum.holdEnds[0]!.metrics.peakSagDeg).toBeLessThan(10);
  });
  it('pins sagOnsetMs: a 14 deg sag held 700 ms is cued, 450 ms is not', () => {
    expect(cueKeys(sagFor(14, 4000, 4700).findings)).toEqual(['HIP_SAG:left']);
    expect(cueKeys(sagFor(14, 4000, 4450).findings)).toEqual([]);
  });
  it('pins restingDeg: a held 18.9 deg sag is cued, 19.1 deg (hips resting toward the floor) is not', () => {
    expect(cueKeys(sagFor(18.9, 4000, 4900).findings)).toEqual(['HIP_SAG:left']);
    expect(cueKeys(sagFor(19.1, 4000, 4900).findings)).toEqual([]);
  });
});
