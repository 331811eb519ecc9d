import { el, SvgElement, SvgNode, text } from './svg';

/**
 * Horizontal bar and stacked-bar charts for printed reports, drawn on the server as SVG: no chart
 * JavaScript, nothing fetched. Each chart is an image with a title and a description for assistive
 * technology; the report prints the same values in a table beside it, which is where the numbers are
 * read from. A withheld value (a published report's "<5") draws no bar, only its mark.
 */

export interface Bar {
  label: string;
  /** Null when the value is withheld. */
  value: number | null;
  /** What to print at the end of the bar, for example "12", "<5" or "67%". */
  valueText: string;
}

export interface BarChartSpec {
  /** Unique within the document: the title and description are referenced by id. */
  id: string;
  title: string;
  description: string;
  bars: Bar[];
}

export interface StackedBar {
  label: string;
  /** One value per series, in series order; null when withheld. */
  values: (number | null)[];
  valueText: string;
}

export interface StackedBarChartSpec {
  id: string;
  title: string;
  description: string;
  series: string[];
  bars: StackedBar[];
}

// GOV.UK colours: blue and orange stay apart for the common colour vision deficiencies.
export const SERIES_COLOURS = ['#1d70b8', '#f47738', '#4c2c92', '#00703c', '#d4351c', '#505a5f'];

const WIDTH = 640;
const LABEL_WIDTH = 230;
const VALUE_WIDTH = 70;
const PLOT_LEFT = LABEL_WIDTH + 10;
const PLOT_WIDTH = WIDTH - PLOT_LEFT - VALUE_WIDTH;
const ROW_HEIGHT = 26;
const BAR_HEIGHT = 16;
const LINE_HEIGHT = 11;
const FONT_SIZE = 9.5;
const AXIS_HEIGHT = 20;
// Noto Sans averages a little over half an em per character at this size.
const LABEL_CHARS_PER_LINE = Math.floor(LABEL_WIDTH / (FONT_SIZE * 0.52));

/** A round step (1, 2 or 5 times a power of ten, at least 1) giving about four gridlines up to `max`. */
export function tickStep(max: number): number {
  const rough = Math.max(max / 4, 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough)!;
}

/** Splits a label into at most two lines, ending the second with an ellipsis if it is still too long. */
export function wrapLabel(label: string, perLine: number = LABEL_CHARS_PER_LINE): string[] {
  const lines: string[] = [''];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const current = lines[lines.length - 1];
    if (current === '' || current.length + 1 + word.length <= perLine) {
      lines[lines.length - 1] = current ? `${current} ${word}` : word;
    } else {
      lines.push(word);
    }
  }
  if (lines.length <= 2) return lines;
  const second = lines.slice(1).join(' ');
  return [lines[0], `${second.slice(0, perLine - 1).trimEnd()}…`];
}

function frame(id: string, title: string, description: string, height: number, body: SvgNode[]): SvgElement {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      viewBox: `0 0 ${WIDTH} ${height}`,
      width: '100%',
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      'font-family': "'Noto Sans', sans-serif",
      'font-size': FONT_SIZE,
      class: 'chart',
    },
    [
      el('title', { id: `${id}-title` }, [text(title)]),
      el('desc', { id: `${id}-desc` }, [text(description)]),
      ...body,
    ],
  );
}

/** The gridline step and the value at the right-hand end of the plot. */
function axisRange(max: number): { step: number; end: number } {
  const step = tickStep(max);
  return { step, end: Math.ceil(max / step) * step || step };
}

function axis(top: number, plotHeight: number, max: number): SvgNode[] {
  const { step, end } = axisRange(max);
  const nodes: SvgNode[] = [];
  for (let tick = 0; tick <= end; tick += step) {
    const x = PLOT_LEFT + (tick / end) * PLOT_WIDTH;
    nodes.push(
      el('line', { x1: x, x2: x, y1: top, y2: top + plotHeight, stroke: '#b1b4b6', 'stroke-width': 0.5 }),
      el('text', { x, y: top + plotHeight + 13, 'text-anchor': 'middle', fill: '#505a5f' }, [
        text(String(tick)),
      ]),
    );
  }
  return nodes;
}

