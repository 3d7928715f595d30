/**
 * <confusion-matrix>: a table of how often each actual class was predicted as each class.
 *
 * It is the browser half of ConfusionMatrix.java. Rows are the actual class and columns the
 * predicted class. Each cell is coloured by its share of the row, white to strong blue, so a
 * small class with few images is as readable as a big one: a dark diagonal means "mostly right".
 * Cells are buttons, so a click (or Enter) asks the server to show the images in that cell.
 * All words come from the server, already translated.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

export interface ConfusionData {
  classNames: string[];
  counts: number[][];
}

export interface ConfusionTexts {
  actual: string;
  predicted: string;
  /** MessageFormat-like: {0} = count, {1} = actual class, {2} = predicted class. */
  cellTooltip: string;
}

const CJK = /[\u3000-\u9fff\uf900-\ufaff]/;
const WHITE = [255, 255, 255];
const BLUE = [21, 67, 170];

@customElement('confusion-matrix')
export class ConfusionMatrixElement extends LitElement {
  static styles = css`
    :host {
      display: inline-block;
      max-width: 100%;
      font-family: var(--lumo-font-family, system-ui, sans-serif);
      font-size: var(--lumo-font-size-s, 0.875rem);
      color: var(--lumo-body-text-color, #1f2937);
    }
    .scroller {
      overflow-x: auto;
    }
    .axis {
      font-weight: 600;
      color: var(--lumo-secondary-text-color, #4b5563);
    }
    .axis.predicted {
      text-align: center;
    }
    .axis.actual {
      width: 1.5rem;
      padding: 0;
    }
    .axis.actual span {
      display: inline-block;
      /* without this, Chinese wraps after every character: one column per character */
      white-space: nowrap;
      writing-mode: vertical-rl;
      transform: rotate(180deg);
    }
    /*
     * Chinese reads top to bottom with upright characters; turned on its side it reads upside
     * down. A one-character-wide horizontal box stacks them without relying on vertical font
     * metrics, which some CJK fonts lack (the text then collapses to zero height).
     */
    .axis.actual span.cjk {
      writing-mode: horizontal-tb;
      transform: none;
      white-space: normal;
      word-break: break-all;
      width: 1em;
      line-height: 1.15;
    }
    table {
      grid-column: 2;
      grid-row: 2;
      border-collapse: separate;
      border-spacing: 2px;
    }
    th {
      font-weight: 500;
      padding: 0 0.25rem;
    }
    .name {
      display: block;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    thead th {
      padding: 0;
    }
    thead .name {
      max-width: 3rem;
      margin: 0 auto;
      text-align: center;
    }
    /* with a few classes there is room for whole names ("squares", "triangle") over the columns */
    table.few thead .name {
      max-width: 4.75rem;
    }
    table.few td button {
      margin: 0 auto;
    }
    tbody .name {
      max-width: 8rem;
      margin-left: auto;
      text-align: right;
    }
    td {
      padding: 0;
    }
    td button {
      display: block;
      width: 3rem;
      height: 2.75rem;
      border: 1px solid #e5e7eb;
      border-radius: 4px;
      font: inherit;
      font-variant-numeric: tabular-nums;
      cursor: pointer;
      padding: 0;
    }
    td button.diagonal {
      font-weight: 700;
      border: 2px solid #0f2d6b;
    }
    td button:hover,
    td button:focus-visible {
      outline: 3px solid var(--lumo-primary-color-50pct, rgba(26, 115, 232, 0.5));
      outline-offset: 1px;
    }
    td button.empty {
      color: #9ca3af;
    }
  `;

  @property({ type: Object }) data: ConfusionData = { classNames: [], counts: [] };
  @property({ type: Object }) texts: ConfusionTexts = { actual: '', predicted: '', cellTooltip: '{0}' };

  render() {
    const names = this.data.classNames ?? [];
    const counts = this.data.counts ?? [];
    if (names.length === 0) {
      return nothing;
    }
    return html`
      <div class="scroller">
        <table class=${names.length <= 6 ? 'few' : ''}>
          <thead>
            <tr>
              <th colspan="2"></th>
              <th colspan=${names.length} scope="colgroup" class="axis predicted">${this.texts.predicted}</th>
            </tr>
            <tr>
              <th colspan="2"></th>
              ${names.map((n) => html`<th scope="col"><span class="name" title=${n}>${n}</span></th>`)}
            </tr>
          </thead>
          <tbody>
            ${names.map((rowName, a) => {
              const row = counts[a] ?? [];
              const rowSum = row.reduce((s, c) => s + (c ?? 0), 0);
              return html`<tr>
                ${a === 0
                  ? html`<th rowspan=${names.length} scope="rowgroup" class="axis actual">
                      <span class=${CJK.test(this.texts.actual) ? 'cjk' : ''}>${this.texts.actual}</span>
                    </th>`
                  : nothing}
                <th scope="row"><span class="name" title=${rowName}>${rowName}</span></th>
                ${names.map((colName, p) => this.cell(a, p, row[p] ?? 0, rowSum, rowName, colName))}
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  private cell(actual: number, predicted: number, count: number, rowSum: number, rowName: string, colName: string) {
    const share = rowSum > 0 ? count / rowSum : 0;
    const rgb = WHITE.map((w, i) => Math.round(w + (BLUE[i] - w) * share));
    const dark = share > 0.5;
    const tooltip = this.texts.cellTooltip
      .replaceAll('{0}', String(count))
      .replaceAll('{1}', rowName)
      .replaceAll('{2}', colName);
    const classes = [actual === predicted ? 'diagonal' : '', count === 0 ? 'empty' : ''].join(' ');
    return html`<td>
      <button
        class=${classes}
        style="background: rgb(${rgb.join(',')}); color: ${dark ? '#fff' : count === 0 ? '' : '#111827'}"
        title=${tooltip}
        aria-label=${tooltip}
        @click=${() => this.cellClicked(actual, predicted)}
      >
        ${count}
      </button>
    </td>`;
  }

  private cellClicked(actual: number, predicted: number) {
    (this as any).$server?.cellClicked(actual, predicted);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'confusion-matrix': ConfusionMatrixElement;
  }
}
