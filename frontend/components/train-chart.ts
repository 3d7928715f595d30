/**
 * <train-chart>: a Chart.js line chart of one training metric (accuracy or loss) per epoch,
 * with a training and a validation series and the best validation epoch marked.
 *
 * With `runs` set (two to four kept runs), it overlays them instead: one colour per run, training
 * solid and validation dashed, each run's label (its settings, or the learner's name) in the
 * legend. With `gapEpoch` set, the epochs from where training and validation part are shaded.
 *
 * It is the browser half of TrainChart.java. The server owns the numbers and sends them as
 * properties (`train`, `validation`, `bestEpoch`, `percent`, `texts`), so the chart survives a
 * detach/re-attach and works even if properties arrive before the element is upgraded. The chart
 * object is created once and only its data is swapped, without animation: a live curve that
 * wobbles on every epoch is hard to read. All words come from the server, already translated.
 *
 * A loss that spans more than a hundredfold (a learning rate far too big spikes the first epochs
 * to thousands) is drawn on a logarithmic axis, titled with `logScaleText`, so the later epochs
 * stay readable instead of being squashed onto the floor.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  LogarithmicScale,
  PointElement,
  Title,
  Tooltip,
  type Plugin,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, CategoryScale, Legend, Title, Tooltip);

/** A loss whose largest value is more than this many times its smallest gets a logarithmic axis. */
const LOG_SCALE_SPAN = 100;

export interface TrainChartTexts {
  title: string;
  train: string;
  validation: string;
  x: string;
  best: string;
}

export interface RunSeries {
  label: string;
  train: (number | null)[];
  validation: (number | null)[];
}

const RUN_COLOURS = ['#1a73e8', '#d93025', '#188038', '#9334e6'];
/** Overlaid runs differ by line pattern too (solid, dashed, dotted, dash-dot), not by colour alone. */
const RUN_DASHES = [[], [8, 4], [2, 3], [10, 3, 2, 3]];
const GAP_COLOUR = '#d93025';
const TRAIN_COLOUR = '#1a73e8';
const VALIDATION_COLOUR = '#e8710a';
const BEST_COLOUR = '#188038';
const LINE_STYLE = {
  tension: 0.2,
  borderWidth: 2,
  // Dots help on a short run and only clutter a long one.
  pointRadius: (ctx: { chart: Chart }) => ((ctx.chart.data.labels?.length ?? 0) > 30 ? 0 : 2.5),
};

/**
 * Marks the best epoch: a dashed vertical line, a labelled tag and a diamond on the validation
 * point. Drawn after the datasets so neither curve can hide it. Kept inline because an
 * annotation plugin from npm would be more code than the feature.
 */
const bestEpochPlugin: Plugin<'line'> = {
  id: 'teachboxBestEpoch',
  afterDatasetsDraw(chart) {
    const best = (chart.options.plugins as any)?.teachboxBestEpoch as { epoch: number; label: string } | undefined;
    if (!best || best.epoch < 1 || best.epoch > chart.data.labels!.length) {
      return;
    }
    const x = chart.scales.x.getPixelForValue(best.epoch - 1);
    const { top, bottom, left, right } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = BEST_COLOUR;
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    ctx.setLineDash([]);

    const point = chart.getDatasetMeta(1).data[best.epoch - 1];
    const value = chart.data.datasets[1].data[best.epoch - 1];
    if (point && value !== null && value !== undefined) {
      const r = 7;
      ctx.fillStyle = BEST_COLOUR;
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(point.x, point.y - r);
      ctx.lineTo(point.x + r, point.y);
      ctx.lineTo(point.x, point.y + r);
      ctx.lineTo(point.x - r, point.y);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    }

    if (best.label) {
      // the label is a pattern from the bundles ("Kept: epoch {0}", "保留：第 {0} 輪")
      const text = best.label.includes('{0}') ? best.label.replace('{0}', String(best.epoch)) : `${best.label}: ${best.epoch}`;
      ctx.font = `600 12px ${getComputedStyle(chart.canvas).fontFamily}`;
      const width = ctx.measureText(text).width + 10;
      // A tag at the bottom of the line, kept inside the plot even at the right edge.
      const tagX = Math.min(Math.max(x - width / 2, left), right - width);
      const tagY = bottom - 22;
      ctx.fillStyle = BEST_COLOUR;
      ctx.beginPath();
      ctx.roundRect(tagX, tagY, width, 18, 4);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'middle';
      ctx.fillText(text, tagX + 5, tagY + 9.5);
    }
    ctx.restore();
  },
};

/**
 * Shades the epochs from where the curves part (overfitting) to the end, with a tag naming it,
 * behind the curves so both stay readable.
 */
