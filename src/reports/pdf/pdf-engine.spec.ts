import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BrowserNotFoundError } from './browser-discovery';
import { pdfInfo, pdfPages, pdfText, saveFirstPagePng } from './pdf-inspect';
import { type BlockedRequest, type PdfDocument, PdfEngine, PdfRenderTimeoutError } from './pdf-engine';
import { PdfTemplates } from './templates';

// These tests drive the real Debian Chromium, so each may take seconds.
jest.setTimeout(60_000);

const ARTEFACTS = join(__dirname, '..', '..', '..', 'artefacts', 'pdf');
const CONCURRENCY = 4;

const meta = {
  title: 'Child death notification summary',
  reference: 'CDR-2026-0042',
  generatedAt: new Date('2026-03-03T14:05:00Z'),
};

const caseData = {
  childRows: [
    { key: 'Name', value: 'Alex Example' },
    { key: 'Date of death', value: '28 February 2026' },
  ],
  circumstances: 'Found unresponsive at home.',
  checks: [{ name: 'Police informed', done: true, on: '2026-03-01' }],
  agencies: ['Police', 'Health'],
  stage: 'final',
};

const count = (text: string, needle: string): number => text.split(needle).length - 1;

describe('PdfEngine with the real Chromium', () => {
  const blocked: BlockedRequest[] = [];
  const templates = new PdfTemplates({ documentsDir: join(__dirname, 'test-fixtures') });
  let engine: PdfEngine;
  let server: Server;
  let serverHits = 0;
  let origin: string;

  const summary = (data: Record<string, unknown> = {}): PdfDocument =>
    templates.render('case-summary', { ...caseData, ...data }, meta);

  beforeAll(async () => {
    server = createServer((_request, response) => {
      serverHits += 1;
      response.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    engine = new PdfEngine({
      concurrency: CONCURRENCY,
      timeoutMs: 30_000,
      onBlockedRequest: (request) => blocked.push(request),
    });
  });

  beforeEach(() => {
    blocked.length = 0;
    serverHits = 0;
  });

  afterAll(async () => {
    await engine.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('prints a one-page A4 document with its values, marking, footer, title and language', async () => {
    const pdf = await engine.render(summary());
    saveFirstPagePng(pdf, join(ARTEFACTS, 'engine-case-summary.png'));

    const info = pdfInfo(pdf);
    expect(info).toMatchObject({
      Title: 'Child death notification summary',
      Pages: '1',
      Tagged: 'yes',
      'Page size': '595.92 x 841.92 pts (A4)',
    });
    expect(pdf.toString('latin1')).toContain('/Lang (en-GB)');

    const text = pdfText(pdf);
    expect(text).toContain('Alex Example');
    expect(text).toContain('Found unresponsive at home.');
    expect(text).toContain('Agencies: Police; Health');
    expect(text).toContain(
      'OFFICIAL-SENSITIVE · CDR-2026-0042 · Generated 3 March 2026 at 2:05pm · Page 1 of 1',
    );
    // Header, the banner on the page, and footer.
    expect(count(text, 'OFFICIAL-SENSITIVE')).toBe(3);
  });

  it('numbers the pages of a two-page document and marks each page', async () => {
    const pdf = await engine.render(summary({ secondPage: 'What the panel learnt.' }));
    expect(pdfInfo(pdf).Pages).toBe('2');
    const [first, second] = pdfPages(pdf);
    expect(first).toContain('Page 1 of 2');
    expect(second).toContain('What the panel learnt.');
    expect(second).toContain(
      'OFFICIAL-SENSITIVE · CDR-2026-0042 · Generated 3 March 2026 at 2:05pm · Page 2 of 2',
    );
    expect(count(second, 'OFFICIAL-SENSITIVE')).toBe(2);
  });

  it('shows hostile free text literally and makes no request', async () => {
    const hostile = [
      "<script>document.title='pwned'</script>",
      `<img src=${origin}/x.png>`,
      '<link href=file:///etc/passwd rel=stylesheet>',
    ];
    const pdf = await engine.render(summary({ circumstances: hostile.join('\n') }));

    const text = pdfText(pdf);
    for (const line of hostile) {
      expect(text).toContain(line);
    }
    expect(pdfInfo(pdf).Title).toBe('Child death notification summary');
    expect(blocked).toEqual([]);
    expect(serverHits).toBe(0);
  });

  it('stays sealed even if unescaped markup reached it: no script runs and every request is refused', async () => {
    const html =
      '<!DOCTYPE html><html><head>' +
      `<link rel="stylesheet" href="${origin}/style.css">` +
      '<link rel="stylesheet" href="file:///etc/passwd">' +
      '</head><body><p id="p">Sealed page</p>' +
      "<script>document.getElementById('p').textContent = 'pwned'; fetch('" +
      origin +
      "/fetch');</script>" +
      `<img src="${origin}/image.png">` +
      `<img src="https://example.org/remote.png">` +
      `<iframe src="data:text/html,<img src='${origin}/in-frame.png'>"></iframe>` +
      '</body></html>';
    const pdf = await engine.render({ html, title: 'Sealed', lang: 'en-GB', footer: meta });

    const text = pdfText(pdf);
    expect(text).toContain('Sealed page');
    expect(text).not.toContain('pwned');
    expect(text).not.toContain('root:');
    expect(serverHits).toBe(0);
    expect(blocked.map((request) => request.url)).toEqual(
      expect.arrayContaining([
        `${origin}/style.css`,
        `${origin}/image.png`,
        'https://example.org/remote.png',
        expect.stringMatching(/^data:text\/html,/),
      ]),
    );
    expect(blocked.map((request) => request.url)).not.toContain(`${origin}/fetch`);
  });

  it('renders 50 requests at once with at most the configured number of pages', async () => {
    const renders = Array.from({ length: 50 }, (_, i) =>
      engine.render(summary({ circumstances: `Request number ${i}` })),
    );
    expect(engine.stats()).toMatchObject({ active: CONCURRENCY, queued: 50 - CONCURRENCY });

    const pdfs = await Promise.all(renders);
    pdfs.forEach((pdf) => expect(pdf.subarray(0, 5).toString()).toBe('%PDF-'));
    expect(pdfText(pdfs[37])).toContain('Request number 37');
    expect(engine.stats()).toMatchObject({ active: 0, queued: 0, maxActiveSeen: CONCURRENCY });
  });

  it('recovers when the browser process is killed mid-run', async () => {
    await engine.render(summary());
    const pid = engine.browserPid();
    const launchesBefore = engine.stats().browserLaunches;
    expect(pid).toBeDefined();

    const inFlight = Array.from({ length: 6 }, () => engine.render(summary()));
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.kill(pid as number, 'SIGKILL');

    await expect(Promise.all(inFlight)).resolves.toHaveLength(6);
    const next = await engine.render(summary({ circumstances: 'After the crash' }));
    expect(pdfText(next)).toContain('After the crash');
    expect(engine.stats().browserLaunches).toBe(launchesBefore + 1);
    expect(engine.browserPid()).not.toBe(pid);
  });

  it('gives up on a render after its timeout with a clear error, and keeps working', async () => {
    await expect(engine.render(summary(), { timeoutMs: 1 })).rejects.toThrow(PdfRenderTimeoutError);
    await expect(engine.render(summary(), { timeoutMs: 1 })).rejects.toThrow(
      'The PDF was not rendered within 1 ms',
    );
    const pdf = await engine.render(summary({ circumstances: 'After the timeout' }));
    expect(pdfText(pdf)).toContain('After the timeout');
  });

  it('kills and replaces a browser that hangs', async () => {
    await engine.render(summary());
    const pid = engine.browserPid() as number;
    const launchesBefore = engine.stats().browserLaunches;
    process.kill(pid, 'SIGSTOP');
    try {
      await expect(engine.render(summary(), { timeoutMs: 1_000 })).rejects.toThrow(PdfRenderTimeoutError);
      const pdf = await engine.render(summary({ circumstances: 'After the hang' }));
      expect(pdfText(pdf)).toContain('After the hang');
      expect(engine.stats().browserLaunches).toBe(launchesBefore + 1);
    } finally {
      // Normally already killed by the engine; this only unblocks a failed run.
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });

  it('times out cleanly while the browser is still starting', async () => {
    const fresh = new PdfEngine({ concurrency: 1, timeoutMs: 1 });
    try {
      await expect(fresh.render(summary())).rejects.toThrow(PdfRenderTimeoutError);
      const pdf = await fresh.render(summary(), { timeoutMs: 30_000 });
      expect(pdfInfo(pdf).Pages).toBe('1');
      expect(fresh.stats().browserLaunches).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it('says clearly when the configured browser does not exist', async () => {
    const missing = new PdfEngine({ concurrency: 1, timeoutMs: 5_000, executablePath: '/nowhere/chromium' });
    await expect(missing.render(summary())).rejects.toThrow(BrowserNotFoundError);
    await missing.close();
  });
});
