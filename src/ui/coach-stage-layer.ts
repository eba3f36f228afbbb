// <coach-stage-layer>: drawn over the video. Before counting: a framing outline (dashed box the body must fit in)
// with the set-up instruction, then "Ready" and a big 3-2-1 countdown. While counting: the current cue as large
// text readable from 2-3 m, with an icon and words (never colour alone). Pointer events pass through.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SetupGate } from '../coach/setup-gate';
import type { Severity } from '../rules/engine/types';

export interface StageHud {
  gate: SetupGate;
  /** Instruction while waiting (from visibility findings). */
  setupText: string;
  cue: { text: string; severity: Severity } | null;
  /** Brief "Go!" after the countdown. */
  go: boolean;
}

@customElement('coach-stage-layer')
export class CoachStageLayer extends LitElement {
  static override styles = css`
    :host { position: absolute; inset: 0; pointer-events: none; font-family: system-ui, sans-serif; color: #fff; }
    .frame { position: absolute; inset: 4% 8%; border: 0.35rem dashed #ffd166; border-radius: 1rem; }
    .frame.ready { border-style: solid; border-color: #7ee2a8; }
    .msg { position: absolute; left: 50%; top: 4%; transform: translateX(-50%); width: min(92%, 40rem); text-align: center;
      background: rgba(10, 14, 20, 0.78); border-radius: 0.6rem; padding: 0.4rem 0.8rem; font-weight: 700;
      font-size: clamp(1.1rem, 4.2vw, 2.4rem); line-height: 1.15; }
    .count { position: absolute; inset: 0; display: grid; place-items: center; font-size: clamp(5rem, 28vw, 14rem);
      font-weight: 800; text-shadow: 0 0 1.2rem #000, 0 0 0.3rem #000; }
    /* At the top: the joints being judged (hips, knees, feet) are in the lower part of the picture. */
    .cue { position: absolute; left: 2%; right: 2%; top: 3%; text-align: center; border-radius: 0.7rem; padding: 0.4rem 0.8rem;
      font-size: clamp(1.4rem, 5vw, 3.2rem); font-weight: 800; line-height: 1.1; background: rgba(10, 14, 20, 0.82);
      border: 0.3rem solid #ffd166; }
    .cue.fault { border-color: #ff6b6b; }
    .cue.info { border-color: #7fb8ff; }
    .icon { margin-right: 0.4em; }
  `;

  @property({ attribute: false }) hud: StageHud | null = null;

  override render() {
    const h = this.hud;
    if (!h) return nothing;
    const g = h.gate;
    if (g.status === 'waiting') {
      return html`<div class="frame" data-testid="framing"></div><div class="msg" role="status">${h.setupText}</div>`;
    }
    if (g.status === 'ready') return html`<div class="frame ready"></div><div class="msg" role="status">✓ Ready. Hold still…</div>`;
    if (g.status === 'countdown') {
      return html`<div class="frame ready"></div><div class="count" data-testid="countdown" aria-live="assertive">${Math.max(1, Math.ceil(g.remainingMs / 1000))}</div>`;
    }
    if (h.go) return html`<div class="count">Go!</div>`;
    if (!h.cue) return nothing;
    const icon = h.cue.severity === 'fault' ? '⚠' : h.cue.severity === 'warning' ? '!' : 'ℹ';
    return html`<div class="cue ${h.cue.severity}" data-testid="stage-cue"><span class="icon" aria-hidden="true">${icon}</span>${h.cue.text}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'coach-stage-layer': CoachStageLayer }
}
