import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type BrowserChoice, launchArgs } from './browser-discovery';

/**
 * One running Chromium with its own throwaway profile, and the warm pages it keeps between
 * renders. When the process dies, `lost` rejects so that nothing waits on it forever.
 */

const LAUNCH_TIMEOUT_MS = 30_000;
const CLOSE_GRACE_MS = 5_000;
// A page is replaced now and then so that whatever a long-lived renderer accumulates is let go.
const MAX_USES_PER_PAGE = 50;

const ignore = (): void => undefined;

export class BrowserLostError extends Error {
  constructor() {
    super('Chromium disconnected during a PDF render');
    this.name = 'BrowserLostError';
  }
}

export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(ignore, ignore).finally(() => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export class BrowserSession {
  /** Rejects with BrowserLostError once the browser has gone, for racing against any step. */
  readonly lost: Promise<never>;
  private readonly idle: Page[] = [];
  private readonly uses = new WeakMap<Page, number>();

  private constructor(
    private readonly browser: Browser,
    private readonly userDataDir: string,
    onLost: (session: BrowserSession) => void,
  ) {
    this.lost = new Promise<never>((_resolve, reject) => {
      browser.once('disconnected', () => {
        reject(new BrowserLostError());
        this.idle.length = 0;
        onLost(this);
        void rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(ignore);
      });
    });
    this.lost.catch(ignore);
  }

  static async launch(
    choice: BrowserChoice,
    onLost: (session: BrowserSession) => void,
  ): Promise<BrowserSession> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'pdf-chromium-'));
    try {
      const browser = await puppeteer.launch({
        executablePath: choice.executablePath,
        headless: 'shell',
        pipe: true,
        userDataDir,
        args: launchArgs(choice),
        timeout: LAUNCH_TIMEOUT_MS,
        // The application decides when to shut down and calls close() from its shutdown hooks.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
      return new BrowserSession(browser, userDataDir, onLost);
    } catch (error) {
      await rm(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  get connected(): boolean {
    return this.browser.connected;
  }

  get pid(): number | undefined {
    return this.browser.process()?.pid;
  }

  /** A warm page if one is idle, otherwise a new one prepared by `prepare`. */
  async takePage(prepare: (page: Page) => Promise<void>): Promise<Page> {
    // A page abandoned after a timeout may have been closed while it sat idle.
    for (let warm = this.idle.pop(); warm; warm = this.idle.pop()) {
      if (!warm.isClosed()) {
        return warm;
      }
    }
    const page = await this.browser.newPage();
    await prepare(page);
    return page;
  }

  /** Keeps a page that finished cleanly for the next render; closes anything else. */
  async returnPage(page: Page, reusable: boolean): Promise<void> {
    const uses = (this.uses.get(page) ?? 0) + 1;
    if (reusable && this.connected && uses < MAX_USES_PER_PAGE) {
      this.uses.set(page, uses);
      this.idle.push(page);
      return;
    }
    await page.close().catch(ignore);
  }

  kill(): void {
    this.browser.process()?.kill('SIGKILL');
  }

  async close(): Promise<void> {
    if (!(await settlesWithin(this.browser.close(), CLOSE_GRACE_MS))) {
      this.kill();
    }
    await rm(this.userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(ignore);
  }
}
