import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordsDir, type BatchRecord } from '../../src/core/operations/batchRecords';
import { newestRecord, recordById, revertedIds } from '../../src/core/operations/recordLookup';
import { recordOperationOf } from '../../src/core/operations/recordFields';

function record(id: string, operation: string, extra: Partial<BatchRecord> = {}): BatchRecord {
  return { state: 'complete', id, who: 'alice', when: '2026-01-01T00:00:00.000Z', operation, title: operation, kind: 'other', parameters: {}, results: [], changes: [{ task: 't1', before: '/x', beforeText: 'a' }], ...extra };
}

/** A records folder; a record given as a string is written as is (not JSON: reading it would fail). */
function folder(records: (BatchRecord | [string, string])[]): string {
  const root = join(mkdtempSync(join(tmpdir(), 'nightshift-lookup-')), 'ws');
  mkdirSync(recordsDir(root), { recursive: true });
  for (const r of records) {
    const [id, text] = Array.isArray(r) ? r : [r.id, JSON.stringify(r)];
    writeFileSync(join(recordsDir(root), `${id}.json`), text);
  }
  return root;
}

describe('finding a record without reading them all', function () {
  it('the newest record taken, reading newest first: records after it, and older ones, are not parsed', function () {
    // The oldest is not JSON past its operation: reading it would leave it out, and the newest that
    // is not a revert is found before it.
    const root = folder([
      ['20260101-000000001-tags-1-aaaa', '{"state":"complete","id":"20260101-000000001-tags-1-aaaa","operation":"tags", broken'],
      record('20260101-000000002-tags-1-bbbb', 'tags'),
      record('20260101-000000003-revert-1-cccc', 'revert', { parameters: { record: '20260101-000000002-tags-1-bbbb' } }),
      ['20260101-000000004-revert-1-dddd', '{"operation":"revert", broken'],
    ]);
    const read: string[] = [];
    const found = newestRecord(root, (r) => (read.push(r.id), r.operation !== 'revert'), { operations: ['revert'] });
    assert.equal(found?.id, '20260101-000000002-tags-1-bbbb');
    assert.deepEqual(read, ['20260101-000000002-tags-1-bbbb']);
    // Undone batches are passed over by id: none is left here.
    assert.deepEqual([...revertedIds(root)], ['20260101-000000002-tags-1-bbbb']);
    assert.equal(newestRecord(root, (r) => r.operation !== 'revert', { operations: ['revert'], ids: revertedIds(root) }), undefined);
  });

  it('a record by id is read only when the records folder lists it, so an id never leads elsewhere', function () {
    const root = folder([record('20260101-000000002-tags-1-bbbb', 'tags')]);
    writeFileSync(join(recordsDir(root), '..', 'outside.json'), JSON.stringify(record('outside', 'tags')));
    assert.equal(recordById(root, '20260101-000000002-tags-1-bbbb')?.operation, 'tags');
    assert.equal(recordById(root, '../outside'), undefined);
    assert.equal(recordById(root, 'missing'), undefined);
  });

  it('reads a record\'s operation wherever the key is, and says when it cannot', function () {
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-lookup-'));
    const op = (text: string) => {
      const file = join(dir, 'r.json');
      writeFileSync(file, text);
      return recordOperationOf(file);
    };
    assert.equal(op('{"state":"complete","id":"x","operation":"modify-tags","changes":[]}'), 'modify-tags');
    assert.equal(op('{"results":[{"operation":"revert"}],"operation":"tags"}'), 'tags');
    assert.equal(op('{"id":"x"}'), null);
    assert.equal(op('{"operation":7}'), undefined);
    assert.equal(op(`{"operation":"${'x'.repeat(200)}"}`), undefined);
    assert.equal(op('not json'), undefined);
  });
});
