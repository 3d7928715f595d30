/**
 * <webcam-capture>: a mirrored webcam preview that sends square JPEG frames to the server,
 * either while a "hold to record" button is held (to fill a class) or continuously (to predict).
 *
 * It is the browser half of WebcamCapture.java. The preview is mirrored like a bathroom mirror
 * because that is what people expect of a front camera, and the frames are mirrored the same way
 * and cut to the same centre square the preview shows, so the samples look exactly like what the
 * learner saw. Frames travel as base64 JPEG through a @ClientCallable; each call returns a
 * Promise, which gives backpressure for free: recording never has more than MAX_IN_FLIGHT frames
 * on the way, and prediction waits for each answer before taking the next picture.
 * The camera starts only on a click or when the server calls start(). All words come from the
 * server, already translated.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';

export interface WebcamTexts {
  holdToRecord: string;
  recording: string;
  camera: string;
  noCamera: string;
  startCamera: string;
}

const FRAME_SIZE = 224;
const JPEG_QUALITY = 0.85;
const RECORD_FPS = 24;
const PREDICT_MAX_FPS = 15;
/** More frames than this waiting for the server means the server is slower than the camera: drop. */
const MAX_IN_FLIGHT = 2;

type Status = 'idle' | 'starting' | 'live' | 'error';

interface FrameServer {
  frame(jpegBase64: string): Promise<unknown>;
  live?(): Promise<unknown>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

@customElement('webcam-capture')
export class WebcamCaptureElement extends LitElement {
  static styles = css`
    :host {
      display: inline-flex;
      flex-direction: column;
      gap: 0.6rem;
      width: 320px;
      max-width: 100%;
      font-family: var(--lumo-font-family, system-ui, sans-serif);
      color: var(--lumo-body-text-color, #1f2937);
    }
    .stage {
      position: relative;
      width: 100%;
      aspect-ratio: 1;
      border-radius: 10px;
      overflow: hidden;
      background: #1f2937;
    }
    video {
      width: 100%;
      height: 100%;
      /* cover = the same centre square the frames are cut from */
      object-fit: cover;
      transform: scaleX(-1);
      display: block;
    }
    .overlay {
      position: absolute;
      inset: 0;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 0.75rem;
      padding: 1rem;
      text-align: center;
      color: #f9fafb;
    }
    .message {
      max-width: 90%;
      line-height: 1.4;
    }
    button {
      font: inherit;
      cursor: pointer;
      border-radius: var(--lumo-border-radius-l, 8px);
    }
    .start {
      padding: 0.6rem 1.2rem;
      border: none;
      background: var(--lumo-primary-color, #1a73e8);
      color: #fff;
      font-weight: 600;
    }
    .record {
      width: 100%;
      min-height: 3.25rem;
      border: none;
      background: var(--lumo-primary-color, #1a73e8);
      color: #fff;
      font-size: 1.05rem;
      font-weight: 600;
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.6rem;
      user-select: none;
      -webkit-user-select: none;
      -webkit-touch-callout: none;
      touch-action: none;
    }
    .record.holding {
      background: #c5221f;
    }
    .record:disabled {
      opacity: 0.45;
      cursor: not-allowed;
    }
    .record:focus-visible,
    .start:focus-visible,
    select:focus-visible {
      outline: 3px solid var(--lumo-primary-color-50pct, rgba(26, 115, 232, 0.5));
      outline-offset: 2px;
    }
    .dot {
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: #fff;
      animation: pulse 1s infinite;
    }
    @keyframes pulse {
      50% {
        opacity: 0.3;
      }
    }
    .count {
      font-variant-numeric: tabular-nums;
      background: rgba(255, 255, 255, 0.25);
      border-radius: 999px;
      padding: 0.1rem 0.6rem;
      min-width: 1.5rem;
    }
    label {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    select {
      flex: 1;
      min-width: 0;
      font: inherit;
      padding: 0.3rem;
      border-radius: var(--lumo-border-radius-m, 6px);
    }
  `;

  @property({ type: String }) mode: 'record' | 'predict' = 'record';
  @property({ type: Object }) texts: WebcamTexts = { holdToRecord: '', recording: '', camera: '', noCamera: '', startCamera: '' };
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private status: Status = 'idle';
  @state() private cameras: MediaDeviceInfo[] = [];
  @state() private deviceId = '';
  @state() private holding = false;
  @state() private holdCount = 0;

