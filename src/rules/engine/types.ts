// The contract between rules, fixtures tests and the UI. Findings are data; the UI picks words, colours, sound.
// A rule is `step(state, frame, config) -> {state, findings}`: pure, never reads a clock, never mutates inputs.
import type { z } from 'zod';
import type { KeypointName, PoseFrame, Side } from '../../core/pose-frame';

/** Camera placement the exercise needs. 'front' = facing the camera; 'side' = side-on (sagittal view). */
export type CameraView = 'front' | 'side';
export type ExerciseGroup = 'test' | 'strength' | 'hold';
export type Severity = 'info' | 'warning' | 'fault';
/** 'both' for cues about the whole body or both legs. */
export type FindingSide = Side | 'both';

export type Finding =
  /** A form cue that is active on this frame (already debounced). Emitted every frame while active. */
  | { kind: 'cue'; code: string; side: FindingSide; severity: Severity; timestampMs: number; joints: KeypointName[];
      /** The measured value that drives the cue on this frame (unit per the exercise file, e.g. FPPA deg). Optional. */
      value?: number }
  /** A live measurement on this frame, e.g. FPPA or pelvic obliquity. Units are in the code's suffix or `unit`. */
  | { kind: 'measure'; code: string; side: FindingSide; value: number; unit: 'deg' | 'ratio' | 'ms' | 'count'; timestampMs: number }
  /** A completed repetition (emitted once, on the frame that completes it). `metrics` keys carry units: `peakFppaDeg`. */
  | { kind: 'rep'; side: FindingSide; index: number; timestampMs: number; durationMs: number; metrics: Record<string, number>; faults: string[] }
  /** Hold timer status on this frame (hold exercises and the single-leg stand). `running` only while posture is correct. */
  | { kind: 'hold'; side: FindingSide; running: boolean; elapsedMs: number; targetMs: number; timestampMs: number }
  /** A hold or trial finished (target reached, posture lost for good, or foot down). Emitted once. */
  | { kind: 'hold-end'; side: FindingSide; elapsedMs: number; reason: 'target' | 'posture-lost' | 'foot-down'; timestampMs: number; metrics: Record<string, number> }
  /** Cannot judge this frame: no person, joints not visible / out of frame, or facing the wrong way. No cues/reps then. */
  | { kind: 'visibility'; code: 'NO_PERSON' | 'NOT_VISIBLE' | 'WRONG_VIEW'; missing: KeypointName[]; timestampMs: number }
  /** Phase of the set for the UI: waiting for the start position, active, done. */
  | { kind: 'phase'; phase: 'setup' | 'active' | 'done'; timestampMs: number };

export type FindingKind = Finding['kind'];
export type VisibilityCode = Extract<Finding, { kind: 'visibility' }>['code'];
export type HoldEndReason = Extract<Finding, { kind: 'hold-end' }>['reason'];

export interface StepResult<S> { state: S; findings: Finding[] }

export interface ExerciseDefinition<C extends z.ZodType = z.ZodType, S = unknown> {
  id: string;
  name: string;
  group: ExerciseGroup;
  view: CameraView;
  /** Keypoints that must be visible to judge the exercise (per side where `sided`). */
  requiredKeypoints: readonly KeypointName[];
  /** Whether the user picks a working side (left/right) for this exercise. */
  sided: boolean;
  configSchema: C;
  /** One-line description for pickers and reports (our own words). Optional. */
  description?: string;
  /** Every cue code this definition can emit (the UI maps codes to words). Optional. */
  cueCodes?: readonly string[];
  /** Every measure code this definition can emit. Optional. */
  measureCodes?: readonly string[];
  /** How to do the exercise and where to put the camera (our own words, shown before a set). Optional. */
  howTo?: string;
  /** What a single 2D camera cannot judge in this exercise (shown with the how-to, never faked). Optional. */
  limitations?: readonly string[];
  initialState(config: z.infer<C>): S;
  step(state: S, frame: PoseFrame, config: z.infer<C>): StepResult<S>;
}
