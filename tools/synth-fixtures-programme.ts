// Synthetic fixtures for the gluteus-medius programme checkers (issue 7, H5): fixtures/synthetic/programme-*.json.
// Called by tools/synth-fixtures.ts (npm run synth); can also run alone: npx tsx tools/synth-fixtures-programme.ts
// Thresholds for the labels are the checkers' config defaults, read from the registry (as tools/synth-fixtures.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFixture, serializeFixture, type FixtureInput } from '../src/fixtures/fixture-schema';
import { defaultCommon } from '../src/fixtures/synth/scenarios';
import {
  circumductionScenario, clamshellScenario, deadliftScenario, defaultCircumduction, defaultSeated, defaultWallClamshell,
  seatedScenario, wallClamshellScenario, defaultProneHipExtension, defaultProneStraddle, defaultQuadruped,
  proneHipExtensionScenario, proneStraddleScenario, quadrupedScenario, bridgeFrontScenario, bridgeSideScenario, defaultBridgeFront, defaultClamshell, defaultDeadlift, defaultHipHitch, defaultSideLyingAbduction,
  defaultSingleLegSquat, defaultStandingAbduction, defaultStepUp, hipHitchScenario, sideLyingAbductionScenario,
  singleLegSquatScenario, standingAbductionScenario, stepUpScenario,
} from '../src/fixtures/synth/scenarios-programme';
import { exerciseConfig } from '../src/rules/registry';

const ROOT = path.resolve(import.meta.dirname, '..');

