import { strict as assert } from 'node:assert';
import { readPending } from '../../src/core/operations/pendingList';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { startWorker, tempFiles, twoProjects } from './reliabilityFixtures';

describe('two batches at once lose no update', function () {
  this.timeout(300_000);

  it('two tag appends over the same 200 tasks, 5 rounds: every task has both tags, or one batch says it failed', async () => {
    const root = twoProjects(200);
    let lost = 0;
    let conflicts = 0;
    for (let round = 0; round < 5; round++) {
      const a = startWorker(root, 'tags-append', `a${round}`);
      const b = startWorker(root, 'tags-append', `b${round}`);
      const [ra, rb] = await Promise.all([a.results, b.results]);
      assert.ok(ra && rb, 'a worker crashed');
      const index = loadWorkspace(root);
      for (const task of index.tasks()) {
        const id = task.data.id;
        for (const [tag, results] of [[`a${round}`, ra], [`b${round}`, rb]] as const) {
          const result = results.find((r) => r.task === id)!;
          const has = task.data.tags.includes(tag);
          if (result.status === 'succeeded' && !has) lost++;
          if (result.status === 'failed') {
            assert.match(result.reason, /changed on disk since it was read/);
            assert.ok(!has, 'a failed task got the tag anyway');
            conflicts++;
          }
        }
      }
    }
    assert.equal(lost, 0, `${lost} updates reported as succeeded were lost`);
    assert.deepEqual(tempFiles(root), []);
    process.stdout.write(`      (${conflicts} of 2,000 task results were refused as changed since read; none lost)\n`);
  });

  it('four unpublish batches at once into one pending list, 5 rounds: every entry kept', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    let lost = 0;
    for (let round = 0; round < 5; round++) {
      const root = twoProjects(80);
      // Unpublish needs published tasks.
      for (const task of loadWorkspace(root).tasks()) writeFileSync(task.file, readFileSync(task.file, 'utf8').replace('published: false', 'published: true').replace('status: draft', 'status: submitted'));
      const ids = (from: number) => Array.from({ length: 20 }, (_, i) => `t${String(from + i).padStart(3, '0')}`).join(',');
      const workers = [0, 20, 40, 60].map((from) => startWorker(root, 'unpublish', '-', ids(from)));
      const results = (await Promise.all(workers.map((w) => w.results))).flat();
      assert.ok(results.every((r) => r?.status === 'succeeded'), JSON.stringify(results.find((r) => r?.status !== 'succeeded')));
      const project = loadWorkspace(root).projects().find((p) => p.config.project === 'fin')!;
      lost += 80 - readPending(project.dir).length;
    }
    assert.equal(lost, 0, `${lost} of 400 pending entries lost`);
  });
});
