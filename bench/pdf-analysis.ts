/**
 * What one analysis form PDF costs, three ways, on the same final HTML:
 *   (a) through the HTTP route with a warm browser: reads, template, render, audit;
 *   (b) a bare puppeteer loop printing that HTML on one warm page: the floor, and the route's ratio to it;
 *   (c) `chromium --headless --print-to-pdf` started once per document: what a naive integration costs.
 *
 *   npm run build && node dist/bench/pdf-analysis.js
 *
 * BENCH_ROUNDS (default 40) sets the sequential rounds of (a) and (b); (c) runs a quarter as many.
 * Uses a throwaway embedded PostgreSQL, or a new database beside DATABASE_URL's (dropped after).
 */
import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import puppeteer from 'puppeteer-core';
import { AppConfig } from '../src/config/app-config';
import { CaseDocumentsService } from '../src/reports/case-documents.service';
import { discoverBrowser, launchArgs } from '../src/reports/pdf/browser-discovery';
import { footerTemplate, headerTemplate, PAGE_MARGINS } from '../src/reports/pdf/page-furniture';
import { sealPage } from '../src/reports/pdf/sealed-page';
import { PdfService } from '../src/reports/pdf.service';
import { BenchPortal, startBenchPortal } from './pdf-bench-setup';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const NAIVE_ROUNDS = Math.max(3, Math.round(ROUNDS / 4));
const run = promisify(execFile);

async function seconds<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - started) / 1e9];
}

async function routePdf(portal: BenchPortal): Promise<Buffer> {
  const res = await fetch(`${portal.origin}/api/child-deaths/${portal.caseId}/analysis.pdf`, {
    headers: { authorization: portal.authorization },
  });
  if (res.status !== 200) throw new Error(`analysis.pdf answered ${res.status}: ${await res.text()}`);
  return Buffer.from(await res.arrayBuffer());
}

/** (b): the engine's own launch flags, seal and print options, without queue, retries, reads or audit. */
async function bareLoop(html: string, footer: { reference: string; generatedAt: Date }) {
  const choice = await discoverBrowser();
  const browser = await puppeteer.launch({
    executablePath: choice.executablePath,
    headless: 'shell',
    pipe: true,
    args: launchArgs(choice),
  });
  try {
    const page = await browser.newPage();
    await sealPage(page, () => undefined);
    const print = async () => {
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        tagged: true,
        displayHeaderFooter: true,
        headerTemplate: headerTemplate(),
        footerTemplate: footerTemplate(footer),
        margin: PAGE_MARGINS,
      });
    };
    for (let i = 0; i < 3; i++) await print();
    const [, elapsed] = await seconds(async () => {
      for (let i = 0; i < ROUNDS; i++) await print();
    });
    return elapsed / ROUNDS;
  } finally {
    await browser.close();
  }
}

/** (c): a new Chromium per document, printing the same HTML from a file. */
async function naive(html: string): Promise<number> {
  const choice = await discoverBrowser();
  const dir = mkdtempSync(join(tmpdir(), 'pdf-naive-'));
  try {
    const input = join(dir, 'analysis.html');
    writeFileSync(input, html);
    const times: number[] = [];
    for (let i = 0; i < NAIVE_ROUNDS; i++) {
      const output = join(dir, `analysis-${i}.pdf`);
      const [, elapsed] = await seconds(() =>
        run(choice.executablePath, [
          ...launchArgs(choice),
          `--user-data-dir=${join(dir, `profile-${i}`)}`,
          '--no-pdf-header-footer',
          `--print-to-pdf=${output}`,
          pathToFileURL(input).href,
        ]),
      );
      if (!readFileSync(output).subarray(0, 5).equals(Buffer.from('%PDF-')))
        throw new Error('chromium printed no PDF');
      times.push(elapsed);
    }
    return times.reduce((a, b) => a + b, 0) / times.length;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const portal = await startBenchPortal();
  try {
    const concurrency = portal.app.get(AppConfig).PDF_CONCURRENCY;
    for (let i = 0; i < 3; i++) await routePdf(portal);
    const [sample, routeTotal] = await seconds(async () => {
      let last: Buffer = Buffer.alloc(0);
      for (let i = 0; i < ROUNDS; i++) last = await routePdf(portal);
      return last;
    });
    const routeEach = routeTotal / ROUNDS;
    const [, parallelTotal] = await seconds(() =>
      Promise.all(Array.from({ length: ROUNDS }, () => routePdf(portal))),
    );

    const documents = portal.app.get(CaseDocumentsService);
    const pdf = portal.app.get(PdfService);
    const [document, prepareTotal] = await seconds(async () => {
      let html = pdf.html(await documents.analysisForm(portal.user, portal.caseId));
      for (let i = 1; i < ROUNDS; i++)
        html = pdf.html(await documents.analysisForm(portal.user, portal.caseId));
      return html;
    });
    const floorEach = await bareLoop(document.html, document.footer);
    const naiveEach = await naive(document.html);

    const ms = (s: number) => `${(s * 1000).toFixed(1)} ms`;
    const perSecond = (s: number) => `${(1 / s).toFixed(1)} PDFs/s`;
    console.log(`Analysis form of one seeded case: ${sample.length} bytes, ${ROUNDS} rounds, Chromium warm.`);
    console.log(`(a) HTTP route, one at a time:        ${perSecond(routeEach)} (${ms(routeEach)} each)`);
    console.log(
      `    HTTP route, ${ROUNDS} at once (PDF_CONCURRENCY=${concurrency}): ${perSecond(parallelTotal / ROUNDS)}`,
    );
    console.log(`    of which reads and template alone: ${ms(prepareTotal / ROUNDS)} each`);
    console.log(
      `(b) bare puppeteer, one warm page:   ${perSecond(floorEach)} (${ms(floorEach)} each, the floor)`,
    );
    console.log(`    route / floor:                   ${(routeEach / floorEach).toFixed(2)}×`);
    console.log(
      `(c) chromium --print-to-pdf per doc: ${perSecond(naiveEach)} (${ms(naiveEach)} each, ${NAIVE_ROUNDS} runs)`,
    );
    console.log(`    naive / route:                   ${(naiveEach / routeEach).toFixed(1)}×`);
  } finally {
    await portal.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
