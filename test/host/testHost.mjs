// Starts the real VS Code test host: code-server (VS Code's server, MIT build from npm)
// under Node 24, driven by Debian's Chromium through playwright-core. See ../shared/reference/vscode-test-host.md.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutOuterNpm } from './cleanEnv.mjs';
import { CHROMIUM, codeServerBin, node24Bin } from './installTestHost.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

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
 * `smokeTestDriver` (default on) makes the workbench honour the URL payload that loads an extension under
 * development and its tests; it also hides every notification toast, so the demo, and a test of what a
 * user sees, turn it off and load the extension as installed (`installExtension`) instead.
 */
export async function startCodeServer({ workspace, port, host = '127.0.0.1', settings = {}, quiet = true, installExtension, smokeTestDriver = true, locale, languagePack }) {
  port ??= await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'nightshift-host-'));
  if (installExtension) installAsUser(installExtension, join(scratch, 'extensions'));
  // A folder holding a language pack (contributes.localizations), installed as a user would.
  const userDataDir = join(scratch, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  if (languagePack) registerLanguagePack(languagePack, join(scratch, 'extensions'), userDataDir);
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
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    // The display language: the workbench reads it, and so does the extension host (vscode.env.language).
    ...(locale ? ['--locale', locale] : []),
    workspace,
  ];
  const child = spawn(codeServerBin, args, {
    env: { ...withoutOuterNpm(process.env), PATH: `${node24Bin}:${withoutOuterNpm(process.env).PATH}`, XDG_CONFIG_HOME: scratch },
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

/**
 * Installs a language pack and writes the server's record of it (languagepacks.json in the user-data
 * folder), which the server writes itself when a pack is installed through it and reads at start to
 * take --locale. A pack copied into the extensions folder is not recorded, and code-server then keeps
 * English.
 */
function registerLanguagePack(packDir, extensionsDir, userDataDir) {
  const target = installAsUser(packDir, extensionsDir);
  const manifest = JSON.parse(readFileSync(join(packDir, 'package.json'), 'utf8'));
  const packs = {};
  for (const l of manifest.contributes.localizations) {
    packs[l.languageId] = {
      hash: createHash('md5').update(`${manifest.publisher}.${manifest.name}`).update(manifest.version).digest('hex'),
      extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
      translations: Object.fromEntries(l.translations.map((t) => [t.id, join(target, t.path)])),
      label: l.localizedLanguageName ?? l.languageName,
    };
  }
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/** Copies what a .vsix would hold into the extensions folder, so it loads as an installed extension. */
function installAsUser(extensionDir, extensionsDir) {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  mkdirSync(target, { recursive: true });
  for (const part of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n', 'dist', 'media', 'README.md', 'translations']) {
    if (existsSync(join(extensionDir, part))) cpSync(join(extensionDir, part), join(target, part), { recursive: true });
  }
  return target;
}

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
