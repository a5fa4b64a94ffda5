import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { taskListQuerySchema, type TaskListQuery } from '../../src/core/taskList/taskListQuery';
import { TaskListSession } from '../../src/core/taskList/taskListSession';
import { TaskRowCache } from '../../src/core/taskList/taskRowCache';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';

const SAMPLES = join(__dirname, '../../samples/warehouse');
const index = loadWorkspace(SAMPLES);
const finance = index.projects().find((p) => p.config.project === 'finance_dw')!;
const NOW = new Date('2026-11-21T12:00:00Z');

function ids(query: Partial<TaskListQuery> & Record<string, unknown>, user = 'alice'): string[] {
  const session = new TaskListSession(() => index, () => ({ user, now: NOW }));
  const total = session.setQuery(taskListQuerySchema.parse({ sort: { column: 'id', direction: 'asc' }, ...query }));
  const rows = session.window(0, 1000);
  assert.equal(rows.length, total);
  return rows.map((r) => r.id);
}

describe('task list: filters, sorting and windows (src/core/taskList)', () => {
  it('with the defaults lists every task, most recently modified first', () => {
    const session = new TaskListSession(() => index, () => ({ user: 'alice', now: NOW }));
    assert.equal(session.setQuery(taskListQuerySchema.parse({})), 41);
    const first = session.window(0, 3).map((r) => r.updatedAt);
    assert.deepEqual(first, ['2026-11-20T09:15:00Z', '2026-11-20T09:15:00Z', '2026-11-20T09:15:00Z']);
    assert.equal(session.window(40, 10).length, 1);
  });

  it('shares the window\'s rows between panels, sorted once, until their owner drops them', () => {
    const load = () => loadWorkspace(SAMPLES);
    let current = load();
    const shared = new TaskRowCache(() => current);
    const sort = taskListQuerySchema.parse({}).sort;
    const sorted = shared.inOrder(sort);
    const session = () => new TaskListSession(() => current, () => ({ user: 'alice', now: NOW }), shared);
    const a = session();
    a.setQuery(taskListQuerySchema.parse({}));
    assert.equal(shared.inOrder(sort), sorted, 'a panel opened later starts from the rows built ahead');
    assert.deepEqual(a.matchingIds(), sorted.map((r) => r.id));
    // A session does not drop rows it does not own; the owner does, and the next list has the change.
    current = load();
    current.deleteFile(current.task('10001')!.file);
    a.invalidate();
    assert.equal(shared.inOrder(sort), sorted);
    shared.invalidate();
    const b = session();
    assert.equal(b.setQuery(taskListQuerySchema.parse({})), 40);
  });

  it('searches by task id or name, case-insensitively', () => {
    assert.deepEqual(ids({ search: '1000' }), ['10001', '10002', '10003', '10004', '10005', '10006', '10007', '10008', '10009']);
    assert.deepEqual(ids({ search: 'ORDERS_' }), ['10003', '10004', '10006', '10013']);
    assert.deepEqual(ids({ search: '  fx_daily ' }), ['10017']);
  });

  it('typing and erasing in the search box gives, at each keystroke, what a fresh list gives (a result narrows the last it extends)', () => {
    let user = 'alice';
    const session = new TaskListSession(() => index, () => ({ user, now: NOW }));
    const steps: Partial<TaskListQuery>[] = [
      ...['d', 'dw', 'dws', 'dws_', 'dws', 'dw', 'd', ''].map((search) => ({ search })),
      { search: 'ods', types: ['SQL'] },
      { search: 'ods_', types: ['SQL'] },
      { search: 'ods_', types: ['Shell'] },
      { search: ' ODS ' },
      { search: 'ods', mine: true },
    ];
    for (const [i, step] of steps.entries()) {
      const query = taskListQuerySchema.parse({ sort: { column: 'id', direction: 'asc' }, ...step });
      session.setQuery(query);
      assert.deepEqual(session.matchingIds(), ids(step, user), `step ${i}: ${JSON.stringify(step)}`);
    }
    // "Mine" for another user is another result, not the one kept for alice.
    user = 'dave';
    session.setQuery(taskListQuerySchema.parse({ sort: { column: 'id', direction: 'asc' }, search: 'ods', mine: true }));
    assert.deepEqual(session.matchingIds(), ids({ search: 'ods', mine: true }, 'dave'));
  });

  it('"Developed by me" keeps the current user\'s tasks', () => {
    assert.deepEqual(ids({ mine: true }, 'dave'), ['10009', '10010', '10019', '10020', '10023', '10025']);
  });

  it('filters by type, method, owner, submission, template, status, recurrence and O&M owner', () => {
    assert.deepEqual(ids({ types: ['Shell'] }), ['10012', '10014', '10023', '20006', '20013']);
    assert.deepEqual(ids({ methods: ['paused', 'one-time'] }), ['10014', '10015', '20012', '20013']);
    assert.deepEqual(ids({ owners: ['erin'], cycles: ['hour'] }), ['20001']);
    assert.deepEqual(ids({ submissions: ['failed', 'warning'] }), ['10004', '10007', '10024', '20005']);
    assert.deepEqual(ids({ templates: ['py_clean_tpl'] }), ['10011', '10016']);
    assert.deepEqual(ids({ statuses: ['draft'] }), ['10015', '10021', '20011', '20012']);
    assert.deepEqual(ids({ cycles: ['minute'] }), ['10003', '10019', '10025', '20006']);
    assert.deepEqual(ids({ opsOwners: ['dave'], types: ['SQL'] }), ['10008', '10009', '10019', '10020']);
  });

  it('filters by output table, published and conditional scheduling', () => {
    assert.deepEqual(ids({ outputTable: 'REVENUE' }), ['10008', '10009', '10010']);
    assert.deepEqual(ids({ published: 'no', types: ['Python'] }), ['10015', '20011']);
    assert.deepEqual(ids({ conditional: 'yes' }), ['10022']);
    assert.equal(ids({ conditional: 'no' }).length, 40);
  });

  it('filters by creation dates and last modified (3 days, 7 days, a month, a custom range)', () => {
    assert.deepEqual(ids({ created: { from: '2026-10-01', to: '2026-10-22' } }), ['10008', '20003', '20013']);
    assert.equal(ids({ modified: '3d' }).length, 14);
    assert.equal(ids({ modified: '7d' }).length, 21);
    assert.equal(ids({ modified: '1m' }).length, 35);
    assert.deepEqual(ids({ modified: 'custom', modifiedRange: { from: '2026-09-12', to: '2026-09-12' } }), ['10006', '10012', '10018', '10024', '20005', '20011']);
    // A custom choice without dates filters nothing.
    assert.equal(ids({ modified: 'custom' }).length, 41);
  });

  it('filters by several tags (any of them)', () => {
    assert.deepEqual(ids({ tags: ['board', 'roi'] }), ['10023', '20008']);
  });

  it('filters by location folder, with or without its subfolders', () => {
    assert.deepEqual(ids({ folder: { projectDir: finance.dir, path: 'ods', includeSubfolders: false } }), ['10015', '10016', '10019', '10025']);
    assert.deepEqual(ids({ folder: { projectDir: finance.dir, path: 'ods', includeSubfolders: true } }), ['10001', '10003', '10005', '10015', '10016', '10019', '10025']);
    assert.equal(ids({ folder: { projectDir: finance.dir, path: '', includeSubfolders: true } }).length, 25);
    assert.deepEqual(ids({ folder: { projectDir: finance.dir, path: '', includeSubfolders: false } }), ['10021']);
  });

  it('sorts by any column both ways, ties by name', () => {
    assert.deepEqual(ids({ sort: { column: 'id', direction: 'desc' }, search: '1001' }), ['10019', '10018', '10017', '10016', '10015', '10014', '10013', '10012', '10011', '10010']);
    const byCycle = ids({ sort: { column: 'cycle', direction: 'asc' }, folder: { projectDir: finance.dir, path: 'ads', includeSubfolders: false } });
    assert.deepEqual(byCycle, ['10023', '10009', '10012', '10010', '10011']);
    const byName = new TaskListSession(() => index, () => ({ user: 'alice', now: NOW }));
    byName.setQuery(taskListQuerySchema.parse({ sort: { column: 'name', direction: 'asc' } }));
    assert.deepEqual(byName.window(0, 3).map((r) => r.name), ['ads_board_report', 'ads_month_end_check', 'ads_quarter_close']);
  });

  it('offers every declared and used value as a filter option, folders with their ancestors', () => {
    const session = new TaskListSession(() => index, () => ({ user: 'alice', now: NOW }));
    const facets = session.facets();
    assert.deepEqual(facets.types, ['Python', 'Shell', 'SQL']);
    assert.ok(facets.owners.includes('dave') && facets.owners.includes('erin'));
    assert.deepEqual(facets.templates.includes('mail_tpl'), true);
    const financeFolders = facets.folders.filter((f) => f.project === 'finance_dw').map((f) => f.path);
    assert.deepEqual(financeFolders, ['', 'ads', 'dwd', 'dwd/orders', 'dws', 'dws/daily', 'dws/reports', 'ods', 'ods/logs', 'ods/orders']);
  });

  it('rejects a malformed query instead of guessing', () => {
    assert.throws(() => taskListQuerySchema.parse({ methods: ['sometimes'] }));
    assert.throws(() => taskListQuerySchema.parse({ created: { from: '21/11/2026' } }));
    assert.throws(() => taskListQuerySchema.parse({ sort: { column: 'colour', direction: 'asc' } }));
  });
});
