// The test command (`npm test`): from a fresh clone, installs what it needs (npm packages, Debian's
// chromium, Node 24 and code-server as the VS Code test host, cached outside the repo), builds, then runs
// the unit tests, the integration tests inside a real VS Code, and the end-to-end browser tests.
// Ends with the line `N passed, N failed`. Layers: --unit, --integration, --e2e (default: all).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, ensureDependencies, repo } from './setup.mjs';
import { ensureTestHost, InstallError } from './installTestHost.mjs';

const chosen = ['unit', 'integration', 'e2e'].filter((layer) => process.argv.includes(`--${layer}`));
const layers = chosen.length ? chosen : ['unit', 'integration', 'e2e'];
const totals = { passed: 0, failed: 0 };
const lines = [];

let clock = performance.now();
function record(layer, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  const seconds = ((performance.now() - clock) / 1000).toFixed(1);
  clock = performance.now();
  lines.push(`${layer}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`);
}

function runMocha(layer, args) {
  const countsFile = join(mkdtempSync(join(tmpdir(), 'nightshift-counts-')), 'counts.json');
  const result = spawnSync(
    process.execPath,
    [join(repo, 'node_modules/mocha/bin/mocha.js'), '--import=tsx', '--reporter', join(repo, 'test/host/countingReporter.cjs'), ...args],
    { cwd: repo, stdio: 'inherit', env: { ...process.env, NIGHTSHIFT_COUNTS_FILE: countsFile } },
  );
  if (!existsSync(countsFile)) return { passed: 0, failed: 1, note: `mocha exited ${result.status} before reporting` };
  return JSON.parse(readFileSync(countsFile, 'utf8'));
}

try {
  ensureDependencies();
  if (layers.some((l) => l !== 'unit')) ensureTestHost();
} catch (error) {
  // A failed install step says which step, where its log is and how to retry; no test ran.
  process.stderr.write(`\n${error instanceof InstallError ? error.message : error.stack}\n`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
build();
lines.push(`setup (dependencies, test host, build): ${((performance.now() - clock) / 1000).toFixed(1)} s`);
clock = performance.now();

// Everything, then the domain on its own (no DOM, no vscode): `npm run check-types` runs the same two.
const tsc = (project) => spawnSync(process.execPath, [join(repo, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', project], { cwd: repo, stdio: 'inherit' }).status === 0;
record('type check', tsc(repo) && tsc(join(repo, 'tsconfig.core.json')) ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

if (layers.includes('unit')) record('unit', runMocha('unit', ['test/unit/**/*.test.ts']));
if (layers.includes('integration')) {
  const { runIntegration } = await import('./runIntegration.mjs');
  record('integration (VS Code extension host)', await runIntegration());
}
if (layers.includes('e2e')) record('end-to-end (browser)', runMocha('e2e', ['--timeout', '180000', 'test/e2e/**/*.test.ts']));

console.log(`\n${lines.join('\n')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed ? 1 : 0;
