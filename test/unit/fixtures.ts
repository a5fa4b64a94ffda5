import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cliBundle } from './testBundles';

export const SAMPLES = join(__dirname, '../../samples/warehouse');

/** The tests' own cache folder: the CLI's index cache goes there, not into the user's ~/.cache. */
const TEST_CACHE_HOME = mkdtempSync(join(tmpdir(), 'nightshift-test-xdg-'));

/** Runs the `nightshift` command line from source, as a user's shell would (its index cache on, as by default). */
export function nightshift(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return nightshiftIn({}, ...args);
}

/** The same with more environment variables (the locale is English unless they say otherwise). */
export function nightshiftIn(env: Record<string, string>, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cliBundle(), ...args], { encoding: 'utf8', cwd: join(__dirname, '../..'), env: { ...process.env, XDG_CACHE_HOME: TEST_CACHE_HOME, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A scratch copy of the sample workspace that a test may change freely. */
export function copyOfSamples(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'nightshift-unit-')), 'warehouse');
  cpSync(SAMPLES, dir, { recursive: true });
  return dir;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

export const PROJECT_YAML = `project: demo
mode: basic
engine: maxcompute
timezone: Asia/Shanghai
taskTypes: [SQL, Python, Shell]
users: [alice, bob]
templates:
  - {name: sync_tpl, taskType: SQL, versions: [1, 2]}
`;

export function task(id: string, name: string, extra = ''): string {
  return `id: "${id}"\nname: ${name}\ntype: SQL\nowner: alice\nschedule:\n  cycle: day\n  time: "01:00"\n${extra}`;
}
