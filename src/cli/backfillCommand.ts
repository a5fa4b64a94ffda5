import * as l10n from '@vscode/l10n';
import { planBackfill } from '../core/engine/backfill';
import { buildSchedulingGraph } from '../core/engine/schedulingGraph';
import { writeDiagnostics } from './diagnosticOutput';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';
import { instanceKindText } from '../core/engine/instanceKindText';
import { formatColumns } from './textColumns';

export function runBackfill(args: string[]): number {
  const { values, load } = parseWorkspaceArgs(args, {
    task: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    downstream: { type: 'boolean' },
    exclude: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (!values.task) throw new UsageError(l10n.t('missing --task <id>'));
  if (!values.from) throw new UsageError(l10n.t('missing --from <business date>'));
  const to = values.to ?? values.from;
  const index = load();
  const { errors } = writeDiagnostics(index, { warnings: false });
  const graph = buildSchedulingGraph(index);
  let backfill;
  try {
    backfill = planBackfill(graph, {
      task: values.task,
      from: values.from,
      to,
      downstream: !!values.downstream,
      exclude: new Set((values.exclude ?? '').split(',').filter(Boolean)),
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ task: values.task, from: values.from, to, tasks: backfill.tasks, instances: backfill.instances })}\n`);
  } else {
    const title = values.downstream
      ? l10n.t('backfill of {0} and its downstream tasks, business dates {1} to {2}: {3} instances', values.task, values.from, to, backfill.instances.length)
      : l10n.t('backfill of {0}, business dates {1} to {2}: {3} instances', values.task, values.from, to, backfill.instances.length);
    const rows = [[l10n.t('STEP'), l10n.t('BIZDATE'), l10n.t('INSTANCE'), l10n.t('KIND'), l10n.t('PARAMETERS')]];
    for (const i of backfill.instances) rows.push([String(i.step), i.bizdate, i.id, instanceKindText(i.kind), Object.entries(i.params).map(([k, v]) => `${k}=${v}`).join(' ')]);
    process.stdout.write(`${[title, ...formatColumns(rows)].join('\n')}\n`);
  }
  return errors ? 1 : 0;
}
