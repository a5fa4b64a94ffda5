import * as l10n from '@vscode/l10n';
import { buildOperation, OperationArgumentError } from '../core/operations/operationArguments';
import { OPERATIONS, operationByVerb, type OperationKey } from '../core/operations/operationCatalog';
import { runBatch } from '../core/operations/batchRunner';
import { LockStore } from '../core/operations/lockStore';
import { selectByFolder, selectByIds } from '../core/operations/taskSelection';
import { resolveProjectFolder } from '../core/workspace/projectFolderArgument';
import type { TaskOperation } from '../core/operations/taskOperation';
import type { Task } from '../core/workspace/workspaceModel';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { dryRunResults, writeBatchResults } from './batchOutput';
import { basicScheduleFlags, SCHEDULE_FLAGS, wholeNumber } from './scheduleFlags';
import { UsageError } from './usageError';
import { commaList, parseWorkspaceArgs } from './workspaceArgs';

export const OPERATION_COMMANDS: readonly string[] = OPERATIONS.map((o) => o.cliVerb);

const OPTIONS = {
  ...SCHEDULE_FLAGS,
  tasks: { type: 'string' },
  folder: { type: 'string' },
  recursive: { type: 'boolean' },
  as: { type: 'string' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  'lock-dir': { type: 'string' },
  owner: { type: 'string' },
  mode: { type: 'string' },
  tag: { type: 'string', multiple: true },
  to: { type: 'string' },
  conditional: { type: 'string' },
  'effective-from': { type: 'string' },
  'effective-to': { type: 'string' },
  'start-time': { type: 'string' },
  add: { type: 'string', multiple: true },
  remove: { type: 'string', multiple: true },
  edit: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  'rerun-times': { type: 'string' },
  'rerun-interval': { type: 'string' },
  'no-rerun': { type: 'boolean' },
  version: { type: 'string' },
  remark: { type: 'string' },
  template: { type: 'string' },
  name: { type: 'string' },
  'target-folder': { type: 'string' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

export async function runOperation(command: string, args: string[]): Promise<number> {
  const parsed = parseWorkspaceArgs(args, OPTIONS);
  const values = parsed.values as Values;
  if (!values.as) throw new UsageError(l10n.t('missing --as <user> (who performs the operation)'));
  if (!values.tasks === !values.folder) throw new UsageError(l10n.t('give the tasks with --tasks <ids> or --folder <project>/<folder> (one of them)'));
  const index = parsed.load();
  const tasks = selectTasks(index, values);
  const key = operationByVerb(command)!.key as OperationKey;
  let operation: TaskOperation;
  try {
    operation = buildOperation(key, operationArguments(key, values, index), tasks);
  } catch (error) {
    if (error instanceof OperationArgumentError) throw new UsageError(error.problems.map((p) => `${p}`).join('; '));
    throw error;
  }
  const context = { index, user: values.as, now: new Date() };
  const locks = new LockStore(values['lock-dir']);
  const results = values['dry-run'] ? dryRunResults(operation, tasks, context, locks) : (await runBatch(operation, tasks, context, { root: parsed.dir, locks })).results;
  return writeBatchResults(operation.name, operation.title, results, { json: !!values.json, dryRun: !!values['dry-run'] });
}

function selectTasks(index: WorkspaceIndex, values: Values): Task[] {
  if (values.tasks) {
    const { tasks, unknown } = selectByIds(index, commaList(values.tasks)!);
    if (unknown.length) throw new UsageError(l10n.t('no task has the id {0}', unknown.map((u) => `"${u}"`).join(', ')));
    return tasks;
  }
  const where = resolveProjectFolder(index, values.folder!);
  if ('error' in where) throw new UsageError(l10n.t('--folder "{0}": {1}', values.folder!, where.error));
  const tasks = selectByFolder(index, where.projectDir, where.folder, !!values.recursive);
  if (!tasks) throw new UsageError(l10n.t('--folder "{0}": {1}', values.folder!, l10n.t('no such folder')));
  return tasks;
}

const int = wholeNumber;

function need(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(l10n.t('missing --{0}', flag));
  return value;
}

/** The flags of one verb as the catalog's arguments for it; the schema then checks them as it checks a dialog's. */
function operationArguments(key: OperationKey, v: Values, index: WorkspaceIndex): unknown {
  switch (key) {
    case 'acquireLock':
      return {};
    case 'changeOwner':
      return { owner: need(v.owner, 'owner') };
    case 'modifyTags':
      return { mode: need(v.mode, 'mode replace|append'), tags: (v.tag ?? []).flatMap((t) => t.split(',')) };
    case 'moveTasks': {
      const where = resolveProjectFolder(index, need(v.to, 'to <project>/<folder>'));
      if ('error' in where) throw new UsageError(l10n.t('--to "{0}": {1}', v.to!, where.error));
      return { projectDir: where.projectDir, folder: where.folder };
    }
    case 'configureSchedule': {
      const basic = basicScheduleFlags(v);
      if (v.conditional !== undefined && v.conditional !== 'on' && v.conditional !== 'off') throw new UsageError(l10n.t('--conditional must be on or off'));
      return {
        ...(basic ? { basic } : {}),
        ...(v.conditional !== undefined ? { conditional: { enabled: v.conditional === 'on', ...(v['start-time'] ? { startTime: v['start-time'] } : {}) } } : {}),
        ...(v['effective-from'] !== undefined || v['effective-to'] !== undefined
          ? { effective: { ...(v['effective-from'] ? { from: v['effective-from'] } : {}), ...(v['effective-to'] ? { to: v['effective-to'] } : {}) } }
          : {}),
      };
    }
    case 'configureDependencies': {
      // <id>[:same|previous|last24h[:<policy>]]; Dataphin's N days back as previous-N.
      const spec = (s: string) => {
        const [task, window = 'same', policy] = s.split(':');
        const back = /^previous-(\d+)$/.exec(window);
        return { task, cycle: back ? 'previous' : window, ...(back ? { daysBack: Number(back[1]) } : {}), ...(policy ? { policy } : {}) };
      };
      return { add: (v.add ?? []).map(spec), remove: v.remove ?? [], edit: (v.edit ?? []).map(spec) };
    }
    case 'configureParameters': {
      const values: Record<string, string> = {};
      for (const s of v.set ?? []) {
        const eq = s.indexOf('=');
        if (eq <= 0) throw new UsageError(l10n.t('--set "{0}": write name=value', s));
        values[s.slice(0, eq)] = s.slice(eq + 1);
      }
      if (Object.keys(values).length === 0) throw new UsageError(l10n.t('missing --set name=value'));
      return { values };
    }
    case 'configureRun': {
      const times = int(v['rerun-times'], 'rerun-times');
      const interval = int(v['rerun-interval'], 'rerun-interval');
      if ((times === undefined) !== (interval === undefined)) throw new UsageError(l10n.t('give --rerun-times and --rerun-interval together'));
      const timeout = int(v.timeout, 'timeout');
      return {
        ...(timeout !== undefined ? { timeoutMinutes: timeout } : {}),
        ...(v['no-rerun'] ? { autoRerun: null } : times !== undefined ? { autoRerun: { times, intervalMinutes: interval } } : {}),
      };
    }
    case 'modifyTemplateVersion':
      return { version: int(need(v.version, 'version'), 'version') };
    case 'submitTasks':
    case 'unpublish':
    case 'unpublishAndDelete':
      return { remark: v.remark ?? '' };
    case 'deleteTasks':
      return { remark: need(v.remark, 'remark') };
    case 'modifyProjectOwnership': {
      const to = need(v.to, 'to <project>');
      const target = resolveProjectFolder(index, to);
      if ('error' in target || target.folder !== '') throw new UsageError(l10n.t('--to "{0}": {1}', to, 'error' in target ? target.error : l10n.t('name a project, and its folder with --target-folder')));
      let template: { name: string; version: number | undefined } | undefined;
      if (v.template) {
        const [name, version] = v.template.split(':');
        template = { name: name!, version: int(version, 'template <name>:<version>') };
      }
      return { projectDir: target.projectDir, ...(v['target-folder'] ? { folder: v['target-folder'] } : {}), ...(template ? { template } : {}), ...(v.name ? { name: v.name } : {}) };
    }
  }
}
