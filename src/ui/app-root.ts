// <app-root>: the shell. Source choice (camera / video file), camera picker, model choice, the video with its
// skeleton overlay, a status banner and a readout of model, backend and speed. Coaching UI plugs in around the
// stage (see renderCoaching); pose state comes from this.pose (PoseController), frames via this.pose.onFrame().
// While a set runs on a live picture (the coach says so with `coach-distance`) the page becomes the distance view:
// the video fills the window, the coach's controls sit in a bar across its top, and the stage layer shows count,
// countdown and cue large; the coach's "full screen" asks the browser to show the whole app full screen.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { isBackendName, MODEL_VERSIONS, smoothingFromParam, type ModelId, type SourceKind } from '../pose/pose-source';
import { PoseController } from './controllers/pose-controller';
import { loadCameraChoice, loadModelChoice, saveCameraChoice, saveModelChoice } from './preferences';
import { bannerFor, pausedText } from './status-text';
import './pose-overlay';
import './status-banner';
import { EXERCISES } from '../rules/registry';
import type { StageHud } from './coach-stage-layer';
import type { PoseOverlay } from './pose-overlay';
import type { CaptureInfo } from './coach-view';
import './coach-view';
import './coach-stage-layer';
import './recording/recording-view';
import { errorText } from '../core/error-text';

const MODEL_LABELS: Record<ModelId, string> = { lightning: 'Lightning (fast)', thunder: 'Thunder (accurate)' };

/** URL switches for testing and benchmarks: ?backend=wasm, ?model=thunder, ?autostart=0, ?smoothing=off|1.5,200, ?worker=off,
 * ?analysis=real-time (a file is analysed no faster than it plays). */
function urlOptions() {
  const p = new URLSearchParams(location.search);
  const backend = p.get('backend');
  const model = p.get('model');
  let smoothing, smoothingError: string | null = null;
  try { smoothing = smoothingFromParam(p.get('smoothing')) ?? undefined; } catch (e) { smoothingError = (e as Error).message; }
  return {
    backend: isBackendName(backend) ? backend : undefined,
    model: model === 'lightning' || model === 'thunder' ? (model as ModelId) : undefined,
    autoStart: p.get('autostart') !== '0',
    analysisPace: p.get('analysis') === 'real-time' ? ('real-time' as const) : ('full' as const),
    worker: p.get('worker') !== 'off',
    smoothing, smoothingError,
  };
}

