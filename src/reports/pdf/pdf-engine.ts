import type { Page } from 'puppeteer-core';
import {
  type BrowserChoice,
  BrowserNotFoundError,
  discoverBrowser,
  isExecutableFile,
} from './browser-discovery';
import { BrowserSession, settlesWithin } from './browser-session';
import { type FooterDetails, footerTemplate, headerTemplate, PAGE_MARGINS } from './page-furniture';
import { RenderSlots } from './render-slots';
import { type BlockedRequest, sealPage } from './sealed-page';

export type { BlockedRequest } from './sealed-page';

/**
 * Prints HTML to PDF with one shared headless Chromium, started on first use and replaced when it
 * crashes or hangs. Pages are sealed (no JavaScript, no network, no files) because the HTML
 * carries what families and professionals wrote about a child.
 */

export interface PdfEngineLogger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface PdfEngineOptions {
  /** Most pages rendering at once; further renders queue in arrival order. */
  concurrency: number;
  /** Longest a render may take once it has a slot, starting the browser included. */
  timeoutMs: number;
  /** A browser binary to use instead of discovering one. */
  executablePath?: string;
  logger?: PdfEngineLogger;
  /** Told about every request a page tried to make and was refused. */
  onBlockedRequest?: (request: BlockedRequest) => void;
}

export interface PdfDocument {
  /** A complete HTML document; the engine sets its title and language. */
  html: string;
  title: string;
  lang?: string;
  footer: FooterDetails;
}

export interface PdfEngineStats {
  active: number;
  queued: number;
  maxActiveSeen: number;
  renders: number;
  browserLaunches: number;
  blockedRequests: number;
}

export class PdfRenderTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`The PDF was not rendered within ${timeoutMs} ms`);
    this.name = 'PdfRenderTimeoutError';
  }
}

export class PdfEngineClosedError extends Error {
  constructor() {
    super('The PDF engine has been closed');
    this.name = 'PdfEngineClosedError';
  }
}

/** What a render has got hold of so far, so that a timeout can take it away. */
interface RenderJob {
  aborted: boolean;
  session?: BrowserSession;
  page?: Page;
}

interface PageDocument {
  title: string;
  documentElement: { lang: string };
}

// After a timeout the page is closed; a browser that cannot even do that in this time is hung.
const HUNG_BROWSER_GRACE_MS = 3_000;

const silentLogger: PdfEngineLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
const ignore = (): void => undefined;

export class PdfEngine {
  private readonly slots: RenderSlots;
  private readonly logger: PdfEngineLogger;
  private choice?: BrowserChoice;
  private starting?: Promise<BrowserSession>;
  private current?: BrowserSession;
  private closed = false;
  private renders = 0;
  private launches = 0;
  private blocked = 0;

  constructor(private readonly options: PdfEngineOptions) {
    if (!(options.timeoutMs > 0)) {
      throw new RangeError(`timeoutMs must be positive, not ${options.timeoutMs}`);
    }
    this.slots = new RenderSlots(options.concurrency);
    this.logger = options.logger ?? silentLogger;
  }

