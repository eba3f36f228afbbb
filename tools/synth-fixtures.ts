// Writes the synthetic fixtures (fixtures/synthetic/) and the variants of recorded ones (fixtures/variants/).
//   npm run synth            (deterministic: same code + seeds -> identical files)
// Thresholds for the ground-truth labels are the checkers' documented config defaults, read from the registry
// (src/rules/registry.ts) at generation time and written into each fixture's source.parameters. If a checker's
// defaults change, re-run this tool. Without a checker for an exercise, NOTES.md / rule-header numbers are used.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { KEYPOINT_NAMES } from '../src/core/pose-frame';
import { parseFixture, serializeFixture, type Fixture, type FixtureInput } from '../src/fixtures/fixture-schema';
import {
  defaultCommon, defaultLunge, defaultSidePlank, defaultSingleLegStance, defaultSquat,
  lungeScenario, sidePlankScenario, singleLegStanceScenario, squatScenario,
} from '../src/fixtures/synth/scenarios';
import { dropJointsFixture, jitterFixture, mirrorFixture, resampleFixture, secondPersonFixture } from '../src/fixtures/synth/variants';
import { exerciseConfig } from '../src/rules/registry';
import { writeProgrammeFixtures } from './synth-fixtures-programme';

const ROOT = path.resolve(import.meta.dirname, '..');

/** The checker's config defaults, or `fallback` when the exercise is not registered yet. */
function cfg(id: string, fallback: Record<string, number>): Record<string, number> {
  try {
    return { ...fallback, ...(exerciseConfig(id) as Record<string, number>) };
  } catch {
    process.stderr.write(`synth: no checker "${id}" in the registry; using documented fallback thresholds\n`);
    return fallback;
  }
}

