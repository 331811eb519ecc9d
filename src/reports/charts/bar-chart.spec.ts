import { barChart, stackedBarChart, tickStep, wrapLabel } from './bar-chart';
import type { SvgElement, SvgNode } from './svg';

function all(node: SvgNode): SvgElement[] {
  return 'text' in node ? [] : [node, ...node.children.flatMap(all)];
}

function textOf(node: SvgNode): string {
  return 'text' in node ? node.text : node.children.map(textOf).join(' ');
}

const bars = (chart: SvgElement) => all(chart).filter((e) => e.tag === 'rect');

describe('SVG bar charts', () => {
  const chart = barChart({
    id: 'by-category',
    title: 'Deaths reviewed by category',
    description: 'Malignancy 10, infection 5, suicide fewer than 5.',
    bars: [
      { label: 'Malignancy', value: 10, valueText: '10' },
      { label: 'Infection', value: 5, valueText: '5' },
      { label: 'Suicide or deliberate self-inflicted harm', value: null, valueText: '<5' },
    ],
  });

  it('is an image with a title and description that assistive technology reads', () => {
    expect(chart.tag).toBe('svg');
    expect(chart.attrs).toMatchObject({
      role: 'img',
      'aria-labelledby': 'by-category-title by-category-desc',
    });
    const [title, desc] = chart.children as SvgElement[];
    expect(title).toMatchObject({ tag: 'title', attrs: { id: 'by-category-title' } });
    expect(textOf(title)).toBe('Deaths reviewed by category');
    expect(desc).toMatchObject({ tag: 'desc', attrs: { id: 'by-category-desc' } });
  });

  it('draws bars in proportion and no bar for a withheld value, only its mark', () => {
    const [first, second] = bars(chart);
    expect(bars(chart)).toHaveLength(2);
    expect(Number(first.attrs.width)).toBeCloseTo(2 * Number(second.attrs.width));
    expect(textOf(chart)).toContain('<5');
  });

  it('holds no script, no link and no style, only shapes and text', () => {
    const tags = new Set(all(chart).map((e) => e.tag));
    expect([...tags].sort()).toEqual(['desc', 'line', 'rect', 'svg', 'text', 'title', 'tspan']);
  });

  it('stacks the series of each bar with a legend', () => {
    const stacked = stackedBarChart({
      id: 'modifiable',
      title: 'Modifiable factors by category',
      description: 'Two categories.',
      series: ['With modifiable factors', 'Without'],
      bars: [
        { label: 'Infection', values: [3, 6], valueText: '3 of 9' },
        { label: 'Malignancy', values: [null, 8], valueText: '<5 of 10' },
      ],
    });
    const rects = bars(stacked);
    // Two legend swatches, then segments: 3 and 6 for the first bar, only 8 for the second.
    expect(rects).toHaveLength(5);
    const [, , first, second] = rects;
    expect(Number(second.attrs.x)).toBeCloseTo(Number(first.attrs.x) + Number(first.attrs.width));
    expect(textOf(stacked)).toContain('With modifiable factors');
  });

  it('picks round gridline steps', () => {
    expect([0, 3, 4, 9, 37, 120, 5000].map(tickStep)).toEqual([1, 1, 1, 5, 10, 50, 2000]);
  });

  it('wraps a long label onto two lines and shortens the rest', () => {
    expect(
      wrapLabel('Trauma and other external factors, including medical or surgical complications', 30),
    ).toEqual(['Trauma and other external', 'factors, including medical or…']);
    expect(wrapLabel('Infection', 30)).toEqual(['Infection']);
  });
});
