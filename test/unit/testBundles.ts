// The command line and the tests' worker scripts as the processes the tests start run them: bundled
// from the sources once per test run, with the build's esbuild. A process started from a bundle takes
// 0.3 s here, where tsx's loader over the sources took 0.8 s, and the unit tests start several hundred.
import { buildSync } from 'esbuild';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const REPO = join(__dirname, '../..');
const built = new Map<string, string>();
let out: string | undefined;

function build(entry: string, name: string): string {
  if (!out) {
    sweepStale();
    out = mkdtempSync(join(tmpdir(), 'nightshift-test-bundles-'));
    // Some tests run the command line as another user (uid 65534, without root's privilege).
    chmodSync(out, 0o755);
  }
  const outfile = join(out, `${name}.js`);
  buildSync({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', absWorkingDir: REPO });
  // Readable by that user whatever the umask.
  chmodSync(outfile, 0o644);
  return outfile;
}

/** Bundle folders of runs killed before their exit handler (a signal, a CI timeout), a day old: another run may be using a newer one. */
function sweepStale(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('nightshift-test-bundles-')) continue;
    const path = join(tmpdir(), name);
    try {
      if (Date.now() - statSync(path).mtimeMs > 24 * 60 * 60 * 1000) rmSync(path, { recursive: true, force: true });
    } catch {
      // Gone meanwhile, or not ours to remove.
    }
  }
}

/**
 * `entry` (a .ts file of the sources or of the tests) bundled, as a script for `node`. The helper
 * threads' entries go beside it, where the bundle looks for them (helperThread.ts), as in dist/.
 */
export function bundled(entry: string): string {
  let file = built.get(entry);
  if (file) return file;
  if (built.size === 0) {
    for (const worker of ['taskParseWorker', 'workspaceScanWorker']) build(join(REPO, `src/core/workspace/${worker}.ts`), worker);
    process.once('exit', () => rmSync(out!, { recursive: true, force: true }));
  }
  file = build(entry, `${basename(entry, '.ts')}-${built.size}`);
  built.set(entry, file);
  return file;
}

/** The command line, bundled (src/cli/main.ts). */
export const cliBundle = (): string => bundled(join(REPO, 'src/cli/main.ts'));
