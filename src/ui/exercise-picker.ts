// <exercise-picker>: every registered exercise, grouped (tests, strength, holds). Choosing one opens its how-to
// (set-up, camera view with a figure, what the check watches and what a 2D camera cannot judge), the targets and a
// left/right choice where it matters. "Start" sends a typed `start-session` event; no rules or math here.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Side } from '../core/pose-frame';
import type { ExerciseDefinition, ExerciseGroup } from '../rules/engine/types';
import { GROUP_LABELS, VIEW_LABELS, howToFor, type ExerciseTexts } from '../exercises-content/howto';
import type { SessionPlan } from '../coach/coach-session';
import { baseStyles } from './theme';
import './exercise-figure';

export type ExerciseInfo = ExerciseTexts & Pick<ExerciseDefinition, 'sided'>;
export interface StartSessionDetail { exerciseId: string; plan: SessionPlan }
type SideChoice = Side | 'both';

const GROUP_ORDER: ExerciseGroup[] = ['test', 'strength', 'hold'];

/** Sets in order: 'both' alternates left and right within each set count (left first). */
export function planSides(sided: boolean, choice: SideChoice, sets: number): (Side | null)[] {
  if (!sided) return Array.from({ length: sets }, () => null);
  if (choice !== 'both') return Array.from({ length: sets }, () => choice);
  return Array.from({ length: sets }, () => ['left', 'right'] as Side[]).flat();
}

@customElement('exercise-picker')
export class ExercisePicker extends LitElement {
  static override styles = [baseStyles, css`
    :host { display: block; }
    section { margin-bottom: 0.75rem; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); }
    li button { width: 100%; display: grid; grid-template-columns: 4rem 1fr; gap: 0.6rem; align-items: center; text-align: left; padding: 0.5rem; }
    li button exercise-figure { width: 4rem; }
    .name { font-weight: 600; display: block; }
    .meta { font-size: 0.85rem; color: #b8c4d2; }
    .detail { display: grid; gap: 0.75rem; }
    .head { display: flex; gap: 0.75rem; align-items: flex-start; flex-wrap: wrap; }
    .head exercise-figure { width: 8rem; flex: none; }
    .head p { margin: 0.25rem 0; }
    ol, ul.plain { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
    ul.plain { display: block; list-style: disc; }
    .limits { border-left: 3px solid #ffd166; padding-left: 0.6rem; }
    fieldset { border: 1px solid #2c3642; border-radius: 0.5rem; padding: 0.5rem 0.75rem; margin: 0; }
    legend { padding: 0 0.25rem; }
    label { display: inline-flex; align-items: center; gap: 0.35rem; min-height: 2.75rem; margin-right: 0.75rem; }
    input[type='radio'] { width: 1.2rem; height: 1.2rem; }
    .actions { margin-top: 0.75rem; }
  `];

  @property({ attribute: false }) exercises: readonly ExerciseInfo[] = [];
  @state() selectedId: string | null = null;
  @state() private sets = 0;
  @state() private reps = 0;
  @state() private holdS = 0;
  @state() private holds = 1;
  @state() private side: SideChoice = 'left';

  override render() {
    const sel = this.exercises.find((e) => e.id === this.selectedId);
    return sel ? this.renderDetail(sel) : this.renderList();
  }

  private renderList() {
    if (this.exercises.length === 0) return html`<p class="muted">No exercises are registered.</p>`;
    return html`<h2>Choose an exercise</h2>
      ${GROUP_ORDER.map((g) => {
        const list = this.exercises.filter((e) => e.group === g);
        if (list.length === 0) return nothing;
        return html`<section aria-labelledby="g-${g}">
          <h3 id="g-${g}">${GROUP_LABELS[g]}</h3>
          <ul>${list.map((e) => {
            const h = howToFor(e);
            const t = h.targets;
            return html`<li><button data-exercise=${e.id} @click=${() => this.select(e)}>
              <exercise-figure .pose=${h.pose}></exercise-figure>
              <span><span class="name">${e.name}</span>
                <span class="meta">${VIEW_LABELS[e.view]}${e.sided ? ' · left/right' : ''} · ${t.reps !== null ? `${t.sets} × ${t.reps} reps` : `${t.sets} × ${(t.holds ?? 1) > 1 ? `${t.holds} holds of ` : ''}${t.holdS} s`}</span></span>
            </button></li>`;
          })}</ul>
        </section>`;
      })}`;
  }

