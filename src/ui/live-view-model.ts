// What the live set screen shows, in words: the session's plain state in, ready-made models out for
// <live-panel>, <coach-stage-layer> and the skeleton's joint highlights. No DOM, no math, no state of its own.
import type { KeypointName } from '../core/pose-frame';
import { isFinished, repsThisSide, sideOf, type SessionSpec, type SessionState } from '../coach/coach-session';
import { currentCue, currentHold, type CueFinding } from '../coach/live-set';
import { countdownSeconds } from '../coach/setup-gate';
import { placementVerdict, type PlacementState } from '../coach/placement';
import { placementWords } from '../exercises-content/placement-words';
import { howToFor } from '../exercises-content/howto';
import { cueLine, formatValue, metricLabel, sideWord, visibilityWords } from '../exercises-content/words';
import type { StageHud } from './coach-stage-layer';
import type { LivePanelModel } from './live-panel';
import { DEFAULT_SINGLE_LEG_REPORT, PELVIC_SERIES, TRUNK_SERIES } from '../coach/single-leg-report';
import type { SummariseOptions } from '../coach/set-summary';
import type { ExerciseDefinition } from '../rules/engine/types';
import { ruleDefault } from '../coach/coach-session';

/** A session as the screens read it: what is fixed and where it is now. */
export interface LiveSession { spec: SessionSpec; state: SessionState }

export type JointHighlights = Partial<Record<KeypointName, string>>;

const SEVERITY_COLOUR = { fault: '#ff4d4d', warning: '#ffd166', info: '#7fb8ff' } as const;
const SEVERITY_ORDER = { info: 0, warning: 1, fault: 2 } as const;

/** Joints of the active cues (a live set's, or the one a replayed moment showed), coloured by severity; the most
 * severe wins a joint shared by two cues. */
export function jointHighlights(live: { cues: readonly Pick<CueFinding, 'severity' | 'joints'>[] }): JointHighlights {
  const out: JointHighlights = {};
  for (const c of [...live.cues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])) {
    for (const j of c.joints) out[j] = SEVERITY_COLOUR[c.severity];
  }
  return out;
}

const startHint = (s: LiveSession): string => howToFor(s.spec.exercise).startHint ?? 'Hold the start position still: counting begins then';

/** Exercise, set and side in a few words (the distance view's corner). */
export function setInfo(s: LiveSession): string {
  const side = sideOf(s.spec, s.state);
  const sideText = side ? ` · ${sideWord(side)} ${howToFor(s.spec.exercise).sideMeaning?.toLowerCase() ?? 'side'}` : '';
  return `${s.spec.exercise.name} · set ${s.state.setIndex + 1} of ${s.spec.plan.sets.length}${sideText}`;
}

/** The big count across the room: reps of the target, or whole seconds held of the target (tenths are not read
 * from 3 m, and whole seconds re-render the stage once a second instead of every frame). */
export function bigCount(s: LiveSession): StageHud['count'] {
  const { spec, state } = s;
  const hold = currentHold(state.live);
  const reps = repsThisSide(spec, state);
  if (spec.plan.reps !== null || reps > 0) {
    return { kind: 'reps', value: String(reps), of: spec.plan.reps !== null ? String(spec.plan.reps) : null, running: state.gate.status === 'counting' };
  }
  const targetMs = hold?.targetMs ?? spec.plan.holdMs;
  return { kind: 'hold', value: `${Math.floor((hold?.elapsedMs ?? 0) / 1000)}`, of: targetMs ? `${Math.round(targetMs / 1000)}` : null, running: hold?.running ?? false };
}

/** The stage over the video while a set runs; `go` while "Go!" shows after the countdown; `placementOk` for a moment
 * after the camera placement check passed. */
export function stageHud(s: LiveSession, go: boolean, placementOk = false): StageHud {
  const { gate, live } = s.state;
  const view = s.spec.exercise.view;
  const cue = currentCue(live);
  const vis = live.visibility;
  const counting = gate.status === 'counting';
  return {
    gate,
    setupText: visibilityWords(gate.status === 'waiting' ? gate.reason : null, view, gate.status === 'waiting' ? gate.missing : []),
    cue: cue && !vis ? { text: cueLine(cue.code, cue.side), severity: cue.severity }
      : vis && counting ? { text: visibilityWords(vis.code, view, vis.missing), severity: 'info' }
      : counting && live.phase === 'setup' ? { text: startHint(s), severity: 'info' } : null,
    go: counting && go,
    info: setInfo(s),
    count: bigCount(s),
    placement: null,
    placementOk: placementOk && !counting,
  };
}

/** The stage while the camera placement check runs (before the first set): the check takes the whole stage. */
export function placementStageHud(s: LiveSession, p: PlacementState): StageHud {
  const verdict = placementVerdict(p);
  return {
    ...stageHud(s, false),
    count: null,
    placement: { ...placementWords(p, verdict, s.spec.exercise.view), status: verdict.status,
      progress: p.wait === 'collecting' ? Math.round(p.progress * 10) / 10 : null,
      lowerSide: verdict.next === 'camera-tilted' ? p.judged?.lowerSide ?? null : null },
  };
}

/** The placement check's one instruction (the panel's live region says it for screen readers too). */
export const placementHeadline = (p: PlacementState): string => placementWords(p, placementVerdict(p)).headline;

