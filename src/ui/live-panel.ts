// <live-panel>: the numbers next to the video during a set: rep counter, hold timer, live measured angles, the
// current cue (also announced to screen readers), and the set controls. Renders a ready-made model; no math.
// `compact` (the distance view, where the stage shows the count and the cue large): one bar with the set, the
// status and the controls; the numbers stay in the document (hidden) and the cue stays announced.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Severity } from '../rules/engine/types';
import { baseStyles } from './theme';

export interface LivePanelModel {
  exerciseName: string;
  setNo: number;
  setCount: number;
  sideLabel: string | null;
  /** 'paused': no frames arrive (camera stopped, tab hidden): nothing live is shown, the counts stay. */
  status: 'setup' | 'counting' | 'paused';
  statusText: string;
  reps: number | null;
  repTarget: number | null;
  hold: { elapsedS: string; targetS: string; running: boolean; holdNo: number | null; holdCount: number | null } | null;
  measures: { label: string; value: string }[];
  cue: { text: string; severity: Severity } | null;
  voiceAvailable: boolean;
  voiceOn: boolean;
  /** Label of the running keypoint recording's stop button, or null when not recording. */
  recording: string | null;
  /** The camera placement check runs before this set: the set starts when it passes, or with "Start anyway". */
  placementCheck?: boolean;
  /** Fullscreen: null where the browser has no Fullscreen API. */
  fullscreen?: { on: boolean } | null;
}

export type LivePanelEvent = 'say-count' | 'end-set' | 'stop-session' | 'voice-toggle' | 'record-toggle' | 'placement-override' | 'toggle-fullscreen';

