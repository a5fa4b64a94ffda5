import { configureDependenciesOperation, type Cycle } from '../core/operations/dependencyOperation';
import { moveTasksOperation } from '../core/operations/moveOperation';
import { modifyProjectOwnershipOperation } from '../core/operations/projectOwnershipOperation';
import { deleteTaskOperation, unpublishAndDeleteOperation, unpublishOperation } from '../core/operations/publishOperations';
import { configureScheduleOperation, type ScheduleSettings } from '../core/operations/scheduleOperation';
import {
  acquireLockOperation,
  changeOwnerOperation,
  configureParametersOperation,
  configureRunOperation,
  modifyTagsOperation,
  modifyTemplateVersionOperation,
} from '../core/operations/simpleOperations';
import { previewBatch, runBatch } from '../core/operations/batchRunner';
import { LockStore } from '../core/operations/lockStore';
import { selectByFolder, selectByIds } from '../core/operations/taskSelection';
import { resolveProjectFolder } from '../core/workspace/projectFolderArgument';
import type { TaskOperation } from '../core/operations/taskOperation';
import type { Task } from '../core/workspace/workspaceModel';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { writeBatchResults } from './batchOutput';
import { UsageError } from './usageError';
import { commaList, parseWorkspaceArgs } from './workspaceArgs';

export const OPERATION_COMMANDS = [
  'lock', 'owner', 'tags', 'move', 'schedule', 'dependencies', 'parameters', 'run',
  'template-version', 'unpublish', 'unpublish-delete', 'delete', 'project',
] as const;