/** Changes whenever what the stage shows changes (the stage is told only then). */
export const hudKey = (h: StageHud | null): string =>
  h ? [h.gate.status, countdownSeconds(h.gate), h.setupText, h.cue?.text, h.cue?.severity, h.go, h.info, h.count?.value, h.count?.of, h.count?.running,
    h.placementOk, h.placement ? JSON.stringify(h.placement) : ''].join('|') : '';

/** What the live panel says in words and counts (not the running numbers): re-render at once when it changes. */
export function panelKey(s: LiveSession): string {
  const { gate, live } = s.state;
  const cue = currentCue(live);
  const hold = currentHold(live);
  return [s.state.set, gate.status, countdownSeconds(gate), repsThisSide(s.spec, s.state), live.phase, cue?.code, cue?.side,
    cue?.severity, hold?.running, live.visibility?.code, live.holdEnds.length].join('|');
}

export interface PanelExtras {
  /** Why no frames arrive, or null. */
  paused: string | null;
  voiceAvailable: boolean;
  voiceOn: boolean;
  /** Label of the running keypoint recording's button, or null. */
  recording: string | null;
}

export function panelModel(s: LiveSession, x: PanelExtras): LivePanelModel {
  const { spec, state } = s;
  const { gate, live } = state;
  const side = sideOf(spec, state);
  const counting = gate.status === 'counting';
  const hold = currentHold(live);
  const cue = x.paused ? null : currentCue(live);
  const isHoldPlan = spec.plan.reps === null;
  const holds = spec.plan.holds ?? 1;
  return {
    exerciseName: spec.exercise.name,
    setNo: state.setIndex + 1,
    setCount: spec.plan.sets.length,
    sideLabel: side ? `${sideWord(side)} ${howToFor(spec.exercise).sideMeaning?.toLowerCase() ?? 'side'}` : null,
    status: x.paused ? 'paused' : counting ? 'counting' : 'setup',
    statusText: x.paused ? x.paused
      : counting ? (live.visibility ? visibilityWords(live.visibility.code, spec.exercise.view, live.visibility.missing)
        : live.phase === 'setup' ? startHint(s) : 'Counting')
      : gate.status === 'countdown' ? `Starting in ${Math.ceil(gate.remainingMs / 1000)}…`
      : gate.status === 'ready' ? 'Ready: hold still' : stageHud(s, false).setupText,
    reps: isHoldPlan && live.reps.length === 0 ? null : repsThisSide(spec, state),
    repTarget: spec.plan.reps,
    hold: hold || isHoldPlan ? {
      elapsedS: ((hold?.elapsedMs ?? 0) / 1000).toFixed(1),
      targetS: (((hold?.targetMs ?? spec.plan.holdMs) ?? 0) / 1000).toFixed(0),
      running: !x.paused && (hold?.running ?? false),
      holdNo: holds > 1 ? Math.min(live.holdEnds.length + 1, holds) : null,
      holdCount: holds > 1 ? holds : null,
    } : null,
    measures: x.paused ? [] : Object.values(live.measures).slice(0, 4).map((m) => ({
      label: `${metricLabel(m.code)}${m.side !== 'both' ? ` (${m.side})` : ''}`, value: formatValue(m.code, m.value, m.unit),
    })),
    cue: cue ? { text: cueLine(cue.code, cue.side), severity: cue.severity } : null,
    voiceAvailable: x.voiceAvailable,
    voiceOn: x.voiceOn,
    recording: x.recording,
  };
}

/** What to say when asked for the count: reps, or the hold time while no rep was made in a hold plan. */
export function countWords(s: LiveSession): string {
  const n = repsThisSide(s.spec, s.state);
  const hold = currentHold(s.state.live);
  return s.spec.plan.reps === null && n === 0
    ? `${Math.floor((hold?.elapsedMs ?? 0) / 1000)} seconds`
    : `${n} ${n === 1 ? 'rep' : 'reps'}`;
}

/** The after-set screen's main button. */
export function nextSetLabel(s: LiveSession, singleLegTest: boolean): string | null {
  if (isFinished(s.spec, s.state)) return null;
  const nextSide = s.spec.plan.sets[s.state.setIndex + 1];
  return singleLegTest && nextSide ? `Test the ${nextSide} leg` : `Next set${nextSide ? ` (${nextSide})` : ''}`;
}

/** The single-leg stand test (its report replaces the set summary). */
export const isSingleLegTest = (def: ExerciseDefinition): boolean => def.group === 'test';

/** How a set of `def` is summarised, live or from a file: its main metrics, and the single-leg test's plots. */
export function summariseOptionsFor(def: ExerciseDefinition): SummariseOptions {
  return {
    preferredMetrics: howToFor(def).mainMetrics ?? [],
    keepSeries: isSingleLegTest(def) ? new RegExp(`${PELVIC_SERIES.source}|${TRUNK_SERIES.source}`, 'i') : undefined,
  };
}

/** The pelvic-drop angle the single-leg report flags: the rule's own default. */
export const dropThreshold = (def: ExerciseDefinition): number =>
  ruleDefault(def, /pelvic.*drop.*deg|drop.*deg/i) ?? DEFAULT_SINGLE_LEG_REPORT.meanDropFlagDeg;