  @query('video') private video!: HTMLVideoElement;
  private stream?: MediaStream;
  private frameCanvas = document.createElement('canvas');
  private inFlight = 0;
  private recordTimer?: number;
  private holdId = 0;
  /** Bumped to stop a running prediction loop; a loop runs only while its number is current. */
  private loopId = 0;
  private readonly onDeviceChange = () => this.listCameras();

  render() {
    return html`
      <div class="stage">
        <video muted playsinline ?hidden=${this.status !== 'live'}></video>
        ${this.status === 'live' ? nothing : this.renderOverlay()}
      </div>
      ${this.status === 'live' && this.cameras.length > 1
        ? html`<label>
            ${this.texts.camera}
            <select @change=${this.onCameraChosen}>
              ${this.cameras.map(
                (c, i) => html`<option value=${c.deviceId} ?selected=${c.deviceId === this.deviceId}>
                  ${c.label || `${this.texts.camera} ${i + 1}`}
                </option>`,
              )}
            </select>
          </label>`
        : nothing}
      ${this.mode === 'record' ? this.renderRecordButton() : nothing}
    `;
  }

  private renderOverlay() {
    if (this.status === 'starting') {
      return html`<div class="overlay"></div>`;
    }
    return html`<div class="overlay">
      ${this.status === 'error' ? html`<div class="message" role="alert">${this.texts.noCamera}</div>` : nothing}
      <button class="start" type="button" ?disabled=${this.disabled} @click=${this.start}>${this.texts.startCamera}</button>
    </div>`;
  }

  private renderRecordButton() {
    const live = this.status === 'live' && !this.disabled;
    return html`<button
      class="record ${this.holding ? 'holding' : ''}"
      type="button"
      ?disabled=${!live}
      aria-pressed=${this.holding ? 'true' : 'false'}
      @pointerdown=${this.onPointerDown}
      @pointerup=${this.stopHold}
      @pointerleave=${this.stopHold}
      @pointercancel=${this.stopHold}
      @keydown=${this.onKeyDown}
      @keyup=${this.onKeyUp}
      @blur=${this.stopHold}
      @contextmenu=${(e: Event) => e.preventDefault()}
    >
      ${this.holding ? html`<span class="dot"></span>${this.texts.recording}` : this.texts.holdToRecord}
      ${this.holding || this.holdCount > 0 ? html`<span class="count" aria-live="polite">${this.holdCount}</span>` : nothing}
    </button>`;
  }

  /** Asks for the camera. Safe to call again, e.g. to retry after the learner allowed access. */
  async start() {
    if (this.status === 'starting' || this.status === 'live') {
      return;
    }
    if (!navigator.mediaDevices?.getUserMedia) {
      // No camera API at all: an old browser, or the page is not on https/localhost.
      this.status = 'error';
      return;
    }
    this.status = 'starting';
    try {
      await this.openStream();
      this.status = 'live';
      navigator.mediaDevices.addEventListener('devicechange', this.onDeviceChange);
      await this.listCameras();
    } catch (e) {
      console.warn('webcam-capture: no camera', e);
      this.status = 'error';
    }
  }

  /** Turns the camera off (its light goes out) until start() or the button is used again. */
  stop() {
    this.stopHold();
    this.loopId++;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = undefined;
    navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange);
    if (this.video) {
      this.video.srcObject = null;
    }
    if (this.status !== 'error') {
      this.status = 'idle';
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  protected updated(changed: PropertyValues) {
    if ((changed.has('mode') || changed.has('status')) && this.mode === 'predict' && this.status === 'live') {
      this.predictLoop(++this.loopId);
    }
    if (changed.has('mode') && this.mode !== 'record') {
      this.stopHold();
    }
    if (changed.has('disabled') && this.disabled) {
      this.stopHold();
    }
  }

  private async openStream() {
    const video: MediaTrackConstraints = { width: { ideal: 640 }, height: { ideal: 480 } };
    if (this.deviceId) {
      video.deviceId = { exact: this.deviceId };
    }
    const stream = await navigator.mediaDevices.getUserMedia({ video, audio: false });
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = stream;
    this.deviceId = stream.getVideoTracks()[0]?.getSettings().deviceId ?? this.deviceId;
    await this.updateComplete;
    this.video.srcObject = stream;
    await this.video.play().catch(() => undefined);
  }

  private async listCameras() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    this.cameras = devices.filter((d) => d.kind === 'videoinput');
  }