@customElement('app-root')
export class AppRoot extends LitElement {
  static override styles = css`
    :host { display: flex; flex-direction: column; gap: 0.75rem; max-width: 1100px; margin: 0 auto; padding: 0.75rem;
      color: #e9eef4; font-family: system-ui, sans-serif; }
    header { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; }
    h1 { font-size: 1.2rem; margin: 0 auto 0 0; }
    .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
    button, select, label.file { font: inherit; padding: 0.35rem 0.7rem; border-radius: 0.4rem; border: 1px solid #4a5666;
      background: #222b36; color: inherit; cursor: pointer; }
    button[aria-pressed='true'], label.file.active { background: #2f6fb3; border-color: #2f6fb3; }
    label.file input { display: none; }
    .stage { position: relative; width: 100%; max-width: calc(72vh * var(--aspect, 1.333)); margin-inline: auto;
      background: #000; border-radius: 0.5rem; overflow: hidden; }
    .stage video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; }
    .stage.mirrored video { transform: scaleX(-1); }
    .readout { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; font-size: 0.9rem; color: #b8c4d2; font-variant-numeric: tabular-nums; }
    .readout b { color: #e9eef4; font-weight: 600; }
    .fallback { font-size: 0.85rem; color: #ffd48a; }
    /* Coaching beside the video on wide screens (cue and counters stay in view); on narrow ones right below the
       video, above the model readout, so the counters are on the first screen of a phone. */
    :host { max-width: 1400px; }
    .layout { display: grid; gap: 0.75rem; align-items: start; grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'stage' 'coach' 'readout'; }
    .watch { grid-area: stage; min-width: 0; }
    .info { grid-area: readout; display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
    .coach { grid-area: coach; display: flex; flex-direction: column; gap: 0.5rem; min-width: 0; }
    @media (min-width: 1000px) {
      .layout { grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr); grid-template-rows: auto 1fr;
        grid-template-areas: 'stage coach' 'readout coach'; }
    }
    /* Summaries, the single-leg report, history, the programme and the report get the full width, above the video. */
    .layout:has(coach-view[screen='summary'], coach-view[screen='history'], coach-view[screen='programme'], coach-view[screen='report']) {
      grid-template-columns: minmax(0, 1fr); grid-template-rows: none; grid-template-areas: 'coach' 'stage' 'readout'; }
    /* Distance view (a running set): the video as large as the window allows, the coach's bar across the top. */
    :host([distance]) { max-width: none; padding: 0; }
    :host([distance]) header, :host([distance]) .info { display: none; }
    :host([distance]) .watch { position: fixed; inset: 0; z-index: 10; background: #000; display: grid; place-items: center; }
    :host([distance]) .stage { width: min(100vw, calc(100vh * var(--aspect, 1.333))); max-width: none; border-radius: 0; }
    :host([distance]) .coach { position: fixed; top: 0; left: 0; right: 0; z-index: 11; gap: 0; }
    :host([distance]) status-banner { position: fixed; bottom: 0; left: 0; right: 0; z-index: 12; }
    /* Paper: only the coaching screen (the report) prints. */
    @media print {
      :host { max-width: none; padding: 0; color: #000; }
      header, status-banner, .watch, .info { display: none !important; }
      .layout { display: block; }
    }
    /* A video file: its timeline and results right under the video. */
    .layout.file { grid-template-columns: minmax(0, 1fr); grid-template-rows: none; grid-template-areas: 'stage' 'coach' 'readout'; }
    :host(.dragging) .stage { outline: 3px dashed #7fb8ff; outline-offset: 3px; }
  `;

  /** Reflects the distance view (a set running) so the layout above can switch. */
  @property({ type: Boolean, reflect: true }) distance = false;

  private readonly url = urlOptions();
  @state() private sourceChoice: SourceKind = 'camera';
  @state() private modelId: ModelId = this.url.model ?? loadModelChoice();
  @query('video') private videoEl!: HTMLVideoElement;

  /** The pose pipeline. Coaching code reads pose.frame / pose.visibility or subscribes with pose.onFrame(). */
  readonly pose = new PoseController(this, {
    modelId: this.modelId,
    video: () => this.videoEl ?? null,
    autoStart: this.url.autoStart,
    backend: this.url.backend,
    cameraId: loadCameraChoice(),
    smoothing: this.url.smoothing,
    worker: this.url.worker,
  });

  override render() {
    return html`
      <header>
        <h1>Hip stability trainer</h1>
        ${this.renderControls()}
      </header>
      <status-banner .message=${bannerFor(this.pose.status, this.pose.visibility)}></status-banner>
      <div class="layout ${this.sourceChoice === 'file' ? 'file' : ''}">
        <div class="watch">${this.renderStage()}</div>
        <div class="coach">${this.renderCoaching()}</div>
        <div class="info">${this.renderReadout()}</div>
      </div>
    `;
  }

