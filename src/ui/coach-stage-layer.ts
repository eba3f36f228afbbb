// <coach-stage-layer>: drawn over the video, sized to be read from 2-3 m (the distance view of a running set).
// Before the first set: the camera placement check (one instruction, a checklist, an arrow on the side of the
// camera to lower). Before counting: a framing outline with the set-up instruction, then "Ready" and a big 3-2-1.
// While counting: the current cue with an icon and a word (never colour alone), the count or hold time in the
// corner. Sizes are in units of the stage's height (cqh): the count's digits are ~19 % of it, the cue's capitals
// ~6 %. Animations only when the user has not asked for reduced motion. Pointer events pass through.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SetupGate } from '../coach/setup-gate';
import type { PlacementWords } from '../exercises-content/placement-words';
import { SEVERITY_WORDS } from '../exercises-content/words';
import type { Severity } from '../rules/engine/types';

export interface StageHud {
  gate: SetupGate;
  /** Instruction while waiting (from visibility findings). */
  setupText: string;
  cue: { text: string; severity: Severity } | null;
  /** Brief "Go!" after the countdown. */
  go: boolean;
  /** Exercise, set and side in a few words. */
  info: string;
  /** The big count: reps (of the target) or whole seconds held (of the target). */
  count: { kind: 'reps' | 'hold'; value: string; of: string | null; running: boolean } | null;
  /** The camera placement check while it runs (it takes the stage), else null. */
  placement: (PlacementWords & { status: 'checking' | 'fix' | 'good'; progress: number | null; lowerSide: 'left' | 'right' | null }) | null;
  /** "Camera placement looks good" for a moment after the check passed. */
  placementOk: boolean;
}

const ITEM_ICON = { ok: '✓', bad: '✗', pending: '…' } as const;

@customElement('coach-stage-layer')
export class CoachStageLayer extends LitElement {
  static override styles = css`
    :host { position: absolute; inset: 0; pointer-events: none; font-family: system-ui, sans-serif; color: #fff;
      container-type: size; overflow: hidden; }
    .box { background: rgba(10, 14, 20, 0.82); border-radius: 1.2cqh; }
    .frame { position: absolute; inset: 4% 8%; border: 0.6cqh dashed #ffd166; border-radius: 2cqh; }
    .frame.ready { border-style: solid; border-color: #7ee2a8; }
    .msg { position: absolute; left: 50%; top: 12cqh; transform: translateX(-50%); width: min(92%, 80cqh); text-align: center;
      padding: 1cqh 2cqh; font-weight: 700; font-size: 6.5cqh; line-height: 1.15; }
    .msg.ok { border: 0.5cqh solid #7ee2a8; }
    .count-down { position: absolute; inset: 0; display: grid; place-items: center; font-size: 45cqh; font-weight: 800;
      line-height: 1; text-shadow: 0 0 2cqh #000, 0 0 0.6cqh #000; font-variant-numeric: tabular-nums; }
    .go { font-size: 30cqh; }
    /* The cue: just below the control bar; the joints judged (hips, knees, feet) are in the lower part. */
    .cue { position: absolute; left: 2%; right: 2%; top: 11cqh; text-align: center; padding: 1cqh 2cqh;
      font-size: 8.5cqh; font-weight: 800; line-height: 1.1; border: 0.6cqh solid #ffd166; }
    .cue.fault { border-color: #ff6b6b; }
    .cue.info { border-color: #7fb8ff; }
    .sev { display: inline-block; font-size: 0.55em; vertical-align: 0.25em; letter-spacing: 0.05em; text-transform: uppercase;
      border: 0.3cqh solid currentColor; border-radius: 0.8cqh; padding: 0 0.8cqh; margin-right: 1.5cqh; }
    .count { position: absolute; right: 2%; bottom: 3cqh; text-align: right; padding: 0.5cqh 2.5cqh 1cqh; line-height: 1; }
    .count .label { font-size: 3.5cqh; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: #cfe0f2; }
    .count .value { font-size: 26cqh; font-weight: 800; font-variant-numeric: tabular-nums; }
    .count .of { font-size: 9cqh; font-weight: 700; color: #cfe0f2; }
    .count.paused .value { color: #cfe0f2; }
    .placement { position: absolute; left: 50%; top: 11cqh; transform: translateX(-50%); width: min(94%, 120cqh);
      padding: 2cqh 3cqh; border: 0.6cqh solid #ffd166; }
    .placement.checking { border-color: #7fb8ff; }
    .placement.good { border-color: #7ee2a8; }
    .placement h2 { margin: 0 0 1cqh; font-size: 6.5cqh; line-height: 1.15; }
    .placement p { margin: 0 0 1.5cqh; font-size: 3.8cqh; line-height: 1.25; color: #dbe6f1; }
    .placement ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.6cqh; }
    .placement li { font-size: 4cqh; line-height: 1.2; }
    .placement li .i { display: inline-block; width: 1.4em; font-weight: 800; }
    .placement li.ok .i { color: #7ee2a8; } .placement li.bad .i { color: #ff8a7a; } .placement li.pending { color: #b8c4d2; }
    .bar { height: 1cqh; background: #2c3642; border-radius: 0.5cqh; margin-top: 1.5cqh; overflow: hidden; }
    .bar span { display: block; height: 100%; background: #7fb8ff; }
    .arrow { position: absolute; bottom: 8cqh; font-size: 22cqh; line-height: 1; color: #ffd166; text-shadow: 0 0 1.5cqh #000; }
    .arrow.left { left: 3%; } .arrow.right { right: 3%; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (prefers-reduced-motion: no-preference) {
      .count-down { animation: pop 1s ease-out infinite; }
      .cue { animation: appear 180ms ease-out; }
      .bar span { transition: width 200ms linear; }
    }
    @keyframes pop { from { transform: scale(1.12); } 30% { transform: scale(1); } }
    @keyframes appear { from { opacity: 0.4; transform: translateY(-1cqh); } }
  `;

