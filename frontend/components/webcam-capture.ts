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
 *
 * With a modelUrl in predict mode, the frames are answered here, by the project's own model run
 * with TensorFlow.js (browser-model.ts), and only the answers go to the server, a few times a
 * second, plus one frame every CHECK_EVERY_MS that the server answers too, so the page can say
 * whether browser and server agree. If the model cannot run here, frames go to the server as
 * before, and the server is told why.
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
/** How often the browser's answer is shown by the server, and how often one frame is checked there. */
const ANSWER_EVERY_MS = 250;
const CHECK_EVERY_MS = 2000;

type Status = 'idle' | 'starting' | 'live' | 'error';

interface FrameServer {
  frame(jpegBase64: string): Promise<unknown>;
  live?(): Promise<unknown>;
  browserReady?(): Promise<unknown>;
  browserAnswer?(probabilitiesJson: string, framesPerSecond: number): Promise<unknown>;
  browserCheck?(jpegBase64: string, probabilitiesJson: string): Promise<unknown>;
  browserFailed?(reason: string): Promise<unknown>;
}

interface LocalModel {
  predict(square: HTMLCanvasElement): number[];
  dispose(): void;
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
    /* a blinking dot can make some learners feel unwell; the word "Recording" says it alone */
    @media (prefers-reduced-motion: reduce) {
      .dot {
        animation: none;
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
  /** Where the project's TF.js files are ("/own-model/<id>/"); empty: the server answers every frame. */
  @property({ type: String }) modelUrl = '';
  /** The most pictures a second live prediction takes; bench/browser-preview-fps.sh lifts it to measure. */
  @property({ type: Number }) maxFps = PREDICT_MAX_FPS;

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
  private local?: { url: string; model: Promise<LocalModel | null> };

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
    const modelChanged = changed.has('modelUrl') && changed.get('modelUrl') !== undefined;
    if ((changed.has('mode') || changed.has('status') || modelChanged) && this.mode === 'predict' && this.status === 'live') {
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
    return this.drawFrame() ? this.frameJpeg() : null;
  }

  /** Draws the centre square of the current video frame, mirrored like the preview, on frameCanvas. */
  private drawFrame(): boolean {
    const v = this.video;
    if (!v || v.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !v.videoWidth) {
      return false;
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
    return true;
  }

  private frameJpeg(): string {
    const url = this.frameCanvas.toDataURL('image/jpeg', JPEG_QUALITY);
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

  private get server(): FrameServer | undefined {
    return (this as unknown as { $server?: FrameServer }).$server;
  }

  private async predictLoop(loop: number) {
    // tell the server the camera is on again, so it takes the frames (or answers) that follow
    await this.server?.live?.().catch(() => undefined);
    const model = await this.localModel();
    if (loop !== this.loopId) {
      return;
    }
    if (model) {
      await this.localLoop(loop, model);
      return;
    }
    await this.serverLoop(loop);
  }

  /** The project's model in this browser, loaded once per model address; null if it cannot run here. */
  private localModel(): Promise<LocalModel | null> {
    const url = this.modelUrl;
    if (!url) {
      return Promise.resolve(null);
    }
    if (this.local?.url !== url) {
      this.local?.model.then((m) => m?.dispose());
      const model = import('./browser-model')
        .then((m) => m.BrowserModel.load(url) as Promise<LocalModel>)
        .then(async (m) => {
          await this.server?.browserReady?.().catch(() => undefined);
          return m;
        })
        .catch(async (e) => {
          console.warn('webcam-capture: the model cannot run in this browser', e);
          await this.server?.browserFailed?.(String(e)).catch(() => undefined);
          return null;
        });
      this.local = { url, model };
    }
    return this.local.model;
  }

  /** Answers here; the server hears the answers a few times a second and checks one frame now and then. */
  private async localLoop(loop: number, model: LocalModel) {
    const minInterval = 1000 / this.maxFps;
    const answered: number[] = [];
    let lastAnswer = 0;
    let lastCheck = performance.now();
    let answering = false;
    while (loop === this.loopId && this.mode === 'predict' && this.status === 'live' && this.modelUrl) {
      const began = performance.now();
      if (!document.hidden && !this.disabled && this.drawFrame()) {
        const probabilities = model.predict(this.frameCanvas);
        const now = performance.now();
        answered.push(now);
        while (answered.length && answered[0] < now - 2000) {
          answered.shift();
        }
        const fps = answered.length / Math.min(2, Math.max(0.25, (now - answered[0]) / 1000));
        const json = JSON.stringify(probabilities);
        if (now - lastCheck >= CHECK_EVERY_MS) {
          lastCheck = now;
          // the server sees this frame as a JPEG: answer exactly those pixels, so the check
          // compares the two models, not the model with JPEG's rounding
          const jpeg = this.frameJpeg();
          const sent = await this.answerJpeg(model, jpeg).catch(() => null);
          if (sent) {
            this.server?.browserCheck?.(jpeg, JSON.stringify(sent)).catch(() => undefined);
          }
        } else if (!answering && now - lastAnswer >= ANSWER_EVERY_MS) {
          lastAnswer = now;
          answering = true;
          this.server?.browserAnswer?.(json, Math.round(fps * 10) / 10)
            .catch(() => undefined)
            .finally(() => (answering = false));
        }
      }
      await sleep(Math.max(1, minInterval - (performance.now() - began)));
    }
  }

  private checkCanvas = document.createElement('canvas');

  private async answerJpeg(model: LocalModel, jpegBase64: string): Promise<number[]> {
    const bytes = Uint8Array.from(atob(jpegBase64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
    this.checkCanvas.width = FRAME_SIZE;
    this.checkCanvas.height = FRAME_SIZE;
    this.checkCanvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    bitmap.close();
    return model.predict(this.checkCanvas);
  }

  private async serverLoop(loop: number) {
    const minInterval = 1000 / PREDICT_MAX_FPS;
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
