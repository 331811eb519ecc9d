/**
 * Small-number suppression for the de-identified, published versions of the annual reports, as is
 * normal for public child death statistics: a count from 1 to 4 could identify a family, so it is
 * shown as "<5". Hiding it is not enough when the table also prints a total: the missing number is the
 * total minus the others. So further counts are withheld ("complementary" suppression, printed "[c]")
 * until no small number can be worked out from the printed figures and the totals they add up to.
 *
 * A reader knows a "<5" lies between 1 and 4 and a "[c]" is at least 5 (it was not marked "<5" and
 * zeros are never withheld), so disclosure is judged with those bounds, by interval reasoning across
 * every line (a list of counts and the total they add up to) until nothing narrows further.
 */

export const SMALL_NUMBER_MARK = '<5';
export const COMPLEMENTARY_MARK = '[c]';

export type Suppression = 'small-number' | 'complementary';

/** Counts that add up to a total, for example deaths by sex and all deaths. Ids name the counts. */
export interface CountLine {
  cells: readonly string[];
  total: string;
}

interface Bounds {
  lo: number;
  hi: number;
}

const isSmall = (value: number): boolean => value >= 1 && value <= 4;

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** What a reader can deduce about each count from what is printed. */
function deducedBounds(
  values: Readonly<Record<string, number>>,
  lines: readonly CountLine[],
  suppressed: ReadonlyMap<string, Suppression>,
): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const [id, value] of Object.entries(values)) {
    const kind = suppressed.get(id);
    bounds.set(
      id,
      kind === 'small-number'
        ? { lo: 1, hi: 4 }
        : kind === 'complementary'
          ? { lo: 5, hi: Infinity }
          : { lo: value, hi: value },
    );
  }
  const get = (id: string): Bounds => bounds.get(id)!;
  const narrow = (id: string, lo: number, hi: number): boolean => {
    const b = get(id);
    const next = { lo: Math.max(b.lo, lo), hi: Math.min(b.hi, hi) };
    if (next.lo === b.lo && next.hi === b.hi) return false;
    bounds.set(id, next);
    return true;
  };
  // Each pass can only tighten integer bounds, so this settles; the cap is a guard, not a limit in practice.
  for (let pass = 0, changed = true; changed && pass < 1000; pass++) {
    changed = false;
    for (const line of lines) {
      const cells = line.cells.map(get);
      changed = narrow(line.total, sum(cells.map((c) => c.lo)), sum(cells.map((c) => c.hi))) || changed;
      const total = get(line.total);
      line.cells.forEach((id, i) => {
        const others = cells.filter((_c, j) => j !== i);
        const othersLo = sum(others.map((c) => c.lo));
        const othersHi = sum(others.map((c) => c.hi));
        changed = narrow(id, total.lo - othersHi, total.hi - othersLo) || changed;
      });
    }
  }
  return bounds;
}

function disclosesSmallNumber(
  bounds: ReadonlyMap<string, Bounds>,
  suppressed: ReadonlyMap<string, Suppression>,
) {
  return [...suppressed].some(([id, kind]) => kind === 'small-number' && isExact(bounds.get(id)!));
}

const isExact = (b: Bounds): boolean => b.lo === b.hi;

/**
 * The smallest printed count of 5 or more in a line through which a withheld count can be worked out
 * exactly (that is how a small number leaks, directly or by a chain of lines); a printed total if no
 * count will do.
 */
function nextToWithhold(
  values: Readonly<Record<string, number>>,
  lines: readonly CountLine[],
  suppressed: ReadonlyMap<string, Suppression>,
  bounds: ReadonlyMap<string, Bounds>,
): string | undefined {
  const worked = (id: string) => suppressed.has(id) && isExact(bounds.get(id)!);
  const leaking = lines.filter((line) => worked(line.total) || line.cells.some(worked));
  const printed = (candidate: string) => !suppressed.has(candidate) && values[candidate] >= 5;
  const cells = leaking.flatMap((line) => line.cells.filter(printed)).sort((a, b) => values[a] - values[b]);
  return cells[0] ?? leaking.map((line) => line.total).find(printed);
}

/**
 * Which counts to withhold from a published table. `values` holds every count by id, including the
 * totals; `lines` says which counts add up to which total.
 */
export function protectCounts(
  values: Readonly<Record<string, number>>,
  lines: readonly CountLine[],
): Map<string, Suppression> {
  for (const line of lines) {
    for (const id of [...line.cells, line.total]) {
      if (!(id in values)) throw new Error(`No value for count "${id}"`);
    }
  }
  const suppressed = new Map<string, Suppression>(
    Object.entries(values)
      .filter(([, value]) => isSmall(value))
      .map(([id]) => [id, 'small-number' as const]),
  );
  for (;;) {
    const bounds = deducedBounds(values, lines, suppressed);
    if (!disclosesSmallNumber(bounds, suppressed)) return suppressed;
    const next = nextToWithhold(values, lines, suppressed, bounds);
    // Nothing printed is left to withhold: every count in reach is already hidden.
    if (!next) return suppressed;
    suppressed.set(next, 'complementary');
  }
}

/** A count as printed: the number, or a mark when it is withheld. */
export interface CountCell {
  value: number | null;
  text: string;
  suppressed: boolean;
}

const numberFormat = new Intl.NumberFormat('en-GB');

export function shownCount(value: number): CountCell {
  return { value, text: numberFormat.format(value), suppressed: false };
}

export function countCell(value: number, suppression: Suppression | undefined): CountCell {
  if (!suppression) return shownCount(value);
  return {
    value: null,
    text: suppression === 'small-number' ? SMALL_NUMBER_MARK : COMPLEMENTARY_MARK,
    suppressed: true,
  };
}

/** A share as a whole percentage, withheld when either count behind it is; a dash when nothing to share. */
export function shareText(part: CountCell, whole: CountCell): string {
  if (part.value === null || whole.value === null) return COMPLEMENTARY_MARK;
  if (whole.value === 0) return '–';
  return `${Math.round((part.value / whole.value) * 100)}%`;
}
