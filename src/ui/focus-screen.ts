// Keyboard users land on a new screen's main action instead of on a button that just disappeared. Only when focus
// was in the coach already, so a screen change driven by frames never steals focus from elsewhere.

/** Where each screen's main action is: the element that holds it, then the action inside it. */
const TARGETS = {
  live: ['live-panel', '[data-testid="end-set"]'],
  summary: [null, '[data-testid="next-set"], [data-testid="finish"]'], // null: the summary or the single-leg report
  pick: ['exercise-picker', 'button'],
  history: ['history-view', 'button'],
  programme: ['programme-view', 'button.primary, button'],
  report: ['clinician-report-view', 'button'],
} as const;

export async function focusScreen(host: HTMLElement, screen: keyof typeof TARGETS, singleLegReport: boolean): Promise<void> {
  if (!host.matches(':focus-within') && document.activeElement !== document.body) return;
  const [holder, action] = TARGETS[screen];
  const root = host.shadowRoot ?? host;
  const sel = holder ?? (singleLegReport ? 'single-leg-report-view' : 'set-summary-view');
  const el = root.querySelector(sel) as (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  await el?.updateComplete;
  // Buttons of the summary live in our light DOM (slotted); others inside the child's shadow root.
  const target = (root.querySelector(action) ?? el?.shadowRoot?.querySelector(action)) as HTMLElement | null;
  target?.focus();
}