function write(f: FixtureInput) {
  const file = path.join(ROOT, 'fixtures', 'synthetic', `${f.name.split('/').pop()}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  const text = serializeFixture({ ...f, createdAt: undefined });
  writeFileSync(file, text);
  const p = parseFixture(text);
  process.stdout.write(`${path.relative(ROOT, file)}  ${p.frames.length} frames, ${p.labels.faults.length} fault intervals, reps ${p.labels.reps?.total ?? '-'}\n`);
}

const cfg = (id: string) => exerciseConfig(id) as Record<string, number>;

export function writeProgrammeFixtures(): void {
  const sl = cfg('side-lying-hip-abduction');
  const slTh = { upDeg: sl.upDeg!, downDeg: sl.downDeg!, outOfPlaneRatio: sl.outOfPlaneRatio!, outOfPlaneClearRatio: sl.outOfPlaneClearRatio!, setupMs: sl.setupMs! + 1500, onsetMs: sl.faultOnsetMs! };
  write(sideLyingAbductionScenario('synthetic/programme-side-lying-abduction-left-40', defaultSideLyingAbduction({ top: 'left', abductionDeg: 40 }), slTh, defaultCommon({ seed: 701 })).fixture);
  write(sideLyingAbductionScenario('synthetic/programme-side-lying-abduction-right-swing-back', defaultSideLyingAbduction({ top: 'right', abductionDeg: 40, swingBackDeg: 55, swingBackReps: [2] }), slTh, defaultCommon({ seed: 702 })).fixture);

  const sq = cfg('single-leg-squat');
  const sqTh = { downCompression: sq.downCompression!, upCompression: sq.upCompression!, valgusOnDeg: sq.valgusFppaDeg!, valgusClearDeg: sq.valgusClearFppaDeg!, setupMs: sq.setupMs! + 1500, onsetMs: sq.faultOnsetMs! };
  write(singleLegSquatScenario('synthetic/programme-single-leg-squat-fppa-5-left', defaultSingleLegSquat({ stance: 'left', fppaBottomDeg: 5 }), sqTh, defaultCommon({ seed: 711 })).fixture);
  write(singleLegSquatScenario('synthetic/programme-single-leg-squat-fppa-24-right', defaultSingleLegSquat({ stance: 'right', fppaBottomDeg: 24 }), sqTh, defaultCommon({ seed: 712 })).fixture);

  const ab = cfg('standing-hip-abduction');
  const abTh = { upDeg: ab.upDeg!, downDeg: ab.downDeg!, leanOnDeg: ab.trunkLeanDeg!, leanClearDeg: ab.trunkLeanClearDeg!, setupMs: ab.setupMs! + 1500, onsetMs: ab.faultOnsetMs! };
  write(standingAbductionScenario('synthetic/programme-standing-abduction-right-30', defaultStandingAbduction({ side: 'right', abductionDeg: 30 }), abTh, defaultCommon({ seed: 721 })).fixture);
  write(standingAbductionScenario('synthetic/programme-standing-abduction-left-lean-16', defaultStandingAbduction({ side: 'left', abductionDeg: 30, trunkLeanDeg: 16, leanReps: [2, 3] }), abTh, defaultCommon({ seed: 722 })).fixture);

  const hh = cfg('hip-hitch');
  const cl = cfg('clamshell');
  write(clamshellScenario('synthetic/programme-clamshell-left-45', defaultClamshell({ top: 'left', openingDeg: 45 }), { openTorso: cl.openLiftTorso!, closedTorso: cl.closedLiftTorso! }, defaultCommon({ seed: 741 })).fixture);

  const dl = cfg('single-leg-deadlift');
  write(deadliftScenario('synthetic/programme-single-leg-deadlift-right-80', defaultDeadlift({ stance: 'right', hingeDeg: 80 }), { downDeg: dl.downDeg!, upDeg: dl.upDeg!, targetHingeDeg: dl.targetHingeDeg! }, defaultCommon({ seed: 751 })).fixture);

  const su = cfg('lateral-step-up');
  // The step-up starts in its start position (foot on the step, knee bent): cues are judged from the end of setup.
  const suTh = { valgusOnDeg: su.valgusFppaDeg!, valgusClearDeg: su.valgusClearFppaDeg!, valgusMinCompression: su.valgusMinCompression!, setupMs: su.setupMs!, onsetMs: su.faultOnsetMs! };
  write(stepUpScenario('synthetic/programme-lateral-step-up-left-fppa-4', defaultStepUp({ side: 'left', fppaBottomDeg: 4 }), suTh, defaultCommon({ seed: 761 })).fixture);
  write(stepUpScenario('synthetic/programme-lateral-step-up-right-fppa-22', defaultStepUp({ side: 'right', fppaBottomDeg: 22 }), suTh, defaultCommon({ seed: 762 })).fixture);

  write(circumductionScenario('synthetic/programme-circumduction-right-3', defaultCircumduction({ side: 'right' }), defaultCommon({ seed: 771 })).fixture);
  write(circumductionScenario('synthetic/programme-circumduction-left-reverse-3', defaultCircumduction({ side: 'left', direction: -1 }), defaultCommon({ seed: 772 })).fixture);

  const wc = cfg('wall-clamshell');
  write(wallClamshellScenario('synthetic/programme-wall-clamshell-left-3-holds', defaultWallClamshell({ stance: 'left' }), { footUpFrac: wc.footUpFrac! }, defaultCommon({ seed: 781 })).fixture);

  write(seatedScenario('synthetic/programme-seated-side-foot-raise-35-28', defaultSeated(), defaultCommon({ seed: 791 })).fixture);

  write(proneHipExtensionScenario('synthetic/programme-prone-hip-extension-left-20', defaultProneHipExtension(), defaultCommon({ seed: 801 })).fixture);
  write(proneStraddleScenario('synthetic/programme-prone-straddle-2-holds', defaultProneStraddle(), { liftedDeg: cfg('prone-straddle-hold').liftedDeg! }, defaultCommon({ seed: 811 })).fixture);
  write(quadrupedScenario('synthetic/programme-quadruped-abduction-right-70', defaultQuadruped(), defaultCommon({ seed: 821 })).fixture);

  const bf = cfg('glute-bridge-front');
  const bfTh = { downRise: bf.downRise!, cavingOn: bf.kneesCavingRatio!, cavingClear: bf.kneesCavingClearRatio!, setupMs: bf.setupMs! + 1500, onsetMs: bf.faultOnsetMs! };
  write(bridgeFrontScenario('synthetic/programme-glute-bridge-front-clean', defaultBridgeFront(), bfTh, defaultCommon({ seed: 831 })).fixture);
  write(bridgeFrontScenario('synthetic/programme-glute-bridge-front-knees-caving', defaultBridgeFront({ valgusDeg: 25 }), bfTh, defaultCommon({ seed: 832 })).fixture);
  // The same bridge from the side (the side-view checker): hips to the line (0.22 m), and pushed past it (0.30 m: arched).
  const gb = cfg('glute-bridge');
  const gbTh = { downDeg: gb.downDeg!, upDeg: gb.upDeg!, fullExtensionDeg: gb.fullExtensionDeg!, overOn: gb.overextendedDeg!, overClear: gb.overextendedClearDeg!, setupMs: gb.setupMs! + 1500, onsetMs: gb.faultOnsetMs! };
  write(bridgeSideScenario('synthetic/programme-glute-bridge-side-clean', defaultBridgeFront(), gbTh, defaultCommon({ seed: 841 })).fixture);
  write(bridgeSideScenario('synthetic/programme-glute-bridge-side-arched', defaultBridgeFront({ liftM: 0.3 }), gbTh, defaultCommon({ seed: 842 })).fixture);

  write(hipHitchScenario('synthetic/programme-hip-hitch-right-12', defaultHipHitch({ stance: 'right', dropDeg: 12 }), { dropDeg: hh.dropDeg!, levelDeg: hh.levelDeg! }, defaultCommon({ seed: 731 })).fixture);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeProgrammeFixtures();