  protected renderControls() {
    const cams = this.pose.cameras;
    const camera = this.sourceChoice === 'camera';
    return html`<div class="controls">
      <button aria-pressed=${camera} @click=${this.chooseCamera}>Camera</button>
      <label class="file ${camera ? '' : 'active'}">Video file…
        <input type="file" accept="video/*" @change=${this.onFile} data-testid="file-input" />
      </label>
      ${camera && cams.length > 1 ? html`<select aria-label="Camera" @change=${this.onCameraPick}>
        ${cams.map((c) => html`<option value=${c.deviceId} ?selected=${c.label === this.pose.info.sourceLabel}>${c.label}</option>`)}
      </select>` : nothing}
      ${camera && this.pose.sourceKind === 'camera' && this.pose.status.kind !== 'error'
        ? html`<button @click=${() => this.pose.stop()}>Stop</button>`
        : camera ? html`<button @click=${() => void this.pose.startCamera()}>Start camera</button>` : nothing}
      <select aria-label="Pose model" @change=${this.onModelPick}>
        ${(Object.keys(MODEL_LABELS) as ModelId[]).map((id) => html`<option value=${id} ?selected=${id === this.modelId}>${MODEL_LABELS[id]}</option>`)}
      </select>
    </div>`;
  }

  protected renderStage() {
    const f = this.pose.frame;
    const mirrored = this.pose.sourceKind === 'camera';
    // The stage takes the picture's aspect ratio so the overlay canvas lies exactly on the video image.
    const size = this.pose.info.videoSize;
    const [w, h] = f ? [f.imageWidthPx, f.imageHeightPx] : size ? [size.widthPx, size.heightPx] : [4, 3];
    return html`<div class="stage ${mirrored ? 'mirrored' : ''}" style="aspect-ratio: ${w} / ${h}; --aspect: ${w / h}">
      <video playsinline muted></video>
      <pose-overlay .frame=${f} .source=${this.pose} ?mirrored=${mirrored} score-threshold=${this.pose.scoreThreshold}></pose-overlay>
      <coach-stage-layer .hud=${this.coachHud} ?mirrored=${mirrored}></coach-stage-layer>
    </div>`;
  }

  protected renderReadout() {
    const { info, stats } = this.pose;
    const b = info.backend;
    const skipped = b?.attempts.filter((a) => !a.ok) ?? [];
    return html`<div class="readout" data-testid="readout">
      <span>Model <b data-testid="model">MoveNet ${info.modelId === 'thunder' ? 'Thunder' : 'Lightning'}</b></span>
      <span>Backend <b data-testid="backend">${b ? `${b.backend}` : '…'}</b>${b ? ` (${b.detail})` : ''}${info.inference
        ? html` in <b data-testid="inference-thread">${info.inference.thread === 'worker' ? 'worker' : 'main thread'}</b>` : nothing}</span>
      <span>Inference <b data-testid="inference-ms">${stats ? stats.inferenceMs.toFixed(0) : '–'}</b> ms</span>
      <span><b data-testid="fps">${stats ? stats.fps : '–'}</b> poses/s</span>
      ${info.timeToFirstPoseMs !== null ? html`<span>First pose after <b>${(info.timeToFirstPoseMs / 1000).toFixed(1)}</b> s</span>` : nothing}
      ${info.sourceLabel ? html`<span>Source <b>${info.sourceLabel}</b></span>` : nothing}
    </div>
    ${this.url.smoothingError ? html`<div class="fallback" role="alert">Ignored ${this.url.smoothingError}; using the default smoothing.</div>` : nothing}
    ${this.fullscreenError ? html`<div class="fallback" role="alert">${this.fullscreenError}</div>` : nothing}
    ${info.inference?.fallbackReason ? html`<div class="fallback" data-testid="thread-fallback">
      The model runs on the page's main thread because ${info.inference.fallbackReason}: the picture may stutter while it works.
    </div>` : nothing}
    ${skipped.length > 0 && b ? html`<div class="fallback" data-testid="backend-fallback">
      Using ${b.backend} because ${skipped.map((a) => `${a.backend}: ${a.reason}`).join('; ')}.
    </div>` : nothing}`;
  }

  /** The coaching UI: picker, live set, summaries, history. It gets every pose frame and highlights joints. */
  @state() private coachHud: StageHud | null = null;
  @query('pose-overlay') private overlayEl!: PoseOverlay | null;

