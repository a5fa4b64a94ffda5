import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { nightshift } from './fixtures';

/** samples/dataphin: the pages' examples in a project as a user writes one. */
describe('the Dataphin sample project', function () {
  this.timeout(60_000);
  const root = join(__dirname, '../../samples/dataphin');

  it('validates clean, and its preview gives the pages\' answers with Dataphin\'s parameters', () => {
    assert.equal(nightshift('validate', root).code, 0);
    const out = nightshift('preview', root, '--date', '2024-03-02', '--json');
    assert.equal(out.code, 0, out.stderr);
    const byId = new Map((JSON.parse(out.stdout) as { instances: { id: string; upstream: string[]; params: Record<string, string> }[] }).instances.map((i) => [i.id, i]));
    const at = (id: string) => byId.get(id)!;
    // H3: hourly at :05 on hourly on the hour, nearest at or after.
    assert.deepEqual(at('30002@2024-03-02T00:05').upstream, ['30001@2024-03-02T01:00']);
    // H4: hourly at :15 on every 4 hours.
    for (const h of ['00', '01', '02', '03']) assert.deepEqual(at(`30004@2024-03-02T${h}:15`).upstream, ['30003@2024-03-02T04:00']);
    // D2: daily at 05:01 on a self-dependent hourly task.
    assert.deepEqual(at('30005@2024-03-02T05:01').upstream, ['30001@2024-03-02T06:00']);
    // The last 24 hours, and 7 days back.
    assert.equal(at('30006@2024-03-02T05:00').upstream.length, 24);
    assert.deepEqual(at('30007@2024-03-02T06:00').upstream, ['30005@2024-03-02T05:01', '30005@2024-02-24T05:01']);
    assert.deepEqual(at('30002@2024-03-02T00:05').params, { dt: '20240301', region: 'cn-hangzhou' });
    assert.deepEqual(at('30005@2024-03-02T05:01').params, { dt: '20240301', month: '2024-02' });
  });
});
