/** Counts of items by category, every category listed (zeros included) so tables line up year to year. */

export interface Category {
  key: string;
  label: string;
}

export interface BreakdownRow extends Category {
  count: number;
}

export interface Breakdown {
  /** Stable id, used for the count ids of published tables and for chart ids. */
  id: string;
  title: string;
  rows: BreakdownRow[];
  total: number;
}

export const NOT_RECORDED: Category = { key: 'not-recorded', label: 'Not recorded' };

/**
 * Counts `items` under `categories` by `keyOf`. A key that is not one of the categories (or null) is
 * counted as "Not recorded", which is listed only when it is not zero.
 */
export function breakdown<T>(
  id: string,
  title: string,
  categories: readonly Category[],
  items: readonly T[],
  keyOf: (item: T) => string | null | undefined,
): Breakdown {
  const counts = new Map<string, number>(categories.map((c) => [c.key, 0]));
  let notRecorded = 0;
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null && key !== undefined && counts.has(key)) counts.set(key, counts.get(key)! + 1);
    else notRecorded += 1;
  }
  const rows = categories.map((c) => ({ ...c, count: counts.get(c.key)! }));
  if (notRecorded > 0 && !counts.has(NOT_RECORDED.key)) rows.push({ ...NOT_RECORDED, count: notRecorded });
  return { id, title, rows, total: items.length };
}

/** The middle value (the mean of the two middle values for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
