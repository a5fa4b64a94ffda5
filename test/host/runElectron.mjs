// The same integration suite in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code (or have one: set VSCODE_EXECUTABLE to its binary). On these offline machines use
// `npm test`, which runs the suite in code-server instead.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { build, ensureDependencies, repo } from './setup.mjs';

ensureDependencies();
build();
const workspace = join(mkdtempSync(join(tmpdir(), 'nightshift-electron-')), 'warehouse');
cpSync(join(repo, 'samples/warehouse'), workspace, { recursive: true });
try {
  await runTests({
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(repo, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
    ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
  });
  console.log('integration suite passed in desktop VS Code');
} catch (error) {
  console.error(`integration suite failed or VS Code could not be started: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
}