const gapPlugin: Plugin<'line'> = {
  id: 'teachboxGap',
  beforeDatasetsDraw(chart) {
    const gap = (chart.options.plugins as any)?.teachboxGap as { epoch: number; label: string } | undefined;
    const epochs = chart.data.labels!.length;
    if (!gap || gap.epoch < 1 || gap.epoch > epochs) {
      return;
    }
    const { top, bottom, right } = chart.chartArea;
    const x = chart.scales.x.getPixelForValue(gap.epoch - 1);
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = 'rgba(217, 48, 37, 0.08)';
    ctx.fillRect(x, top, Math.max(2, right - x), bottom - top);
    ctx.strokeStyle = GAP_COLOUR;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(x, top);
    ctx.lineTo(x, bottom);
    ctx.stroke();
    if (gap.label) {
      ctx.font = `600 12px ${getComputedStyle(chart.canvas).fontFamily}`;
      const width = ctx.measureText(gap.label).width + 10;
      const tagX = Math.max(chart.chartArea.left, Math.min(x + 4, right - width));
      ctx.fillStyle = GAP_COLOUR;
      ctx.beginPath();
      ctx.roundRect(tagX, top + 4, width, 18, 4);
      ctx.fill();
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'middle';
      ctx.fillText(gap.label, tagX + 5, top + 13.5);
    }
    ctx.restore();
  },
};

@customElement('train-chart')
export class TrainChartElement extends LitElement {
  static styles = css`
    :host {
      display: block;
      width: 100%;
      font-family: var(--lumo-font-family, system-ui, sans-serif);
    }
    .frame {
      position: relative;
      height: 260px;
      width: 100%;
    }
    details {
      margin-top: 0.25rem;
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    summary {
      cursor: pointer;
      color: var(--lumo-primary-text-color, #1a73e8);
    }
    table {
      border-collapse: collapse;
      margin-top: 0.25rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.1rem 0.6rem;
      text-align: right;
      border-bottom: 1px solid var(--lumo-contrast-10pct, #e5e7eb);
    }
  `;

  @property({ type: Array }) train: (number | null)[] = [];
  @property({ type: Array }) validation: (number | null)[] = [];
  @property({ type: Number }) bestEpoch = 0;
  @property({ type: Boolean }) percent = false;
  @property({ type: Array }) runs: RunSeries[] = [];
  @property({ type: Number }) gapEpoch = 0;
  @property({ type: String }) gapLabel = '';
  @property({ type: String }) logScaleText = '';
  @property({ type: Object }) texts: TrainChartTexts = { title: '', train: '', validation: '', x: '', best: '' };

  /** The words of the fold that holds the same numbers as a table, for whoever cannot see the lines. */
  @property({ type: String }) tableText = '';
  /** The table is only built while it is open: a live run redraws the chart every epoch. */
  @state() private tableOpen = false;

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart?: Chart<'line'>;

  render() {
    return html`<div class="frame"><canvas role="img" aria-label=${this.texts.title}></canvas></div>
      ${this.tableText
        ? html`<details @toggle=${(e: Event) => (this.tableOpen = (e.target as HTMLDetailsElement).open)}>
            <summary>${this.tableText}</summary>
            ${this.tableOpen ? this.table() : nothing}
          </details>`
        : nothing}`;
  }