  private select(e: ExerciseInfo): void {
    const t = howToFor(e).targets;
    this.sets = t.sets;
    this.reps = t.reps ?? 0;
    this.holdS = t.holdS ?? 0;
    this.holds = t.holds ?? 1;
    this.side = e.sided && e.group === 'test' ? 'both' : 'left';
    this.selectedId = e.id;
  }

  private renderDetail(e: ExerciseInfo) {
    const h = howToFor(e);
    const isHold = h.targets.reps === null;
    return html`<div class="detail card" data-testid="exercise-detail">
      <div class="row"><button @click=${() => { this.selectedId = null; }}>← All exercises</button></div>
      <div class="head">
        <exercise-figure .pose=${h.pose}></exercise-figure>
        <div><h2>${e.name}</h2><p>${h.summary}</p><p class="muted">${VIEW_LABELS[e.view]}. ${h.camera}</p></div>
      </div>
      <div><h3>Set-up</h3><ol>${h.setup.map((s) => html`<li>${s}</li>`)}</ol></div>
      <div><h3>What the check watches</h3><ul class="plain">${h.watches.map((s) => html`<li>${s}</li>`)}</ul></div>
      <div class="limits"><h3>What a single camera cannot judge</h3><ul class="plain">${h.cannotJudge.map((s) => html`<li>${s}</li>`)}</ul></div>
      <form @submit=${this.start}>
        <fieldset>
          <legend>Target</legend>
          <label>Sets <input type="number" name="sets" min="1" max="10" .value=${String(this.sets)} @change=${(ev: Event) => { this.sets = num(ev, 1, 10); }} /></label>
          ${isHold
            ? html`<label>Hold (s) <input type="number" name="hold" min="5" max="180" .value=${String(this.holdS)} @change=${(ev: Event) => { this.holdS = num(ev, 5, 180); }} /></label>
              <label>Holds per set <input type="number" name="holds" min="1" max="20" .value=${String(this.holds)} @change=${(ev: Event) => { this.holds = num(ev, 1, 20); }} /></label>`
            : html`<label>Reps <input type="number" name="reps" min="1" max="50" .value=${String(this.reps)} @change=${(ev: Event) => { this.reps = num(ev, 1, 50); }} /></label>`}
        </fieldset>
        ${e.sided ? html`<fieldset>
          <legend>${h.sideMeaning ?? 'Working side'}</legend>
          ${(['left', 'right', 'both'] as SideChoice[]).map((s) => html`<label><input type="radio" name="side" value=${s} .checked=${this.side === s}
            @change=${() => { this.side = s; }} />${s === 'both' ? 'Both (left, then right)' : s === 'left' ? 'Left' : 'Right'}</label>`)}
        </fieldset>` : nothing}
        <div class="row actions"><button class="primary" type="submit" data-testid="start">Start</button></div>
      </form>
    </div>`;
  }

  /** Starts the exercise whose card is open (the space shortcut); false when none is open. */
  startSelected(): boolean {
    if (!this.exercises.some((x) => x.id === this.selectedId)) return false;
    this.start();
    return true;
  }

  private start = (ev?: Event) => {
    ev?.preventDefault();
    const e = this.exercises.find((x) => x.id === this.selectedId);
    if (!e) return;
    const isHold = howToFor(e).targets.reps === null;
    const plan: SessionPlan = {
      sets: planSides(e.sided, this.side, this.sets),
      reps: isHold ? null : this.reps,
      holdMs: isHold ? this.holdS * 1000 : null,
      holds: isHold ? this.holds : null,
    };
    this.dispatchEvent(new CustomEvent<StartSessionDetail>('start-session', { detail: { exerciseId: e.id, plan }, bubbles: true, composed: true }));
  };
}

function num(ev: Event, min: number, max: number): number {
  const v = Math.round(Number((ev.target as HTMLInputElement).value));
  return Number.isFinite(v) ? Math.min(max, Math.max(min, v)) : min;
}

declare global {
  interface HTMLElementTagNameMap { 'exercise-picker': ExercisePicker }
  interface HTMLElementEventMap { 'start-session': CustomEvent<StartSessionDetail> }
}
