// Shared look for the coaching elements: dark theme matching the shell, large touch targets, visible focus.
import { css } from 'lit';

export const baseStyles = css`
  :host { color: #e9eef4; font-family: system-ui, sans-serif; }
  h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
  h3 { font-size: 1.05rem; margin: 0.75rem 0 0.35rem; }
  button, select, input { font: inherit; color: inherit; }
  button { padding: 0.5rem 0.9rem; min-height: 2.75rem; border-radius: 0.45rem; border: 1px solid #4a5666;
    background: #222b36; cursor: pointer; }
  button.primary { background: #2f6fb3; border-color: #4d8fd6; font-weight: 600; }
  button.danger { border-color: #b3563f; }
  button:hover { filter: brightness(1.15); }
  button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, a:focus-visible {
    outline: 3px solid #ffd166; outline-offset: 2px; }
  input[type='number'] { width: 4.5rem; padding: 0.4rem; border-radius: 0.4rem; border: 1px solid #4a5666; background: #151b22; }
  .muted { color: #b8c4d2; }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .card { background: #18202a; border: 1px solid #2c3642; border-radius: 0.6rem; padding: 0.75rem; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .ok { color: #7ee2a8; }
  .warn { color: #ffd166; }
  .bad { color: #ff8a7a; }
`;

/** Colours for left and right in charts, matching the skeleton overlay (left amber, right cyan). */
export const SIDE_COLOURS = { left: '#ffb020', right: '#22c7ff', both: '#e9eef4' } as const;
