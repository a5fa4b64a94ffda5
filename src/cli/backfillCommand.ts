import * as l10n from '@vscode/l10n';
import { planBackfill } from '../core/engine/backfill';
import { buildSchedulingGraph } from '../core/engine/schedulingGraph';
import { writeDiagnostics } from './diagnosticOutput';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

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
    const lines = [`backfill of ${values.task}${values.downstream ? ' and its downstream tasks' : ''}, business dates ${values.from} to ${to}: ${backfill.instances.length} instances`];
    lines.push('STEP  BIZDATE     INSTANCE                          KIND     PARAMETERS');
    for (const i of backfill.instances) {
      const params = Object.entries(i.params).map(([k, v]) => `${k}=${v}`).join(' ');
      lines.push(`${String(i.step).padEnd(4)}  ${i.bizdate}  ${i.id.padEnd(32)}  ${i.kind.padEnd(7)}  ${params}`.trimEnd());
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return errors ? 1 : 0;
}
