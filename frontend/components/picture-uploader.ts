/**
 * <picture-uploader>: a button that opens the file picker, a drop zone, and a line that says how
 * far a drop has got. It is the browser half of PictureUploader.java.
 *
 * Files go straight to the page's upload endpoint with fetch(), several per multipart request and
 * a few requests at a time: one request per file, each with its own progress events and page
 * round trips, kept the browser busier than the server. The endpoint tells the page what became
 * of each file it got; this element only tells the server about files that never got there (too
 * big, one too many, or a request that failed), and when a drop is done. All words come from the
 * server.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '@vaadin/button';


/** Why a file never reached the endpoint; the same names as PictureUploader.Reason. */
type Reason = 'TOO_BIG' | 'TOO_MANY' | 'NETWORK' | 'SERVER';

interface NotSent {
  name: string;
  size: number;
  reason: Reason;
}

@customElement('picture-uploader')
export class PictureUploaderElement extends LitElement {
  static styles = css`
    :host {
      display: block;
      font-family: var(--lumo-font-family, system-ui, sans-serif);
    }
    .zone {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--lumo-space-s, 0.5rem);
      padding: var(--lumo-space-s, 0.5rem);
      border: 1px dashed var(--lumo-contrast-20pct, #c4c8ce);
      border-radius: var(--lumo-border-radius-l, 8px);
    }
    :host([dragging]) .zone {
      border-color: var(--lumo-primary-color-50pct, rgba(26, 115, 232, 0.5));
      background: var(--lumo-primary-color-10pct, rgba(26, 115, 232, 0.1));
    }
    .drop {
      color: var(--lumo-secondary-text-color, #5f6368);
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    .progress {
      flex-basis: 100%;
      display: flex;
      align-items: center;
      gap: var(--lumo-space-s, 0.5rem);
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    progress {
      flex: 1;
      min-width: 4rem;
      accent-color: var(--lumo-primary-color, #1a73e8);
    }
  `;

  /** Where files go: the page's upload address, relative to the page. */
  @property({ reflect: true }) endpoint = '';
  @property() addText = '';
  @property() dropText = '';
  /** "Sending {0} of {1}…": {0} files done so far, {1} files in the drop. */
  @property() sendingText = '';
  /** Files bigger than this are not sent (0: no limit); the server would refuse them anyway. */
  @property({ type: Number }) maxFileBytes = 0;
  /** At most this many files of one drop are sent (0: no limit). */
  @property({ type: Number }) maxFiles = 0;
  /** The nearest ancestor matching this selector takes drops too, so a whole card is a drop zone. */
  @property() dropTarget = '';
  @property({ type: Boolean, reflect: true }) dragging = false;
  /**
   * A request holds up to this many files, or this many bytes, whichever comes first. Fewer,
   * larger requests cost the browser less; bench/lesson-upload.sh (BENCH_UPLOAD_SHAPE) compares shapes.
   */
  filesPerRequest = 24;
  bytesPerRequest = 2 * 1024 * 1024;
  /**
   * Requests of one drop on their way at once; the server decodes each request's files side by
   * side. Chromium opens at most six connections to a host, and the page's own requests and
   * thumbnails need some of them too.
   */
  requestsInFlight = 3;

  @state() private done = 0;
  @state() private total = 0;
  @query('input') private input!: HTMLInputElement;

  private queue: File[] = [];
  private inFlight = 0;
  private taken = 0;
  private zone: HTMLElement | null = null;

  render() {
    return html`
      <div class="zone" part="zone">
        <vaadin-button @click=${() => this.input.click()}>${this.addText}</vaadin-button>
        <span class="drop">${this.dropText}</span>
        <input type="file" multiple hidden @change=${this.onPicked} />
        ${this.total > 0
          ? html`<div class="progress" role="status">
              <span>${this.format(this.sendingText, this.done, this.total)}</span>
              <progress max=${this.total} .value=${this.done}></progress>
            </div>`
          : ''}
      </div>
    `;
  }

  connectedCallback() {
    super.connectedCallback();
    // The target's ancestors are in place only once this element is; wait a frame for them.
    requestAnimationFrame(() => this.listenForDrops());
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.stopListening();
  }