function scaleFor(max: number): (value: number) => number {
  const { end } = axisRange(max);
  return (value) => (value / end) * PLOT_WIDTH;
}

function rowLabel(label: string, y: number): SvgNode {
  const lines = wrapLabel(label);
  const first = y + ROW_HEIGHT / 2 - ((lines.length - 1) * LINE_HEIGHT) / 2 + FONT_SIZE / 3;
  return el(
    'text',
    { x: LABEL_WIDTH, 'text-anchor': 'end', fill: '#0b0c0c' },
    lines.map((line, i) => el('tspan', { x: LABEL_WIDTH, y: first + i * LINE_HEIGHT }, [text(line)])),
  );
}

function valueLabel(x: number, y: number, content: string): SvgNode {
  return el('text', { x: x + 4, y: y + ROW_HEIGHT / 2 + FONT_SIZE / 3, fill: '#0b0c0c' }, [text(content)]);
}

function rect(x: number, y: number, width: number, colour: string): SvgNode {
  return el('rect', {
    x,
    y: y + (ROW_HEIGHT - BAR_HEIGHT) / 2,
    width: Math.max(width, 0),
    height: BAR_HEIGHT,
    fill: colour,
  });
}

export function barChart(spec: BarChartSpec): SvgElement {
  const top = 4;
  const plotHeight = spec.bars.length * ROW_HEIGHT;
  const max = Math.max(0, ...spec.bars.map((bar) => bar.value ?? 0));
  const scale = scaleFor(max);
  const rows = spec.bars.flatMap((bar, i) => {
    const y = top + i * ROW_HEIGHT;
    const width = bar.value === null ? 0 : scale(bar.value);
    return [
      rowLabel(bar.label, y),
      ...(bar.value === null ? [] : [rect(PLOT_LEFT, y, width, SERIES_COLOURS[0])]),
      valueLabel(PLOT_LEFT + width, y, bar.valueText),
    ];
  });
  const height = top + plotHeight + AXIS_HEIGHT;
  return frame(spec.id, spec.title, spec.description, height, [...axis(top, plotHeight, max), ...rows]);
}

export function stackedBarChart(spec: StackedBarChartSpec): SvgElement {
  const legendHeight = 22;
  const top = legendHeight + 4;
  const plotHeight = spec.bars.length * ROW_HEIGHT;
  const totals = spec.bars.map((bar) => bar.values.reduce<number>((sum, v) => sum + (v ?? 0), 0));
  const max = Math.max(0, ...totals);
  const scale = scaleFor(max);
  const legend = spec.series.flatMap((series, i) => {
    const x = PLOT_LEFT + i * 150;
    return [
      el('rect', { x, y: 4, width: 12, height: 12, fill: SERIES_COLOURS[i % SERIES_COLOURS.length] }),
      el('text', { x: x + 16, y: 14, fill: '#0b0c0c' }, [text(series)]),
    ];
  });
  const rows = spec.bars.flatMap((bar, i) => {
    const y = top + i * ROW_HEIGHT;
    let x = PLOT_LEFT;
    const segments: SvgNode[] = [];
    bar.values.forEach((value, s) => {
      if (value === null || value === 0) return;
      const width = scale(value);
      segments.push(rect(x, y, width, SERIES_COLOURS[s % SERIES_COLOURS.length]));
      x += width;
    });
    return [rowLabel(bar.label, y), ...segments, valueLabel(x, y, bar.valueText)];
  });
  const height = top + plotHeight + AXIS_HEIGHT;
  return frame(spec.id, spec.title, spec.description, height, [
    ...legend,
    ...axis(top, plotHeight, max),
    ...rows,
  ]);
}
