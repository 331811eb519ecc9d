import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { assertEscapedOnly, pdfTemplatesDir, PdfTemplates, UnsafeTemplateError } from './templates';

const FIXTURES = join(__dirname, 'test-fixtures');
const HOSTILE =
  "<script>document.title='pwned'</script> <img src=http://127.0.0.1:9/x.png> " +
  '<link href=file:///etc/passwd rel=stylesheet>';

function hbsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const meta = {
  title: 'Case summary',
  reference: 'CDR-2026-0042',
  generatedAt: new Date('2026-03-03T14:05:00Z'),
};

const data = {
  childRows: [{ key: 'Name', value: 'Alex Example' }],
  circumstances: 'Found at home.',
  checks: [{ name: 'Police informed', done: true, on: '2026-03-01' }],
  agencies: ['Police', 'Health'],
  stage: 'final',
};

describe('PDF templates', () => {
  it('never print unescaped output in any template in the project', () => {
    const files = [...hbsFilesUnder(pdfTemplatesDir()), ...hbsFilesUnder(FIXTURES)];
    expect(files.map((file) => relative(pdfTemplatesDir(), file))).toEqual(
      expect.arrayContaining(['layout.hbs', join('partials', 'summary-list.hbs')]),
    );
    for (const file of files) {
      expect(() => assertEscapedOnly(file, readFileSync(file, 'utf8'))).not.toThrow();
    }
  });

  it.each([
    ['triple-stash', '<p>\n{{{notes}}}</p>'],
    ['ampersand', '<p>\n{{& notes}}</p>'],
    ['whitespace-controlled triple-stash', '<p>\n{{~{notes}~}}</p>'],
  ])('refuses %s output and says which template and line', (_kind, source) => {
    expect(() => assertEscapedOnly('notes.hbs', source)).toThrow(new UnsafeTemplateError('notes.hbs', 2));
    expect(() => assertEscapedOnly('notes.hbs', source)).toThrow(/Template "notes.hbs" .* at line 2/);
  });

  it('refuses to load a document that uses triple-stash, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-templates-'));
    try {
      writeFileSync(join(dir, 'unsafe-note.hbs'), '<p>{{{circumstances}}}</p>');
      const templates = new PdfTemplates({ documentsDir: dir });
      expect(() => templates.render('unsafe-note', data, meta)).toThrow(/"unsafe-note.hbs"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a shared partial that uses triple-stash as soon as the templates load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-templates-'));
    try {
      mkdirSync(join(dir, 'partials'));
      copyFileSync(join(pdfTemplatesDir(), 'layout.hbs'), join(dir, 'layout.hbs'));
      copyFileSync(join(pdfTemplatesDir(), 'print.css'), join(dir, 'print.css'));
      writeFileSync(join(dir, 'partials', 'raw-note.hbs'), '{{{note}}}');
      expect(() => new PdfTemplates({ sharedDir: dir })).toThrow(/"raw-note.hbs"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('a rendered document', () => {
    const templates = new PdfTemplates({ documentsDir: FIXTURES });

    it('escapes hostile free text so it is shown, not obeyed', () => {
      const { html } = templates.render('case-summary', { ...data, circumstances: HOSTILE }, meta);
      expect(html).not.toMatch(/<script|<img|<link/i);
      expect(html).toContain('&lt;script&gt;document.title&#x3D;&#x27;pwned&#x27;&lt;/script&gt;');
      expect(html).toContain('&lt;img src&#x3D;http://127.0.0.1:9/x.png&gt;');
    });

    it('carries title, language, reference and the engine metadata', () => {
      const document = templates.render('case-summary', data, meta);
      expect(document).toMatchObject({
        title: 'Case summary',
        lang: 'en-GB',
        footer: { reference: 'CDR-2026-0042', generatedAt: meta.generatedAt },
      });
      expect(document.html).toContain('<html lang="en-GB">');
      expect(document.html).toContain('<title>Case summary</title>');
      expect(document.html).toContain('Generated 3 March 2026 at 2:05pm');
      expect(document.html).toContain("@font-face{font-family:'Noto Sans'");
    });

    it('formats with the helpers: yes/no, London dates, joined lists and comparisons', () => {
      const { html } = templates.render('case-summary', data, meta);
      expect(html).toContain('<td>Police informed</td><td>Yes</td><td>1 March 2026</td>');
      expect(html).toContain('Agencies: Police; Health');
      expect(html).toContain('This is the final version.');
      const draft = templates.render(
        'case-summary',
        { ...data, stage: 'draft', checks: [{ name: 'Police informed', done: null, on: null }] },
        meta,
      ).html;
      expect(draft).toContain('<td>Police informed</td><td>Not known</td><td></td>');
      expect(draft).not.toContain('This is the final version.');
    });

    it('adds a watermark only when asked', () => {
      expect(templates.render('case-summary', data, meta).html).not.toContain('class="watermark"');
      expect(templates.render('case-summary', data, { ...meta, watermark: 'DRAFT' }).html).toContain(
        '<div class="watermark" aria-hidden="true">DRAFT</div>',
      );
    });

    it('only loads documents by plain name', () => {
      expect(() => templates.render('../layout', data, meta)).toThrow(/Not a PDF template name/);
    });
  });
});
