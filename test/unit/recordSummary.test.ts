import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordsDir, recordText, type BatchRecord, type FileChange } from '../../src/core/operations/batchRecords';
import { listRecordSummaries, readRecordSummary } from '../../src/core/operations/recordSummary';
import { copyOfSamples, nightshift } from './fixtures';

/** A record of `n` changes whose texts hold quotes, backslashes, brackets, Chinese and JSON look-alikes. */
function record(id: string, n: number, next: () => number): BatchRecord {
  const bits = ['"', '\\', '[', ']', '{', '}', ',', '"changes":[', '状态', '\u{1f600}', 'x'.repeat(70_000), '\n'];
  const text = () => Array.from({ length: Math.floor(next() * 6) }, () => bits[Math.floor(next() * bits.length)]).join('');
  const changes: FileChange[] = Array.from({ length: n }, (_, i) => ({ task: `t${i}`, before: `/ws/t${i}.task.yaml`, beforeText: text(), afterHash: 'h', ...(next() < 0.3 ? { edit: { fields: { tags: [text()] }, via: 'splice' } } : {}) }));
  return { state: 'complete', id, who: 'alice', when: '2026-01-01T00:00:00.000Z', operation: 'tags', title: 'Modify Tags', kind: next() < 0.5 ? 'submit' : 'other', parameters: { note: text() }, results: changes.map((c) => ({ task: c.task, status: 'succeeded', reason: text() })), changes };
}

describe('a record listed without its changes', function () {
  it('is the record parsed whole less its changes, with their count: 300 random records, in each of the layouts a batch writes', function () {
    this.timeout(60_000);
    let seed = 11;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-summary-')), 'ws');
    mkdirSync(recordsDir(root), { recursive: true });
    for (let n = 0; n < 300; n++) {
      const id = `20260101-${String(n).padStart(9, '0')}-tags-1-aaaa`;
      const r = record(id, Math.floor(next() * 5), next);
      const file = join(recordsDir(root), `${id}.json`);
      // The changes as their own piece (a batch's intent and complete record), in one piece, or indented by hand.
      const layout = n % 3;
      writeFileSync(file, layout === 0 ? recordText(r, JSON.stringify(r.changes)).join('') : layout === 1 ? recordText(r).join('') : JSON.stringify(r, null, 2));
      const whole = JSON.parse(readFileSync(file, 'utf8')) as BatchRecord;
      const { changes, ...rest } = whole;
      assert.deepEqual(readRecordSummary(file), { ...rest, changeCount: changes.length }, `record ${n}`);
    }
    assert.equal(listRecordSummaries(root).length, 300);
    assert.equal(listRecordSummaries(root, 'submit').length + listRecordSummaries(root, 'other').length, 300);
  });

  it('a record that does not read is named as before, whatever the cut makes of it', function () {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-summary-')), 'ws');
    mkdirSync(recordsDir(root), { recursive: true });
    const write = (id: string, text: string) => writeFileSync(join(recordsDir(root), `${id}.json`), text);
    const good = { id: 'a', who: 'w', when: 'n', operation: 'o', title: 't', kind: 'other', parameters: {}, results: [] };
    write('a', JSON.stringify({ ...good, changes: [] }));
    write('b', JSON.stringify({ ...good, id: 'b', changes: null }));
    write('c', JSON.stringify({ ...good, id: 'c' }));
    write('d', `${JSON.stringify({ ...good, id: 'd', changes: [] })} trailing`);
    write('e', JSON.stringify({ ...good, id: 'other', changes: [] }));
    write('f', '{"id":"f","changes":[{"task":"t","before":"/x","beforeText":"unterminated');
    const malformed: string[] = [];
    const listed = listRecordSummaries(root, undefined, (file, reason) => malformed.push(`${file.slice(-6)}: ${reason}`));
    assert.deepEqual(listed.map((r) => r.id), ['a']);
    assert.deepEqual(malformed.map((m) => m.slice(0, 7)), ['b.json:', 'c.json:', 'd.json:', 'e.json:', 'f.json:']);
    assert.match(malformed[0]!, /"changes" is not a list of file changes/);
    assert.match(malformed[3]!, /"id" is not the file's name/);
  });

  it('a record whose changes were damaged by hand lists, and is named when it is read whole (revert --record)', function () {
    const root = copyOfSamples();
    mkdirSync(recordsDir(root), { recursive: true });
    const id = '20260101-000000000-tags-1-aaaa';
    const good = { id, who: 'alice', when: '2026-01-01T00:00:00.000Z', operation: 'tags', title: 'Modify Tags', kind: 'other', parameters: {}, results: [{ task: 't1', status: 'succeeded', reason: '' }] };
    writeFileSync(join(recordsDir(root), `${id}.json`), `${JSON.stringify(good).slice(0, -1)},"changes":[{"task":1}, oops]}`);
    assert.deepEqual(listRecordSummaries(root).map((r) => [r.id, r.changeCount]), [[id, 2]]);
    const run = nightshift('revert', root, '--record', id, '--as', 'alice');
    assert.equal(run.code, 2);
    assert.match(run.stderr, new RegExp(`${id}\\.json: not a batch record \\(Unexpected token`));
  });
});