const OPTIONS = {
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
  method: { type: 'string' },
  cycle: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  interval: { type: 'string' },
  time: { type: 'string' },
  weekdays: { type: 'string' },
  days: { type: 'string' },
  months: { type: 'string' },
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

export async function runOperation(command: (typeof OPERATION_COMMANDS)[number], args: string[]): Promise<number> {
  const parsed = parseWorkspaceArgs(args, OPTIONS);
  const values = parsed.values as Values;
  if (!values.as) throw new UsageError('missing --as <user> (who performs the operation)');
  if (!values.tasks === !values.folder) throw new UsageError('give the tasks with --tasks <ids> or --folder <project>/<folder> (one of them)');
  const index = parsed.load();
  const tasks = selectTasks(index, values);
  let operation: TaskOperation;
  try {
    operation = buildOperation(command, values, index, tasks);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const context = { index, user: values.as, now: new Date() };
  const locks = new LockStore(values['lock-dir']);
  const results = values['dry-run']
    ? previewBatch(operation, tasks, context, locks).map(({ task, decision }) => ({
        task: task.data.id,
        status: decision.status === 'change' ? 'succeeded' : decision.status,
        reason: decision.status === 'change' ? `would: ${decision.summary}` : decision.reason,
      }))
    : (await runBatch(operation, tasks, context, { root: parsed.dir, locks })).results;
  return writeBatchResults(operation.name, operation.title, results, { json: !!values.json, dryRun: !!values['dry-run'] });
}

function selectTasks(index: WorkspaceIndex, values: Values): Task[] {
  if (values.tasks) {
    const { tasks, unknown } = selectByIds(index, commaList(values.tasks)!);
    if (unknown.length) throw new UsageError(`no task has the id ${unknown.map((u) => `"${u}"`).join(', ')}`);
    return tasks;
  }
  const where = resolveProjectFolder(index, values.folder!);
  if ('error' in where) throw new UsageError(`--folder "${values.folder}": ${where.error}`);
  const tasks = selectByFolder(index, where.projectDir, where.folder, !!values.recursive);
  if (!tasks) throw new UsageError(`--folder "${values.folder}": no such folder`);
  return tasks;
}

function int(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${flag} "${value}" is not a whole number`);
  return n;
}

function need(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`missing --${flag}`);
  return value;
}

function buildOperation(command: (typeof OPERATION_COMMANDS)[number], v: Values, index: WorkspaceIndex, tasks: Task[]): TaskOperation {
  switch (command) {
    case 'lock':
      return acquireLockOperation();
    case 'owner':
      return changeOwnerOperation(need(v.owner, 'owner'));
    case 'tags': {
      const mode = need(v.mode, 'mode (replace or append)');
      if (mode !== 'replace' && mode !== 'append') throw new UsageError('--mode must be replace or append');
      return modifyTagsOperation(mode, (v.tag ?? []).flatMap((t) => t.split(',')));
    }
    case 'move': {
      const where = resolveProjectFolder(index, need(v.to, 'to <project>/<folder>'));
      if ('error' in where) throw new UsageError(`--to "${v.to}": ${where.error}`);
      return moveTasksOperation(where.projectDir, where.folder);
    }
    case 'schedule': {
      const basicGiven = ['method', 'cycle', 'start', 'end', 'interval', 'time', 'weekdays', 'days', 'months'].some((k) => v[k as keyof Values] !== undefined);
      const settings: ScheduleSettings = {};
      if (basicGiven) {
        const basic: Record<string, unknown> = {};
        if (v.method) basic.method = v.method;
        if (v.cycle) basic.cycle = v.cycle;
        if (v.start) basic.start = v.start;
        if (v.end) basic.end = v.end;
        if (v.interval) basic.interval = int(v.interval, 'interval');
        if (v.time) basic.time = v.time;
        if (v.weekdays) basic.weekdays = commaList(v.weekdays)!.map(Number);
        if (v.days) basic.days = commaList(v.days)!.map((d) => (d === 'L' ? 'L' : Number(d)));
        if (v.months) basic.months = commaList(v.months)!.map(Number);
        settings.basic = basic as ScheduleSettings['basic'];
      }
      if (v.conditional !== undefined) {
        if (v.conditional !== 'on' && v.conditional !== 'off') throw new UsageError('--conditional must be on or off');
        settings.conditional = { enabled: v.conditional === 'on', ...(v['start-time'] ? { startTime: v['start-time'] } : {}) };
      }
      if (v['effective-from'] !== undefined || v['effective-to'] !== undefined) {
        for (const flag of ['effective-from', 'effective-to'] as const) {
          if (v[flag] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v[flag]!)) throw new UsageError(`--${flag} "${v[flag]}": write YYYY-MM-DD`);
        }
        settings.effective = { ...(v['effective-from'] ? { from: v['effective-from'] } : {}), ...(v['effective-to'] ? { to: v['effective-to'] } : {}) };
      }
      return configureScheduleOperation(settings);
    }
    case 'dependencies': {
      const spec = (s: string): { task: string; cycle: Cycle } => {
        const [task, cycle = 'same'] = s.split(':');
        if (cycle !== 'same' && cycle !== 'previous') throw new UsageError(`"${s}": the cycle after ":" must be same or previous`);
        return { task: task!, cycle };
      };
      return configureDependenciesOperation({ add: (v.add ?? []).map(spec), remove: v.remove ?? [], edit: (v.edit ?? []).map(spec) }, tasks);
    }
    case 'parameters': {
      const values: Record<string, string> = {};
      for (const s of v.set ?? []) {
        const eq = s.indexOf('=');
        if (eq <= 0) throw new UsageError(`--set "${s}": write name=value`);
        values[s.slice(0, eq)] = s.slice(eq + 1);
      }
      if (Object.keys(values).length === 0) throw new UsageError('missing --set name=value');
      return configureParametersOperation(values);
    }
    case 'run': {
      const times = int(v['rerun-times'], 'rerun-times');
      const interval = int(v['rerun-interval'], 'rerun-interval');
      if ((times === undefined) !== (interval === undefined)) throw new UsageError('give --rerun-times and --rerun-interval together');
      const timeout = int(v.timeout, 'timeout');
      return configureRunOperation({
        ...(timeout !== undefined ? { timeoutMinutes: timeout } : {}),
        ...(v['no-rerun'] ? { autoRerun: null } : times !== undefined ? { autoRerun: { times, intervalMinutes: interval! } } : {}),
      });
    }
    case 'template-version':
      return modifyTemplateVersionOperation(int(need(v.version, 'version'), 'version')!);
    case 'unpublish':
      return unpublishOperation(v.remark ?? '', tasks);
    case 'unpublish-delete':
      return unpublishAndDeleteOperation(v.remark ?? '', tasks);
    case 'delete':
      return deleteTaskOperation(need(v.remark, 'remark'), tasks);
    case 'project': {
      const to = need(v.to, 'to <project>');
      const target = resolveProjectFolder(index, to);
      if ('error' in target || target.folder !== '') throw new UsageError(`--to "${to}": ${'error' in target ? target.error : 'name a project, and its folder with --target-folder'}`);
      const project = index.project(target.projectDir)!;
      let template: { name: string; version: number } | undefined;
      if (v.template) {
        const [name, version] = v.template.split(':');
        template = { name: name!, version: int(version, 'template <name>:<version>')! };
      }
      return modifyProjectOwnershipOperation({ projectDir: project.dir, ...(v['target-folder'] ? { folder: v['target-folder'] } : {}), ...(template ? { template } : {}), ...(v.name ? { name: v.name } : {}) });
    }
  }
}
