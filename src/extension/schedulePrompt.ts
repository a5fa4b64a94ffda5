import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { Info } from 'luxon';
import type { ScheduleSettings } from '../core/operations/scheduleOperation';
import { currentLanguage } from '../core/text/language';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Weekday and month names as the user's language writes them (Monday first, as the files count). */
const weekdayNames = () => Info.weekdays('long', { locale: currentLanguage() === 'zh-cn' ? 'zh-CN' : 'en-US' });
const monthNames = () => Info.months('long', { locale: currentLanguage() === 'zh-cn' ? 'zh-CN' : 'en-US' });

async function clock(title: string, value: string): Promise<string | undefined> {
  return vscode.window.showInputBox({ title, value, validateInput: (v) => (CLOCK.test(v) ? undefined : l10n.t('A time of day, HH:mm (00:00 to 23:59)')) });
}

async function whole(title: string, value: number, min: number, max: number): Promise<number | undefined> {
  const text = await vscode.window.showInputBox({
    title,
    value: String(value),
    validateInput: (v) => (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? undefined : l10n.t('A whole number from {0} to {1}', min, max)),
  });
  return text === undefined ? undefined : Number(text);
}

async function many<T>(title: string, options: { label: string; value: T }[]): Promise<T[] | undefined> {
  const picked = await vscode.window.showQuickPick(options, { title, canPickMany: true });
  if (!picked) return undefined;
  if (picked.length === 0) {
    void vscode.window.showWarningMessage(l10n.t('{0}: choose at least one.', title));
    return undefined;
  }
  return picked.map((p) => p.value);
}

/**
 * Basic scheduling: the method, the recurrence and every field that recurrence has (the minute and
 * hour window and interval, offered only within their valid range; weekdays; days of month including
 * L; months; the time of day). Undefined when cancelled.
 */
export async function promptBasicSchedule(title = l10n.t('Scheduling')): Promise<ScheduleSettings['basic'] | undefined> {
  const method = await vscode.window.showQuickPick(['normal', 'dry-run', 'paused'], { title: l10n.t('{0}: scheduling method', title) });
  if (!method) return undefined;
  const cycle = await vscode.window.showQuickPick(['minute', 'hour', 'day', 'week', 'month', 'year'], { title: l10n.t('{0}: recurrence', title) });
  if (!cycle) return undefined;
  const basic: Record<string, unknown> = { method, cycle };
  if (cycle === 'minute' || cycle === 'hour') {
    const start = await clock(l10n.t('Runs from (the window\'s start)'), '00:00');
    if (start === undefined) return undefined;
    const end = await clock(l10n.t('Runs until (the window\'s end, inclusive)'), '23:59');
    if (end === undefined) return undefined;
    const interval = cycle === 'minute' ? await whole(l10n.t('Every how many minutes (5 to 59)'), 5, 5, 59) : await whole(l10n.t('Every how many hours (1 to 23)'), 1, 1, 23);
    if (interval === undefined) return undefined;
    Object.assign(basic, { start, end, interval });
  } else {
    if (cycle === 'week') {
      const weekdays = await many(l10n.t('On which weekdays'), weekdayNames().map((label, i) => ({ label, value: i + 1 })));
      if (!weekdays) return undefined;
      basic.weekdays = weekdays;
    }
    if (cycle === 'year') {
      const months = await many(l10n.t('In which months'), monthNames().map((label, i) => ({ label, value: i + 1 })));
      if (!months) return undefined;
      basic.months = months;
    }
    if (cycle === 'month' || cycle === 'year') {
      const days = await many<number | 'L'>(l10n.t('On which days of the month'), [...Array.from({ length: 31 }, (_, i) => ({ label: String(i + 1), value: i + 1 })), { label: 'L', value: 'L' as const, description: l10n.t('the last day of the month') } as { label: string; value: 'L' }]);
      if (!days) return undefined;
      basic.days = days;
    }
    const time = await clock(l10n.t('At what time of day'), '00:00');
    if (time === undefined) return undefined;
    basic.time = time;
  }
  return basic as ScheduleSettings['basic'];
}

/**
 * The console's Batch Scheduling Configuration as prompts: what to change (basic scheduling,
 * conditional scheduling, effective dates), then for basic scheduling the method, the cycle and every
 * field that cycle has (the minute and hour window and interval, offered only within their valid
 * range; weekdays; days of month including L; months; the time of day). Undefined when cancelled.
 */
export async function promptSchedule(): Promise<ScheduleSettings | undefined> {
  const parts = await vscode.window.showQuickPick(
    [
      { label: l10n.t('Basic scheduling'), description: l10n.t('method, recurrence and its times (overwrites the tasks\' own)'), id: 'basic', picked: true },
      { label: l10n.t('Conditional scheduling'), description: l10n.t('on or off, with a start time'), id: 'conditional' },
      { label: l10n.t('Effective dates'), description: l10n.t('from and to'), id: 'effective' },
    ],
    { title: l10n.t('Batch Scheduling Configuration: what to change'), canPickMany: true },
  );
  if (!parts?.length) return undefined;
  const settings: ScheduleSettings = {};
  if (parts.some((p) => p.id === 'basic')) {
    const basic = await promptBasicSchedule(l10n.t('Batch Scheduling Configuration'));
    if (!basic) return undefined;
    settings.basic = basic;
  }
  if (parts.some((p) => p.id === 'conditional')) {
    const on = await vscode.window.showQuickPick([{ label: l10n.t('On'), value: true }, { label: l10n.t('Off'), value: false }], { title: l10n.t('Conditional scheduling') });
    if (!on) return undefined;
    settings.conditional = { enabled: on.value };
    if (on.value) {
      const start = await vscode.window.showInputBox({ title: l10n.t('Conditional start time (day, week and month cycles; empty: none)'), validateInput: (v) => (v === '' || CLOCK.test(v) ? undefined : l10n.t('HH:mm, or empty')) });
      if (start === undefined) return undefined;
      if (start) settings.conditional.startTime = start;
    }
  }
  if (parts.some((p) => p.id === 'effective')) {
    const date = (title: string) => vscode.window.showInputBox({ title, placeHolder: l10n.t('YYYY-MM-DD (empty: leave as it is)'), validateInput: (v) => (v === '' || DATE.test(v) ? undefined : l10n.t('YYYY-MM-DD, or empty')) });
    const from = await date(l10n.t('Effective from'));
    if (from === undefined) return undefined;
    const to = await date(l10n.t('Effective to'));
    if (to === undefined) return undefined;
    settings.effective = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
  }
  return settings;
}
