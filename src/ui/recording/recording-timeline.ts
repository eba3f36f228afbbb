// <recording-timeline>: under a reviewed video, every rep and hold (top lane) and every fault interval (a lane per
// fault) as a clickable mark, set boundaries as lines, and a playhead. Clicking a mark sends `seek-mark`; clicking
// the bar elsewhere sends `seek-time`. Places come from coach/timeline.ts (layoutTimeline): no math here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TimelineLayout, TimelineMark } from '../../coach/timeline';
import { baseStyles } from '../theme';
import { markTitle } from './recording-view-model';

@customElement('recording-timeline')
export class RecordingTimeline extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    .bar { position: relative; background: #151b22; border: 1px solid #2c3642; border-radius: 0.4rem; cursor: pointer; }
    .mark { position: absolute; height: 1.3rem; min-height: 0; min-width: 0.5rem; padding: 0; border-radius: 0.25rem; border: 1px solid transparent;
      font-size: 0.75rem; font-weight: 700; color: #0d1117; overflow: hidden; white-space: nowrap; cursor: pointer; }
    .mark:focus-visible { outline: 2px solid #fff; outline-offset: 1px; }
    .rep { background: #7ee2a8; }
    .rep.faulty { background: #ffb020; }
    .hold { background: #7fb8ff; }
    .fault { background: #ff6b6b; }
    .warning { background: #ffd166; }
    .split { position: absolute; top: 0; bottom: 0; width: 0; border-left: 2px dashed #e9eef4; pointer-events: none; }
    .head { position: absolute; top: -0.2rem; bottom: -0.2rem; width: 2px; background: #fff; box-shadow: 0 0 3px #000; pointer-events: none; }
    .legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.8rem; color: #b8c4d2; margin-top: 0.3rem; }
    .key { display: inline-block; width: 0.8rem; height: 0.8rem; border-radius: 0.2rem; vertical-align: -0.1rem; margin-right: 0.3rem; }
  `];

  @property({ attribute: false }) layout: TimelineLayout | null = null;
  /** Playhead, percent of the timeline. */
  @property({ type: Number }) headPct = 0;
  @property({ type: Number }) sets = 1;
  /** Words for each fault lane (1..), in lane order. */
  @property({ attribute: false }) laneNames: string[] = [];

  override render() {
    const l = this.layout;
    if (!l) return nothing;
    return html`<div class="bar" style="height: calc(${l.lanes} * 1.6rem + 0.5rem)" role="group" aria-label="Timeline of reps and faults"
        data-testid="timeline" @click=${this.onBarClick}>
        ${l.setStartsPct.map((p) => html`<span class="split" style="left: ${p}%" data-testid="timeline-split"></span>`)}
        ${l.marks.map(({ mark, leftPct, widthPct, lane }) => {
          const cls = mark.kind === 'rep' ? `rep${mark.faults.length ? ' faulty' : ''}` : mark.kind === 'fault' ? mark.severity : mark.kind;
          const title = markTitle(mark, this.sets);
          return html`<button class="mark ${cls}" style="left: ${leftPct}%; width: ${widthPct}%; top: ${0.25 + lane * 1.6}rem"
            title=${title} aria-label=${title} data-testid="timeline-mark" data-kind=${mark.kind}
            @click=${(e: Event) => { e.stopPropagation(); this.send('seek-mark', mark); }}>${mark.kind === 'rep' ? mark.index : ''}</button>`;
        })}
        <span class="head" style="left: ${this.headPct}%" data-testid="timeline-head"></span>
      </div>
      <div class="legend">
        <span><span class="key rep"></span>rep</span><span><span class="key rep faulty"></span>rep with a fault</span>
        ${l.marks.some((m) => m.mark.kind === 'hold') ? html`<span><span class="key hold"></span>hold</span>` : nothing}
        ${l.marks.some((m) => m.mark.kind === 'fault' && m.mark.severity === 'warning') ? html`<span><span class="key warning"></span>warning</span>` : nothing}
        ${l.marks.some((m) => m.mark.kind === 'fault' && m.mark.severity === 'fault') ? html`<span><span class="key fault"></span>fault</span>` : nothing}
        ${this.laneNames.length ? html`<span>Rows below the reps: ${this.laneNames.join(' · ')}</span>` : nothing}
      </div>`;
  }

  private onBarClick = (e: MouseEvent) => {
    const bar = e.currentTarget as HTMLElement;
    const r = bar.getBoundingClientRect();
    if (r.width > 0) this.send('seek-fraction', (e.clientX - r.left) / r.width);
  };

  private send<T>(name: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'recording-timeline': RecordingTimeline }
  interface HTMLElementEventMap { 'seek-mark': CustomEvent<TimelineMark>; 'seek-fraction': CustomEvent<number> }
}
