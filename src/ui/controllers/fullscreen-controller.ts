// FullscreenController: re-renders the host when the document enters or leaves full screen (the panel's button
// shows which), while the host is on the page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FullscreenController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  private onChange = (): void => this.host.requestUpdate();

  hostConnected(): void { document.addEventListener('fullscreenchange', this.onChange); }
  hostDisconnected(): void { document.removeEventListener('fullscreenchange', this.onChange); }
}
