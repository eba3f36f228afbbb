// StageController: keeps what is drawn over the video in step with the coach: the stage's HUD (announced to the
// shell with a `coach-hud` event) and the skeleton's joint highlights. Each is handed over only when it changes:
// every hand-over re-renders the shell, which at camera rate would cost more than the coaching itself.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KeypointName } from '../../core/pose-frame';
import type { StageHud } from '../coach-stage-layer';
import { hudKey, type JointHighlights } from '../live-view-model';

/** What the coach needs from the skeleton overlay (<pose-overlay>). */
export interface JointHighlighter { highlights: Partial<Record<KeypointName, string>> }

export interface StageOutput {
  hud: StageHud | null;
  highlights: JointHighlights;
  overlay: JointHighlighter | null;
}

export class StageController implements ReactiveController {
  private lastHudKey = ''; // '' = no hud (the stage starts empty)

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly read: () => StageOutput) {
    host.addController(this);
  }

  /** After every render (screen changes, pauses); frames call sync() themselves, as they render less often. */
  hostUpdated(): void { this.sync(); }

  sync(): void {
    const { hud, highlights, overlay } = this.read();
    if (overlay && !sameHighlights(overlay.highlights, highlights)) overlay.highlights = highlights;
    const key = hudKey(hud);
    if (key === this.lastHudKey) return;
    this.lastHudKey = key;
    this.host.dispatchEvent(new CustomEvent<StageHud | null>('coach-hud', { detail: hud, bubbles: true, composed: true }));
  }
}

function sameHighlights(a: JointHighlights, b: JointHighlights): boolean {
  return Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k as KeypointName] === v);
}

declare global {
  interface HTMLElementEventMap { 'coach-hud': CustomEvent<StageHud | null> }
}
