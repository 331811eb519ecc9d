import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserNotFoundError, discoverBrowser, launchArgs } from './browser-discovery';

describe('finding a browser to print PDFs with', () => {
  let dir: string;
  let executable: string;
  let notExecutable: string;
  const noSparticuz = async () => undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'browser-discovery-'));
    executable = join(dir, 'chromium');
    writeFileSync(executable, '#!/bin/sh\n');
    chmodSync(executable, 0o755);
    notExecutable = join(dir, 'chrome.txt');
    writeFileSync(notExecutable, 'not a browser');
    chmodSync(notExecutable, 0o644);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('uses CHROME_PATH first, even when a system browser exists', async () => {
    const choice = await discoverBrowser({
      env: { CHROME_PATH: executable },
      systemPaths: ['/usr/bin/chromium'],
      loadSparticuz: noSparticuz,
    });
    expect(choice).toEqual({ source: 'CHROME_PATH', executablePath: executable, extraArgs: [] });
  });

  it.each([
    ['does not exist', () => join(dir, 'missing-chrome')],
    ['is not executable', () => notExecutable],
  ])('refuses a CHROME_PATH that %s, naming the variable', async (_why, path) => {
    const attempt = discoverBrowser({
      env: { CHROME_PATH: path() },
      systemPaths: [executable],
      loadSparticuz: noSparticuz,
    });
    await expect(attempt).rejects.toThrow(BrowserNotFoundError);
    await expect(attempt).rejects.toThrow(`CHROME_PATH is set to "${path()}"`);
  });

  it('falls back to a system browser at a known location', async () => {
    const choice = await discoverBrowser({
      env: {},
      systemPaths: [join(dir, 'absent'), notExecutable, executable],
      loadSparticuz: noSparticuz,
    });
    expect(choice).toMatchObject({ source: 'system', executablePath: executable });
  });

  it('finds a browser command on PATH', async () => {
    const choice = await discoverBrowser({ env: { PATH: `/nowhere:${dir}` }, systemPaths: [] });
    expect(choice).toMatchObject({ source: 'system', executablePath: executable });
  });

  it('finds the Debian chromium installed on this machine', async () => {
    const choice = await discoverBrowser({ env: {} });
    expect(choice).toMatchObject({ source: 'system', executablePath: '/usr/bin/chromium' });
  });

  it('uses @sparticuz/chromium last, without its web-security switches', async () => {
    const choice = await discoverBrowser({
      env: {},
      systemPaths: [],
      loadSparticuz: async () => ({
        executablePath: async () => '/tmp/chromium',
        args: [
          '--single-process',
          '--disable-web-security',
          '--allow-running-insecure-content',
          '--no-sandbox',
        ],
      }),
    });
    expect(choice).toEqual({
      source: '@sparticuz/chromium',
      executablePath: '/tmp/chromium',
      extraArgs: ['--single-process', '--no-sandbox'],
    });
  });

  it('explains all three ways to provide a browser when there is none', async () => {
    const attempt = discoverBrowser({ env: {}, systemPaths: [], loadSparticuz: noSparticuz });
    await expect(attempt).rejects.toThrow(BrowserNotFoundError);
    await expect(attempt).rejects.toThrow(/set CHROME_PATH/);
    await expect(attempt).rejects.toThrow(/apt-get install chromium/);
    await expect(attempt).rejects.toThrow(/npm install @sparticuz\/chromium/);
  });

  describe('launch flags', () => {
    const system = { source: 'system' as const, executablePath: executable, extraArgs: [] };

    it('switch off everything a print-only browser does not need', () => {
      expect(launchArgs(system, false)).toEqual([
        '--headless',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-extensions',
        '--host-resolver-rules=MAP * ~NOTFOUND',
      ]);
    });

    it('drop the sandbox only when running as root', () => {
      expect(launchArgs(system, true)).toContain('--no-sandbox');
      expect(launchArgs(system, false)).not.toContain('--no-sandbox');
    });

    it('add the package flags once', () => {
      const args = launchArgs({ ...system, extraArgs: ['--no-sandbox', '--single-process'] }, true);
      expect(args.filter((arg) => arg === '--no-sandbox')).toHaveLength(1);
      expect(args).toContain('--single-process');
    });
  });
});
