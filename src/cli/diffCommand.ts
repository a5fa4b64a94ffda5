import { dayNumber } from '../core/engine/civilTime';
import { todayIn } from '../core/engine/wallClock';
import { loadWorkspaceAtRevision, RevisionError } from '../core/review/gitWorkspace';
import { scheduleDiff, type ScheduleChange } from '../core/review/scheduleDiff';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

/** How a change reads in the terminal, per task. */
function changeText(c: ScheduleChange): string {
  const d = c.detail as Record<string, string | number | null | string[]>;
  const at = c.instance ? c.instance.slice(c.instance.indexOf('@') + 12) : '';
  switch (c.kind) {
    case 'instance-added':
      return `+ instance ${at} (${d.kind})`;
    case 'instance-removed':
      return `- instance ${at} (${d.kind})`;
    case 'edge-added':
      return `  ${at} now waits for ${d.name} ${String(d.at).slice(11)}`;
    case 'edge-removed':
      return `  ${at} no longer waits for ${d.name} ${String(d.at).slice(11)}`;
    case 'param-changed':
      return `  ${at} parameter ${d.name}: ${d.before ?? '(none)'} → ${d.after ?? '(none)'}`;
    case 'timing-moved':
      return `  ${at} predicted ${d.startBefore ?? '—'}–${d.endBefore ?? '—'} → ${d.startAfter ?? '—'}–${d.endAfter ?? '—'}${typeof d.endMovedMinutes === 'number' ? ` (${d.endMovedMinutes > 0 ? '+' : ''}${d.endMovedMinutes} min)` : ''}`;
    case 'closure-changed':
      return `  downstream closure: ${(d.added as string[]).length ? `+${(d.added as string[]).join(', +')}` : ''}${(d.removed as string[]).length ? ` -${(d.removed as string[]).join(', -')}` : ''}`.trimEnd();
  }
}

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
  let before;
  try {
    before = loadWorkspaceAtRevision(dir, base);
  } catch (error) {
    if (error instanceof RevisionError) throw new UsageError(error.message);
    throw error;
  }
  const after = load();
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
  const byTask = new Map<string, ScheduleChange[]>();
  for (const c of diff.changes) byTask.set(c.task, [...(byTask.get(c.task) ?? []), c]);
  for (const [task, list] of byTask) {
    const nameOf = (list.find((c) => typeof c.detail.name === 'string' && c.kind !== 'param-changed')?.detail.name as string | undefined) ?? after.task(task)?.data.name ?? before.index.task(task)?.data.name ?? task;
    lines.push(`${nameOf} (${task})`);
    for (const c of list) lines.push(`  ${from === to ? '' : `${c.date} `}${changeText(c).trim()}`);
  }
  for (const b of diff.baselines) lines.push(`baseline ${b.baseline} (${b.project}): ${b.before ? `${b.before.status} ${b.before.predictedFinish ?? '—'}` : 'new'} → ${b.after ? `${b.after.status} ${b.after.predictedFinish ?? '—'}` : 'removed'}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
