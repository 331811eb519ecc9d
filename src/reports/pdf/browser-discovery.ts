import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * Where the Chromium that prints our PDFs comes from, in order: an explicit CHROME_PATH, a
 * Chromium or Chrome installed on the machine, then the optional @sparticuz/chromium package
 * (for serverless images with no system browser).
 */

export type BrowserSource = 'executablePath option' | 'CHROME_PATH' | 'system' | '@sparticuz/chromium';

export interface BrowserChoice {
  source: BrowserSource;
  executablePath: string;
  /** Flags the source needs on top of ours (only @sparticuz/chromium has any). */
  extraArgs: string[];
}

export class BrowserNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserNotFoundError';
  }
}

export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const SPARTICUZ_MODULE = '@sparticuz/chromium';

// @sparticuz/chromium is built for AWS Lambda and turns off web security there; a sealed renderer
// that fetches nothing has no use for either flag, so we never pass them on.
const UNWANTED_SPARTICUZ_ARGS = new Set(['--disable-web-security', '--allow-running-insecure-content']);

interface SparticuzChromium {
  executablePath(): Promise<string>;
  readonly args: string[];
}

export interface DiscoveryEnvironment {
  env: NodeJS.ProcessEnv;
  systemPaths: readonly string[];
  loadSparticuz: () => Promise<SparticuzChromium | undefined>;
}

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(env: NodeJS.ProcessEnv): string[] {
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  return BROWSER_COMMANDS.flatMap((command) => dirs.map((dir) => join(dir, command)));
}

async function loadInstalledSparticuz(): Promise<SparticuzChromium | undefined> {
  try {
    // A variable specifier keeps the compiler from insisting an optional package is installed.
    const loaded = (await import(SPARTICUZ_MODULE)) as { default?: SparticuzChromium } & SparticuzChromium;
    return loaded.default ?? loaded;
  } catch {
    return undefined;
  }
}

const defaultEnvironment = (): DiscoveryEnvironment => ({
  env: process.env,
  systemPaths: SYSTEM_BROWSER_PATHS,
  loadSparticuz: loadInstalledSparticuz,
});

export async function discoverBrowser(
  environment: Partial<DiscoveryEnvironment> = {},
): Promise<BrowserChoice> {
  const { env, systemPaths, loadSparticuz } = { ...defaultEnvironment(), ...environment };

  const configured = env.CHROME_PATH?.trim();
  if (configured) {
    if (!isExecutableFile(configured)) {
      throw new BrowserNotFoundError(
        `CHROME_PATH is set to "${configured}", but that is not an executable file. ` +
          'Point CHROME_PATH at a Chromium or Chrome binary, or unset it to use the system browser.',
      );
    }
    return { source: 'CHROME_PATH', executablePath: configured, extraArgs: [] };
  }

  const system = [...systemPaths, ...onPath(env)].find(isExecutableFile);
  if (system) {
    return { source: 'system', executablePath: system, extraArgs: [] };
  }

  const sparticuz = await loadSparticuz();
  if (sparticuz) {
    const executablePath = await sparticuz.executablePath();
    const extraArgs = sparticuz.args.filter((arg) => !UNWANTED_SPARTICUZ_ARGS.has(arg));
    return { source: '@sparticuz/chromium', executablePath, extraArgs };
  }

  throw new BrowserNotFoundError(
    'No Chromium or Chrome was found to render PDFs. Provide one in any of these ways: ' +
      '(1) set CHROME_PATH to the browser executable; ' +
      '(2) install Chromium on the machine, for example `apt-get install chromium`; ' +
      '(3) install the optional package with `npm install @sparticuz/chromium`.',
  );
}

const runningAsRoot = (): boolean => process.getuid?.() === 0;

/** Our launch flags. The browser only ever prints local HTML, so everything else is switched off. */
export function launchArgs(choice: BrowserChoice, asRoot: boolean = runningAsRoot()): string[] {
  const args = [
    '--headless',
    // The sandbox needs an unprivileged user; as root Chromium refuses to start with it.
    ...(asRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--disable-extensions',
    // Request interception cannot see DNS lookups (dns-prefetch, preconnect), so resolve nothing.
    '--host-resolver-rules=MAP * ~NOTFOUND',
  ];
  return [...args, ...choice.extraArgs.filter((arg) => !args.includes(arg))];
}
