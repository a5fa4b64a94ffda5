// Bundles the extension, the CLI, the in-host test suite and the JSON Schemas with esbuild.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { l10nCallsIn } from './l10nCalls.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // The thread that parses task files beside the indexing one (parallelTaskParse.ts finds it beside the bundle).
  { ...common, entryPoints: ['src/core/workspace/taskParseWorker.ts'], outfile: 'dist/taskParseWorker.js' },
  // The thread that walks and stats a workspace while the index cache is opened (scanAhead.ts).
  { ...common, entryPoints: ['src/core/workspace/workspaceScanWorker.ts'], outfile: 'dist/workspaceScanWorker.js' },
];
// The webview runs in the browser: its own bundle, plus its stylesheet and the codicon font.
// Minified even in development: the webview loads it on every open, and the source map stays for debugging.
builds.push({ ...common, platform: 'browser', format: 'iife', target: 'es2022', minify: true, entryPoints: ['webview/panel/main.ts'], outfile: 'dist/webview/panel.js', metafile: true, plugins: [webviewStrings()] });

/**
 * The panel's page carries its language's strings (no round trip before the first paint): only those
 * its own bundle uses, found in the source files esbuild put into it, not the whole bundle of the
 * extension and the CLI (three times as many).
 */
function webviewStrings() {
  return {
    name: 'webview-strings',
    setup(build) {
      build.onEnd((result) => {
        if (!result.metafile) return;
        const used = new Set();
        for (const input of Object.keys(result.metafile.inputs)) {
          if (/^(src|webview)\//.test(input)) for (const key of l10nCallsIn(readFileSync(join(root, input), 'utf8'))) used.add(key);
        }
        mkdirSync(join(root, 'dist/webview'), { recursive: true });
        for (const language of ['zh-cn']) {
          const all = JSON.parse(readFileSync(join(root, `l10n/bundle.l10n.${language}.json`), 'utf8'));
          const mine = Object.fromEntries(Object.entries(all).filter(([key]) => used.has(key)));
          writeFileSync(join(root, `dist/webview/bundle.l10n.${language}.json`), JSON.stringify(mine));
        }
      });
    },
  };
}
function copyWebviewAssets() {
  mkdirSync(join(root, 'dist/webview'), { recursive: true });
  copyFileSync(join(root, 'webview/panel/panel.css'), join(root, 'dist/webview/panel.css'));
  for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(join(root, 'node_modules/@vscode/codicons/dist', file), join(root, 'dist/webview', file));
}

if (!production) {
  const tests = readdirSync(join(root, 'test/integration')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/integration/${f}`);
  builds.push({ ...common, entryPoints: ['test/integration/index.ts', ...tests], outdir: 'out/test/integration', external: ['vscode', 'mocha'] });
}

async function writeSchemas() {
  const result = await esbuild.build({ ...common, sourcemap: false, minify: false, entryPoints: ['src/core/model/jsonSchemas.ts'], write: false });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(import.meta.url));
  const schemas = module.exports.jsonSchemas();
  mkdirSync(join(root, 'dist/schemas'), { recursive: true });
  for (const [name, schema] of Object.entries(schemas)) {
    writeFileSync(join(root, `dist/schemas/${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
  }
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  await writeSchemas();
  copyWebviewAssets();
  console.log('watching...');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await writeSchemas();
  copyWebviewAssets();
  chmodSync(join(root, 'dist/cli.js'), 0o755);
}
