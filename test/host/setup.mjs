// What both README commands do first on a fresh clone: install npm dependencies, the test host, and build.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');

export function ensureDependencies() {
  const marker = join(repo, 'node_modules/.package-lock.json');
  const lock = join(repo, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write('[setup] installing npm dependencies (npm ci)\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
}

export function build() {
  execFileSync(process.execPath, [join(repo, 'scripts/build.mjs')], { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'] });
}