@customElement('live-panel')
export class LivePanel extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .top { display: flex; justify-content: space-between; gap: 0.5rem; flex-wrap: wrap; align-items: baseline; }
    .big { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: 0.5rem; margin: 0.5rem 0; }
    .stat { background: #111820; border-radius: 0.5rem; padding: 0.4rem 0.6rem; }
    .stat .label { font-size: 0.9rem; color: #b8c4d2; }
    .stat .value { font-size: clamp(2.2rem, 9vw, 3.6rem); font-weight: 800; font-variant-numeric: tabular-nums; line-height: 1.05; }
    .stat .value small { font-size: 0.45em; font-weight: 600; color: #b8c4d2; }
    .cue { font-size: clamp(1.3rem, 5vw, 2rem); font-weight: 700; padding: 0.4rem 0.6rem; border-radius: 0.5rem; background: #111820;
      border-left: 0.4rem solid #ffd166; min-height: 2.4rem; }
    .cue.fault { border-left-color: #ff6b6b; }
    .cue.none { border-left-color: #7ee2a8; font-weight: 600; color: #cfe0f2; }
    .cue.setup { border-left-color: #7fb8ff; }
    dl { display: grid; grid-template-columns: auto auto; gap: 0.1rem 1rem; margin: 0.5rem 0; font-variant-numeric: tabular-nums; justify-content: start; }
    dt { color: #b8c4d2; } dd { margin: 0; font-weight: 700; font-size: 1.15rem; }
    .controls { margin-top: 0.5rem; }
    label.switch { display: inline-flex; gap: 0.4rem; align-items: center; min-height: 2.75rem; }
    label.switch input { width: 1.3rem; height: 1.3rem; }
    kbd { font: inherit; font-size: 0.8em; border: 1px solid #6b7a8c; border-radius: 0.3rem; padding: 0 0.3rem; margin-left: 0.3rem; color: #cfe0f2; }
    /* Distance view: one translucent bar across the top of the window. */
    :host([compact]) .card { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 1rem; padding: 0.35rem 0.75rem;
      background: rgba(12, 17, 23, 0.78); border: 0; border-radius: 0; }
    :host([compact]) .top { flex: 1 1 16rem; gap: 0.25rem 0.75rem; }
    :host([compact]) h2 { font-size: 1.05rem; margin: 0; }
    :host([compact]) #status { margin: 0; }
    :host([compact]) .big, :host([compact]) dl { display: none; }
    :host([compact]) .cue { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; padding: 0; border: 0; }
    :host([compact]) .controls { margin: 0; }
    :host([compact]) button { min-height: 2.4rem; padding: 0.3rem 0.7rem; }
    :host([compact]) label.switch { min-height: 2.4rem; }
  `];

  @property({ attribute: false }) model: LivePanelModel | null = null;
  /** The distance view's bar (see the file comment). */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    const m = this.model;
    if (!m) return nothing;
    return html`<div class="card">
      <div class="top">
        <h2>${m.exerciseName}${m.sideLabel ? html` · <span data-testid="live-side">${m.sideLabel}</span>` : nothing}</h2>
        <span class="muted">Set ${m.setNo} of ${m.setCount}</span>
        <span class="muted" id="status" data-testid="live-status">${m.status === 'paused' ? m.statusText
          : m.placementCheck ? 'Camera check: the set starts when it looks good'
          : m.status === 'setup' ? 'Getting ready: nothing is counted yet' : `● ${m.statusText}`}</span>
      </div>
      <div class="big">
        ${m.reps !== null ? html`<div class="stat"><div class="label">Reps</div>
          <div class="value" data-testid="rep-count">${m.reps}${m.repTarget !== null ? html`<small> / ${m.repTarget}</small>` : nothing}</div></div>` : nothing}
        ${m.hold ? html`<div class="stat"><div class="label">Hold${m.hold.holdCount ? ` ${m.hold.holdNo} of ${m.hold.holdCount}` : ''} ${m.hold.running ? '▶ running' : '(paused)'}</div>
          <div class="value" data-testid="hold-time">${m.hold.elapsedS}<small> / ${m.hold.targetS} s</small></div></div>` : nothing}
      </div>
      <div class="cue ${m.cue ? m.cue.severity : m.status === 'counting' && m.statusText === 'Counting' ? 'none' : 'setup'}" role="status" aria-live="polite" data-testid="live-cue">
        ${m.cue ? html`${m.cue.severity === 'fault' ? '⚠ ' : '! '}${m.cue.text}` : m.status === 'counting' && m.statusText === 'Counting' ? '✓ Form looks good' : m.status === 'paused' ? 'Paused' : m.statusText}
      </div>
      ${m.measures.length ? html`<dl data-testid="measures">${m.measures.map((x) => html`<dt>${x.label}</dt><dd>${x.value}</dd>`)}</dl>` : nothing}
      <div class="row controls">
        ${m.placementCheck
          ? html`<button class="primary" data-testid="placement-override" @click=${() => this.emit('placement-override')}
              title="Start the set without waiting for the camera check">Start anyway</button>`
          : html`<button class="primary" data-testid="end-set" @click=${() => this.emit('end-set')}>End set<kbd>Space</kbd></button>`}
        <button @click=${() => this.emit('stop-session')} data-testid="stop-session">Stop</button>
        ${m.placementCheck ? nothing : html`<button @click=${() => this.emit('say-count')} ?disabled=${!m.voiceAvailable || !m.voiceOn}>${m.reps === null && m.hold ? 'Say hold time' : 'Say rep count'}</button>
          <button @click=${() => this.emit('record-toggle')} aria-pressed=${m.recording !== null} data-testid="record"
            title="Records this set's keypoints (no video) and saves them as a test fixture file when the set ends">${m.recording ?? 'Record keypoints'}</button>`}
        <label class="switch"><input type="checkbox" .checked=${m.voiceOn} ?disabled=${!m.voiceAvailable} data-testid="voice-switch"
          @change=${(e: Event) => this.emit('voice-toggle', (e.target as HTMLInputElement).checked)} />
          Voice cues${m.voiceAvailable ? html`<kbd>V</kbd>` : ' (not available in this browser)'}</label>
        ${m.fullscreen ? html`<button @click=${() => this.emit('toggle-fullscreen')} aria-pressed=${m.fullscreen.on} data-testid="fullscreen">${m.fullscreen.on ? 'Exit full screen' : 'Full screen'}<kbd>F</kbd></button>` : nothing}
      </div>
    </div>`;
  }

  private emit(name: LivePanelEvent, detail?: boolean): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'live-panel': LivePanel }
}
