import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Reading PDFs back the way a person would, with poppler-utils (pdftotext, pdfinfo, pdftoppm),
 * so tests assert what is printed rather than how it was produced.
 */

function withPdfFile<T>(pdf: Buffer, use: (file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-inspect-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text in reading order, pages separated by form feeds. */
export function pdfText(pdf: Buffer): string {
  return withPdfFile(pdf, (file) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }),
  );
}

/** Text of each page, in order. */
export function pdfPages(pdf: Buffer): string[] {
  return pdfText(pdf).split('\f').slice(0, -1);
}

/** pdfinfo's fields, for example Title, Pages, Tagged and Page size. */
export function pdfInfo(pdf: Buffer): Record<string, string> {
  const output = withPdfFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const fields: Record<string, string> = {};
  for (const line of output.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) {
      fields[match[1]] = match[2].trim();
    }
  }
  return fields;
}

/** Saves a PNG of the first page (for the test artefacts) and returns its path. */
export function saveFirstPagePng(pdf: Buffer, pngPath: string): string {
  mkdirSync(dirname(pngPath), { recursive: true });
  const prefix = pngPath.replace(/\.png$/, '');
  withPdfFile(pdf, (file) =>
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, prefix]),
  );
  return `${prefix}.png`;
}