  @property({ attribute: false }) hud: StageHud | null = null;
  /** The video is shown mirrored (selfie preview): the arrow for "lower the left side" goes on the screen's left. */
  @property({ type: Boolean }) mirrored = false;

  override render() {
    const h = this.hud;
    if (!h) return nothing;
    if (h.placement) return this.renderPlacement(h.placement);
    const g = h.gate;
    if (g.status === 'waiting') {
      return html`<div class="frame" data-testid="framing"></div>
        <div class="msg box ${h.placementOk ? 'ok' : ''}" role="status">${h.placementOk ? '✓ Camera placement looks good. ' : ''}${h.setupText}</div>`;
    }
    if (g.status === 'ready') return html`<div class="frame ready"></div><div class="msg box" role="status">✓ Ready. Hold still…</div>`;
    if (g.status === 'countdown') {
      return html`<div class="frame ready"></div><div class="count-down" data-testid="countdown" aria-live="assertive">${Math.max(1, Math.ceil(g.remainingMs / 1000))}</div>`;
    }
    return html`${h.go ? html`<div class="count-down go">Go!</div>` : this.renderCue(h.cue)}${this.renderCount(h.count)}`;
  }

  private renderCue(cue: StageHud['cue']) {
    if (!cue) return nothing;
    const sev = SEVERITY_WORDS[cue.severity];
    return html`<div class="cue box ${cue.severity}" data-testid="stage-cue"><span class="sev">${sev.icon} ${sev.word}</span>${cue.text}</div>`;
  }

  private renderCount(c: StageHud['count']) {
    if (!c) return nothing;
    return html`<div class="count box ${c.running ? '' : 'paused'}" data-testid="stage-count">
      <div class="label">${c.kind === 'reps' ? 'Reps' : c.running ? 'Hold ▶' : 'Hold'}</div>
      <span class="value">${c.value}</span><span class="of">${c.kind === 'hold' ? ' s' : ''}${c.of !== null ? ` / ${c.of}${c.kind === 'hold' ? ' s' : ''}` : ''}</span>
    </div>`;
  }

  private renderPlacement(p: NonNullable<StageHud['placement']>) {
    // The person's left is on the screen's left in a mirrored preview, on its right otherwise.
    const arrowSide = p.lowerSide === null ? null : this.mirrored ? p.lowerSide : p.lowerSide === 'left' ? 'right' : 'left';
    return html`<section class="placement box ${p.status}" data-testid="placement" data-status=${p.status} role="status" aria-live="polite">
        <h2 data-testid="placement-headline">${p.headline}</h2>
        ${p.detail ? html`<p>${p.detail}</p>` : nothing}
        <ul>${p.items.map((i) => html`<li class=${i.status} data-item=${i.id} data-status=${i.status}><span class="i" aria-hidden="true">${ITEM_ICON[i.status]}</span>${i.label}<span class="visually-hidden">: ${i.status === 'ok' ? 'fine' : i.status === 'bad' ? 'needs fixing' : 'not checked yet'}</span></li>`)}</ul>
        ${p.progress !== null ? html`<div class="bar" aria-hidden="true"><span style="width: ${Math.round(p.progress * 100)}%"></span></div>` : nothing}
      </section>
      ${arrowSide ? html`<div class="arrow ${arrowSide}" aria-hidden="true" data-testid="tilt-arrow">⬇</div>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'coach-stage-layer': CoachStageLayer }
}