  private listenForDrops() {
    this.stopListening();
    if (!this.isConnected) {
      return;
    }
    this.zone = (this.dropTarget && (this.closest(this.dropTarget) as HTMLElement | null)) || this;
    this.zone.addEventListener('dragover', this.onDragOver);
    this.zone.addEventListener('dragleave', this.onDragLeave);
    this.zone.addEventListener('drop', this.onDrop);
  }

  private stopListening() {
    this.zone?.removeEventListener('dragover', this.onDragOver);
    this.zone?.removeEventListener('dragleave', this.onDragLeave);
    this.zone?.removeEventListener('drop', this.onDrop);
    this.zone = null;
  }

  private onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) {
      return;
    }
    // The innermost zone takes it: a test shelf inside a card keeps its own drops.
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  private onDragLeave = (e: DragEvent) => {
    if (!this.zone || !this.zone.contains(e.relatedTarget as Node | null)) {
      this.dragging = false;
    }
  };

  private onDrop = (e: DragEvent) => {
    if (!e.dataTransfer?.types.includes('Files')) {
      return;
    }
    e.preventDefault();
    e.stopPropagation();
    this.dragging = false;
    this.take(Array.from(e.dataTransfer.files));
  };

  private onPicked() {
    const files = Array.from(this.input.files ?? []);
    // Cleared, so picking the same files again is a new pick.
    this.input.value = '';
    this.take(files);
  }

  /** A drop while another is on its way joins it: the page reports them as one batch. */
  private take(files: File[]) {
    if (files.length === 0) {
      return;
    }
    const notSent: NotSent[] = [];
    for (const file of files) {
      if (this.maxFiles > 0 && this.taken >= this.maxFiles) {
        notSent.push(this.notSentFile(file, 'TOO_MANY'));
      } else if (this.maxFileBytes > 0 && file.size > this.maxFileBytes) {
        notSent.push(this.notSentFile(file, 'TOO_BIG'));
      } else {
        this.queue.push(file);
        this.taken++;
      }
    }
    this.total += files.length;
    this.done += notSent.length;
    this.report(notSent);
    this.pump();
    this.finishIfDone();
  }

  private pump() {
    while (this.inFlight < this.requestsInFlight && this.queue.length > 0) {
      const batch = this.nextBatch();
      this.inFlight++;
      this.send(batch).finally(() => {
        this.inFlight--;
        this.done += batch.length;
        this.pump();
        this.finishIfDone();
      });
    }
  }

  private nextBatch(): File[] {
    const batch: File[] = [];
    let bytes = 0;
    while (this.queue.length > 0 && batch.length < this.filesPerRequest) {
      const next = this.queue[0];
      if (batch.length > 0 && bytes + next.size > this.bytesPerRequest) {
        break;
      }
      batch.push(this.queue.shift()!);
      bytes += next.size;
    }
    return batch;
  }

  /** The endpoint answers each file and tells the page; only a request that failed is told here. */
  private async send(batch: File[]) {
    const form = new FormData();
    for (const file of batch) {
      form.append('file', file, file.name);
    }
    let failed: Reason | null = null;
    try {
      const answer = await fetch(this.endpoint, { method: 'POST', body: form, credentials: 'same-origin' });
      if (!answer.ok) {
        failed = answer.status === 413 ? 'TOO_BIG' : 'SERVER';
      }
      await answer.arrayBuffer();
    } catch (e) {
      failed = failed ?? 'NETWORK';
    }
    if (failed) {
      const reason = failed;
      this.report(batch.map((file) => this.notSentFile(file, reason)));
    }
  }

  private finishIfDone() {
    if (this.total > 0 && this.inFlight === 0 && this.queue.length === 0) {
      this.total = 0;
      this.done = 0;
      this.taken = 0;
      (this as any).$server?.allSent();
    }
  }

  private report(files: NotSent[]) {
    if (files.length > 0) {
      (this as any).$server?.notSent(files);
    }
  }

  private notSentFile(file: File, reason: Reason): NotSent {
    return { name: file.name, size: file.size, reason };
  }

  private format(template: string, done: number, total: number) {
    return template.replace('{0}', String(done)).replace('{1}', String(total));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'picture-uploader': PictureUploaderElement;
  }
}
