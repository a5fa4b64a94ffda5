import { dayNumber } from '../core/time/civilTime';
import { todayIn } from '../core/time/wallClock';
import { loadWorkspaceAtRevision, RevisionError } from '../core/review/gitWorkspace';
import { changeText } from '../core/review/changeText';
import { groupChanges, scheduleDiff } from '../core/review/scheduleDiff';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

/**
 * `nightshift diff <workspace> [--base <git rev>] [--date D | --from D --to D] [--json]`: what the
 * working tree's files do to the schedule compared with `--base` (default HEAD), read from Git's
 * objects without a checkout. Exit 0 whether or not there are differences; 2 on bad usage.
 */
export function runDiff(args: string[]): number {
  const { dir, values, load } = parseWorkspaceArgs(args, { base: { type: 'string' }, date: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } });
  if (values.date && (values.from || values.to)) throw new UsageError('give --date, or --from and --to');
  for (const flag of ['date', 'from', 'to'] as const) if (values[flag] !== undefined && Number.isNaN(dayNumber(values[flag]!))) throw new UsageError(`--${flag} "${values[flag]}" is not a date (YYYY-MM-DD)`);
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
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
  if (dayNumber(to) - dayNumber(from) > 31) throw new UsageError('a diff covers at most 32 days');
  const diff = scheduleDiff(before.index, after, from, to);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ base, from, to, summary: diff.summary, changes: diff.changes, baselines: diff.baselines.map((b) => ({ baseline: b.baseline, project: b.project, before: b.before && { status: b.before.status, predictedFinish: b.before.predictedFinish }, after: b.after && { status: b.after.status, predictedFinish: b.after.predictedFinish } })) })}\n`);
    return 0;
  }
  const s = diff.summary;
  const lines = [`Schedule changes against ${base} (${before.commit.slice(0, 10)}), ${from === to ? from : `${from} to ${to}`}: ${s.tasks} task(s) changed, ${s.instances} instance(s), ${s.edges} edge(s), ${s.params} parameter value(s), ${s.timings} predicted time(s), ${s.closures} downstream closure(s)`];
  for (const [task, list] of groupChanges(diff.changes, (c) => c.task)) {
    // An edge's detail names its upstream: the task's own name comes from either side's files.
    const nameOf = after.task(task)?.data.name ?? before.index.task(task)?.data.name ?? task;
    lines.push(`${nameOf} (${task})`);
    for (const c of list) lines.push(`  ${from === to ? '' : `${c.date} `}${changeText(c)}`);
  }
  for (const b of diff.baselines) lines.push(`baseline ${b.baseline} (${b.project}): ${b.before ? `${b.before.status} ${b.before.predictedFinish ?? '—'}` : 'new'} → ${b.after ? `${b.after.status} ${b.after.predictedFinish ?? '—'}` : 'removed'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
