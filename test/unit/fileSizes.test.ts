import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { typeScriptFiles } from '../../scripts/sourceFiles';

const ROOT = join(__dirname, '../..');
const LIMIT = 350;

describe('files stay small', () => {
  it(`no TypeScript file in src/ or webview/ is over ${LIMIT} lines (split by concern, CONVENTIONS.md)`, () => {
    const over: string[] = [];
    for (const dir of ['src', 'webview']) {
      for (const file of typeScriptFiles(join(ROOT, dir))) {
        const lines = readFileSync(file, 'utf8').split('\n').length - 1;
        if (lines > LIMIT) over.push(`${relative(ROOT, file)}: ${lines} lines`);
      }
    }
    assert.deepEqual(over, []);
  });
});
