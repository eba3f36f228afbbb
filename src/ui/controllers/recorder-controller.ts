// RecorderController: an in-app keypoint recording of the set in progress (a test fixture file, no video), for a
// Lit host. Started and stopped by its button; also saved when the set ends, so one file = one set with one side,
// and when the host leaves the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PoseFrame } from '../../core/pose-frame';
import { setRuleOverrides, sideOf } from '../../coach/coach-session';
import { FixtureRecorder, type RecorderMeta } from '../../fixtures/recorder';
import { downloadText } from '../download';
import type { LiveSession } from '../live-view-model';
import { errorText } from '../../core/error-text';

/** How the frames are made, written into a recorded fixture (the shell's pipeline knows it). */
export interface CaptureInfo {
  modelId: 'lightning' | 'thunder';
  modelVersion: string;
  backend: string;
  smoothing: Record<string, unknown> | null;
  source: 'camera' | 'file' | null;
  sourceLabel: string;
}

/** What a recording of this set says about itself: exercise, side, rule config, model and source. */
export function recordingMeta(s: LiveSession, c: CaptureInfo | null): RecorderMeta {
  const side = sideOf(s.spec, s.state);
  const overrides = { ...(setRuleOverrides(s.spec, s.state.setIndex) as Record<string, unknown>) };
  delete overrides.side; // the fixture's exercise.side carries it
  return {
    exerciseId: s.spec.exercise.id,
    ...(side ? { side } : {}),
    configOverrides: overrides,
    model: { id: c?.modelId ?? 'lightning', version: c?.modelVersion ?? 'unknown' },
    backend: c?.backend ?? 'unknown',
    smoothing: c?.smoothing ?? null,
    view: s.spec.exercise.view,
    description: c?.source === 'file'
      ? `in-app recording of the video file "${c.sourceLabel}" (add its origin and licence before committing)`
      : `in-app recording, live camera${c?.sourceLabel ? ` (${c.sourceLabel})` : ''}`,
  };
}

export class RecorderController implements ReactiveController {
  private recorder: FixtureRecorder | null = null;
  private exerciseId = 'session';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }


  /** A recording still running when the host leaves the page is saved, not lost. */
  hostDisconnected(): void { this.save(); }

  get recording(): boolean { return this.recorder !== null; }

  /** The running recording's button label, or null when not recording. */
  get label(): string | null {
    const r = this.recorder;
    return r ? `Save recording (${r.frameCount} frames${r.full ? ', limit reached' : ''})` : null;
  }

  start(meta: RecorderMeta): void {
    this.recorder = new FixtureRecorder(meta);
    this.exerciseId = meta.exerciseId;
    this.host.requestUpdate();
  }

  push(frame: PoseFrame): void { this.recorder?.push(frame); }

  /** Downloads the recording as a fixture file (unlabelled, schema-checked) and ends it. Nothing recorded: no file.
   * Returns why it could not be saved, or null. */
  save(): string | null {
    const r = this.recorder;
    if (!r) return null;
    this.recorder = null;
    this.host.requestUpdate();
    if (r.frameCount === 0) return null;
    const stamp = new Date().toISOString();
    const id = this.exerciseId;
    try {
      const json = r.toJson(`camera/${stamp.slice(0, 10)}-${id}`, stamp);
      downloadText(this.host, `fixture-${id}-${stamp.replace(/[:.]/g, '-')}.json`, json, 'application/json');
      return null;
    } catch (e) {
      return `The recording could not be saved: ${errorText(e)}`;
    }
  }
}
