import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseDocument } from 'yaml';
import { runBatch } from '../../src/core/operations/batchRunner';
import { spliceFields } from '../../src/core/operations/fieldSplice';
import { changeOwnerOperation, modifyTagsOperation } from '../../src/core/operations/fieldOperations';
import { fieldSpans, type FieldSpans } from '../../src/core/yaml/fieldSpans';
import { BASIC_PROJECT, statuses, workspace } from './operationFixtures';

function spansOf(text: string): FieldSpans {
  const spans = fieldSpans(parseDocument(text), text);
  assert.ok(spans, 'the file should have spans');
  return spans;
}

const splice = (text: string, fields: Record<string, unknown>) => spliceFields(spansOf(text), fields);

describe('field splicing (batch edits without re-printing the file)', () => {
  it('replaces a flow list and a scalar in place, every other byte as written', async () => {
    const text = '# my task\nid:   "7"   # keep\ntags: [a,   b]  # tags\nowner: alice\nx-mine: {deep: [1, 2]}\n';
    assert.equal(splice(text, { tags: ['a', 'b', 'c'], owner: 'bob' }), '# my task\nid:   "7"   # keep\ntags: [a, b, c]  # tags\nowner: bob\nx-mine: {deep: [1, 2]}\n');
  });

  it('keeps a block list in block style at its indentation, and the file\'s CRLF line ends', async () => {
    const text = 'id: "7"\r\ntags:\r\n    - a\r\n    - b\r\n# about the owner\r\nowner: alice\r\n';
    assert.equal(splice(text, { tags: ['x', 'y', 'z'] }), 'id: "7"\r\ntags:\r\n    - x\r\n    - y\r\n    - z\r\n# about the owner\r\nowner: alice\r\n');
  });

  it('keeps the user\'s quoting of a scalar, and quotes what must be quoted', async () => {
    assert.equal(splice('owner: "alice"\n', { owner: 'bob' }), 'owner: "bob"\n');
    assert.equal(splice("owner: 'alice'\n", { owner: 'bob' }), "owner: 'bob'\n");
    assert.equal(splice('owner: alice\n', { owner: 'true' }), 'owner: "true"\n');
    assert.equal(parse(splice('tags: [a]\n', { tags: ['x, y', '#1', 'null', 'a: b'] })!).tags.join('|'), 'x, y|#1|null|a: b');
  });

  it('adds a missing field at the end, and gives up when the file ends in a comment or a block', async () => {
    assert.equal(splice('id: "7"\nname: a\n', { updatedAt: '2026-11-21T08:00:00Z' }), 'id: "7"\nname: a\nupdatedAt: 2026-11-21T08:00:00Z\n');
    assert.equal(splice('id: "7"\nname: a\n', { tags: ['x'] }), 'id: "7"\nname: a\ntags: [x]\n');
    assert.equal(splice('id: "7"\nname: a\n# the end\n', { updatedAt: 'now' }), undefined);
    assert.equal(splice('id: "7"\nrun:\n  timeoutMinutes: 5\n', { updatedAt: 'now' }), undefined);
  });

  it('gives up on values it cannot splice safely: anchors, tags, comments inside a list, several lines', async () => {
    for (const text of [
      'tags: &t [a]\n',
      'tags: !!seq [a]\n',
      'tags:\n  - a # first\n  - b\n',
      'tags:\n  # lead\n  - a\n',
      'tags: [a,\n  b]\n',
      'owner: >-\n  alice\n',
      'owner: alice\n  smith\n',
      'owner:\n',
    ]) {
      assert.equal(splice(text, { tags: ['x'], owner: 'bob' }), undefined, text);
    }
    assert.equal(splice('tags:\n  - a\n', { tags: [] }), undefined, 'an empty list has no block form');
    assert.equal(fieldSpans(parseDocument('%YAML 1.1\n---\nid: 1\n'), '%YAML 1.1\n---\nid: 1\n'), undefined);
    assert.equal(fieldSpans(parseDocument('{id: 1}\n'), '{id: 1}\n'), undefined);
  });

  it('reads back as the same file with the fields set, over many generated files (property)', async () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const words = ['a', 'b_c', 'x-y', 'true', '1', 'a b', 'c,d', '#x', "it's", 'p: q', 'null', 'é', '-z'];
    const scalars = ['plain', '"double"', "'single'", '42', 'true', 'null'];
    let spliced = 0;
    for (let round = 0; round < 400; round++) {
      const eol = random(4) === 0 ? '\r\n' : '\n';
      const lines: string[] = [];
      if (random(2)) lines.push('# header');
      lines.push(`owner: ${scalars[random(scalars.length)]}${random(3) === 0 ? ' # who' : ''}`);
      const tags = Array.from({ length: random(3) }, () => `t${random(9)}`);
      if (random(2)) lines.push(`tags: [${tags.join(', ')}]`);
      else lines.push('tags:', ...(tags.length ? tags.map((t) => `${' '.repeat(random(2) * 2)}- ${t}`) : ['  - only']));
      if (random(2)) lines.push('# between');
      if (random(3)) lines.push(`updatedAt: ${random(2) ? '2020-01-01T00:00:00Z' : '"2020"'}`);
      lines.push('run:', '  timeoutMinutes: 5');
      if (random(2)) lines.push(`note: ${scalars[random(scalars.length)]}`);
      const text = lines.join(eol) + eol;
      const fields: Record<string, unknown> = { owner: words[random(words.length)], updatedAt: '2026-11-21T08:00:00Z' };
      if (random(2)) fields.tags = Array.from({ length: random(4) }, () => words[random(words.length)]);
      const out = spliceFields(spansOf(text), fields);
      if (out === undefined) continue;
      spliced++;
      assert.deepEqual(parse(out), { ...parse(text), ...fields }, `${text}\n→\n${out}`);
      assert.deepEqual(Object.keys(parse(out)), [...new Set([...Object.keys(parse(text)), ...Object.keys(fields)])]);
      for (const line of text.split(eol)) if (line.startsWith('#') || line.startsWith('  timeout')) assert.ok(out.includes(line), line);
      assert.equal(out.includes('\r\n'), eol === '\r\n');
    }
    assert.ok(spliced > 200, `only ${spliced} of 400 files were spliced`);
  });

  it('splices a batch\'s change into the file, keeping its comments and untouched fields byte for byte', async () => {
    const text = '# keep me\nid: "1"\nname: a\ntype: SQL\nowner:   alice   # dev owner\ntags: [a]\nschedule: {cycle: day, time: "01:00"}\nx-team: data\nupdatedAt: 2026-01-01T00:00:00Z\n';
    const ws = workspace({ 'fin/nightshift.yaml': BASIC_PROJECT, 'fin/tasks/a.task.yaml': text });
    assert.deepEqual(statuses((await ws.run(modifyTagsOperation('append', ['b']), ['1']))), ['1:succeeded:tags [a] → [a, b]']);
    assert.equal(ws.read('fin/tasks/a.task.yaml'), text.replace('tags: [a]', 'tags: [a, b]').replace('2026-01-01T00:00:00Z', '2026-11-21T08:00:00Z'));
  });

  it('refuses a value the schema forbids, through the splice as through the document model', async () => {
    const ws = workspace({ 'fin/nightshift.yaml': BASIC_PROJECT, 'fin/tasks/a.task.yaml': 'id: "1"\nname: a\ntype: SQL\nowner: alice\nupdatedAt: 2026-01-01T00:00:00Z\n' });
    const record = (await ws.run({ ...changeOwnerOperation('bob'), decide: () => ({ status: 'change', summary: 'empty owner', change: { kind: 'edit', fields: { owner: '' } } }) }, ['1']));
    assert.match(statuses(record)[0]!, /^1:failed:the change would make the file invalid: owner /);
    assert.match(ws.read('fin/tasks/a.task.yaml'), /owner: alice/);
  });

  it('does not splice at a stale task\'s offsets: a task read before the file changed goes through the document model', async () => {
    const ws = workspace({ 'fin/nightshift.yaml': BASIC_PROJECT, 'fin/tasks/a.task.yaml': 'id: "1"\nname: a\ntype: SQL\ntags: [a]\nowner: alice\n' });
    const index = ws.index();
    const [stale] = [...index.tasks()];
    const file = join(ws.root, 'fin/tasks/a.task.yaml');
    const newer = 'id: "1"\nname: a\ntype: SQL\n# a longer header that moves every offset\ntags: [a]\nowner: alice\n';
    writeFileSync(file, newer);
    index.setFile(file, newer);
    const record = (await runBatch(modifyTagsOperation('append', ['b']), [stale!], { index, user: 'alice', now: new Date('2026-11-21T08:00:00Z') }, { root: ws.root, locks: ws.locks }));
    assert.deepEqual(statuses(record), ['1:succeeded:tags [a] → [a, b]']);
    assert.deepEqual(parse(ws.read('fin/tasks/a.task.yaml')), { id: '1', name: 'a', type: 'SQL', tags: ['a', 'b'], owner: 'alice', updatedAt: '2026-11-21T08:00:00Z' });
    assert.match(ws.read('fin/tasks/a.task.yaml'), /# a longer header/);
  });
});
