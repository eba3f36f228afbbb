import { describe, expect, it } from 'vitest';
import { lunge, type LungeConfig } from '../../../src/rules/exercises/lunge';
import { runExercise, summarize } from '../../../src/rules/engine/run';
import { fppaDeg } from '../../../src/core/geometry';
import type { Side } from '../../../src/core/pose-frame';
import type { Finding } from '../../../src/rules/engine/types';
import { deepFreeze, scaled, seq, standingFront, withJoints, type J, type Joints } from './frame-builder';

/** Knee x for an exact positive FPPA (deg) between a hip and an ankle straight below it; medialDir = +1 if medial is +x. */
function kneeXForFppa(hip: J, kneeY: number, ankle: J, fppa: number, medialDir: 1 | -1): number {
  let lo = 0, hi = 200;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    const v = fppaDeg(hip, { x: hip.x + medialDir * mid, y: kneeY }, ankle, 500);
    if (v < fppa) lo = mid; else hi = mid;
  }
  return hip.x + (medialDir * (lo + hi)) / 2;
}

/** `medialFront`: the front knee's medial displacement from its hip-ankle line at the bottom, fraction of the 400 px leg. */
interface LungeRep { front: Side; bottomDrop: number; fppaFront?: number; medialFront?: number; fppaBack?: number; holdMs?: number }

/**
 * Front view lunge at progress f (0 standing .. 1 bottom). Front shank stays vertical (knee 200 px above the ankle);
 * the back knee sinks toward its ankle, which moves back (higher in the image). Hip height above the front ankle is
 * 400 x (1 - drop) px with a 200 px torso, so the torso-normalised drop equals `drop`.
 */
function lungePose(rep: LungeRep, f: number): Joints {
  const j = standingFront();
  if (f <= 0) return j;
  const drop = rep.bottomDrop * f;
  const dy = 400 * drop;
  const out: Joints = {};
  for (const k of Object.keys(j) as (keyof Joints)[]) out[k] = { ...j[k]!, y: j[k]!.y + dy };
  const frontS = rep.front, back: Side = rep.front === 'left' ? 'right' : 'left';
  const medial = (s: Side): 1 | -1 => (s === 'left' ? -1 : 1);
  const fa = { ...j[`${frontS}_ankle`]! };
  const fh = out[`${frontS}_hip`]!;
  out[`${frontS}_ankle`] = fa;
  const lineX = fh.x + ((700 - fh.y) / (fa.y - fh.y)) * (fa.x - fh.x);
  const kneeX = rep.fppaFront ? kneeXForFppa(fh, 700, fa, rep.fppaFront * f, medial(frontS))
    : rep.medialFront ? lineX + medial(frontS) * rep.medialFront * f * 400 : fa.x;
  out[`${frontS}_knee`] = { x: kneeX, y: 700 };
  const ba = { x: j[`${back}_ankle`]!.x, y: 900 - 60 * f };
  out[`${back}_ankle`] = ba;
  const bh = out[`${back}_hip`]!;
  const bky = 700 + 150 * f;
  out[`${back}_knee`] = { x: rep.fppaBack ? kneeXForFppa(bh, bky, { x: bh.x, y: ba.y }, rep.fppaBack * f, medial(back)) : ba.x, y: bky };
  return out;
}

/** Stand `standMs`, then each rep: 800 ms down, `holdMs` (400) at the bottom, 800 ms up, 500 ms standing. */
function lungeSequence(reps: LungeRep[], fps = 30, standMs = 1500, map?: (j: Joints, t: number) => Joints) {
  const starts: number[] = [];
  let t0 = standMs;
  for (const r of reps) { starts.push(t0); t0 += 2100 + (r.holdMs ?? 400); }
  return seq((t) => {
    let j = standingFront();
    reps.forEach((rep, i) => {
      const hold = rep.holdMs ?? 400;
      const p = t - starts[i]!;
      if (p < 0 || p > 1600 + hold) return;
      const f = p < 800 ? p / 800 : p < 800 + hold ? 1 : (1600 + hold - p) / 800;
      j = lungePose(rep, f);
    });
    return map ? map(j, t) : j;
  }, fps, t0 + 500);
}

const run = (frames: ReturnType<typeof lungeSequence>, cfg: Partial<LungeConfig> = {}) => {
  const r = runExercise(lunge, frames, cfg);
  return { ...r, sum: summarize(r.perFrame) };
};
const cueKeys = (fs: Finding[]) => [...new Set(fs.filter((f) => f.kind === 'cue').map((f) => `${f.code}:${f.side}`))].sort();

