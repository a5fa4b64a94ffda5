import * as l10n from '@vscode/l10n';
import { createTask, SpecError, type NewTaskSpec } from '../core/operations/createTask';
import { LockStore } from '../core/operations/lockStore';
import { scopeOf } from '../core/operations/changeScope';
import { resolveProjectFolder } from '../core/workspace/projectFolderArgument';
import { basicScheduleFlags, SCHEDULE_FLAGS, wholeNumber } from './scheduleFlags';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

const OPTIONS = {
  ...SCHEDULE_FLAGS,
  project: { type: 'string' },
  folder: { type: 'string' },
  name: { type: 'string' },
  type: { type: 'string' },
  as: { type: 'string' },
  owner: { type: 'string' },
  description: { type: 'string' },
  template: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * `nightshift create <workspace> --project P --folder F --name N --type T --as U [schedule flags]
 * [--template name:version] [--json]`: a new compute task and its code file. Every problem of the
 * spec is bad usage (exit 2), named by its option; a file in the way fails it (exit 1).
 */
export async function runCreate(args: string[]): Promise<number> {
  const parsed = parseWorkspaceArgs(args, OPTIONS);
  const v = parsed.values as { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };
  for (const flag of ['project', 'name', 'type', 'as'] as const) if (!v[flag]) throw new UsageError(l10n.t('missing --{0}', flag));
  const index = parsed.load();
  const where = resolveProjectFolder(index, `${v.project}/${v.folder ?? ''}`);
  if ('error' in where) throw new UsageError(l10n.t('--project "{0}" --folder "{1}": {2}', v.project!, v.folder ?? '', where.error));
  let template: NewTaskSpec['template'];
  if (v.template) {
    const [name, version] = v.template.split(':');
    if (!name || version === undefined) throw new UsageError(l10n.t('--template: write name:version'));
    template = { name, version: wholeNumber(version, 'template <name>:<version>')! };
  }
  const schedule = basicScheduleFlags(v) as NewTaskSpec['schedule'];
  const spec: NewTaskSpec = {
    projectDir: where.projectDir,
    folder: where.folder,
    name: v.name!,
    type: v.type!,
    owner: v.owner ?? v.as!,
    ...(v.description !== undefined ? { description: v.description } : {}),
    ...(schedule ? { schedule } : {}),
    ...(template ? { template } : {}),
  };
  let created;
  try {
    created = createTask(spec, { index, user: v.as!, now: new Date() }, parsed.dir, scopeOf(index, new LockStore()));
  } catch (error) {
    if (error instanceof SpecError) throw new UsageError(error.problems.map((p) => `--${p.field === 'schedule' ? 'cycle' : p.field}: ${p.message}`).join('\n'));
    throw error;
  }
  if (!created.task) {
    process.stderr.write(`nightshift: ${l10n.t('not created: {0}', created.record.results[0]!.reason)}\n`);
    return 1;
  }
  if (v.json) process.stdout.write(`${JSON.stringify({ task: created.task.id, file: created.task.file, code: created.task.code })}\n`);
  else process.stdout.write(`${l10n.t('Created task {0}: {1}', created.task.id, created.task.file)}\n  ${l10n.t('code: {0}', created.task.code)}\n`);
  return 0;
}
