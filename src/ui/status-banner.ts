// <status-banner>: one clear line about what the app is doing or what the user must do. Renders nothing when
// all is well. Errors are announced assertively (role=alert), the rest politely.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export type BannerTone = 'info' | 'warn' | 'error';

export interface BannerMessage {
  /** Stable id for tests and styling, e.g. 'camera-permission-denied', 'step-back'. */
  code: string;
  tone: BannerTone;
  title: string;
  detail?: string;
  /** 0..1 for a progress bar (model download). */
  progress?: number;
}

@customElement('status-banner')
export class StatusBanner extends LitElement {
  static override styles = css`
    :host { display: block; }
    .banner { display: flex; flex-direction: column; gap: 0.25rem; padding: 0.6rem 0.9rem; border-radius: 0.5rem;
      border-left: 0.35rem solid; font-size: 1rem; line-height: 1.35; }
    .info { background: #1d2b3a; border-color: #4aa3ff; color: #e6f1ff; }
    .warn { background: #3a2f12; border-color: #ffb020; color: #fff4dc; }
    .error { background: #3d1717; border-color: #ff5a5a; color: #ffe6e6; }
    .title { font-weight: 600; }
    .detail { opacity: 0.9; font-size: 0.92rem; }
    progress { width: 100%; height: 0.5rem; }
  `;

  /** Compared by value: the host builds a fresh object on each render, which alone must not re-render the banner. */
  @property({ attribute: false, hasChanged: (a: BannerMessage | null, b: BannerMessage | null) => JSON.stringify(a) !== JSON.stringify(b) })
  message: BannerMessage | null = null;

  protected override updated(): void {
    // Test/styling hook on the host: which message is shown.
    if (this.message) this.dataset.code = this.message.code;
    else delete this.dataset.code;
  }

  override render() {
    const m = this.message;
    if (!m) return nothing;
    return html`<div class="banner ${m.tone}" role=${m.tone === 'error' ? 'alert' : 'status'} aria-live=${m.tone === 'error' ? 'assertive' : 'polite'}>
      <span class="title">${m.title}</span>
      ${m.detail ? html`<span class="detail">${m.detail}</span>` : nothing}
      ${m.progress !== undefined ? html`<progress max="1" .value=${m.progress}></progress>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'status-banner': StatusBanner }
}
