// <coach-view>'s own styles: the screen nav, error banners, the distance view (only the control bar) and print.
import { css } from 'lit';

export const coachViewStyles = css`
    :host { display: block; }
    nav { display: flex; gap: 0.5rem; margin-bottom: 0.75rem; flex-wrap: wrap; }
    nav button[aria-current='page'] { background: #2f6fb3; border-color: #4d8fd6; }
    .error { border: 2px solid #ff6b6b; border-radius: 0.5rem; padding: 0.5rem 0.75rem; background: #2a1517; margin-bottom: 0.75rem; }
    .after { margin-top: 0.75rem; }
    .programme-note { margin: 0 0 0.5rem; }
    /* The distance view: the shell shows the video across the window; here only the bar with the controls. */
    :host([distance]) nav { display: none; }
    :host([distance]) .error { margin: 0; border-radius: 0; }
    @media print { nav, .error { display: none; } }
  `;
