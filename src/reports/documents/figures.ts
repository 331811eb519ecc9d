import { barChart } from '../charts/bar-chart';
import type { SvgElement } from '../charts/svg';
import type { Breakdown } from '../statistics/breakdown';
import {
  CountCell,
  countCell,
  CountLine,
  protectCounts,
  shareText,
  Suppression,
} from '../statistics/suppression';

/**
 * The counts of an annual report, collected first and printed after: a published (de-identified)
 * report can only decide which counts to withhold once it knows every count and every total they add
 * up to.
 */
export class Figures {
  private readonly values: Record<string, number> = {};
  private readonly lines: CountLine[] = [];

  count(id: string, value: number): string {
    this.values[id] = value;
    return id;
  }

  /** Declares that the counts `cells` add up to the count `total`. */
  addUp(cells: string[], total: string): void {
    this.lines.push({ cells, total });
  }

  /** Registers each row of the breakdown, adding up to the count `totalId`; returns the row ids. */
  breakdown(b: Breakdown, totalId: string): string[] {
    const ids = b.rows.map((row) => this.count(`${b.id}.${row.key}`, row.count));
    this.addUp(ids, totalId);
    return ids;
  }

  /** How each count prints: all of them, or in a published report, small numbers withheld. */
  printer(published: boolean): Printer {
    const suppressed = published ? protectCounts(this.values, this.lines) : new Map<string, Suppression>();
    const cell = (id: string): CountCell => {
      if (!(id in this.values)) throw new Error(`No figure "${id}"`);
      return countCell(this.values[id], suppressed.get(id));
    };
    return { cell, text: (id) => cell(id).text, share: (part, whole) => shareText(cell(part), cell(whole)) };
  }
}

export interface Printer {
  cell(id: string): CountCell;
  text(id: string): string;
  share(part: string, whole: string): string;
}

/** A table for the `count-table` partial: a label per row, then printed cells. */
export interface CountTable {
  id: string;
  caption: string;
  headings: string[];
  rows: { label: string; cells: string[] }[];
  total: { label: string; cells: string[] } | null;
}

/** The rows of a breakdown, with their share of the total, and the total. */
export function breakdownTable(b: Breakdown, totalId: string, print: Printer, caption = b.title): CountTable {
  return {
    id: b.id,
    caption,
    headings: [b.title, 'Number', 'Share'],
    rows: b.rows.map((row) => {
      const id = `${b.id}.${row.key}`;
      return { label: row.label, cells: [print.text(id), print.share(id, totalId)] };
    }),
    total: { label: 'Total', cells: [print.text(totalId), print.share(totalId, totalId)] },
  };
}

/** A bar chart of a breakdown: the values it draws are exactly those the table prints. */
export function breakdownChart(b: Breakdown, print: Printer, title = b.title): SvgElement {
  const bars = b.rows.map((row) => {
    const cell = print.cell(`${b.id}.${row.key}`);
    return { label: row.label, value: cell.value, valueText: cell.text };
  });
  return barChart({
    id: `chart-${b.id}`,
    title,
    description: `Bar chart. ${bars.map((bar) => `${bar.label}: ${bar.valueText}`).join('; ')}.`,
    bars,
  });
}
