// Templates of <coach-view> that hold no state of their own: the screen nav, the error banners and the actions after a
// set. Plain functions returning lit templates (the view passes its values and handlers), so the view file keeps
// the flow and these keep the markup.
import { html, nothing, type TemplateResult } from 'lit';

export type CoachScreen = 'pick' | 'live' | 'summary' | 'history' | 'programme' | 'report';

export interface NavHandlers { training(): void; programme(): void; history(): void; report(): void }

export function coachNav(screen: CoachScreen, on: NavHandlers): TemplateResult {
  const current = (on: boolean) => (on ? 'page' : 'false');
  return html`<nav aria-label="Coach">
    <button aria-current=${current(['pick', 'live', 'summary'].includes(screen))} @click=${on.training}>Train</button>
    <button aria-current=${current(screen === 'programme')} @click=${on.programme} data-testid="nav-programme">Programme</button>
    <button aria-current=${current(screen === 'history')} @click=${on.history} data-testid="nav-history">History</button>
    <button aria-current=${current(screen === 'report')} @click=${on.report} data-testid="nav-report">Report</button>
  </nav>`;
}

/** One alert per message that is not null (`testid` for the ones tests look for). */
export const errorBanners = (errors: readonly { message: string | null; testid?: string }[]) =>
  errors.map((e) => (e.message ? html`<p class="error" role="alert" data-testid=${e.testid ?? nothing}>⚠ ${e.message}</p>` : nothing));

export interface AfterSetModel {
  /** "Next set" / "Next leg" label, or null when the exercise is done. */
  next: string | null;
  /** The programme's next exercise, when this one is done. */
  nextItemTitle: string | null;
  /** Running a programme session: which one and where in it. */
  programme: { sessionName: string; index: number; count: number } | null;
}
export interface AfterSetHandlers { nextSet(): void; nextExercise(): void; finish(): void; history(): void }

/** The buttons under a set summary, and the programme line above it. */
export function afterSetParts(m: AfterSetModel, on: AfterSetHandlers): { note: TemplateResult | typeof nothing; actions: TemplateResult } {
  const more = m.next !== null || m.nextItemTitle !== null;
  const finishLabel = m.programme ? (more ? 'Back to the programme' : 'Session done') : m.next ? 'Finish here' : 'Done';
  const actions = html`<div class="row after">
    ${m.next ? html`<button class="primary" @click=${on.nextSet} data-testid="next-set">${m.next}</button>` : nothing}
    ${m.nextItemTitle ? html`<button class="primary" @click=${on.nextExercise} data-testid="next-exercise">Next exercise: ${m.nextItemTitle}</button>` : nothing}
    <button class=${more ? '' : 'primary'} @click=${on.finish} data-testid="finish">${finishLabel}</button>
    <button @click=${on.history}>See history</button>
  </div>`;
  const p = m.programme;
  const note = p ? html`<p class="muted programme-note" data-testid="programme-note">Programme · ${p.sessionName} ·
    exercise ${p.index + 1} of ${p.count}${more ? '' : ' · session complete ✓'}</p>` : nothing;
  return { note, actions };
}
