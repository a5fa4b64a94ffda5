import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interruptedRecords } from '../../src/core/operations/batchRecovery';
import { listRecords, recordsDir } from '../../src/core/operations/batchRecords';
import { runBatch } from '../../src/core/operations/batchRunner';
import { modifyTagsOperation } from '../../src/core/operations/fieldOperations';
import { LockStore } from '../../src/core/operations/lockStore';
import { recordStateOf } from '../../src/core/operations/recordFields';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { copyOfSamples } from './fixtures';

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nightshift-state-')), 'r.json');
  writeFileSync(path, text);
  return path;
}

/** A record as the batches before "state" came first wrote it: the results, the state, then the changes. */
function oldLayout(id: string, state: string, host = 'elsewhere', bigText = ''): string {
  return `{"id":"${id}","who":"alice","when":"2026-01-01T00:00:00.000Z","operation":"tags","title":"Modify Tags","kind":"other","parameters":{"state":"complete"},"results":[{"task":"t1","status":"succeeded","reason":"a \\"state\\":\\"complete\\" in text"}],"state":"${state}","pid":999999,"host":"${host}","changes":[{"task":"t1","before":"/x","beforeText":"${bigText}"}]}\n`;
}

describe('a record\'s state, read only as far as it', function () {
  it('reads the top-level "state" wherever it is, and only that one', function () {
    assert.equal(recordStateOf(file('{"state":"complete","id":"x"}')), 'complete');
    assert.equal(recordStateOf(file('{\n  "state" : "intent",\n  "id": "x"\n}\n')), 'intent');
    assert.equal(recordStateOf(file(oldLayout('x', 'intent'))), 'intent');
    // Escapes read as JSON reads them.
    assert.equal(recordStateOf(file('{"st\\u0061te":"\\u0063omplete"}')), 'complete');
    assert.equal(recordStateOf(file('{"sta\\"te":"intent","state":"complete"}')), 'complete');
    // "state" inside parameters and inside a string is not the record's.
    assert.equal(recordStateOf(file('{"parameters":{"state":"intent"},"reason":"\\"state\\":\\"intent\\"","changes":[{"state":"intent"}]}')), 'none');
    // Past the first 64 KB read: the scan goes on, chunk by chunk.
    assert.equal(recordStateOf(file(`{"results":["${'é'.repeat(100_000)}"],"state":"intent"}`)), 'intent');
  });

  it('says unknown (the whole file is then parsed) for what it cannot read plainly', function () {
    for (const text of ['', '[]', '{"state":', '{"state":null}', '{"state":"done"}', '{"state":"intent\\u0000"}', 'hello', '{"id":"x"']) {
      assert.equal(recordStateOf(file(text)), 'unknown', text);
    }
    assert.equal(recordStateOf(join(tmpdir(), 'nightshift-no-such-record.json')), 'unknown');
  });

  it('a batch writes its state first; interrupted batches are found without parsing complete records', async function () {
    const root = copyOfSamples();
    const index = loadWorkspace(root);
    const done = await runBatch(modifyTagsOperation('append', ['x']), [...index.tasks()].slice(0, 3), { index, user: 'alice', now: new Date() }, { root, locks: new LockStore() });
    const written = readFileSync(join(recordsDir(root), `${done.id}.json`), 'utf8');
    assert.match(written, /^\{"state":"complete","id":/);
    // A complete record whose rest does not parse is not read past its state (listing all records reports it malformed).
    writeFileSync(join(recordsDir(root), '20260101-000000000-tags-1-aaaa.json'), '{"state":"complete", this is not JSON');
    // Records in the layout before, one interrupted elsewhere and one complete, and a hand-formatted intent.
    writeFileSync(join(recordsDir(root), '20260101-000000000-tags-2-bbbb.json'), oldLayout('20260101-000000000-tags-2-bbbb', 'intent'));
    writeFileSync(join(recordsDir(root), '20260101-000000000-tags-3-cccc.json'), oldLayout('20260101-000000000-tags-3-cccc', 'complete'));
    const pretty = JSON.parse(oldLayout('20260101-000000000-tags-4-dddd', 'intent')) as Record<string, unknown>;
    writeFileSync(join(recordsDir(root), '20260101-000000000-tags-4-dddd.json'), JSON.stringify(pretty, null, 2));
    assert.deepEqual(
      interruptedRecords(root).map((r) => r.id),
      ['20260101-000000000-tags-2-bbbb', '20260101-000000000-tags-4-dddd'],
    );
    assert.ok(!listRecords(root).some((r) => r.id === '20260101-000000000-tags-1-aaaa'));
  });

  it('an interrupted record in a folder of large complete ones is found', function () {
    const root = join(mkdtempSync(join(tmpdir(), 'nightshift-state-')), 'ws');
    mkdirSync(recordsDir(root), { recursive: true });
    const big = 'x'.repeat(1_000_000);
    for (let i = 0; i < 5; i++) {
      const id = `20260101-00000000${i}-tags-1-aaaa`;
      writeFileSync(join(recordsDir(root), `${id}.json`), `{"state":"complete",${oldLayout(id, 'complete', 'elsewhere', big).slice(1)}`);
    }
    writeFileSync(join(recordsDir(root), '20260102-000000000-tags-1-bbbb.json'), oldLayout('20260102-000000000-tags-1-bbbb', 'intent', 'elsewhere', big));
    assert.deepEqual(interruptedRecords(root).map((r) => r.id), ['20260102-000000000-tags-1-bbbb']);
  });
});

/** A small random JSON value: nested objects and lists, strings with quotes, escapes and other scripts, "state" keys below the top. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = Math.floor(next() * (depth > 3 ? 4 : 7));
  const strings = ['state', 'intent', 'complete', '"state":"intent"', 'a\\"b', '\u72b6\u6001', '\u{1f600}', '\n\t', ''];
  if (pick === 0) return strings[Math.floor(next() * strings.length)];
  if (pick === 1) return Math.floor(next() * 1000);
  if (pick === 2) return next() < 0.5 ? null : true;
  if (pick === 3) return strings[Math.floor(next() * strings.length)]!.repeat(Math.floor(next() * 3));
  if (pick === 4) return Array.from({ length: Math.floor(next() * 4) }, () => randomValue(next, depth + 1));
  return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [strings[Math.floor(next() * strings.length)]!, randomValue(next, depth + 1)]));
}

describe('a record\'s state against JSON.parse', function () {
  it('agrees with JSON.parse on 3,000 random records, compact and indented, and never misses an intent', function () {
    this.timeout(60_000);
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const dir = mkdtempSync(join(tmpdir(), 'nightshift-state-'));
    for (let n = 0; n < 3000; n++) {
      const record = randomValue(next, 1) as Record<string, unknown>;
      const object = typeof record === 'object' && record !== null && !Array.isArray(record) ? record : { results: record };
      const roll = next();
      if (roll < 0.3) object.state = 'intent';
      else if (roll < 0.6) object.state = 'complete';
      else if (roll < 0.7) object.state = randomValue(next, 3);
      const path = join(dir, `${n}.json`);
      writeFileSync(path, JSON.stringify(object, null, n % 2 ? 2 : undefined));
      const parsed = (JSON.parse(readFileSync(path, 'utf8')) as { state?: unknown }).state;
      const scanned = recordStateOf(path);
      const expected = parsed === undefined ? 'none' : parsed === 'intent' || parsed === 'complete' ? parsed : 'unknown';
      assert.equal(scanned, expected, `${n}: ${readFileSync(path, 'utf8')}`);
    }
  });
});
