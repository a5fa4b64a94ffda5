import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { typeScriptFiles } from '../../scripts/sourceFiles';

const ROOT = join(__dirname, '../..');
const CORE = join(ROOT, 'src/core');

/**
 * The core's layers, lowest first. A module imports its own layer and those below it, never one
 * above: the per-file rules (model) know nothing of the workspace, the workspace nothing of the
 * engine, and so on up to the protocols the webview speaks.
 */
const CORE_LAYERS: readonly (readonly string[])[] = [
  ['text', 'yaml', 'time'],
  ['model'],
  ['workspace'],
  ['engine'],
  ['operations', 'taskList', 'timeline'],
  ['interchange', 'review'],
  ['panel'],
];

/** Relative imports of a file (`import … from`, `export … from`, `import()`), resolved to paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((m) => resolve(dirname(file), m[1]!));
}

function layerOf(path: string): number {
  const folder = relative(CORE, path).split(sep)[0]!;
  return CORE_LAYERS.findIndex((layer) => layer.includes(folder));
}

function upwardImports(): string[] {
  const upward: string[] = [];
  for (const file of typeScriptFiles(CORE)) {
    for (const target of importsOf(file)) {
      if (target.startsWith(CORE + sep) && layerOf(target) > layerOf(file)) upward.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}`);
    }
  }
  return upward;
}

describe('imports run one way', () => {
  it('every folder of src/core has a layer', () => {
    const folders = readdirSync(CORE, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    assert.deepEqual(folders.filter((f) => !CORE_LAYERS.some((l) => l.includes(f))), []);
  });

  it('a core module imports only its own layer and the layers below it', () => {
    assert.deepEqual(upwardImports(), []);
  });

  it('the core imports neither the CLI nor the extension; the CLI and the extension not each other; the webview only the core', () => {
    const wrong: string[] = [];
    const check = (dir: string, forbidden: string[]) => {
      for (const file of typeScriptFiles(join(ROOT, dir))) {
        for (const target of importsOf(file)) {
          if (forbidden.some((f) => target.startsWith(join(ROOT, f) + sep))) wrong.push(`${relative(ROOT, file)} -> ${relative(ROOT, target)}`);
        }
      }
    };
    check('src/core', ['src/cli', 'src/extension', 'webview']);
    check('src/cli', ['src/extension', 'webview']);
    check('src/extension', ['src/cli', 'webview']);
    check('webview', ['src/cli', 'src/extension']);
    assert.deepEqual(wrong, []);
  });

  it('the scan catches an upward import: a model file that imports the engine fails it', () => {
    const probe = join(CORE, 'model', `upwardProbe${process.pid}.ts`);
    writeFileSync(probe, "import type { DayPlan } from '../engine/dayPlan';\nexport type Probe = DayPlan;\n");
    try {
      assert.deepEqual(upwardImports(), [`src/core/model/upwardProbe${process.pid}.ts -> src/core/engine/dayPlan`]);
    } finally {
      rmSync(probe, { force: true });
    }
  });
});