  protected renderCoaching(): unknown {
    const model = `MoveNet ${this.pose.info.modelId === 'thunder' ? 'Thunder' : 'Lightning'}${this.pose.info.backend ? ` / ${this.pose.info.backend.backend}` : ''}`;
    if (this.sourceChoice === 'file') {
      return html`<recording-view .exercises=${EXERCISES} .pipeline=${this.pose} .canvas=${this.overlayEl ?? null} .file=${this.recordingFile}
        model-label=${model} pace=${this.url.analysisPace} @open-file=${(e: CustomEvent<File>) => this.openFile(e.detail)}
        @coach-hud=${(e: CustomEvent<StageHud | null>) => { this.coachHud = e.detail; }}></recording-view>`;
    }
    // The placement check judges a live camera; a video file cannot be moved.
    return html`<coach-view .exercises=${EXERCISES} .frameSource=${this.pose} .overlay=${this.overlayEl ?? null} model-label=${model}
      .paused=${pausedText(this.pose.status)} .capture=${this.captureInfo()} ?placement-check=${this.sourceChoice === 'camera'}
      @coach-distance=${(e: CustomEvent<boolean>) => { this.distance = e.detail; }}
      @toggle-fullscreen=${this.toggleFullscreen}
      @coach-hud=${(e: CustomEvent<StageHud | null>) => { this.coachHud = e.detail; }}></coach-view>`;
  }

  /** The whole app full screen (the coach's bar stays usable); again to leave. A refusal is shown, not thrown. */
  private toggleFullscreen = () => {
    const done = document.fullscreenElement ? document.exitFullscreen() : this.requestFullscreen({ navigationUI: 'hide' });
    done.then(() => { this.fullscreenError = null; },
      (e: unknown) => { this.fullscreenError = `Full screen is not available here (${errorText(e)}).`; });
  };
  @state() private fullscreenError: string | null = null;

  private captureInfo(): CaptureInfo {
    const { info } = this.pose;
    const b = info.backend;
    return {
      modelId: info.modelId, modelVersion: MODEL_VERSIONS[info.modelId],
      backend: b ? `${b.backend} (${b.detail}, in the browser)` : 'unknown', smoothing: this.pose.smoothing,
      source: info.source, sourceLabel: info.sourceLabel,
    };
  }

  private chooseCamera = () => {
    this.sourceChoice = 'camera';
    this.coachHud = null;
    if (this.pose.sourceKind !== 'camera') void this.pose.startCamera();
  };

  private onFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire change
    if (file) this.openFile(file);
  };

  /** A chosen or dropped file opens the file analysis flow (<recording-view>). */
  private openFile(file: File): void {
    this.sourceChoice = 'file';
    this.coachHud = null;
    this.recordingFile = file;
  }

  @state() private recordingFile: File | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('dragover', this.onDragOver);
    this.addEventListener('dragleave', this.onDragLeave);
    this.addEventListener('drop', this.onDrop);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('dragover', this.onDragOver);
    this.removeEventListener('dragleave', this.onDragLeave);
    this.removeEventListener('drop', this.onDrop);
  }

  private onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    e.preventDefault(); // allows the drop
    e.dataTransfer.dropEffect = 'copy';
    this.classList.add('dragging');
  };
  private onDragLeave = (e: DragEvent) => { if (e.target === this) this.classList.remove('dragging'); };
  private onDrop = (e: DragEvent) => {
    this.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (!file) return;
    e.preventDefault(); // the browser would otherwise open the file itself
    this.openFile(file);
  };

  private onCameraPick = (e: Event) => {
    const id = (e.target as HTMLSelectElement).value;
    saveCameraChoice(id);
    void this.pose.startCamera(id);
  };

  private onModelPick = (e: Event) => {
    const id = (e.target as HTMLSelectElement).value as ModelId;
    this.modelId = id;
    saveModelChoice(id);
    void this.pose.setModel(id);
  };
}

declare global {
  interface HTMLElementTagNameMap { 'app-root': AppRoot }
}
