// The environment for a nested install or for the test host, without what an outer `npm run` / `npm test`
// put there. npm exports `npm_config_user_agent` (naming *its* Node, 20) and the rest of its `npm_*`
// variables to scripts; a nested `npm install` trusts them over the Node actually on PATH, and
// code-server's postinstall then refuses with "requires node v24 … you are on node v20".
import { dirname, join, sep } from 'node:path';

// Settings a user may have chosen for reaching the registry (command-line flags or their own shell
// exports). The nested npm would read the same values from the npmrc files itself; carrying them keeps a
// `npm --registry … test` or a shell-exported proxy working too. Nothing here names a Node version.
const KEPT_NPM_CONFIG = new Set([
  'registry', 'proxy', 'https_proxy', 'http_proxy', 'noproxy', 'no_proxy',
  'cafile', 'ca', 'cert', 'key', 'strict_ssl', 'userconfig', 'globalconfig', 'cache',
  'fetch_retries', 'fetch_retry_mintimeout', 'fetch_retry_maxtimeout', 'fetch_timeout', 'maxsockets',
]);

function keptNpmVariable(name) {
  if (!name.startsWith('npm_config_')) return false;
  const key = name.slice('npm_config_'.length);
  return KEPT_NPM_CONFIG.has(key) || /^@[^:]+:registry$/.test(key) || key.startsWith('//');
}

/**
 * `env` less the outer npm's `npm_*` variables (lower case: npm's own; a user's `NPM_CONFIG_*` stays),
 * except the registry, proxy and CA settings above, and less the PATH entries npm prepends for a script
 * (each ancestor's `node_modules/.bin` of the package it runs, and its node-gyp shim).
 */
export function withoutOuterNpm(env = process.env) {
  const clean = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (name.startsWith('npm_') && !keptNpmVariable(name)) continue;
    clean[name] = value;
  }
  const prepended = new Set(npmScriptPathEntries(env));
  if (clean.PATH) clean.PATH = clean.PATH.split(':').filter((entry) => entry && !prepended.has(entry)).join(':');
  return clean;
}

function npmScriptPathEntries(env) {
  const entries = [];
  for (let dir = env.npm_config_local_prefix; dir; dir = dirname(dir)) {
    entries.push(join(dir, 'node_modules/.bin'));
    if (dirname(dir) === dir) break;
  }
  for (const entry of (env.PATH ?? '').split(':')) {
    if (entry.endsWith(`${sep}@npmcli${sep}run-script${sep}lib${sep}node-gyp-bin`)) entries.push(entry);
  }
  return entries;
}
