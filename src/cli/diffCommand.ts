import * as l10n from '@vscode/l10n';
import { dayNumber } from '../core/time/civilTime';
import { todayIn } from '../core/time/wallClock';
import { loadWorkspaceAtRevision, RevisionError } from '../core/review/gitWorkspace';
import { changeText } from '../core/review/changeText';
import { groupChanges, scheduleDiff } from '../core/review/scheduleDiff';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';
import { baselineStateText } from '../core/engine/baselineStateText';

/**
 * `nightshift diff <workspace> [--base <git rev>] [--date D | --from D --to D] [--json]`: what the
 * working tree's files do to the schedule compared with `--base` (default HEAD), read from Git's
 * objects without a checkout. Exit 0 whether or not there are differences; 2 on bad usage.
 */
export function runDiff(args: string[]): number {
  const { dir, values, load } = parseWorkspaceArgs(args, { base: { type: 'string' }, date: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
  if (values.date && (values.from || values.to)) throw new UsageError(l10n.t('give --date, or --from and --to'));
  for (const flag of ['date', 'from', 'to'] as const) if (values[flag] !== undefined && Number.isNaN(dayNumber(values[flag]!))) throw new UsageError(l10n.t('--{0} "{1}" is not a date (YYYY-MM-DD)', flag, values[flag]!));
  const base = values.base ?? 'HEAD';
  const after = load();
  let before;
  try {
    before = loadWorkspaceAtRevision(dir, base, undefined, after);
  } catch (error) {
    if (error instanceof RevisionError) throw new UsageError(error.message);
    throw error;
  }
  const today = todayIn(after.projects()[0]?.config.timezone ?? 'UTC');
  const from = values.date ?? values.from ?? values.to ?? today;
  const to = values.date ?? values.to ?? from;
  if (to < from) throw new UsageError(l10n.t('--to {0} is before --from {1}', to, from));
  if (dayNumber(to) - dayNumber(from) > 31) throw new UsageError(l10n.t('a diff covers at most 32 days'));
  const diff = scheduleDiff(before.index, after, from, to);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ base, from, to, summary: diff.summary, changes: diff.changes, baselines: diff.baselines.map((b) => ({ baseline: b.baseline, project: b.project, before: b.before && { status: b.before.status, predictedFinish: b.before.predictedFinish }, after: b.after && { status: b.after.status, predictedFinish: b.after.predictedFinish } })) })}\n`);
    return 0;
  }
  const s = diff.summary;
  const dates = from === to ? from : l10n.t('{0} to {1}', from, to);
  const counts = l10n.t('{0} task(s) changed, {1} instance(s), {2} edge(s), {3} parameter value(s), {4} predicted time(s), {5} downstream closure(s)', s.tasks, s.instances, s.edges, s.params, s.timings, s.closures);
  const lines = [l10n.t('Schedule changes against {0} ({1}), {2}: {3}', base, before.commit.slice(0, 10), dates, counts)];
  for (const [task, list] of groupChanges(diff.changes, (c) => c.task)) {
    // An edge's detail names its upstream: the task's own name comes from either side's files.
    const nameOf = after.task(task)?.data.name ?? before.index.task(task)?.data.name ?? task;
    lines.push(`${nameOf} (${task})`);
    for (const c of list) lines.push(`  ${from === to ? '' : `${c.date} `}${changeText(c)}`);
  }
  for (const b of diff.baselines) {
    const was = b.before ? `${baselineStateText(b.before.status)} ${b.before.predictedFinish ?? '—'}` : l10n.t('new');
    const is = b.after ? `${baselineStateText(b.after.status)} ${b.after.predictedFinish ?? '—'}` : l10n.t('removed');
    lines.push(l10n.t('baseline {0} ({1}): {2} → {3}', b.baseline, b.project, was, is));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
