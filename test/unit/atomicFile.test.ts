import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/core/operations/atomicFile';

describe('writeFileAtomic of a large text, encoded a slice at a time', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'nightshift-atomic-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every character as one write of the whole text would, wherever a slice ends', () => {
    // Slices end every 349,525 UTF-16 units: shifting the text by 0-3 units puts a surrogate pair, a
    // Chinese character and a plain one across that end in turn.
    const body = '任务 😀 a→b '.repeat(120_000);
    for (let shift = 0; shift < 4; shift++) {
      const text = `${'x'.repeat(shift)}${body}`;
      const file = join(dir, `shift-${shift}.json`);
      writeFileAtomic(file, text);
      assert.equal(readFileSync(file, 'utf8'), text, `shifted by ${shift}`);
      assert.deepEqual(readFileSync(file), Buffer.from(text, 'utf8'));
    }
  });

  it('writes pieces one after the other, small and large, as their joined text', () => {
    // The last piece but one ends in the first half of a pair, the last begins with its second.
    const pieces = ['{"head":"→",', '"changes":', JSON.stringify(Array.from({ length: 30_000 }, (_, i) => ({ task: `t${i}`, text: 'é😀' }))), '', ',"end":"\ud83d', '\ude00"}\n'];
    const file = join(dir, 'record.json');
    writeFileSync(file, 'the old text\n');
    writeFileAtomic(file, pieces);
    assert.equal(readFileSync(file, 'utf8'), pieces.join(''));
    assert.deepEqual(readFileSync(file), Buffer.from(pieces.join(''), 'utf8'));
    assert.deepEqual(readdirSync(dir), ['record.json']);
  });

  it('a full disk half-way through a large text: the old file stays whole and no temporary file is left', function () {
    if (process.getuid?.() !== 0) this.skip(); // mounting a small tmpfs needs root
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    if (mounted.status !== 0) this.skip();
    try {
      const file = join(dir, 'record.json');
      writeFileSync(file, 'the old text\n');
      assert.throws(() => writeFileAtomic(file, ['{"changes":', 'a'.repeat(3 << 20), '}\n']), (error: NodeJS.ErrnoException) => error.code === 'ENOSPC');
      assert.equal(readFileSync(file, 'utf8'), 'the old text\n');
      assert.deepEqual(readdirSync(dir), ['record.json']);
    } finally {
      spawnSync('umount', [dir]);
    }
  });
});
