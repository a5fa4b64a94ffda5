import * as l10n from '@vscode/l10n';
import type { TaskDurations } from './observedDurations';
import { change, skip, type TaskOperation } from './taskOperation';

/**
 * Sets each task's `expectedMinutes` (the median of its observed runs) and `expectedP90Minutes` (their
 * 90th percentile) from an operation center's export: the timeline and the baselines then predict
 * from real runs. `file` is recorded as the batch's parameter, with every task's figures.
 */
export function importDurationsOperation(file: string, durations: readonly TaskDurations[]): TaskOperation {
  const byTask = new Map(durations.map((d) => [d.task.data.id, d]));
  return {
    name: 'import-durations',
    title: 'Import Observed Durations',
    recordKind: 'other',
    parameters: { file, tasks: Object.fromEntries(durations.map((d) => [d.task.data.id, { runs: d.runs, expectedMinutes: d.median, expectedP90Minutes: d.p90 }])) },
    decide(task) {
      const d = byTask.get(task.data.id);
      if (!d) return skip(l10n.t('no observed run of it in the file'));
      const runs = `${d.runs} run${d.runs === 1 ? '' : 's'}`;
      const { expectedMinutes: m, expectedP90Minutes: p } = task.data;
      if (m === d.median && p === d.p90) return skip(l10n.t('already expectedMinutes {0}, expectedP90Minutes {1} ({2})', m ?? '', p ?? '', runs));
      return change(`expectedMinutes ${m ?? '(default 10)'} → ${d.median}, expectedP90Minutes ${p ?? '(none)'} → ${d.p90} (${runs})`, { kind: 'edit', fields: { expectedMinutes: d.median, expectedP90Minutes: d.p90 } });
    },
  };
}
