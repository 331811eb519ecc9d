import { Injectable, Logger, OnApplicationShutdown, ServiceUnavailableException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { TimeSource } from '../calendar/time-source';
import { AppConfig } from '../config/app-config';
import type { AuthenticatedUser } from '../identity/permissions';
import { BrowserNotFoundError } from './pdf/browser-discovery';
import {
  type BlockedRequest,
  PdfDocument,
  PdfEngine,
  PdfEngineClosedError,
  PdfEngineStats,
  PdfRenderTimeoutError,
} from './pdf/pdf-engine';
import { PdfTemplates } from './pdf/templates';

/** One document to print: a template in templates/pdf/ with its data, and what the audit records. */
export interface PdfRequest {
  /** templates/pdf/<template>.hbs */
  template: string;
  /** The kind of document, as the audit and the file name call it: 'analysis-form', 'rapid-review'… */
  documentType: string;
  title: string;
  /** Printed in every footer: a case or report reference, never a name. */
  reference: string;
  /** The download name, from pdfFilename(). */
  filename: string;
  data: Record<string, unknown>;
  watermark?: string;
  caseId?: string;
  /** Whose records these are, so the audit can be searched by organisation. */
  organisationIds?: string[];
  /** Extra audit details (period, published or not…); never personal data. */
  auditDetails?: Record<string, unknown>;
}

export interface RenderedPdf {
  pdf: Buffer;
  filename: string;
}

// Blocked requests are kept (in memory only: an address may quote what a page held) for operators and tests.
const BLOCKED_KEPT = 100;

const HOW_TO_PROVIDE_A_BROWSER =
  'Set CHROME_PATH to a Chromium or Chrome executable, install Chromium on the server ' +
  '(for example `apt-get install chromium`), or install the optional package `@sparticuz/chromium`.';

/**
 * Every PDF the portal produces goes through here: one shared sealed PdfEngine for the whole
 * application (PDF_CONCURRENCY renders at once, PDF_TIMEOUT_MS each), the Handlebars templates, and an
 * audit event per document.
 */
@Injectable()
export class PdfService implements OnApplicationShutdown {
  private readonly logger = new Logger('Pdf');
  private readonly engine: PdfEngine;
  private readonly templates = new PdfTemplates();
  private readonly blocked: BlockedRequest[] = [];

  constructor(
    config: AppConfig,
    private readonly time: TimeSource,
    private readonly audit: AuditService,
  ) {
    this.engine = new PdfEngine({
      concurrency: config.PDF_CONCURRENCY,
      timeoutMs: config.PDF_TIMEOUT_MS,
      executablePath: config.CHROME_PATH,
      logger: {
        info: (message, details) => this.logger.log({ ...details }, message),
        warn: (message, details) => this.logger.warn({ ...details }, message),
        error: (message, details) => this.logger.error({ ...details }, message),
      },
      onBlockedRequest: (request) => {
        this.blocked.push(request);
        this.blocked.splice(0, this.blocked.length - BLOCKED_KEPT);
      },
    });
  }

  /** The final HTML the engine would print, stamped with the time now. */
  html(request: PdfRequest): PdfDocument {
    return this.templates.render(request.template, request.data, {
      title: request.title,
      reference: request.reference,
      generatedAt: this.time.now(),
      ...(request.watermark ? { watermark: request.watermark } : {}),
    });
  }

  /** Prints the document and records who produced it; a browser problem is a 503 that says what to do. */
  async print(request: PdfRequest, actor: AuthenticatedUser): Promise<RenderedPdf> {
    const pdf = await this.render(this.html(request));
    await this.audit.record({
      action: 'pdf.generate',
      actor,
      caseId: request.caseId ?? null,
      organisationIds: request.organisationIds ?? [],
      details: {
        documentType: request.documentType,
        reference: request.reference,
        bytes: pdf.length,
        ...request.auditDetails,
      },
    });
    return { pdf, filename: request.filename };
  }

  stats(): PdfEngineStats {
    return this.engine.stats();
  }

  browserPid(): number | undefined {
    return this.engine.browserPid();
  }

  /** The latest requests pages tried to make and were refused (none is ever let through). */
  blockedRequests(): readonly BlockedRequest[] {
    return [...this.blocked];
  }

  onApplicationShutdown(): Promise<void> {
    return this.engine.close();
  }

  private async render(document: PdfDocument): Promise<Buffer> {
    try {
      return await this.engine.render(document);
    } catch (error) {
      if (error instanceof PdfRenderTimeoutError) {
        throw new ServiceUnavailableException(
          `The PDF took longer than ${Math.round(error.timeoutMs / 1000)} seconds to produce and was stopped. ` +
            'Try again in a moment; if it keeps happening, contact support and quote the correlation id.',
        );
      }
      if (error instanceof BrowserNotFoundError) {
        throw new ServiceUnavailableException(
          `PDFs cannot be produced because no browser is available to print them. ${error.message}` +
            (error.message.includes('apt-get') ? '' : ` ${HOW_TO_PROVIDE_A_BROWSER}`),
        );
      }
      if (error instanceof PdfEngineClosedError) {
        throw new ServiceUnavailableException('The portal is shutting down; try again in a moment.');
      }
      throw error;
    }
  }
}
