import { pdfFilename } from './pdf-filename';

describe('PDF download names', () => {
  it('join the document type and the reference', () => {
    expect(pdfFilename('analysis-form', 'CDR-2026-0042')).toBe('analysis-form-CDR-2026-0042.pdf');
    expect(pdfFilename('cdop-annual-report', '2025 to 2026')).toBe('cdop-annual-report-2025-to-2026.pdf');
  });

  it('keep only letters, digits and hyphens, so nothing can break out of the header', () => {
    expect(pdfFilename('rapid-review', 'SI-2026-0001"; filename=evil.exe')).toBe(
      'rapid-review-SI-2026-0001-filename-evil-exe.pdf',
    );
    expect(pdfFilename('x', '../../etc/passwd')).toBe('x-etc-passwd.pdf');
  });

  it('still name a file when nothing usable is left', () => {
    expect(pdfFilename('', '***')).toBe('document.pdf');
  });
});
