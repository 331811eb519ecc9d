import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PdfTemplates } from '../pdf/templates';
import { barChart } from './bar-chart';

describe('a chart printed through the PDF templates', () => {
  let dir: string;
  let templates: PdfTemplates;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chart-template-'));
    writeFileSync(join(dir, 'chart-only.hbs'), '{{> chart chart}}');
    templates = new PdfTemplates({ documentsDir: dir });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const render = (label: string) =>
    templates.render(
      'chart-only',
      {
        chart: barChart({
          id: 'themes',
          title: `Themes: ${label}`,
          description: 'One bar.',
          bars: [{ label, value: 3, valueText: '3' }],
        }),
      },
      { title: 'Chart', reference: 'R-1', generatedAt: new Date('2026-03-03T14:05:00Z') },
    ).html;

  it('is inline SVG with its title and description, and no script', () => {
    const html = render('Neglect');
    expect(html).toContain('<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg"');
    expect(html).toContain('role="img" aria-labelledby="themes-title themes-desc"');
    expect(html).toContain('<title id="themes-title">Themes: Neglect</title>');
    expect(html).toContain('<desc id="themes-desc">One bar.</desc>');
    expect(html).toMatch(/<rect x="240" y="9" width="[\d.]+" height="16" fill="#1d70b8"><\/rect>/);
    expect(html).not.toMatch(/<script/i);
  });

  it('escapes a label someone typed, so it prints as text and never becomes markup', () => {
    const html = render('<script>alert(1)</script><image href="http://127.0.0.1:9/x.png"/>');
    expect(html).not.toMatch(/<script|<image/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
