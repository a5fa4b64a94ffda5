import * as l10n from '@vscode/l10n';
import { dateOfDay, dayNumber } from '../core/time/civilTime';
import { planDay, type PlannedInstance } from '../core/engine/dayPlan';
import { buildSchedulingGraph } from '../core/engine/schedulingGraph';
import { taskClosure } from '../core/engine/taskClosure';
import { defaultDay } from '../core/engine/defaultDay';
import { writeDiagnostics } from './diagnosticOutput';
import { formatColumns } from './textColumns';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

export function runPreview(args: string[]): number {
  const { values, load } = parseWorkspaceArgs(args, {
    date: { type: 'string' },
    bizdate: { type: 'string' },
    task: { type: 'string', multiple: true },
    upstream: { type: 'boolean' },
    downstream: { type: 'boolean' },
    depth: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.date && values.bizdate) throw new UsageError(l10n.t('give --date or --bizdate, not both'));
  for (const [flag, value] of [['date', values.date], ['bizdate', values.bizdate]] as const) {
    if (value !== undefined && Number.isNaN(dayNumber(value))) throw new UsageError(l10n.t('--{0} "{1}" is not a date (YYYY-MM-DD)', flag, value));
  }
  const depth = values.depth === undefined ? undefined : Number(values.depth);
  if (depth !== undefined && !(Number.isInteger(depth) && depth >= 0)) throw new UsageError(l10n.t('--{0} "{1}" is not a whole number', 'depth', values.depth!));
  if ((values.upstream || values.downstream || depth !== undefined) && !values.task) throw new UsageError(l10n.t('--upstream, --downstream and --depth need --task'));

  const index = load();
  const { errors } = writeDiagnostics(index, { warnings: false });
  const graph = buildSchedulingGraph(index);
  const seeds = (values.task as unknown as string[] | undefined)?.flatMap((t) => t.split(',')).filter(Boolean);
  for (const id of seeds ?? []) {
    if (!graph.tasks.has(id)) {
      const excluded = graph.excluded.find((e) => e.task === id);
      throw new UsageError(excluded ? l10n.t('task {0} has no instances: {1}', id, excluded.reason) : l10n.t('no task has the id {0}', `"${id}"`));
    }
  }
  const date = values.date ?? (values.bizdate ? dateOfDay(dayNumber(values.bizdate) + 1) : defaultDay(index));
  const tasks = seeds ? taskClosure(graph, seeds, { upstream: !!values.upstream, downstream: !!values.downstream, ...(depth !== undefined ? { depth } : {}) }).ids : undefined;
  const plan = planDay(graph, date, tasks ? { tasks } : {});

  if (values.json) {
    // Written a thousand instances at a time, the same text as one JSON.stringify: a 100,000-task day
    // is a quarter of a gigabyte of JSON, which as one string would double the command's memory.
    process.stdout.write(`${JSON.stringify({ date: plan.date, bizdate: plan.bizdate }).slice(0, -1)},"instances":[`);
    const all = plan.instances;
    for (let at = 0; at < all.length; at += 1000) {
      const chunk = all.slice(at, at + 1000).map((i) => JSON.stringify({ id: i.id, task: i.task.id, scheduledAt: i.scheduledAt, kind: i.kind, params: i.params, upstream: i.upstream.map((e) => e.id) }));
      process.stdout.write(`${at ? ',' : ''}${chunk.join(',')}`);
    }
    process.stdout.write(']}\n');
  } else {
    process.stdout.write(renderTable(plan.date, plan.bizdate, plan.instances));
  }
  return errors ? 1 : 0;
}

function renderTable(date: string, bizdate: string, instances: readonly PlannedInstance[]): string {
  const rows = instances.map((i) => [
    i.scheduledAt.slice(11),
    `${i.task.id} ${i.task.name}`,
    i.kind,
    upstreamSummary(i),
    Object.entries(i.params).map(([k, v]) => `${k}=${v}`).join(' '),
  ]);
  const header = [l10n.t('TIME'), l10n.t('TASK'), l10n.t('KIND'), l10n.t('UPSTREAM (* previous cycle)'), l10n.t('PARAMETERS')];
  rows.unshift(header);
  const title = instances.length === 1 ? l10n.t('{0} (business date {1}): 1 instance', date, bizdate) : l10n.t('{0} (business date {1}): {2} instances', date, bizdate, instances.length);
  return `${title}\n${formatColumns(rows).join('\n')}\n`;
}

function upstreamSummary(instance: PlannedInstance): string {
  const ids = instance.upstream.map((e) => (e.crossCycle ? `${e.id}*` : e.id));
  if (ids.length === 0) return '-';
  if (ids.length <= 2) return ids.join(' ');
  return `${ids[0]} … ${ids[ids.length - 1]} (${ids.length})`;
}
