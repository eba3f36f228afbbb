// The report's caveats, in words a clinician reads first: what the app is (a screening and training aid), what one
// 2D camera cannot judge, and where the thresholds are documented. Numbers are passed in from the live configs so
// the words never disagree with the rules.

export interface CaveatNumbers {
  /** The single-leg stand test's pelvic-drop cue threshold, deg. */
  pelvicDropDeg: number;
  /** The single-leg stand test's trunk-lean cue threshold, deg. */
  trunkLeanDeg: number;
}

export function reportCaveats(n: CaveatNumbers): string[] {
  return [
    'Screening and training aid, not a diagnosis. The numbers describe how the movement looked to one webcam during home exercise; they do not say what causes a problem.',
    'Everything is measured in the 2D picture from 17 body points estimated by a pose model (MoveNet): there are no pelvic landmarks (the hip points are joint centres), no feet or toes. Expect about 3° of error on an angle such as pelvic drop or trunk lean.',
    `No validated cut-off exists for pelvic drop measured this way. The app's cue thresholds (pelvic drop ${n.pelvicDropDeg}°, trunk lean ${n.trunkLeanDeg}°) are its own defaults, set above the measurement error; the measured angles are listed so they can be judged directly.`,
    'A camera that is not level adds its tilt to one side and takes it from the other: compare left and right from the same set-up. A left/right difference within the measurement error is not reported as a difference.',
    'Movement toward or away from the camera is foreshortened, and rotation is not seen: foot angle, toe direction and the rotation variants of an exercise are taken on trust.',
    'Frames where the body was not fully visible are not judged (no cue, no rep). A rep without a cue means the camera saw no fault, not that the form was checked in full.',
    'Exercises were judged with the app\'s default thresholds (listed below with their sources), except for the hold times and sides the programme sets. They are documented in the app\'s README (section "Exercises") and in src/rules/README.md (section "Config fields").',
    'Built in the browser from the sessions stored on this device. Nothing was uploaded.',
  ];
}

/** The project's documents the report cites for its definitions and thresholds. */
export const REPORT_DOCS: readonly { title: string; path: string }[] = [
  { title: 'Exercises: views, checks and threshold sources', path: 'README.md#exercises' },
  { title: 'Config fields: every threshold, its default and its source', path: 'src/rules/README.md' },
  { title: 'The programme: steps, clean form, progression', path: 'src/programme/README.md' },
];