  private async onCameraChosen(e: Event) {
    this.deviceId = (e.target as HTMLSelectElement).value;
    try {
      await this.openStream();
    } catch (err) {
      console.warn('webcam-capture: cannot switch camera', err);
      this.stop();
      this.status = 'error';
    }
  }

  /** The centre square of the current video frame, mirrored like the preview, as base64 JPEG. */
  private captureFrame(): string | null {
    const v = this.video;
    if (!v || v.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !v.videoWidth) {
      return null;
    }
    const side = Math.min(v.videoWidth, v.videoHeight);
    const sx = (v.videoWidth - side) / 2;
    const sy = (v.videoHeight - side) / 2;
    const canvas = this.frameCanvas;
    canvas.width = FRAME_SIZE;
    canvas.height = FRAME_SIZE;
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(-1, 0, 0, 1, FRAME_SIZE, 0);
    ctx.drawImage(v, sx, sy, side, side, 0, 0, FRAME_SIZE, FRAME_SIZE);
    const url = canvas.toDataURL('image/jpeg', JPEG_QUALITY);
    return url.substring(url.indexOf(',') + 1);
  }

  private send(jpeg: string): Promise<unknown> {
    const server = (this as unknown as { $server?: FrameServer }).$server;
    if (!server) {
      return Promise.resolve();
    }
    this.inFlight++;
    return server.frame(jpeg).finally(() => this.inFlight--);
  }

  // ---- record mode: frames while the button is held ----

  private onPointerDown(e: PointerEvent) {
    if (e.button > 0) {
      return;
    }
    e.preventDefault();
    this.startHold();
  }

  private onKeyDown(e: KeyboardEvent) {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault(); // no page scroll, no synthetic click
      if (!e.repeat) {
        this.startHold();
      }
    }
  }

  private onKeyUp(e: KeyboardEvent) {
    if (e.key === ' ' || e.key === 'Enter') {
      e.preventDefault();
      this.stopHold();
    }
  }

  private startHold() {
    if (this.holding || this.disabled || this.status !== 'live' || this.mode !== 'record') {
      return;
    }
    this.holding = true;
    this.holdCount = 0;
    const hold = ++this.holdId;
    this.recordTimer = window.setInterval(() => this.recordTick(hold), 1000 / RECORD_FPS);
    this.recordTick(hold);
  }

  private stopHold() {
    if (!this.holding) {
      return;
    }
    this.holding = false;
    window.clearInterval(this.recordTimer);
    this.recordTimer = undefined;
  }

  private recordTick(hold: number) {
    if (this.inFlight >= MAX_IN_FLIGHT) {
      return; // the server is behind; skipping a frame beats an ever-growing queue
    }
    const jpeg = this.captureFrame();
    if (!jpeg) {
      return;
    }
    this.send(jpeg).then(
      () => {
        // Frames acknowledged after release still belong to the hold they were taken in.
        if (hold === this.holdId) {
          this.holdCount++;
        }
      },
      () => undefined,
    );
  }

  // ---- predict mode: one frame at a time, as fast as answers come back ----

  private async predictLoop(loop: number) {
    const minInterval = 1000 / PREDICT_MAX_FPS;
    // tell the server the camera is on again, so it takes the frames that follow
    await (this as unknown as { $server?: FrameServer }).$server?.live?.().catch(() => undefined);
    while (loop === this.loopId && this.mode === 'predict' && this.status === 'live') {
      const began = performance.now();
      const jpeg = document.hidden || this.disabled ? null : this.captureFrame();
      if (jpeg) {
        try {
          await this.send(jpeg);
        } catch {
          await sleep(500); // e.g. the client is resynchronising with the server
        }
      }
      await sleep(Math.max(jpeg ? 0 : 100, minInterval - (performance.now() - began)));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'webcam-capture': WebcamCaptureElement;
  }
}
