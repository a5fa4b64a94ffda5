// The demo command (`npm run demo`): Nightshift installed in a real VS Code (code-server) on a scratch
// copy of samples/warehouse; prints the address to open. Options: --port N (default 8080),
// --host ADDRESS (default 127.0.0.1), --workspace DIR (use a folder of your own, in place).
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, ensureDependencies, repo } from './setup.mjs';
import { cacheDir, ensureTestHost, InstallError } from './installTestHost.mjs';
import { startCodeServer } from './testHost.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' }, host: { type: 'string', default: '127.0.0.1' }, workspace: { type: 'string' } } });

try {
  ensureDependencies();
  ensureTestHost();
} catch (error) {
  process.stderr.write(`\n${error instanceof InstallError ? error.message : error.stack}\n`);
  process.exit(1);
}
build();

let workspace = values.workspace && resolve(values.workspace);
if (!workspace) {
  workspace = join(cacheDir, 'demo/warehouse');
  rmSync(workspace, { recursive: true, force: true });
  cpSync(join(repo, 'samples/warehouse'), workspace, { recursive: true });
}
const server = await startCodeServer({ workspace, port: Number(values.port), host: values.host, installExtension: repo, smokeTestDriver: false, settings: { 'nightshift.user': 'alice' } });

console.log(`\nNightshift is running in VS Code on ${workspace}`);
console.log(`Open: ${server.url(workspace)}`);
console.log('Then click the Nightshift icon (a moon) in the activity bar. Ctrl+C stops the server.\n');
const stop = async () => {
  await server.stop();
  rmSync(server.scratch, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await new Promise(() => {});
