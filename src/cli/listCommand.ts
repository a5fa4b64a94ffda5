import * as l10n from '@vscode/l10n';
import { COLUMN_IDS } from '../core/taskList/taskListColumns';
import { taskListQuerySchema } from '../core/taskList/taskListQuery';
import { TaskListSession } from '../core/taskList/taskListSession';
import { resolveProjectFolder } from '../core/workspace/projectFolderArgument';
import { formatColumns } from './textColumns';
import { UsageError } from './usageError';
import { commaList, parseWorkspaceArgs } from './workspaceArgs';

/**
 * `nightshift list`: the task list's filters and sorting from the command line, on the same core as the
 * panel. Lists are comma-separated; a date range is FROM..TO with either end optional.
 */
export function runList(args: string[]): number {
  const { values: v, load } = parseWorkspaceArgs(args, {
    search: { type: 'string' },
    mine: { type: 'boolean' },
    as: { type: 'string' },
    type: { type: 'string' },
    method: { type: 'string' },
    owner: { type: 'string' },
    submission: { type: 'string' },
    'output-table': { type: 'string' },
    created: { type: 'string' },
    template: { type: 'string' },
    status: { type: 'string' },
    cycle: { type: 'string' },
    'ops-owner': { type: 'string' },
    published: { type: 'string' },
    conditional: { type: 'string' },
    modified: { type: 'string' },
    tag: { type: 'string' },
    folder: { type: 'string' },
    recursive: { type: 'boolean' },
    sort: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (v.mine && !v.as) throw new UsageError(l10n.t('--mine needs --as <user>'));
  const index = load();
  const range = (text?: string) => {
    if (!text) return undefined;
    const [from, to] = text.split('..');
    return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  };
  let folder: { projectDir: string; path: string; includeSubfolders: boolean } | undefined;
  if (v.folder) {
    const where = resolveProjectFolder(index, v.folder);
    if ('error' in where) throw new UsageError(l10n.t('--folder "{0}": {1}', v.folder, where.error));
    folder = { projectDir: where.projectDir, path: where.folder, includeSubfolders: !!v.recursive };
  }
  const modifiedPreset = v.modified && ['3d', '7d', '1m'].includes(v.modified);
  const [column, direction] = (v.sort ?? 'updatedAt:desc').split(':');
  if (!(COLUMN_IDS as readonly string[]).includes(column!)) throw new UsageError(l10n.t('--sort: no column "{0}" (one of {1})', column!, COLUMN_IDS.join(', ')));
  const parsed = taskListQuerySchema.safeParse({
    search: v.search,
    mine: v.mine,
    types: commaList(v.type),
    methods: commaList(v.method),
    owners: commaList(v.owner),
    submissions: commaList(v.submission),
    outputTable: v['output-table'],
    created: range(v.created),
    templates: commaList(v.template),
    statuses: commaList(v.status),
    cycles: commaList(v.cycle),
    opsOwners: commaList(v['ops-owner']),
    published: v.published === undefined ? undefined : yesNo('--published', v.published),
    conditional: v.conditional === undefined ? undefined : yesNo('--conditional', v.conditional),
    modified: v.modified ? (modifiedPreset ? v.modified : 'custom') : undefined,
    modifiedRange: v.modified && !modifiedPreset ? range(v.modified) : undefined,
    tags: commaList(v.tag),
    folder,
    sort: { column, direction: direction === 'asc' ? 'asc' : 'desc' },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${issue.path.join('.') || 'query'}: ${issue.message}`);
  }
  const session = new TaskListSession(() => index, () => ({ user: v.as ?? '', now: new Date() }));
  const total = session.setQuery(parsed.data);
  const rows = session.window(0, total);
  if (v.json) {
    process.stdout.write(`${JSON.stringify({ total, of: session.taskCount(), rows }, null, 2)}\n`);
    return 0;
  }
  // The header put in front, not spread with the rows: nothing here grows with the task count on the stack.
  const table = rows.map((r) => [r.id, r.name, r.type, r.cycle || '-', r.method, r.owner || '-', r.status, `${r.project}/${r.folder}`]);
  table.unshift([l10n.t('ID'), l10n.t('NAME'), l10n.t('TYPE'), l10n.t('CYCLE'), l10n.t('METHOD'), l10n.t('OWNER'), l10n.t('STATUS'), l10n.t('FOLDER')]);
  process.stdout.write(`${formatColumns(table).join('\n')}\n${l10n.t('{0} of {1} tasks', total, session.taskCount())}\n`);
  return 0;
}

function yesNo(flag: string, value: string): 'yes' | 'no' {
  if (value === 'yes' || value === 'no') return value;
  throw new UsageError(l10n.t('{0}: yes or no, not "{1}"', flag, value));
}
