import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { dependencyText } from '../core/operations/dependencyOperation';
import { elapsedText } from '../core/text/elapsedText';
import { escapeMarkdownInline as escape } from '../core/text/markdownEscape';
import type { Task, TaskLock } from '../core/workspace/workspaceModel';

/** A cycle as the tree's description says it ("daily"). */
function cycleWord(cycle: string | undefined): string {
  switch (cycle) {
    case 'minute': return l10n.t('minutely');
    case 'hour': return l10n.t('hourly');
    case 'day': return l10n.t('daily');
    case 'week': return l10n.t('weekly');
    case 'month': return l10n.t('monthly');
    case 'year': return l10n.t('yearly');
    default: return '?';
  }
}

export const TASK_URI_SCHEME = 'nightshift-task';

/** "every 30 min · bob": what a task runs on and who develops it, for the tree's description. */
export function taskDescription(task: Task): string {
  const { schedule, owner } = task.data;
  let when: string;
  if (schedule.method === 'one-time') when = l10n.t('one-time');
  else if (schedule.cycle === 'minute') when = l10n.t('every {0} min', schedule.interval ?? '?');
  else if (schedule.cycle === 'hour' && (schedule.interval ?? 1) > 1) when = l10n.t('every {0} h', schedule.interval ?? 1);
  else when = cycleWord(schedule.cycle);
  if (schedule.method === 'dry-run') when = l10n.t('{0} (dry-run)', when);
  if (schedule.method === 'paused') when = l10n.t('{0} (paused)', when);
  return owner ? `${when} · ${owner}` : when;
}

export function taskIcon(task: Task, lock: TaskLock | undefined, hasErrors: boolean): vscode.ThemeIcon {
  const { schedule, status, published } = task.data;
  if (hasErrors) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (lock) return new vscode.ThemeIcon('lock', new vscode.ThemeColor('charts.yellow'));
  if (schedule.method === 'paused') return new vscode.ThemeIcon('debug-pause', new vscode.ThemeColor('charts.purple'));
  if (status === 'draft') return new vscode.ThemeIcon('edit', new vscode.ThemeColor('descriptionForeground'));
  if (schedule.method === 'dry-run') return new vscode.ThemeIcon('debug-step-over', new vscode.ThemeColor('charts.blue'));
  if (published) return new vscode.ThemeIcon('pass-filled', new vscode.ThemeColor('charts.green'));
  return new vscode.ThemeIcon('circle-large-outline');
}

/** Compound context value (`task+locked+draft`), matched by menus with `viewItem =~ /\+locked\b/`. */
export function taskContextValue(task: Task, lock: TaskLock | undefined, me: string): string {
  const flags = ['task'];
  if (lock) flags.push(lock.holder === me ? 'lockedByMe' : 'locked');
  if (task.data.status === 'draft') flags.push('draft');
  if (task.data.published) flags.push('published');
  if (task.data.template) flags.push('template');
  flags.push(task.data.schedule.method.replace('-', ''));
  return flags.join('+');
}

export function taskUri(task: Task): vscode.Uri {
  return vscode.Uri.from({ scheme: TASK_URI_SCHEME, path: `/${encodeURIComponent(task.data.id)}`, query: encodeURIComponent(task.file) });
}

export function taskTooltip(task: Task, lock: TaskLock | undefined, now = Date.now()): vscode.MarkdownString {
  const t = task.data;
  const s = t.schedule;
  const rows: [string, string][] = [
    ['ID', t.id],
    [l10n.t('Type'), t.type],
    [l10n.t('Schedule'), `${s.method}${s.cycle ? `, ${s.cycle}` : ''}${s.crossCycle !== 'none' ? `, ${l10n.t('cross-cycle')}: ${Array.isArray(s.crossCycle) ? s.crossCycle.join(', ') : s.crossCycle}` : ''}`],
    [l10n.t('Development owner'), t.owner ?? '—'],
    [l10n.t('O&M owner'), t.opsOwner ?? '—'],
    [l10n.t('Task status'), `${t.status}, ${t.published ? l10n.t('published') : l10n.t('not published')}`],
    [l10n.t('Last submission'), t.lastSubmission],
  ];
  if (t.template) rows.push([l10n.t('Template'), `${t.template.name} v${t.template.version}`]);
  if (t.tags.length) rows.push([l10n.t('Tags'), t.tags.join(', ')]);
  if (t.dependencies.length) rows.push([l10n.t('Depends on'), t.dependencies.map(dependencyText).join(', ')]);
  if (lock) rows.push([l10n.t('Locked by'), lockText(lock, now)]);
  const md = new vscode.MarkdownString(`**${escape(t.name)}**${t.description ? ` — ${escape(t.description)}` : ''}\n\n`);
  md.appendMarkdown(`| | |\n|---|---|\n${rows.map(([k, v]) => `| ${k} | ${escape(v)} |`).join('\n')}\n`);
  return md;
}

/** "bob for 3 h (since 2026-01-05T10:00:00Z)": a lock's age tells whether it is stale. */
function lockText(lock: TaskLock, now: number): string {
  if (!lock.acquiredAt) return lock.holder;
  const age = elapsedText(lock.acquiredAt, now);
  return age ? l10n.t('{0} for {1} (since {2})', lock.holder, age, lock.acquiredAt) : l10n.t('{0} since {1}', lock.holder, lock.acquiredAt);
}
