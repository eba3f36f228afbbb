// <exercise-figure>: a small stick-figure diagram of the start position, as an inline SVG (no image files, works
// under a strict CSP). Decorative: the how-to text next to it says the same in words.
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Pose } from '../exercises-content/howto';

type Pt = [number, number];
interface Figure { head: Pt; lines: Pt[][]; props?: Pt[][] }

// 120 x 100 box, floor at y = 92.
const FIGURES: Record<Pose, Figure> = {
  'stand-front': { head: [60, 12], lines: [[[60, 19], [60, 50]], [[48, 24], [72, 24]], [[48, 24], [44, 48]], [[72, 24], [76, 48]], [[53, 50], [67, 50]], [[53, 50], [53, 71], [53, 92]], [[67, 50], [67, 71], [67, 92]]] },
  'single-leg-front': { head: [60, 12], lines: [[[60, 19], [60, 50]], [[48, 24], [72, 24]], [[48, 24], [52, 46]], [[72, 24], [68, 46]], [[53, 50], [67, 50]], [[53, 50], [53, 71], [53, 92]], [[67, 50], [69, 70], [70, 80]]] },
  'squat-front': { head: [60, 30], lines: [[[60, 37], [60, 62]], [[48, 41], [72, 41]], [[48, 41], [50, 55]], [[72, 41], [70, 55]], [[53, 62], [67, 62]], [[53, 62], [42, 76], [48, 92]], [[67, 62], [78, 76], [72, 92]]] },
  'lunge-side': { head: [58, 12], lines: [[[58, 19], [58, 52]], [[58, 24], [60, 46]], [[58, 52], [80, 66], [80, 92]], [[58, 52], [46, 84], [28, 90]]] },
  'side-plank': { head: [14, 40], lines: [[[20, 46], [60, 68], [104, 88]], [[20, 46], [22, 90], [36, 90]], [[20, 46], [34, 34]]] },
  'side-lying': { head: [12, 68], lines: [[[19, 72], [60, 76]], [[60, 76], [106, 56]], [[60, 78], [82, 86], [70, 90]], [[19, 72], [14, 88]], [[28, 72], [40, 80]]] },
  'bridge-side': { head: [12, 86], lines: [[[19, 87], [54, 66]], [[54, 66], [80, 54], [88, 90]], [[24, 86], [46, 90]]] },
  'hinge-side': { head: [12, 44], lines: [[[19, 46], [50, 52]], [[50, 52], [50, 72], [50, 92]], [[50, 52], [78, 50], [102, 48]], [[22, 47], [24, 70]]] },
  quadruped: { head: [12, 52], lines: [[[20, 58], [70, 58]], [[22, 58], [22, 90]], [[70, 58], [70, 90], [98, 90]]] },
  prone: { head: [12, 84], lines: [[[19, 86], [62, 86]], [[62, 86], [86, 86], [86, 64]], [[24, 86], [14, 78]]] },
  'prone-legs-up': { head: [12, 84], lines: [[[19, 86], [62, 86]], [[62, 86], [86, 80], [110, 74]], [[24, 86], [14, 78]]] },
  seated: { head: [46, 18], lines: [[[46, 25], [46, 56]], [[46, 30], [56, 48]], [[46, 56], [72, 56], [72, 90]]], props: [[[36, 60], [66, 60]], [[38, 60], [38, 92]], [[64, 60], [64, 92]]] },
  'step-front': { head: [60, 12], lines: [[[60, 19], [60, 50]], [[48, 24], [72, 24]], [[48, 24], [44, 48]], [[72, 24], [76, 48]], [[53, 50], [67, 50]], [[53, 50], [51, 66], [53, 78]], [[67, 50], [67, 71], [67, 92]]], props: [[[36, 78], [60, 78], [60, 92], [36, 92], [36, 78]]] },
};

const pts = (l: Pt[]) => l.map(([x, y]) => `${x},${y}`).join(' ');

@customElement('exercise-figure')
export class ExerciseFigure extends LitElement {
  static override styles = css`
    :host { display: inline-block; width: 7.5rem; color: #cfe0f2; }
    svg { width: 100%; height: auto; display: block; }
    polyline { fill: none; stroke: currentColor; stroke-width: 4; stroke-linecap: round; stroke-linejoin: round; }
    .prop { stroke: #7d8b9b; stroke-width: 2.5; }
    .floor { stroke: #4a5666; stroke-width: 2; }
    circle { fill: currentColor; }
  `;

  @property() pose: Pose = 'stand-front';

  override render() {
    const f = FIGURES[this.pose] ?? FIGURES['stand-front'];
    return html`<svg viewBox="0 0 120 100" aria-hidden="true" focusable="false">
      ${svg`<polyline class="floor" points="2,93 118,93"></polyline>`}
      ${(f.props ?? []).map((l) => svg`<polyline class="prop" points=${pts(l)}></polyline>`)}
      ${f.lines.map((l) => svg`<polyline points=${pts(l)}></polyline>`)}
      ${svg`<circle cx=${f.head[0]} cy=${f.head[1]} r="7"></circle>`}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'exercise-figure': ExerciseFigure }
}
