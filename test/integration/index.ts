// Runs inside the VS Code extension host (code-server here, Electron VS Code on a desktop):
// the `run()` contract of extensionTestsPath, shared by both launchers.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface TestReport {
  passed: number;
  failed: number;
  pending: number;
  results: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
}

export const REPORT_FILE = 'report.json';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  const grep = process.env.NIGHTSHIFT_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, file));
  const report: TestReport = { passed: 0, failed: 0, pending: 0, results: [] };
  const save = () => writeFileSync(join(__dirname, REPORT_FILE), JSON.stringify(report, null, 2));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      save();
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => {
      report.passed++;
      report.results.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
    });
    runner.on('fail', (test, error: Error) => {
      report.failed++;
      report.results.push({ title: test.fullTitle(), state: 'failed', error: `${error.message}\n${error.stack ?? ''}` });
    });
    runner.on('pending', (test) => {
      report.pending++;
      report.results.push({ title: test.fullTitle(), state: 'pending' });
    });
  });
}
