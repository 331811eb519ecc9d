import { footerTemplate, headerTemplate } from './page-furniture';

describe('page header and footer', () => {
  it('marks the header OFFICIAL-SENSITIVE', () => {
    expect(headerTemplate()).toContain('>OFFICIAL-SENSITIVE</div>');
  });

  it('prints the reference as text even when it looks like markup', () => {
    const footer = footerTemplate({
      reference: '<img src=x onerror="y">&',
      generatedAt: new Date('2026-07-01T08:00:00Z'),
    });
    expect(footer).not.toContain('<img');
    expect(footer).toContain(
      'OFFICIAL-SENSITIVE · &lt;img src&#61;x onerror&#61;&quot;y&quot;&gt;&amp; · Generated 1 July 2026 at 9:00am · ' +
        'Page <span class="pageNumber"></span> of <span class="totalPages"></span>',
    );
  });
});
