// <update-prompt>: a small notice at the bottom of the page. "A new version is ready" with Reload / Later when the
// service worker has installed an update (the page is never reloaded without asking: a set may be running), and a
// short "ready to work offline" note after the first install.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { registerServiceWorker } from '../pwa/register';

/** How long the "works offline" note stays. Our default. */
const OFFLINE_NOTE_MS = 6000;

@customElement('update-prompt')
export class UpdatePrompt extends LitElement {
  static override styles = css`
    :host { position: fixed; inset: auto 0 1rem 0; display: flex; justify-content: center; pointer-events: none; z-index: 10; }
    .note { pointer-events: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; max-width: min(36rem, 92vw);
      padding: 0.6rem 0.9rem; border-radius: 0.5rem; background: #223246; color: #e9eef4; border: 1px solid #3b5878;
      font: 0.95rem system-ui, sans-serif; box-shadow: 0 4px 18px #0008; }
    button { font: inherit; padding: 0.3rem 0.8rem; border-radius: 0.4rem; border: 1px solid #4a5666; background: #222b36; color: inherit; cursor: pointer; }
    button.primary { background: #2f6fb3; border-color: #2f6fb3; }
  `;

  @state() private updateReady = false;
  @state() private offlineReady = false;
  private activate: (() => Promise<void>) | null = null;
  private offlineTimer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.activate ??= registerServiceWorker({
      updateReady: () => { this.updateReady = true; },
      offlineReady: () => {
        this.offlineReady = true;
        this.offlineTimer = setTimeout(() => { this.offlineReady = false; }, OFFLINE_NOTE_MS);
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.offlineTimer);
  }

  override render() {
    if (this.updateReady) {
      return html`<div class="note" role="alert" data-testid="update-available">
        <span>A new version of the trainer is ready. Reload to use it (between sets: a running set would end).</span>
        <button class="primary" data-testid="update-reload" @click=${() => void this.activate?.()}>Reload</button>
        <button data-testid="update-later" @click=${() => { this.updateReady = false; }}>Later</button>
      </div>`;
    }
    if (this.offlineReady) {
      return html`<div class="note" role="status" data-testid="offline-ready">The trainer is installed on this device and now works offline.</div>`;
    }
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'update-prompt': UpdatePrompt }
}
