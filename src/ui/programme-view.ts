// <programme-view>: the 6-week programme. Without a run: what it is and "Start the programme". With one: Today (the
// next session, its exercises and doses, start it, skip an exercise), what "clean" means and what moves a step up,
// a week of sessions (done, partly done, skipped, to do; start any, skip or repeat one), and each track's step
// (choose an easier or harder one, keep it there). Renders the pure programme state; sends typed events.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { TEST_TRACK_ID, type Plan } from '../programme/plan-schema';
import { doseText } from '../programme/plan-table';
import type { TrackLevel } from '../programme/progression';
import type { Occurrence, OccurrenceItem, ProgrammeState } from '../programme/today';
import { ITEM_WORDS, OCCURRENCE_WORDS, evaluationWords, levelWords, sessionName, todayHeadline } from '../exercises-content/programme-words';
import type { ProgrammeChoice } from './controllers/programme-controller';
import { baseStyles } from './theme';

@customElement('programme-view')
export class ProgrammeView extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    section { margin-bottom: 1rem; }
    .today { border-color: #4d8fd6; }
    .today h3 { font-size: 1.2rem; }
    ol.items { margin: 0.5rem 0; padding-left: 1.3rem; display: grid; gap: 0.35rem; }
    .item-title { font-weight: 600; }
    .small { font-size: 0.9rem; }
    .rule { border-left: 3px solid #7ee2a8; padding-left: 0.6rem; }
    .week-nav { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
    .week-nav h3 { margin: 0 auto 0 0; }
    .sessions { display: grid; gap: 0.6rem; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); margin-top: 0.5rem; }
    .session h4 { margin: 0 0 0.25rem; font-size: 1rem; display: flex; justify-content: space-between; gap: 0.5rem; flex-wrap: wrap; }
    .chip { font-size: 0.85rem; border: 1px solid #4a5666; border-radius: 1rem; padding: 0 0.5rem; white-space: nowrap; }
    .chip.done { border-color: #7ee2a8; color: #7ee2a8; } .chip.partial, .chip.in-progress { border-color: #ffd166; color: #ffd166; }
    .chip.skipped { color: #b8c4d2; }
    .session.current { border-color: #4d8fd6; }
    .session ul { margin: 0.25rem 0 0.5rem; padding-left: 1.1rem; font-size: 0.92rem; }
    .overview { display: grid; grid-template-columns: auto repeat(3, 1fr); gap: 0.2rem 0.5rem; font-size: 0.9rem; align-items: center; max-width: 28rem; }
    .overview button { min-height: 2.2rem; padding: 0.1rem 0.4rem; }
    .overview .sel { outline: 2px solid #4d8fd6; }
    .levels { display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fit, minmax(19rem, 1fr)); }
    .levels select { padding: 0.4rem; border-radius: 0.4rem; border: 1px solid #4a5666; background: #151b22; min-height: 2.75rem; max-width: 100%; }
    .suggest { color: #ffd166; }
    .error { border: 2px solid #ff6b6b; border-radius: 0.5rem; padding: 0.5rem 0.75rem; background: #2a1517; }
  `];

  @property({ attribute: false }) plan: Plan | null = null;
  @property({ attribute: false }) programme: ProgrammeState | null = null;
  @property() startDay = '';
  @property() error: string | null = null;
  /** The week shown (defaults to the programme's current week). */
  @state() private week: number | null = null;
  @state() private confirmEnd = false;

  override render() {
    const plan = this.plan;
    if (!plan) return nothing;
    const st = this.programme;
    return html`<section aria-labelledby="prog-h" data-testid="programme">
      <h2 id="prog-h">${plan.title}</h2>
      ${this.error ? html`<p class="error" role="alert" data-testid="programme-error">⚠ ${this.error}</p>` : nothing}
      ${st ? this.renderRun(plan, st) : this.renderStart(plan)}
    </section>`;
  }

  private renderStart(plan: Plan) {
    return html`<div class="card">
      <p>${plan.summary}</p>
      <p>${plan.weeks} weeks, ${plan.sessionsPerWeek} sessions a week, about four exercises each, from easier to harder.
        The single-leg stand test opens weeks 1, 3 and 5 and closes the last week, so you can see the change.</p>
      <div class="row"><button class="primary" data-testid="programme-begin" @click=${() => this.emit('programme-begin')}>Start the programme today</button></div>
    </div>`;
  }

  private renderRun(plan: Plan, st: ProgrammeState) {
    const week = Math.min(plan.weeks, Math.max(1, this.week ?? st.week));
    return html`
      ${this.renderToday(st)}
      <section class="card rule" aria-labelledby="clean-h" data-testid="clean-rule">
        <h3 id="clean-h">What "clean" means</h3>
        <p>${st.rule.clean}</p>
        <p>${st.rule.progression}</p>
      </section>
      ${this.renderWeek(plan, st, week)}
      ${this.renderLevels(st.levels)}
      <div class="row">
        ${this.confirmEnd
          ? html`<button class="danger" @click=${() => { this.confirmEnd = false; this.emit('programme-end'); }}>Stop the programme for good</button>
              <button @click=${() => { this.confirmEnd = false; }}>Keep it</button>`
          : html`<button @click=${() => { this.confirmEnd = true; }}>Stop or restart the programme…</button>`}
      </div>`;
  }

  private renderToday(st: ProgrammeState) {
    const o = st.occurrence;
    const canStart = o && st.status !== 'finished' && o.items.some((i) => i.state === 'todo');
    return html`<section class="card today" aria-labelledby="today-h" data-testid="today">
      <h3 id="today-h">Today · week ${Math.max(1, st.week)}</h3>
      <p class="item-title" data-testid="today-headline">${todayHeadline(st, this.startDay)}</p>
      ${st.behindBy > 0 ? html`<p class="muted small">${st.behindBy} planned session${st.behindBy === 1 ? '' : 's'} of the past weeks ${st.behindBy === 1 ? 'was' : 'were'} not done. No problem: carry on from here, or skip ${st.behindBy === 1 ? 'it' : 'them'} in the week view.</p>` : nothing}
      ${o ? html`<ol class="items">${o.items.map((i) => this.renderItem(o, i, true))}</ol>` : nothing}
      ${canStart ? html`<div class="row">
        <button class="primary" data-testid="today-start" @click=${() => this.emit('programme-run', o!.id)}>${o!.state === 'pending' ? 'Start this session' : 'Continue this session'}</button>
        ${o!.state === 'pending' ? html`<button @click=${() => this.change({ kind: 'skip', occurrenceId: o!.id })}>Skip this session</button>` : nothing}
      </div>` : nothing}
    </section>`;
  }

  private renderItem(o: Occurrence, i: OccurrenceItem, actions: boolean) {
    const w = ITEM_WORDS[i.state];
    const ev = evaluationWords(i.evaluation);
    return html`<li data-track=${i.trackId} data-state=${i.state}>
      <span class="item-title">${i.step.title}</span>
      <span class="muted small"> · ${doseText(i.step.dose)}${i.stepCount > 1 ? ` · step ${i.stepIndex + 1} of ${i.stepCount}` : ''}</span>
      <span class="small"> · <span aria-hidden="true">${w.icon}</span> ${w.word}${ev ? html` (${ev})` : nothing}</span>
      ${actions && i.state === 'todo' && o.state !== 'done' ? html` <button class="small" @click=${() => this.change({ kind: 'skip', occurrenceId: o.id, trackId: i.trackId })}
        aria-label=${`Skip ${i.step.title} in this session`}>Skip</button>` : nothing}
    </li>`;
  }

  private renderWeek(plan: Plan, st: ProgrammeState, week: number) {
    const sessions = st.occurrences.filter((o) => o.week === week);
    return html`<section class="card" aria-labelledby="week-h" data-testid="programme-week">
      <div class="week-nav">
        <h3 id="week-h">Week ${week} of ${plan.weeks}</h3>
        <button @click=${() => { this.week = week - 1; }} ?disabled=${week <= 1} aria-label="Previous week">← Week ${week - 1}</button>
        <button @click=${() => { this.week = week + 1; }} ?disabled=${week >= plan.weeks} aria-label="Next week">Week ${week + 1} →</button>
      </div>
      ${this.renderOverview(plan, st, week)}
      <div class="sessions">${sessions.map((o) => this.renderSession(o, st))}</div>
    </section>`;
  }

  /** All weeks at a glance: one symbol per session; a click shows that week. */
  private renderOverview(plan: Plan, st: ProgrammeState, week: number) {
    const planned = st.occurrences.filter((o) => o.repeat === 0);
    return html`<div class="overview" role="group" aria-label="All weeks">
      ${Array.from({ length: plan.weeks }, (_, i) => i + 1).map((w) => html`<span class="muted">Week ${w}</span>
        ${planned.filter((o) => o.week === w).map((o) => {
          const ow = OCCURRENCE_WORDS[o.state];
          return html`<button class=${w === week ? 'sel' : ''} @click=${() => { this.week = w; }}
            aria-label=${`${sessionName(o)}: ${ow.word}`} title=${`${sessionName(o)}: ${ow.word}`}>${ow.icon}</button>`;
        })}`)}
    </div>`;
  }

  private renderSession(o: Occurrence, st: ProgrammeState) {
    const w = OCCURRENCE_WORDS[o.state];
    const current = st.occurrence?.id === o.id;
    const open = o.state === 'pending' || o.state === 'in-progress' || o.state === 'partial';
    return html`<div class="card session ${current ? 'current' : ''}" data-session=${o.id} data-state=${o.state}>
      <h4><span>Session ${o.index}${o.repeat ? ' (again)' : ''}${o.items.some((i) => i.trackId === TEST_TRACK_ID) ? ' · test' : ''}</span>
        <span class="chip ${o.state}"><span aria-hidden="true">${w.icon}</span> ${w.word}${o.lastDay ? ` · ${o.lastDay}` : ''}</span></h4>
      <ul>${o.items.map((i) => this.renderItem(o, i, false))}</ul>
      <div class="row">
        ${open && st.status !== 'finished' ? html`<button class=${current ? 'primary' : ''} @click=${() => this.emit('programme-run', o.id)}>${o.state === 'pending' ? 'Start' : 'Continue'}</button>` : nothing}
        ${o.state === 'pending' ? html`<button @click=${() => this.change({ kind: 'skip', occurrenceId: o.id })}>Skip</button>` : nothing}
        ${o.repeat === 0 && (o.state === 'done' || o.state === 'partial' || o.state === 'skipped') ? html`<button @click=${() => this.change({ kind: 'repeat', sessionId: o.sessionId })}>Do it again</button>` : nothing}
      </div>
    </div>`;
  }

  private renderLevels(levels: readonly TrackLevel[]) {
    const plan = this.plan!;
    return html`<section aria-labelledby="levels-h" data-testid="programme-levels">
      <h3 id="levels-h">Your step on each track</h3>
      <div class="levels">${levels.map((l) => {
        const track = plan.tracks.find((t) => t.id === l.trackId)!;
        return html`<div class="card" data-track=${l.trackId}>
          <h4>${l.title}</h4>
          <p>Step ${l.stepIndex + 1} of ${l.stepCount}: <b>${l.step.title}</b> <span class="muted small">(${doseText(l.step.dose)})</span></p>
          <p class="small muted">${levelWords(l)}</p>
          ${l.suggestEasier ? html`<p class="small suggest">The last sessions at this step were not clean: an easier step may suit you better for now.</p>` : nothing}
          <form class="row" @submit=${(e: Event) => this.chooseStep(e, l.trackId)}>
            <label class="small">Step <select name="step" aria-label=${`Step for ${l.title}`}>
              ${track.steps.map((s, i) => html`<option value=${s.id} ?selected=${i === l.stepIndex}>${i + 1}. ${s.title}</option>`)}
            </select></label>
            <label class="small"><input type="checkbox" name="lock" .checked=${l.locked} /> keep it there</label>
            <button type="submit">Use this step</button>
          </form>
        </div>`;
      })}</div>
    </section>`;
  }

  private chooseStep(e: Event, trackId: string): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const stepId = (form.elements.namedItem('step') as HTMLSelectElement).value;
    const lock = (form.elements.namedItem('lock') as HTMLInputElement).checked;
    this.change({ kind: 'set-step', trackId, stepId, lock });
  }

  private change(choice: ProgrammeChoice): void {
    this.dispatchEvent(new CustomEvent<ProgrammeChoice>('programme-change', { detail: choice, bubbles: true, composed: true }));
  }

  private emit(name: 'programme-begin' | 'programme-end' | 'programme-run', detail?: string): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'programme-view': ProgrammeView }
  interface HTMLElementEventMap {
    'programme-change': CustomEvent<ProgrammeChoice>;
    'programme-run': CustomEvent<string>;
  }
}