  async render(document: PdfDocument, { timeoutMs = this.options.timeoutMs } = {}): Promise<Buffer> {
    this.assertOpen();
    const release = await this.slots.acquire();
    const job: RenderJob = { aborted: false };
    const work = this.renderWithOneRetry(document, job);
    // The slot stays taken until the page is really finished with, even if the caller gave up.
    void work.then(ignore, ignore).finally(release);

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        job.aborted = true;
        void this.abandon(job, work, release);
        reject(new PdfRenderTimeoutError(timeoutMs));
      }, timeoutMs);
    });
    try {
      const pdf = await Promise.race([work, timeout]);
      this.renders += 1;
      return pdf;
    } finally {
      clearTimeout(timer);
    }
  }

  stats(): PdfEngineStats {
    return {
      active: this.slots.activeCount,
      queued: this.slots.queuedCount,
      maxActiveSeen: this.slots.maxActiveSeen,
      renders: this.renders,
      browserLaunches: this.launches,
      blockedRequests: this.blocked,
    };
  }

  /** The browser's process id while one is running, for operators and tests. */
  browserPid(): number | undefined {
    return this.current?.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.slots.refuseWaiting(new PdfEngineClosedError());
    const starting = this.starting;
    this.starting = undefined;
    this.current = undefined;
    const session = await starting?.catch(() => undefined);
    await session?.close();
  }

  private assertOpen(): void {
    if (this.closed) {
      throw new PdfEngineClosedError();
    }
  }

  private async renderWithOneRetry(document: PdfDocument, job: RenderJob): Promise<Buffer> {
    try {
      return await this.renderOnce(document, job);
    } catch (error) {
      const lost = job.session;
      if (!lost || lost.connected || job.aborted || this.closed) {
        throw error;
      }
      this.logger.warn('Chromium went away during a PDF render; retrying once on a new browser');
      this.forget(lost);
      return this.renderOnce(document, job);
    }
  }

  private async renderOnce(document: PdfDocument, job: RenderJob): Promise<Buffer> {
    const session = await this.session();
    job.session = session;
    // A dead browser leaves some puppeteer calls pending for ever; losing it must end the render.
    return Promise.race([this.print(session, document, job), session.lost]);
  }

  private async print(session: BrowserSession, document: PdfDocument, job: RenderJob): Promise<Buffer> {
    this.throwIfAborted(job);
    const page = await session.takePage((fresh) => sealPage(fresh, (request) => this.onBlocked(request)));
    job.page = page;
    let finishedCleanly = false;
    try {
      this.throwIfAborted(job);
      await page.setContent(document.html, { waitUntil: 'load', timeout: 0 });
      await page.evaluate(
        (title, lang) => {
          // Runs inside the page; this project compiles without DOM types.
          const { document: pageDocument } = globalThis as unknown as { document: PageDocument };
          pageDocument.title = title;
          pageDocument.documentElement.lang = lang;
        },
        document.title,
        document.lang ?? 'en-GB',
      );
      this.throwIfAborted(job);
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(),
        footerTemplate: footerTemplate(document.footer),
        margin: PAGE_MARGINS,
        timeout: 0,
      });
      finishedCleanly = !job.aborted;
      return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await session.returnPage(page, finishedCleanly);
    }
  }

  private throwIfAborted(job: RenderJob): void {
    if (job.aborted) {
      throw new Error('PDF render abandoned after its timeout');
    }
  }

  private onBlocked(request: BlockedRequest): void {
    this.blocked += 1;
    // The address itself may quote a child's details, so only its scheme is logged.
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(request.url)?.[1] ?? 'unknown';
    this.logger.warn('Blocked a request from a PDF page', { scheme, resourceType: request.resourceType });
    this.options.onBlockedRequest?.(request);
  }

  /** After a timeout: close the page, and if the browser cannot manage that, kill it. */
  private async abandon(job: RenderJob, work: Promise<unknown>, release: () => void): Promise<void> {
    void job.page?.close().catch(ignore);
    if (await settlesWithin(work, HUNG_BROWSER_GRACE_MS)) {
      return;
    }
    if (job.session) {
      this.logger.error('Chromium stopped responding after a PDF render timed out; killing it');
      this.forget(job.session);
      job.session.kill();
      // Its pages died with it, so the slot is free whatever the render's promise does.
      release();
    }
  }

  private forget(session: BrowserSession): void {
    if (this.current === session) {
      this.current = undefined;
      this.starting = undefined;
    }
  }

  private session(): Promise<BrowserSession> {
    this.assertOpen();
    if (!this.starting) {
      const starting = this.launch();
      this.starting = starting;
      starting.catch(() => {
        if (this.starting === starting) {
          this.starting = undefined;
        }
      });
    }
    return this.starting;
  }

  private async launch(): Promise<BrowserSession> {
    const choice = await this.chooseBrowser();
    const session = await BrowserSession.launch(choice, (lost) => this.onLost(lost));
    this.launches += 1;
    if (this.closed) {
      await session.close();
      throw new PdfEngineClosedError();
    }
    this.current = session;
    this.logger.info('Started Chromium for PDF rendering', {
      source: choice.source,
      executablePath: choice.executablePath,
    });
    return session;
  }

  private onLost(session: BrowserSession): void {
    if (this.current === session && !this.closed) {
      this.logger.warn('Chromium disconnected; a new one will start for the next PDF');
    }
    this.forget(session);
  }

  private async chooseBrowser(): Promise<BrowserChoice> {
    const { executablePath } = this.options;
    if (executablePath !== undefined && !isExecutableFile(executablePath)) {
      throw new BrowserNotFoundError(`The configured browser "${executablePath}" is not an executable file.`);
    }
    this.choice ??= executablePath
      ? { source: 'executablePath option', executablePath, extraArgs: [] }
      : await discoverBrowser();
    return this.choice;
  }
}
