import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Download names carry the kind of document and the case or report reference only: a file name ends
 * up in download folders, browser histories and email attachments, so it never holds a child's name.
 */
export function pdfFilename(documentType: string, reference: string): string {
  const part = (text: string) =>
    text
      .replace(/[^A-Za-z0-9-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^-|-$/g, '');
  return `${[part(documentType), part(reference)].filter(Boolean).join('-') || 'document'}.pdf`;
}

/** The PDF as a download that no browser or proxy keeps a copy of, for API routes (passthrough). */
export function pdfDownload(res: Response, rendered: { pdf: Buffer; filename: string }): StreamableFile {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(rendered.pdf, {
    type: 'application/pdf',
    disposition: `attachment; filename="${rendered.filename}"`,
    length: rendered.pdf.length,
  });
}

/** The same download, written straight to the response, for web pages that answer with @Res(). */
export function sendPdf(res: Response, rendered: { pdf: Buffer; filename: string }): void {
  res
    .status(200)
    .set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${rendered.filename}"`,
      'Content-Length': String(rendered.pdf.length),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    })
    .end(rendered.pdf);
}