  private table() {
    const series: [string, (number | null)[]][] =
      this.runs.length > 0
        ? this.runs.flatMap((r): [string, (number | null)[]][] => [
            [`${r.label} · ${this.texts.train}`, r.train],
            [`${r.label} · ${this.texts.validation}`, r.validation],
          ])
        : [
            [this.texts.train, this.train],
            [this.texts.validation, this.validation],
          ];
    const epochs = Math.max(0, ...series.map(([, values]) => values.length));
    const scale = this.percent ? 100 : 1;
    const cell = (v: number | null | undefined) => (v === null || v === undefined ? '–' : this.format(v * scale) || '–');
    return html`<table>
      <caption hidden>${this.texts.title}</caption>
      <thead>
        <tr>
          <th scope="col">${this.texts.x}</th>
          ${series.map(([label]) => html`<th scope="col">${label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${Array.from(
          { length: epochs },
          (_, i) => html`<tr>
            <th scope="row">${i + 1}</th>
            ${series.map(([, values]) => html`<td>${cell(values[i])}</td>`)}
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  protected firstUpdated() {
    this.createChart();
  }

  connectedCallback() {
    super.connectedCallback();
    // Re-attached after a disconnect: the canvas is still there, the chart was destroyed.
    if (this.hasUpdated && !this.chart) {
      this.createChart();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  protected updated(changed: PropertyValues<this>) {
    if (!this.chart || changed.size === 0) {
      return;
    }
    if (changed.has('texts') || changed.has('percent')) {
      this.applyOptions();
    }
    this.syncData();
    this.chart.update('none');
  }

  private createChart() {
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: [
          { label: '', data: [], borderColor: TRAIN_COLOUR, backgroundColor: TRAIN_COLOUR, ...LINE_STYLE },
          { label: '', data: [], borderColor: VALIDATION_COLOUR, backgroundColor: VALIDATION_COLOUR, ...LINE_STYLE },
        ],
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: false,
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom', labels: { usePointStyle: true, boxHeight: 8 } },
          title: { display: true, align: 'start', font: { size: 14, weight: 'bold' } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${this.format(item.parsed.y ?? NaN)}` } },
        },
        scales: {
          x: { title: { display: true }, ticks: { maxTicksLimit: 12, autoSkip: true } },
          y: { ticks: { callback: (value) => (this.percent ? `${value}%` : TrainChartElement.tick(Number(value))) } },
        },
      },
      plugins: [gapPlugin, bestEpochPlugin],
    });
    this.applyOptions();
    this.syncData();
    this.chart.update('none');
  }

  private applyOptions() {
    const chart = this.chart!;
    const font = getComputedStyle(this).fontFamily;
    Chart.defaults.font.family = font;
    chart.options.plugins!.title!.text = this.texts.title;
    chart.options.plugins!.title!.display = !!this.texts.title;
    chart.options.scales!.x!.title!.text = this.texts.x;
    chart.options.scales!.x!.title!.display = !!this.texts.x;
    const y = chart.options.scales!.y as any;
    y.min = this.percent ? 0 : undefined;
    y.max = this.percent ? 100 : undefined;
    y.beginAtZero = true;
  }

  /**
   * Copies the (at most a few hundred) numbers into the chart. With animation off, Chart.js then
   * only redraws, which is cheap enough to do on every epoch of a live run.
   */
  private syncData() {
    const chart = this.chart!;
    const overlay = this.runs.length > 0;
    const epochs = overlay
      ? Math.max(0, ...this.runs.map((r) => Math.max(r.train.length, r.validation.length)))
      : Math.max(this.train.length, this.validation.length);
    const scale = this.percent ? 100 : 1;
    const toPoint = (v: number | null | undefined) => (v === null || v === undefined ? null : v * scale);
    const points = (values: (number | null)[]) => Array.from({ length: epochs }, (_, i) => toPoint(values[i]));
    chart.data.labels = Array.from({ length: epochs }, (_, i) => String(i + 1));
    if (overlay) {
      chart.data.datasets = this.runs.flatMap((run, i) => {
        const colour = RUN_COLOURS[i % RUN_COLOURS.length];
        const common = { borderColor: colour, backgroundColor: colour, ...LINE_STYLE, borderDash: RUN_DASHES[i % RUN_DASHES.length] };
        // the run is its pattern; validation is the line with diamonds on it, at any number of epochs
        return [
          { ...common, label: `${run.label} · ${this.texts.train}`, data: points(run.train), pointStyle: 'line', pointRadius: 0 },
          {
            ...common,
            label: `${run.label} · ${this.texts.validation}`,
            data: points(run.validation),
            pointStyle: 'rectRot',
            pointRadius: 3,
          },
        ];
      });
    } else {
      chart.data.datasets = [
        { label: this.texts.train, data: points(this.train), borderColor: TRAIN_COLOUR, backgroundColor: TRAIN_COLOUR, ...LINE_STYLE },
        {
          label: this.texts.validation,
          data: points(this.validation),
          borderColor: VALIDATION_COLOUR,
          backgroundColor: VALIDATION_COLOUR,
          ...LINE_STYLE,
        },
      ];
    }
    this.chooseScale(chart);
    (chart.options.plugins as any).teachboxBestEpoch = { epoch: overlay ? 0 : this.bestEpoch, label: this.texts.best };
    (chart.options.plugins as any).teachboxGap = { epoch: overlay ? 0 : this.gapEpoch, label: this.gapLabel };
  }

  /** Linear, or logarithmic when the values span more than LOG_SCALE_SPAN (never for percentages). */
  private chooseScale(chart: Chart<'line'>) {
    const values = chart.data.datasets
      .flatMap((d) => d.data as (number | null)[])
      .filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
    const span = values.length ? Math.max(...values) / Math.min(...values) : 1;
    const log = !this.percent && span > LOG_SCALE_SPAN;
    const y = chart.options.scales!.y as any;
    y.type = log ? 'logarithmic' : 'linear';
    y.beginAtZero = !log;
    y.title = { display: log && !!this.logScaleText, text: this.logScaleText };
    this.toggleAttribute('log-scale', log);
  }

  /**
   * A loss axis label: a log axis reaches 0.0001 and below, which toLocaleString's three decimals
   * would print as "0", twice; small values keep two significant digits instead.
   */
  static tick(value: number) {
    return Math.abs(value) < 1 && value !== 0
      ? value.toLocaleString(undefined, { maximumSignificantDigits: 2 })
      : value.toLocaleString();
  }

  private format(value: number) {
    if (!Number.isFinite(value)) {
      return '';
    }
    return this.percent ? `${Math.round(value * 10) / 10}%` : value.toPrecision(3);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'train-chart': TrainChartElement;
  }
}
