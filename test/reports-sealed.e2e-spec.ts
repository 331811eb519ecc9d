import type { NestExpressApplication } from '@nestjs/platform-express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pdfText, saveFirstPagePng } from '../src/reports/pdf/pdf-inspect';
import { PdfEngine, PdfRenderTimeoutError } from '../src/reports/pdf/pdf-engine';
import { PdfService } from '../src/reports/pdf.service';
import { api, createFootprint, Footprint, setNow, sudiNotification } from './child-deaths.fixtures';
import { errorOf, flat, getPdf, PDF_ARTEFACTS } from './reports.fixtures';
import { createTestApp } from './support/test-app';

jest.setTimeout(180_000);

const CONCURRENCY = 3;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('PDFs through the API are sealed, bounded and survive a browser crash', () => {
  let app: NestExpressApplication;
  let pdf: PdfService;
  let f: Footprint;
  let server: Server;
  let hits = 0;
  let origin: string;
  let caseId: string;

  beforeAll(async () => {
    server = createServer((_req, res) => {
      hits += 1;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    app = await createTestApp({ PDF_CONCURRENCY: String(CONCURRENCY) });
    // Listening once up front: fifty requests at once must not each start the server.
    await app.listen(0, '127.0.0.1');
    pdf = app.get(PdfService);
    f = await createFootprint(app);
    setNow(app, '2026-03-02T12:00:00Z');
    const notified = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    caseId = notified.body.caseId;
    await api(app, f.doctor)
      .put(`/api/child-deaths/${caseId}/analysis`, {
        formVersion: '2026-04',
        causeOfDeath: 'Sudden unexpected death in infancy',
        learningPoints: ['Safe sleep advice was not repeated after discharge.'],
      })
      .expect(200);
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('prints hostile free text literally, and nothing leaves the browser', async () => {
    const hostile = [
      "<script>document.title='pwned'</script>",
      `<img src=${origin}/x.png>`,
      '<link href=file:///etc/passwd rel=stylesheet>',
    ];
    const notified = await api(app, f.hospitalNotifier)
      .post(
        '/api/child-deaths/notifications',
        sudiNotification(f, {}, { circumstancesSummary: hostile.join(' '), whereFound: hostile[1] }),
      )
      .expect(201);
    const hostileCase = notified.body.caseId;
    await api(app, f.doctor)
      .put(`/api/child-deaths/${hostileCase}/analysis`, {
        formVersion: '2026-04',
        learningPoints: hostile,
        causeOfDeath: hostile[0],
      })
      .expect(200);
    const blockedBefore = pdf.stats().blockedRequests;

    for (const path of [
      `/api/child-deaths/${hostileCase}/notification-summary.pdf`,
      `/api/child-deaths/${hostileCase}/analysis.pdf`,
    ]) {
      const res = await getPdf(app, f.admin, path).expect(200);
      const text = flat(pdfText(res.body));
      for (const value of hostile) expect(text).toContain(value);
      expect(text).not.toContain('pwned Child');
    }
    const summary = await getPdf(app, f.admin, `/api/child-deaths/${hostileCase}/notification-summary.pdf`);
    saveFirstPagePng(summary.body, join(PDF_ARTEFACTS, 'hostile-free-text.png'));

    // Escaped text never becomes an element, so the sealed page has nothing even to refuse.
    expect(pdf.stats().blockedRequests).toBe(blockedBefore);
    expect(pdf.blockedRequests()).toEqual([]);
    expect(hits).toBe(0);
  });

  it('renders 50 requests at once, all successfully, never more than PDF_CONCURRENCY at a time', async () => {
    const before = pdf.stats().renders;
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => getPdf(app, f.admin, `/api/child-deaths/${caseId}/analysis.pdf`)),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    expect(responses.every((r) => r.body.subarray(0, 5).toString('latin1') === '%PDF-')).toBe(true);
    const stats = pdf.stats();
    expect(stats.renders - before).toBe(50);
    expect(stats.maxActiveSeen).toBe(CONCURRENCY);
    expect(stats).toMatchObject({ active: 0, queued: 0 });
  });

  it('recovers when the browser is killed in the middle of a run', async () => {
    await getPdf(app, f.admin, `/api/child-deaths/${caseId}/analysis.pdf`).expect(200);
    const pid = pdf.browserPid()!;
    const launches = pdf.stats().browserLaunches;
    const inFlight = Array.from({ length: 6 }, () =>
      getPdf(app, f.admin, `/api/child-deaths/${caseId}/analysis.pdf`).then((r) => r),
    );
    while (pdf.stats().active === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    process.kill(pid, 'SIGKILL');
    await Promise.all(inFlight);

    const next = await getPdf(app, f.admin, `/api/child-deaths/${caseId}/analysis.pdf`);
    expect(next.status).toBe(200);
    expect(flat(pdfText(next.body))).toContain('Safe sleep advice was not repeated after discharge.');
    expect(pdf.browserPid()).not.toBe(pid);
    expect(pdf.stats().browserLaunches).toBeGreaterThan(launches);
  });

  it('answers 503 with a clear message when a PDF takes too long', async () => {
    const render = jest
      .spyOn(PdfEngine.prototype, 'render')
      .mockRejectedValueOnce(new PdfRenderTimeoutError(30_000));
    try {
      const res = await getPdf(app, f.admin, `/api/child-deaths/${caseId}/analysis.pdf`);
      expect(res.status).toBe(503);
      expect(errorOf(res).message).toBe(
        'The PDF took longer than 30 seconds to produce and was stopped. Try again in a moment; if it keeps happening, contact support and quote the correlation id.',
      );
    } finally {
      render.mockRestore();
    }
  });

  it('closes the browser when the application shuts down', async () => {
    const other = await createTestApp();
    const otherFootprint = await createFootprint(other);
    setNow(other, '2026-03-02T12:00:00Z');
    const notified = await api(other, otherFootprint.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(otherFootprint))
      .expect(201);
    await getPdf(
      other,
      otherFootprint.admin,
      `/api/child-deaths/${notified.body.caseId}/notification-summary.pdf`,
    ).expect(200);
    const pid = other.get(PdfService).browserPid()!;
    expect(alive(pid)).toBe(true);
    await other.close();
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
  });
});

describe('PDFs without a browser', () => {
  let app: NestExpressApplication;

  afterAll(async () => {
    await app?.close();
  });

  it('answers 503 naming the ways to provide one', async () => {
    app = await createTestApp({ CHROME_PATH: '/nonexistent/chromium' });
    const f = await createFootprint(app);
    setNow(app, '2026-03-02T12:00:00Z');
    const notified = await api(app, f.hospitalNotifier)
      .post('/api/child-deaths/notifications', sudiNotification(f))
      .expect(201);
    const res = await getPdf(
      app,
      f.admin,
      `/api/child-deaths/${notified.body.caseId}/notification-summary.pdf`,
    );
    expect(res.status).toBe(503);
    const { message } = errorOf(res);
    expect(message).toContain('PDFs cannot be produced because no browser is available to print them.');
    expect(message).toContain('"/nonexistent/chromium"');
    expect(message).toContain('Set CHROME_PATH to a Chromium or Chrome executable');
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('@sparticuz/chromium');
  });
});