describe('lunge', () => {
  it('counts reps per front leg with a per-side index, depth reported, no cues for clean reps', () => {
    const r = run(lungeSequence([
      { front: 'left', bottomDrop: 0.4 }, { front: 'right', bottomDrop: 0.4 }, { front: 'left', bottomDrop: 0.4 },
    ]));
    expect(r.sum.reps).toEqual({ total: 3, left: 2, right: 1, both: 0 });
    expect(r.sum.repFindings.map((f) => `${f.side}${f.index}`)).toEqual(['left1', 'right1', 'left2']);
    expect(r.sum.repFindings[0]!.metrics.peakDepthFrac).toBeCloseTo(0.4, 6);
    expect(r.sum.cues).toEqual([]);
  });

  it('pins the bottom threshold: drop 0.201 counts, 0.199 does not', () => {
    expect(run(lungeSequence([{ front: 'left', bottomDrop: 0.201 }])).sum.reps.total).toBe(1);
    expect(run(lungeSequence([{ front: 'left', bottomDrop: 0.199 }])).sum.reps.total).toBe(0);
  });

  it('pins front-knee valgus on the medial displacement: 6.05 % of the leg flags KNEE_VALGUS on the front leg, 5.95 % does not', () => {
    // Bottom held 1.5 s so the smoothed value settles on it.
    const over = run(lungeSequence([{ front: 'right', bottomDrop: 0.4, medialFront: 0.0605, holdMs: 1500 }]));
    expect(cueKeys(over.findings)).toEqual(['KNEE_VALGUS:right']);
    expect(over.sum.repFindings[0]).toMatchObject({ side: 'right', faults: ['KNEE_VALGUS'] });
    expect(over.sum.repFindings[0]!.metrics.peakKneeMedialFrac).toBeCloseTo(0.0605, 3);
    expect(cueKeys(run(lungeSequence([{ front: 'right', bottomDrop: 0.4, medialFront: 0.0595, holdMs: 1500 }])).findings)).toEqual([]);
  });

  it('does not judge the front knee while the pelvis is turned from standing by more than 35 deg (hip width x cos)', () => {
    // Narrow the hips about their midpoint while below the top (drop >= 0.15): width x 0.83 (turn ~33.9 deg) is judged, x 0.81 (~35.9) not.
    const turn = (k: number) => (j: Joints, t: number): Joints => {
      if (t < 1800 || t > 4300) return j;
      const mx = (j.left_hip!.x + j.right_hip!.x) / 2;
      return withJoints(j, { left_hip: { ...j.left_hip!, x: mx + (j.left_hip!.x - mx) * k }, right_hip: { ...j.right_hip!, x: mx + (j.right_hip!.x - mx) * k } });
    };
    const rep: LungeRep = { front: 'right', bottomDrop: 0.4, medialFront: 0.1, holdMs: 1500 };
    expect(cueKeys(run(lungeSequence([rep], 30, 1500, turn(0.83))).findings)).toEqual(['KNEE_VALGUS:right']);
    expect(cueKeys(run(lungeSequence([rep], 30, 1500, turn(0.81))).findings)).toEqual([]);
  });

  it('judges the front knee only at the bottom: the hip drop staying within 0.06 torso lengths for 200 ms', () => {
    // Down to 0.4 in 800 ms, 1.5 s at the bottom bobbing up and down by `peakToPeak` every 300 ms (the knee caving
    // ~8 %), then up: a bob of 0.058 stays within 0.06 of where it settled, 0.062 leaves it twice a period.
    const rep: LungeRep = { front: 'left', bottomDrop: 1, medialFront: 0.2 };
    const bobbing = (peakToPeak: number) => seq((t) => {
      const p = t - 1500;
      const drop = p < 0 ? 0 : p < 800 ? 0.4 * p / 800 : p < 2300 ? 0.4 - peakToPeak * (1 - Math.cos(2 * Math.PI * (p - 800) / 300)) / 2 : Math.max(0, 0.4 - (p - 2300) / 800 * 0.4);
      return lungePose(rep, drop);
    }, 30, 5000);
    expect(cueKeys(run(bobbing(0.058)).findings)).toEqual(['KNEE_VALGUS:left']);
    expect(cueKeys(run(bobbing(0.062)).findings)).toEqual([]);
  });

  it('shows FPPA only where it is defined: hip drop 0.12-0.20 (moderate knee flexion), not at the bottom', () => {
    const r = run(lungeSequence([{ front: 'left', bottomDrop: 0.4, fppaFront: 10 }]));
    const dropAt = new Map(r.perFrame.map((p) => [p.timestampMs, p.findings.find((f) => f.kind === 'measure' && f.code === 'DEPTH_FRAC')]));
    const fppaDrops = r.perFrame.filter((p) => p.findings.some((f) => f.kind === 'measure' && f.code === 'FPPA_DEG'))
      .map((p) => (dropAt.get(p.timestampMs) as Extract<Finding, { kind: 'measure' }>).value);
    expect(fppaDrops.length).toBeGreaterThan(5);
    expect(Math.min(...fppaDrops)).toBeGreaterThanOrEqual(0.12);
    expect(Math.max(...fppaDrops)).toBeLessThanOrEqual(0.2);
    // The bottom FPPA is not reported for a rep deeper than that range.
    expect(r.sum.repFindings[0]!.metrics.bottomFppaDeg).toBeUndefined();
  });

  it('a rep short of the depth target (0.30) is counted and marked shallow, with "go deeper" (info)', () => {
    const shallow = run(lungeSequence([{ front: 'left', bottomDrop: 0.299 }]));
    expect(shallow.sum.repFindings[0]!.faults).toEqual(['SHALLOW_REP']);
    expect(shallow.sum.cues.map((c) => c.code)).toEqual(['SHALLOW_REP']);
    const deep = run(lungeSequence([{ front: 'left', bottomDrop: 0.301 }]));
    expect(deep.sum.repFindings[0]!.faults).toEqual([]);
    expect(deep.sum.cues).toEqual([]);
  });

  it('does not judge the back knee', () => {
    const r = run(lungeSequence([{ front: 'left', bottomDrop: 0.4, fppaBack: 30 }]));
    expect(r.sum.reps.left).toBe(1);
    expect(cueKeys(r.findings)).toEqual([]);
  });

  it('forward lunge toward the camera: torso-normalised depth is unchanged when the body grows in the image', () => {
    const reps: LungeRep[] = [{ front: 'left', bottomDrop: 0.35 }, { front: 'right', bottomDrop: 0.35 }];
    // Up to 15% bigger at the bottom (scaled about the feet so they stay in frame).
    const grow = (j: Joints) => scaled(j, 1 + 0.15 * ((j.left_shoulder!.y - 300) / 140), 500, 900);
    const r = run(lungeSequence(reps, 30, 1500, grow), { variant: 'forward' });
    expect(r.sum.reps).toMatchObject({ left: 1, right: 1 });
    // The torso length is smoothed (150 ms: one frame's torso jitters on a person far away), so a growth this fast
    // leaves the depth within 0.01.
    expect(Math.abs(r.sum.repFindings[0]!.metrics.peakDepthFrac! - 0.35)).toBeLessThan(0.01);
  });

  it("side 'left' counts only reps with the left leg in front", () => {
    const r = run(lungeSequence([{ front: 'left', bottomDrop: 0.4 }, { front: 'right', bottomDrop: 0.4, medialFront: 0.1 }]), { side: 'left' });
    expect(r.sum.reps).toMatchObject({ total: 1, left: 1 });
    expect(cueKeys(r.findings)).toEqual([]);
  });

  it('no rep and no cue when the front knee is not visible', () => {
    const frames = lungeSequence([{ front: 'left', bottomDrop: 0.4, fppaFront: 25 }], 30, 1500, (j, t) =>
      t > 1600 ? withJoints(j, { left_knee: { ...j.left_knee!, score: 0.2 } }) : j);
    const r = run(frames);
    expect(r.sum.reps.total).toBe(0);
    expect(r.sum.cues).toEqual([]);
    expect(r.sum.visibilityFrames.NOT_VISIBLE).toBeGreaterThan(0);
  });

  it('1-2 frame dropouts of a leg joint every ~0.5 s neither block the setup nor lose reps or the valgus cue', () => {
    const frames = lungeSequence([{ front: 'left', bottomDrop: 0.4, medialFront: 0.1, holdMs: 1000 }, { front: 'right', bottomDrop: 0.4 }], 30, 1500,
      (j, t) => (Math.floor(t / 33) % 15 < 2 ? withJoints(j, { right_ankle: { ...j.right_ankle!, score: 0.05 } }) : j));
    const r = run(frames);
    expect(r.sum.visibilityFrames.NOT_VISIBLE).toBeGreaterThan(20);
    expect(r.sum.reps).toMatchObject({ left: 1, right: 1 });
    expect(cueKeys(r.findings)).toEqual(['KNEE_VALGUS:left']);
  });

  it('step does not mutate its inputs and is deterministic', () => {
    const frames = lungeSequence([{ front: 'left', bottomDrop: 0.4, fppaFront: 20 }, { front: 'right', bottomDrop: 0.35 }]).map(deepFreeze);
    const cfg = deepFreeze(lunge.configSchema.parse({}));
    let s = deepFreeze(lunge.initialState(cfg));
    const out: Finding[][] = [];
    for (const f of frames) { const r = lunge.step(s, f, cfg); out.push(r.findings); s = deepFreeze(r.state); }
    expect(runExercise(lunge, frames).perFrame.map((p) => p.findings)).toEqual(out);
    expect(out.flat().filter((f) => f.kind === 'rep')).toHaveLength(2);
  });
});
