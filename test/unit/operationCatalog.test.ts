import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { buildOperation, OperationArgumentError } from '../../src/core/operations/operationArguments';
import { commandTitle, OPERATIONS, type OperationKey } from '../../src/core/operations/operationCatalog';
import { OPERATION_COMMANDS } from '../../src/cli/operationCommand';
import { BATCH_ACTIONS, webviewMessageSchema } from '../../src/core/panel/panelProtocol';
import { BASIC_PROJECT, taskYaml, workspace } from './operationFixtures';

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string }[]> };
};
/** The manifest's `%key%` strings, as VS Code shows them in English. */
const english = JSON.parse(readFileSync(new URL('../../package.nls.json', import.meta.url), 'utf8')) as Record<string, string>;
const shown = (text: string) => text.replace(/^%(.+)%$/, (_m, key: string) => english[key] ?? `(missing ${key})`);

/** Arguments that build each operation, as a front end would gather them. */
const GOOD: Record<OperationKey, (projectDir: string) => unknown> = {
  submitTasks: () => ({ remark: 'first version' }),
  acquireLock: () => ({}),
  changeOwner: () => ({ owner: 'bob' }),
  modifyTags: () => ({ mode: 'append', tags: ['x'] }),
  moveTasks: (projectDir) => ({ projectDir, folder: 'dwd' }),
  configureSchedule: () => ({ basic: { cycle: 'week', weekdays: [1, 5], time: '02:00' } }),
  configureDependencies: () => ({ add: [{ task: '2' }] }),
  configureParameters: () => ({ values: { bizdate: '${yyyymmdd}' } }),
  configureRun: () => ({ autoRerun: { times: 2, intervalMinutes: 5 } }),
  modifyTemplateVersion: () => ({ version: 2 }),
  unpublish: () => ({}),
  unpublishAndDelete: () => ({ remark: 'gone' }),
  deleteTasks: () => ({ remark: 'gone' }),
  modifyProjectOwnership: (projectDir) => ({ projectDir }),
};

function problems(key: OperationKey, args: unknown): readonly string[] {
  try {
    buildOperation(key, args, []);
  } catch (error) {
    assert.ok(error instanceof OperationArgumentError, String(error));
    return error.problems;
  }
  assert.fail(`${key} accepted ${JSON.stringify(args)}`);
}

describe('the operation catalog', () => {
  it('package.json contributes every operation as nightshift.<key>, titled as the catalog says', () => {
    const commands = new Map(manifest.contributes.commands.map((c) => [c.command, shown(c.title)]));
    for (const o of OPERATIONS) assert.equal(commands.get(`nightshift.${o.key}`), commandTitle(o), `nightshift.${o.key}`);
  });

  it('every operation is in the tree\'s context menu', () => {
    const inTree = new Set(manifest.contributes.menus['view/item/context']!.map((m) => m.command));
    for (const o of OPERATIONS) assert.ok(inTree.has(`nightshift.${o.key}`), `nightshift.${o.key} is not in view/item/context`);
  });

  it('keys, record names and CLI verbs are unique; the CLI and the panel offer exactly the catalog', () => {
    for (const field of ['key', 'record', 'cliVerb', 'label'] as const) assert.equal(new Set(OPERATIONS.map((o) => o[field])).size, OPERATIONS.length, field);
    assert.deepEqual([...OPERATION_COMMANDS], OPERATIONS.map((o) => o.cliVerb));
    assert.deepEqual([...BATCH_ACTIONS], OPERATIONS.map((o) => o.key));
    assert.ok(webviewMessageSchema.safeParse({ type: 'batchAction', action: 'modifyTags', ids: ['1'] }).success);
    assert.ok(!webviewMessageSchema.safeParse({ type: 'batchAction', action: 'modify-tags', ids: ['1'] }).success);
  });

  it('an operation built from its arguments carries the catalog\'s record name and tab', () => {
    const ws = workspace({ 'fin/nightshift.yaml': BASIC_PROJECT, 'fin/tasks/a.task.yaml': taskYaml('1', 'a'), 'fin/tasks/b.task.yaml': taskYaml('2', 'b') });
    const tasks = [ws.index().task('1')!];
    for (const o of OPERATIONS) {
      const built = buildOperation(o.key, GOOD[o.key](`${ws.root}/fin`), tasks);
      assert.equal(built.name, o.record, o.key);
      assert.equal(built.recordKind, o.recordKind, o.key);
    }
  });

  it('refuses bad arguments field by field, the same for every front end', () => {
    assert.deepEqual(problems('changeOwner', { owner: '  ' }), ['owner: required']);
    assert.deepEqual(problems('modifyTags', { mode: 'append', tags: [' ', ''] }), ['tags: give at least one tag to append']);
    assert.match(problems('configureParameters', { values: { d: '$[yyyymmdd' } })[0]!, /^values\.d: /);
    assert.match(problems('configureParameters', { values: { '1x': 'v' } })[0]!, /parameter name/);
    assert.deepEqual(problems('configureRun', {}), ['set a timeout, auto-rerun, or both']);
    assert.match(problems('configureRun', { autoRerun: { times: 11, intervalMinutes: 5 } })[0]!, /^autoRerun\.times: /);
    assert.deepEqual(problems('configureSchedule', { effective: { from: '2026-12-02', to: '2026-12-01' } }), ['effective.to: the effective start is after its end']);
    assert.match(problems('configureSchedule', { conditional: { enabled: true, startTime: '25:00' } })[0]!, /^conditional\.startTime: write HH:mm/);
    assert.match(problems('configureSchedule', { basic: { cycle: 'week', weekdays: [8] } })[0]!, /^basic\.weekdays\.0: /);
    assert.match(problems('configureSchedule', { basic: { method: 'one-time' } })[0]!, /cannot make them one-time/);
    assert.deepEqual(problems('deleteTasks', { remark: ' ' }), ['remark: a remark is required']);
    assert.match(problems('unpublish', { remark: 'x'.repeat(129) })[0]!, /^remark: at most 128/);
    assert.match(problems('modifyTemplateVersion', { version: 1.5 })[0]!, /^version: a whole number/);
    assert.match(problems('acquireLock', { owner: 'bob' })[0]!, /owner/);
  });
});
