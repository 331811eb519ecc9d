import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { bundledFontFaceCss } from './fonts';
import { formatLondonDate, formatLondonDateTime } from './london-time';
import type { PdfDocument } from './pdf-engine';

/**
 * Handlebars documents for print. Each `templates/pdf/<name>.hbs` is the body of a document and is
 * wrapped in `layout.hbs`; `partials/*.hbs` are shared pieces. Unescaped output (`{{{ }}}` or
 * `{{& }}`) is refused when a template is loaded, because these documents carry free text that
 * anyone involved in a case may have typed.
 */

export class UnsafeTemplateError extends Error {
  constructor(
    readonly template: string,
    line: number,
  ) {
    super(
      `Template "${template}" uses unescaped output ({{{ }}} or {{& }}) at line ${line}. ` +
        'Everything printed in a PDF must be escaped.',
    );
    this.name = 'UnsafeTemplateError';
  }
}

class UnescapedOutputFinder extends Handlebars.Visitor {
  firstLine?: number;

  override MustacheStatement(mustache: hbs.AST.MustacheStatement): void {
    if (!mustache.escaped && this.firstLine === undefined) {
      this.firstLine = mustache.loc.start.line;
    }
    super.MustacheStatement(mustache);
  }
}

/** Throws UnsafeTemplateError if the source prints anything unescaped. */
export function assertEscapedOnly(template: string, source: string): void {
  const finder = new UnescapedOutputFinder();
  finder.accept(Handlebars.parse(source));
  if (finder.firstLine !== undefined) {
    throw new UnsafeTemplateError(template, finder.firstLine);
  }
}

let sharedDirFound: string | undefined;

/** templates/pdf, found by walking up so it works from src/ under jest and from dist/ when built. */
export function pdfTemplatesDir(): string {
  sharedDirFound ??= findSharedDir();
  return sharedDirFound;
}

function findSharedDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', 'pdf');
    if (existsSync(join(candidate, 'layout.hbs'))) {
      return candidate;
    }
    if (dirname(dir) === dir) {
      throw new Error(`No templates/pdf/layout.hbs found above ${__dirname}`);
    }
  }
}

export interface DocumentMeta {
  title: string;
  /** Case or report reference, printed in every page footer. */
  reference: string;
  generatedAt: Date;
  lang?: string;
  /** Large diagonal text on every page, for example DRAFT. */
  watermark?: string;
}

export interface PdfTemplatesOptions {
  /** Layout, partials and print.css. */
  sharedDir?: string;
  /** Where the document bodies are; the shared folder unless given. */
  documentsDir?: string;
}

const TEMPLATE_NAME = /^[a-z0-9][a-z0-9-]*$/;

function valueOrEmpty<T>(format: (value: T) => string) {
  return (value: T | null | undefined): string =>
    value === null || value === undefined ? '' : format(value);
}

export class PdfTemplates {
  private readonly handlebars = Handlebars.create();
  private readonly sharedDir: string;
  private readonly documentsDir: string;
  private readonly layout: HandlebarsTemplateDelegate;
  private readonly bodies = new Map<string, HandlebarsTemplateDelegate>();

  constructor(options: PdfTemplatesOptions = {}) {
    this.sharedDir = options.sharedDir ?? pdfTemplatesDir();
    this.documentsDir = options.documentsDir ?? this.sharedDir;
    this.registerHelpers(readFileSync(join(this.sharedDir, 'print.css'), 'utf8'));
    this.registerPartials();
    this.layout = this.load(join(this.sharedDir, 'layout.hbs'));
  }

  /** The HTML and metadata for one document, ready for PdfEngine.render. */
  render(name: string, data: Record<string, unknown>, meta: DocumentMeta): PdfDocument {
    const lang = meta.lang ?? 'en-GB';
    const context = { ...data, meta: { ...meta, lang } };
    const html = this.layout(context, { partials: { content: this.body(name) } });
    return {
      html,
      title: meta.title,
      lang,
      footer: { reference: meta.reference, generatedAt: meta.generatedAt },
    };
  }

  private body(name: string): HandlebarsTemplateDelegate {
    if (!TEMPLATE_NAME.test(name)) {
      throw new Error(`Not a PDF template name: ${JSON.stringify(name)}`);
    }
    let template = this.bodies.get(name);
    if (!template) {
      template = this.load(join(this.documentsDir, `${name}.hbs`));
      this.bodies.set(name, template);
    }
    return template;
  }

  private load(file: string): HandlebarsTemplateDelegate {
    const source = readFileSync(file, 'utf8');
    assertEscapedOnly(basename(file), source);
    return this.handlebars.compile(source, { strict: false, preventIndent: true });
  }

  private registerPartials(): void {
    const dir = join(this.sharedDir, 'partials');
    if (!existsSync(dir)) {
      return;
    }
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.hbs'))) {
      this.handlebars.registerPartial(basename(file, '.hbs'), this.load(join(dir, file)));
    }
  }

  private registerHelpers(printCss: string): void {
    const styles = new this.handlebars.SafeString(`${bundledFontFaceCss()}\n${printCss}`);
    const helpers: Record<string, Handlebars.HelperDelegate> = {
      // Constant CSS from the project, never data; a <style> element must not be HTML-escaped.
      printStyles: () => styles,
      londonDate: valueOrEmpty(formatLondonDate),
      londonDateTime: valueOrEmpty(formatLondonDateTime),
      eq: (a: unknown, b: unknown) => a === b,
      // Handlebars passes its options object last, so a missing separator arrives as an object.
      join: (list: unknown, separator: unknown) =>
        Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
      yesNo: (value: unknown) => (value === true ? 'Yes' : value === false ? 'No' : 'Not known'),
    };
    this.handlebars.registerHelper(helpers);
  }
}
