/**
 * <draw-pad>: a square white canvas to draw on with a mouse, pen or finger, for digits and
 * simple shapes.
 *
 * It is the browser half of DrawPad.java. Strokes are thick, round and black, like a marker, so
 * a drawing still reads after it is shrunk to the model's input size. When a stroke ends, the
 * whole drawing is downscaled to 128x128 and sent to the server as a PNG; the server decides
 * whether that means "add a sample" or "predict". All words come from the server.
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';

const CSS_SIZE = 280;
const EXPORT_SIZE = 128;
const LINE_WIDTH = 20; // in CSS pixels; about a tenth of the pad, like a pen stroke on MNIST digits

@customElement('draw-pad')
export class DrawPadElement extends LitElement {
  static styles = css`
    :host {
      display: inline-flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.5rem;
      font-family: var(--lumo-font-family, system-ui, sans-serif);
    }
    canvas {
      width: ${CSS_SIZE}px;
      height: ${CSS_SIZE}px;
      max-width: 100%;
      aspect-ratio: 1;
      background: #fff;
      border: 1px solid var(--lumo-contrast-30pct, #c4c8ce);
      border-radius: 8px;
      touch-action: none;
      cursor: crosshair;
      box-sizing: border-box;
    }
    :host([disabled]) canvas {
      opacity: 0.5;
      cursor: not-allowed;
    }
    button {
      font: inherit;
      font-size: var(--lumo-font-size-s, 0.875rem);
      padding: 0.4rem 0.9rem;
      border-radius: var(--lumo-border-radius-m, 6px);
      border: 1px solid var(--lumo-contrast-30pct, #c4c8ce);
      background: var(--lumo-base-color, #fff);
      color: var(--lumo-body-text-color, #1f2937);
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--lumo-primary-color-50pct, rgba(26, 115, 232, 0.5));
    }
  `;

  @property({ type: String }) clearText = '';
  @property({ type: String }) areaLabel = '';
  @property({ type: Boolean, reflect: true }) disabled = false;

  @query('canvas') private canvas!: HTMLCanvasElement;
  private activePointer: number | null = null;
  private last: { x: number; y: number } | null = null;

  render() {
    return html`
      <canvas
        role="img"
        aria-label=${this.areaLabel}
        @pointerdown=${this.onDown}
        @pointermove=${this.onMove}
        @pointerup=${this.onUp}
        @pointercancel=${this.onUp}
        @lostpointercapture=${this.onUp}
      ></canvas>
      <button type="button" ?disabled=${this.disabled} @click=${this.onClearClick}>${this.clearText}</button>
    `;
  }

  protected firstUpdated() {
    // Back the canvas with device pixels so strokes stay smooth on high-DPI tablets.
    const scale = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(CSS_SIZE * scale);
    this.canvas.height = Math.round(CSS_SIZE * scale);
    this.clear();
  }

  /** Wipes the drawing without telling the server (the server asked for it). */
  clear() {
    if (!this.canvas) {
      return; // not rendered yet: it starts blank anyway
    }
    const ctx = this.canvas.getContext('2d')!;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.restore();
  }

  private onClearClick() {
    this.clear();
    (this as any).$server?.cleared();
  }

  private point(e: PointerEvent) {
    const rect = this.canvas.getBoundingClientRect();
    return {
      x: ((e.clientX - rect.left) / rect.width) * this.canvas.width,
      y: ((e.clientY - rect.top) / rect.height) * this.canvas.height,
    };
  }

  private onDown(e: PointerEvent) {
    if (this.disabled || this.activePointer !== null || e.button > 0) {
      return;
    }
    e.preventDefault();
    this.activePointer = e.pointerId;
    this.canvas.setPointerCapture(e.pointerId);
    this.last = this.point(e);
    // A tap should leave a dot, not nothing.
    this.segment(this.last, this.last);
  }

  private onMove(e: PointerEvent) {
    if (e.pointerId !== this.activePointer || !this.last) {
      return;
    }
    // Coalesced events keep fast strokes smooth instead of a chain of straight segments.
    const events = e.getCoalescedEvents?.() ?? [e];
    for (const ev of events.length ? events : [e]) {
      const p = this.point(ev);
      this.segment(this.last, p);
      this.last = p;
    }
  }

  private onUp(e: PointerEvent) {
    if (e.pointerId !== this.activePointer) {
      return;
    }
    this.activePointer = null;
    this.last = null;
    this.sendDrawing();
  }

  private segment(from: { x: number; y: number }, to: { x: number; y: number }) {
    const ctx = this.canvas.getContext('2d')!;
    ctx.strokeStyle = '#000';
    ctx.lineWidth = LINE_WIDTH * (this.canvas.width / CSS_SIZE);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x, to.y);
    ctx.stroke();
  }

  private sendDrawing() {
    const small = document.createElement('canvas');
    small.width = EXPORT_SIZE;
    small.height = EXPORT_SIZE;
    const ctx = small.getContext('2d')!;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(this.canvas, 0, 0, EXPORT_SIZE, EXPORT_SIZE);
    const dataUrl = small.toDataURL('image/png');
    (this as any).$server?.drawn(dataUrl.substring(dataUrl.indexOf(',') + 1));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'draw-pad': DrawPadElement;
  }
}
