// Runs the mocha suite of test/integration inside the extension host of a real VS Code (code-server),
// opened by headless Chromium on a scratch copy of samples/warehouse. Prints each result; returns counts.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startCodeServer } from './testHost.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '../..');

export async function runIntegration({ timeoutMs = 10 * 60_000 } = {}) {
  const testsDir = join(repo, 'out/test/integration');
  const reportFile = join(testsDir, 'report.json');
  rmSync(reportFile, { force: true });
  const workspace = join(mkdtempSync(join(tmpdir(), 'nightshift-it-')), 'warehouse');
  cpSync(join(repo, 'samples/warehouse'), workspace, { recursive: true });

  const server = await startCodeServer({ workspace, settings: { 'nightshift.user': 'alice' } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const exited = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(code));
    });
    await page.goto(server.url(workspace, [
      ['extensionDevelopmentPath', repo],
      ['extensionTestsPath', join(testsDir, 'index.js')],
    ]));
    let timer;
    const code = await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (!existsSync(reportFile)) {
      process.stderr.write(`integration: no report (extension host exit: ${code})\n${server.output()}\n`);
      return { passed: 0, failed: 1 };
    }
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    for (const r of report.results) {
      const mark = r.state === 'passed' ? '  ✔' : r.state === 'failed' ? '  ✘' : '  -';
      process.stdout.write(`${mark} [integration] ${r.title}${r.durationMs ? ` (${r.durationMs} ms)` : ''}\n`);
      if (r.error) process.stdout.write(`      ${r.error.split('\n').slice(0, 6).join('\n      ')}\n`);
    }
    return { passed: report.passed, failed: report.failed };
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dirname(workspace), { recursive: true, force: true });
    rmSync(server.scratch, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { passed, failed } = await runIntegration();
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
