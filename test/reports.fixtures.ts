import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { SignedIn } from './support/auth';

/** Where the first page of every document is kept as a PNG, for people to look at after a run. */
export const PDF_ARTEFACTS = join(__dirname, '..', 'artefacts', 'pdf');

/** GET a PDF route; the body is the PDF's bytes whatever the status. */
export function getPdf(app: NestExpressApplication, who: SignedIn | null, path: string) {
  const req = request(app.getHttpServer())
    .get(path)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  return who ? req.set(who.auth) : req;
}

/** The error body of a PDF route that refused, parsed from its bytes. */
export function errorOf(res: { body: Buffer }): { statusCode: number; message: string | string[] } {
  return JSON.parse(res.body.toString('utf8'));
}

export interface PdfAudit {
  userId: string;
  caseId: string | null;
  details: { documentType: string; reference: string };
}

/** The pdf.generate audit events of a case (or of nothing in particular), oldest first. */
export async function pdfAudits(app: NestExpressApplication, userId: string): Promise<PdfAudit[]> {
  return app.get(DataSource).query(
    `SELECT user_id AS "userId", case_id AS "caseId", details FROM audit_event
      WHERE action = 'pdf.generate' AND user_id = $1 ORDER BY seq`,
    [userId],
  );
}

/**
 * Runs of whitespace (line breaks included) as single spaces, and a hyphenated word broken across lines
 * joined again, so a test reads text as a person would.
 */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/(\w-) (?=\w)/g, '$1');
}

/**
 * The text in the order it was drawn (pdftotext -raw): a rotated watermark reads as one word here,
 * where the layout-ordered text scatters its letters.
 */
export function pdfDrawnText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-raw-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
