import { breakdown } from '../statistics/breakdown';
import { breakdownChart, breakdownTable, Figures } from './figures';

const sexes = [
  { key: 'male', label: 'Male' },
  { key: 'female', label: 'Female' },
];

function figuresFor(male: number, female: number) {
  const b = breakdown(
    'sex',
    'Sex',
    sexes,
    [...Array(male).fill('male'), ...Array(female).fill('female')],
    (s) => s,
  );
  const figures = new Figures();
  figures.count('all', male + female);
  figures.breakdown(b, 'all');
  return { b, figures };
}

describe('figures of an annual report', () => {
  it('print every count with its share in the version kept inside the partnership', () => {
    const { b, figures } = figuresFor(9, 3);
    expect(breakdownTable(b, 'all', figures.printer(false))).toEqual({
      id: 'sex',
      caption: 'Sex',
      headings: ['Sex', 'Number', 'Share'],
      rows: [
        { label: 'Male', cells: ['9', '75%'] },
        { label: 'Female', cells: ['3', '25%'] },
      ],
      total: { label: 'Total', cells: ['12', '100%'] },
    });
  });

  it('withhold a small number, and what would reveal it, in the published version', () => {
    const { b, figures } = figuresFor(9, 3);
    const table = breakdownTable(b, 'all', figures.printer(true));
    expect(table.rows).toEqual([
      { label: 'Male', cells: ['[c]', '[c]'] },
      { label: 'Female', cells: ['<5', '[c]'] },
    ]);
    expect(table.total).toEqual({ label: 'Total', cells: ['12', '100%'] });
  });

  it('draw only the bars the table prints', () => {
    const { b, figures } = figuresFor(9, 3);
    const chart = breakdownChart(b, figures.printer(true));
    const bars = chart.children.filter((c) => 'tag' in c && c.tag === 'rect');
    expect(bars).toHaveLength(0);
    expect(JSON.stringify(chart)).toContain('Bar chart. Male: [c]; Female: <5.');
  });

  it('refuse a figure that was never counted', () => {
    expect(() => new Figures().printer(false).text('missing')).toThrow('No figure "missing"');
  });
});
