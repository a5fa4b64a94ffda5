import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { importDurationsOperation } from '../core/operations/durationsOperation';
import { durationsByTask, DurationFileError, matchRuns, readDurationRows } from '../core/operations/observedDurations';
import { runBatch } from '../core/operations/batchRunner';
import { LockStore } from '../core/operations/lockStore';
import { localBatchTitle } from '../core/operations/operationNames';
import { dryRunResults, resultCounts, writeResultRows } from './batchOutput';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

/**
 * `nightshift durations <workspace> --from-file <csv|json> --as <user> [--dry-run] [--json]`: the runs
 * an operation center exported (task, scheduledAt, start, end) set each task's `expectedMinutes` (the
 * median) and `expectedP90Minutes`, as one recorded batch that revert undoes. A row that is not a run
 * is `file:line: message` on stderr and exit 1 (the other rows still count); a file that is not such
 * an export is exit 2.
 */
export async function runDurations(args: string[]): Promise<number> {
  const { dir, values, load } = parseWorkspaceArgs(args, { 'from-file': { type: 'string' }, as: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' }, 'lock-dir': { type: 'string' } });
  const file = values['from-file'];
  if (!file) throw new UsageError(l10n.t('missing --from-file <csv|json> (the runs: task, scheduledAt, start, end)'));
  if (!values.as) throw new UsageError(l10n.t('missing --as <user> (who performs the operation)'));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(l10n.t('--from-file "{0}": {1}', file, (error as NodeJS.ErrnoException).code === 'ENOENT' ? l10n.t('no such file') : error instanceof Error ? error.message : String(error)));
  }
  let rows;
  try {
    rows = readDurationRows(text, file);
  } catch (error) {
    if (error instanceof DurationFileError) throw new UsageError(error.message);
    throw error;
  }
  const index = load();
  const { runs, problems } = matchRuns(rows, index);
  const durations = durationsByTask(runs);
  const operation = importDurationsOperation(file, durations);
  const tasks = durations.map((d) => d.task);
  const context = { index, user: values.as, now: new Date() };
  const locks = new LockStore(values['lock-dir']);
  const results = values['dry-run'] ? dryRunResults(operation, tasks, context, locks) : (await runBatch(operation, tasks, context, { root: dir, locks })).results;
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems) process.stderr.write(`${file}:${p.line}: ${p.severity === 'error' ? l10n.t('error') : l10n.t('note')}: ${p.message}\n`);
  if (values.json) {
    const byId = new Map(durations.map((d) => [d.task.data.id, d]));
    process.stdout.write(
      `${JSON.stringify({
        operation: operation.name,
        ...(values['dry-run'] ? { dryRun: true } : {}),
        file,
        rows: rows.length,
        runs: runs.length,
        results: results.map((r) => {
          const d = byId.get(r.task);
          return { task: r.task, name: d?.task.data.name, status: r.status, reason: r.reason, runs: d?.runs, expectedMinutes: d?.median, expectedP90Minutes: d?.p90 };
        }),
        problems,
      })}\n`,
    );
  } else {
    const title = `${localBatchTitle(operation.title)}${values['dry-run'] ? l10n.t(' (dry run: nothing changed)') : ''}`;
    process.stdout.write(`${l10n.t('{0}: {1} row(s), {2} run(s) of {3} task(s): {4}', title, rows.length, runs.length, durations.length, resultCounts(results))}\n`);
    writeResultRows(results);
    if (errors.length) process.stdout.write(`${l10n.t('{0} row(s) were not runs and were left out (see above)', errors.length)}\n`);
  }
  return results.some((r) => r.status === 'failed') || errors.length ? 1 : 0;
}
