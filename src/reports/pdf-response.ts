import { StreamableFile } from '@nestjs/common';
import type { Response } from 'express';

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