function write(dir: string, f: FixtureInput) {
  const file = path.join(ROOT, 'fixtures', dir, `${f.name.split('/').pop()}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const text = serializeFixture({ ...f, createdAt: undefined });
  writeFileSync(file, text);
  const p = parseFixture(text);
  process.stdout.write(`${path.relative(ROOT, file)}  ${p.frames.length} frames, ${p.labels.faults.length} fault intervals, ${p.labels.holds.length} holds, reps ${p.labels.reps?.total ?? '-'}\n`);
}

function main() {
  const sq = cfg('squat', { valgusFppaDeg: 15, valgusClearFppaDeg: 10, valgusMinDropFrac: 0.1, kneeAnkleRatioFault: 0.85, kneeAnkleRatioClear: 0.92, minAnkleSepTorsoFrac: 0.2, faultOnsetMs: 200 });
  const squatTh = {
    valgusOnDeg: sq.valgusFppaDeg!, valgusClearDeg: sq.valgusClearFppaDeg!, valgusMinDropFrac: sq.valgusMinDropFrac!,
    kneeAnkleOn: sq.kneeAnkleRatioFault!, kneeAnkleClear: sq.kneeAnkleRatioClear!, minAnkleSepTorso: sq.minAnkleSepTorsoFrac!, onsetMs: sq.faultOnsetMs!,
  };
  const squats: Array<[string, number, number, number]> = [
    ['squat-fppa-0', 0, 0, 101], ['squat-fppa-10', 10, 10, 102], ['squat-fppa-20', 20, 20, 103],
    ['squat-fppa-25', 25, 25, 104], ['squat-fppa-left-20-right-0', 20, 0, 105],
  ];
  for (const [name, l, r, seed] of squats) {
    write('synthetic', squatScenario(`synthetic/${name}`, defaultSquat({ fppaBottomDeg: { left: l, right: r } }), squatTh, defaultCommon({ seed })).fixture);
  }

  // Camera-angle robustness, labelled from the 3D truth (no knee collapse -> no valgus cue).
  write('synthetic', squatScenario('synthetic/squat-oblique-35deg-no-valgus', defaultSquat({ valgusRotationDeg: { left: 0, right: 0 }, expectView: 'front' }),
    squatTh, defaultCommon({ seed: 106, camera: { azimuthDeg: 35 } })).fixture);
  write('synthetic', squatScenario('synthetic/squat-side-view-valgus', defaultSquat({ valgusRotationDeg: { left: 20, right: 20 }, expectView: 'wrong-view' }),
    squatTh, defaultCommon({ seed: 107, camera: { azimuthDeg: 90 } })).fixture);

  const sl = cfg('single-leg-stand', { pelvicDropDeg: 5, pelvicDropClearDeg: 3, trunkLeanDeg: 10, trunkLeanClearDeg: 6, liftOnFrac: 0.08, liftOffFrac: 0.03, faultOnsetMs: 200 });
  const slTh = {
    dropOnDeg: sl.pelvicDropDeg!, dropClearDeg: sl.pelvicDropClearDeg!, leanOnDeg: sl.trunkLeanDeg!, leanClearDeg: sl.trunkLeanClearDeg!,
    liftOnFrac: sl.liftOnFrac!, liftOffFrac: sl.liftOffFrac!, onsetMs: sl.faultOnsetMs!,
  };
  const stances: Array<[string, 'left' | 'right', number, number, number]> = [
    ['single-leg-stance-level-left', 'left', 0, 0, 201],
    ['single-leg-stance-drop-10-right', 'right', 10, 0, 202],
    ['single-leg-stance-drop-8-lean-14-left', 'left', 8, 14, 203],
  ];
  for (const [name, stance, drop, lean, seed] of stances) {
    write('synthetic', singleLegStanceScenario(`synthetic/${name}`, defaultSingleLegStance({ stance, pelvicDropDeg: drop, trunkLeanDeg: lean }), slTh, defaultCommon({ seed })).fixture);
  }
  // Trendelenburg is classically watched from BEHIND: camera at 180 deg, the person's left on the image left.
  write('synthetic', singleLegStanceScenario('synthetic/single-leg-stance-drop-10-back-view-right', defaultSingleLegStance({ stance: 'right', pelvicDropDeg: 10 }),
    slTh, defaultCommon({ seed: 204, camera: { azimuthDeg: 180 } })).fixture);

  const sp = cfg('side-plank', { lineToleranceDeg: 10, lineClearDeg: 7, maxBodyInclineDeg: 45, holdStartMs: 500, holdGraceMs: 1000, faultOnsetMs: 200 });
  const spTh = {
    lineOnDeg: sp.lineToleranceDeg!, lineClearDeg: sp.lineClearDeg!, maxInclineDeg: sp.maxBodyInclineDeg!,
    holdStartMs: sp.holdStartMs!, holdGraceMs: sp.holdGraceMs!, onsetMs: sp.faultOnsetMs!,
  };
  write('synthetic', sidePlankScenario('synthetic/side-plank-straight-right', defaultSidePlank({ support: 'right', holdDeviationDeg: 2 }), spTh, defaultCommon({ seed: 301 })).fixture);
  write('synthetic', sidePlankScenario('synthetic/side-plank-sag-episode-left', defaultSidePlank({
    support: 'left', holdDeviationDeg: 3, episodes: [{ startMs: 3000, rampMs: 250, plateauMs: 450, deviationDeg: 17 }],
  }), spTh, defaultCommon({ seed: 302 })).fixture);
  write('synthetic', sidePlankScenario('synthetic/side-plank-pike-episode-right', defaultSidePlank({
    support: 'right', holdDeviationDeg: 0, episodes: [{ startMs: 4000, rampMs: 250, plateauMs: 450, deviationDeg: -17 }],
  }), spTh, defaultCommon({ seed: 303 })).fixture);
  write('synthetic', sidePlankScenario('synthetic/side-plank-sag-to-end-right', defaultSidePlank({
    support: 'right', holdDeviationDeg: 2, holdMs: 9000, episodes: [{ startMs: 5000, rampMs: 600, plateauMs: 10_000, deviationDeg: 20 }],
  }), spTh, defaultCommon({ seed: 304 })).fixture);

  const lu = cfg('lunge', { valgusFppaDeg: 15, valgusClearFppaDeg: 10, valgusMinDropFrac: 0.12, frontLegMinDiffTorso: 0.15, faultOnsetMs: 200 });
  const luTh = { valgusOnDeg: lu.valgusFppaDeg!, valgusClearDeg: lu.valgusClearFppaDeg!, valgusMinDropFrac: lu.valgusMinDropFrac!, frontLegMinDiffTorso: lu.frontLegMinDiffTorso!, onsetMs: lu.faultOnsetMs! };
  const lunges: Array<[string, 'left' | 'right', number, number]> = [
    ['lunge-left-fppa-0', 'left', 0, 401], ['lunge-right-fppa-20', 'right', 20, 402], ['lunge-left-fppa-25', 'left', 25, 403],
  ];
  for (const [name, front, fppa, seed] of lunges) {
    write('synthetic', lungeScenario(`synthetic/${name}`, defaultLunge({ front, fppaBottomDeg: fppa }), luTh, defaultCommon({ seed })).fixture);
  }

  // ---- gluteus-medius programme checkers (issue 7): fixtures/synthetic/programme-*.json
  writeProgrammeFixtures();

  // ---- variants of recorded and synthetic fixtures
  const load = (rel: string): Fixture => parseFixture(readFileSync(path.join(ROOT, rel), 'utf8'), rel);
  const legs = KEYPOINT_NAMES.filter((n) => /hip|knee|ankle/.test(n));
  const bws = 'fixtures/real/bodyweight-squat.json', bwsF = load(bws);
  write('variants', mirrorFixture(bwsF, bws, 'variants/bodyweight-squat-mirrored'));
  write('variants', resampleFixture(bwsF, bws, 'variants/bodyweight-squat-10fps', 10));
  write('variants', jitterFixture(bwsF, bws, 'variants/bodyweight-squat-jitter-3px', 3, 501));
  write('variants', dropJointsFixture(bwsF, bws, 'variants/bodyweight-squat-missing-joints', { startProb: 0.08, maxRunFrames: 4, joints: legs }, 502));
  write('variants', secondPersonFixture(bwsF, bws, 'variants/bodyweight-squat-second-person', { windowsMs: [[2200, 2500], [6300, 6500]], otherOffsetMs: 1500, shiftX: 0.3, scale: 0.8 }));
  const sp1 = 'fixtures/real/side-plank.json', sp1F = load(sp1);
  write('variants', mirrorFixture(sp1F, sp1, 'variants/side-plank-mirrored'));
  write('variants', resampleFixture(sp1F, sp1, 'variants/side-plank-10fps', 10));
  write('variants', dropJointsFixture(sp1F, sp1, 'variants/side-plank-missing-joints', { startProb: 0.08, maxRunFrames: 4, joints: KEYPOINT_NAMES.filter((n) => /shoulder|hip|ankle/.test(n)) }, 503));
  const llr = 'fixtures/real/lateral-leg-raise.json';
  write('variants', mirrorFixture(load(llr), llr, 'variants/lateral-leg-raise-mirrored'));
  const sq25 = 'fixtures/synthetic/squat-fppa-25.json', sq25F = load(sq25);
  write('variants', dropJointsFixture(sq25F, sq25, 'variants/squat-fppa-25-missing-joints', { startProb: 0.05, maxRunFrames: 3, joints: legs }, 504));
  write('variants', jitterFixture(sq25F, sq25, 'variants/squat-fppa-25-jitter-2px', 2, 505));
  write('variants', resampleFixture(sq25F, sq25, 'variants/squat-fppa-25-10fps', 10));
  write('variants', secondPersonFixture(sq25F, sq25, 'variants/squat-fppa-25-second-person', { windowsMs: [[1600, 1900], [4200, 4500]], otherOffsetMs: 2000, shiftX: 0.3, scale: 0.8 }));
  const sls = 'fixtures/synthetic/single-leg-stance-drop-8-lean-14-left.json';
  write('variants', mirrorFixture(load(sls), sls, 'variants/single-leg-stance-drop-8-lean-14-mirrored'));
  const lun = 'fixtures/synthetic/lunge-left-fppa-25.json', lunF = load(lun);
  write('variants', mirrorFixture(lunF, lun, 'variants/lunge-fppa-25-mirrored'));
  // Dropped joints on the fault cases too (MoveNet loses a joint for 1-4 frames now and then): the fault intervals,
  // holds and reps must not change.
  write('variants', dropJointsFixture(lunF, lun, 'variants/lunge-fppa-25-missing-joints', { startProb: 0.05, maxRunFrames: 3, joints: legs }, 506));
  const sld = 'fixtures/synthetic/single-leg-stance-drop-10-right.json';
  write('variants', dropJointsFixture(load(sld), sld, 'variants/single-leg-stance-drop-10-missing-joints', { startProb: 0.05, maxRunFrames: 3, joints: KEYPOINT_NAMES.filter((n) => /shoulder|hip|ankle/.test(n)) }, 507));
  const sps = 'fixtures/synthetic/side-plank-sag-episode-left.json';
  write('variants', dropJointsFixture(load(sps), sps, 'variants/side-plank-sag-episode-missing-joints', { startProb: 0.05, maxRunFrames: 3, joints: KEYPOINT_NAMES.filter((n) => /shoulder|hip|ankle/.test(n)) }, 508));
  const slq = 'fixtures/synthetic/programme-single-leg-squat-fppa-24-right.json';
  write('variants', dropJointsFixture(load(slq), slq, 'variants/single-leg-squat-fppa-24-missing-joints', { startProb: 0.05, maxRunFrames: 3, joints: legs }, 509));
  const sab = 'fixtures/synthetic/programme-standing-abduction-left-lean-16.json';
  write('variants', dropJointsFixture(load(sab), sab, 'variants/standing-abduction-lean-16-missing-joints', { startProb: 0.05, maxRunFrames: 3, joints: KEYPOINT_NAMES.filter((n) => /shoulder|hip|knee|ankle/.test(n)) }, 510));
}

main();
