import fc from 'fast-check';
import { countCell, CountLine, protectCounts, shareText, shownCount } from './suppression';

const bySex: CountLine = { cells: ['male', 'female', 'unknown'], total: 'all' };

describe('small-number suppression for published reports', () => {
  it('prints counts of 5 or more and zeros, and withholds nothing when no count is small', () => {
    expect(protectCounts({ male: 12, female: 9, unknown: 0, all: 21 }, [bySex]).size).toBe(0);
  });

  it('marks a count from 1 to 4 as a small number', () => {
    const suppressed = protectCounts({ male: 12, female: 3, unknown: 2, all: 17 }, [bySex]);
    expect(suppressed).toEqual(
      new Map([
        ['female', 'small-number'],
        ['unknown', 'small-number'],
      ]),
    );
  });

  it('withholds the next smallest count when the total would give a lone small number away', () => {
    const suppressed = protectCounts({ male: 12, female: 9, unknown: 2, all: 23 }, [bySex]);
    expect(suppressed.get('unknown')).toBe('small-number');
    expect(suppressed.get('female')).toBe('complementary');
    expect(suppressed.has('male')).toBe(false);
  });

  it('never withholds a zero, which cannot identify anyone', () => {
    const suppressed = protectCounts({ male: 12, female: 0, unknown: 2, all: 14 }, [bySex]);
    expect(suppressed.get('female')).toBeUndefined();
    expect(suppressed.get('male')).toBe('complementary');
  });

  it('withholds more when the printed bounds would still pin the small number down', () => {
    // 1 + 5 = 6: with "<5" meaning 1–4 and "[c]" meaning 5 or more, 6 can only be 1 + 5.
    const suppressed = protectCounts({ male: 5, female: 1, unknown: 9, all: 15 }, [bySex]);
    expect(suppressed.get('female')).toBe('small-number');
    expect(suppressed.get('male')).toBe('complementary');
    expect(suppressed.get('unknown')).toBe('complementary');
  });

  it('protects two small numbers whose total would reveal both (1 + 1, or 4 + 4)', () => {
    expect(protectCounts({ male: 10, female: 1, unknown: 1, all: 12 }, [bySex]).get('male')).toBe(
      'complementary',
    );
    expect(protectCounts({ male: 10, female: 4, unknown: 4, all: 18 }, [bySex]).get('male')).toBe(
      'complementary',
    );
    expect(protectCounts({ male: 10, female: 1, unknown: 3, all: 14 }, [bySex]).has('male')).toBe(false);
  });

  it('withholds across linked tables: a count hidden in its row stays hidden in its column', () => {
    // Reviewed deaths by category, and those with modifiable factors: each category's "with" and
    // "without" add up to its reviewed count, and the "with" counts add up to all with modifiable factors.
    const values = {
      reviewed1: 10,
      reviewed2: 12,
      reviewedAll: 22,
      with1: 2,
      without1: 8,
      with2: 6,
      without2: 6,
      withAll: 8,
      withoutAll: 14,
    };
    const lines: CountLine[] = [
      { cells: ['reviewed1', 'reviewed2'], total: 'reviewedAll' },
      { cells: ['with1', 'without1'], total: 'reviewed1' },
      { cells: ['with2', 'without2'], total: 'reviewed2' },
      { cells: ['with1', 'with2'], total: 'withAll' },
      { cells: ['without1', 'without2'], total: 'withoutAll' },
      { cells: ['withAll', 'withoutAll'], total: 'reviewedAll' },
    ];
    const suppressed = protectCounts(values, lines);
    expect(suppressed.get('with1')).toBe('small-number');
    expect(suppressed.get('with2')).toBe('complementary');
    expect(suppressed.get('without1')).toBe('complementary');
    expect(suppressed.get('without2')).toBe('complementary');
  });

  it('refuses a line that names a count it was not given', () => {
    expect(() => protectCounts({ male: 1 }, [bySex])).toThrow('No value for count "female"');
  });

  it('leaves no small number that the printed figures and totals determine, whatever the counts', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 4 }), (counts) => {
        const ids = counts.map((_c, i) => `c${i}`);
        const values: Record<string, number> = Object.fromEntries(ids.map((id, i) => [id, counts[i]]));
        values.total = counts.reduce((a, b) => a + b, 0);
        const suppressed = protectCounts(values, [{ cells: ids, total: 'total' }]);
        // Every small number is hidden.
        ids
          .filter((id) => values[id] >= 1 && values[id] <= 4)
          .forEach((id) => expect(suppressed.has(id)).toBe(true));
        // Brute force: every assignment consistent with what is printed; a hidden small number must vary.
        const hidden = [...suppressed.keys()].filter((id) => id !== 'total');
        const totalKnown = !suppressed.has('total');
        const printedSum = ids.filter((id) => !suppressed.has(id)).reduce((a, id) => a + values[id], 0);
        // A reader knows no count exceeds the total, and nothing more about a "[c]" than that it is 5 or more.
        const upTo = (from: number, to: number) =>
          Array.from({ length: Math.max(0, to - from + 1) }, (_v, k) => from + k);
        const ranges = hidden.map((id) =>
          suppressed.get(id) === 'small-number' ? upTo(1, 4) : upTo(5, Math.max(5, values.total)),
        );
        const seen = new Map<string, Set<number>>(hidden.map((id) => [id, new Set()]));
        const walk = (i: number, picked: number[]): void => {
          if (i === hidden.length) {
            if (!totalKnown || printedSum + picked.reduce((a, b) => a + b, 0) === values.total) {
              hidden.forEach((id, k) => seen.get(id)!.add(picked[k]));
            }
            return;
          }
          for (const v of ranges[i]) walk(i + 1, [...picked, v]);
        };
        walk(0, []);
        hidden
          .filter((id) => suppressed.get(id) === 'small-number')
          .forEach((id) => expect(seen.get(id)!.size).toBeGreaterThan(1));
      }),
    );
  });

  describe('printing', () => {
    it('shows "<5" for a small number and "[c]" for a withheld one', () => {
      expect(countCell(3, 'small-number')).toEqual({ value: null, text: '<5', suppressed: true });
      expect(countCell(17, 'complementary')).toEqual({ value: null, text: '[c]', suppressed: true });
      expect(countCell(1234, undefined)).toEqual({ value: 1234, text: '1,234', suppressed: false });
    });

    it('gives a share as a whole percentage, withheld when either count is', () => {
      expect(shareText(shownCount(2), shownCount(3))).toBe('67%');
      expect(shareText(shownCount(0), shownCount(0))).toBe('–');
      expect(shareText(countCell(3, 'small-number'), shownCount(10))).toBe('[c]');
    });
  });
});
