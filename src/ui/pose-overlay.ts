// <pose-overlay>: draws the skeleton of a PoseFrame on a canvas laid over the video. Joints under the confidence
// threshold are hidden, and so are bones touching them (a guessed joint drawn confidently misleads the user).
// Coaching code highlights joints (e.g. a caving knee) with `highlight()`.
// Test hooks: data-drawn-keypoints / data-drawn-bones (what the last draw showed), data-frame-ms.
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KEYPOINT_NAMES, type KeypointName, type PoseFrame } from '../core/pose-frame';

/** Anything that hands out frames, e.g. PoseController. */
export interface FrameSubscribable {
  onFrame(listener: (frame: PoseFrame) => void): () => void;
}

/** COCO / MoveNet skeleton. */
export const SKELETON_BONES: ReadonlyArray<readonly [KeypointName, KeypointName]> = [
  ['nose', 'left_eye'], ['nose', 'right_eye'], ['left_eye', 'left_ear'], ['right_eye', 'right_ear'],
  ['left_shoulder', 'right_shoulder'], ['left_shoulder', 'left_elbow'], ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'], ['right_elbow', 'right_wrist'], ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'], ['left_hip', 'right_hip'], ['left_hip', 'left_knee'], ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'], ['right_knee', 'right_ankle'],
];

/** Person's left / right / midline colours (left and right differ so a mirrored preview is not confusing). */
const SIDE_COLOURS = { left: '#ffb020', right: '#22c7ff', centre: '#ffffff' } as const;
const sideOf = (n: KeypointName) => (n.startsWith('left_') ? 'left' : n.startsWith('right_') ? 'right' : 'centre');

@customElement('pose-overlay')
export class PoseOverlay extends LitElement {
  static override styles = css`
    :host { display: block; position: absolute; inset: 0; pointer-events: none; }
    canvas { width: 100%; height: 100%; display: block; }
    :host([mirrored]) canvas { transform: scaleX(-1); }
  `;

  @property({ attribute: false }) frame: PoseFrame | null = null;
  /**
   * Optional frame source (e.g. the PoseController): the overlay subscribes and draws every frame itself, so the
   * host does not have to re-render at camera rate. `frame` may still be set directly (null clears).
   */
  @property({ attribute: false }) source: FrameSubscribable | null = null;
  /** Mirror the drawing like a selfie preview (webcam). The frame's coordinates themselves are never mirrored. */
  @property({ type: Boolean, reflect: true }) mirrored = false;
  /** Keypoint score below which a joint is not drawn. 0.3 = the MoveNet demo's threshold (tfjs-models pose-detection). */
  @property({ type: Number, attribute: 'score-threshold' }) scoreThreshold = 0.3;
  /** Joint -> CSS colour for highlighted (e.g. faulty) joints. Replace the object to redraw. */
  @property({ attribute: false }) highlights: Partial<Record<KeypointName, string>> = {};

  /** Colours `joints` (and bones between two of them) in `colour` until cleared. */
  highlight(joints: readonly KeypointName[], colour: string): void {
    const next = { ...this.highlights };
    for (const j of joints) next[j] = colour;
    this.highlights = next;
  }

  clearHighlights(joints?: readonly KeypointName[]): void {
    if (!joints) { this.highlights = {}; return; }
    const next = { ...this.highlights };
    for (const j of joints) delete next[j];
    this.highlights = next;
  }

  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  override render() {
    return html`<canvas part="canvas"></canvas>`;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('source')) this.subscribe();
    this.draw();
  }

  private subscribe(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.source && this.isConnected ? this.source.onFrame((f) => { this.frame = f; }) : null;
  }

  private draw(): void {
    const canvas = this.renderRoot.querySelector('canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const f = this.frame;
    if (!f) {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      this.report(0, 0, null);
      return;
    }
    if (canvas.width !== f.imageWidthPx) canvas.width = f.imageWidthPx;
    if (canvas.height !== f.imageHeightPx) canvas.height = f.imageHeightPx;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const kps = f.keypoints;
    if (!kps) { this.report(0, 0, f.timestampMs); return; }

    const unit = Math.min(f.imageWidthPx, f.imageHeightPx);
    const lineWidth = Math.max(2, unit * 0.008);
    const radius = Math.max(3, unit * 0.011);
    const seen = (n: KeypointName) => kps[n].score >= this.scoreThreshold;
    const at = (n: KeypointName) => [kps[n].x * f.imageWidthPx, kps[n].y * f.imageHeightPx] as const;

    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    let bones = 0;
    for (const [a, b] of SKELETON_BONES) {
      if (!seen(a) || !seen(b)) continue;
      const ha = this.highlights[a], hb = this.highlights[b];
      const colour = ha && hb ? ha : sideOf(a) === sideOf(b) ? SIDE_COLOURS[sideOf(a)] : SIDE_COLOURS.centre;
      const [ax, ay] = at(a), [bx, by] = at(b);
      // Dark halo first so the skeleton reads on light and dark clothing alike.
      ctx.strokeStyle = 'rgba(0,0,0,0.55)';
      ctx.lineWidth = lineWidth + 3;
      ctx.beginPath(); ctx.moveTo(ax, ay); ctx.lineTo(bx, by); ctx.stroke();
      ctx.strokeStyle = colour;
      ctx.lineWidth = ha && hb ? lineWidth * 1.6 : lineWidth;
      ctx.beginPath(); ctx.moveTo(ax, ay); ctx.lineTo(bx, by); ctx.stroke();
      bones++;
    }
    let joints = 0;
    for (const n of KEYPOINT_NAMES) {
      if (!seen(n)) continue;
      const [x, y] = at(n);
      const hl = this.highlights[n];
      const r = hl ? radius * 1.7 : radius;
      ctx.fillStyle = hl ?? SIDE_COLOURS[sideOf(n)];
      ctx.strokeStyle = 'rgba(0,0,0,0.7)';
      ctx.lineWidth = Math.max(1.5, lineWidth * 0.4);
      ctx.beginPath(); ctx.arc(x, y, r, 0, Math.PI * 2); ctx.fill(); ctx.stroke();
      joints++;
    }
    this.report(joints, bones, f.timestampMs);
  }

  private report(joints: number, bones: number, timestampMs: number | null): void {
    this.dataset.drawnKeypoints = String(joints);
    this.dataset.drawnBones = String(bones);
    if (timestampMs === null) delete this.dataset.frameMs;
    else this.dataset.frameMs = String(Math.round(timestampMs));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'pose-overlay': PoseOverlay }
}
