import * as l10n from '@vscode/l10n';
import type { Schedule } from './taskSchema';
import type { Severity } from './diagnostic';
import type { FieldProblem } from './fieldProblem';

/** Days in each month of a leap year: a day that fits here occurs in some year. */
const MAX_DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const FIELDS_BY_CYCLE: Record<string, readonly string[]> = {
  minute: ['start', 'end', 'interval'],
  hour: ['start', 'end', 'interval'],
  day: ['time'],
  week: ['time', 'weekdays'],
  month: ['time', 'days'],
  year: ['time', 'days', 'months'],
};
const CYCLE_FIELDS = ['start', 'end', 'interval', 'time', 'weekdays', 'days', 'months'] as const;

/** Schedules that parse but can never run as written. Paths are relative to the task file. */
export function checkSchedule(schedule: Schedule): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const at = (field: string, message: string, severity: Severity = 'error', code = 'impossible-schedule') =>
    problems.push({ path: ['schedule', field], severity, code, message: `schedule.${field}: ${message}` });

  if (!schedule.cycle) {
    if (schedule.method !== 'one-time') at('cycle', l10n.t('a cycle is required unless the method is one-time'), 'error', 'missing-field');
    return problems;
  }
  const cycle = schedule.cycle;
  const allowed = FIELDS_BY_CYCLE[cycle] ?? [];
  for (const field of CYCLE_FIELDS) {
    if (schedule[field] !== undefined && !allowed.includes(field)) {
      at(field, l10n.t('is ignored for the {0} cycle', cycle), 'warning', 'ignored-field');
    }
  }

  if (cycle === 'minute' || cycle === 'hour') {
    const [low, high] = cycle === 'minute' ? [5, 59] : [1, 23];
    if (schedule.interval === undefined) {
      if (cycle === 'minute') at('interval', l10n.t('a minute cycle needs an interval (5 to 59 minutes)'), 'error', 'missing-field');
    } else if (schedule.interval < low || schedule.interval > high) {
      at('interval', cycle === 'minute' ? l10n.t('a minute interval must be {0} to {1} minutes, not {2}', low, high, schedule.interval) : l10n.t('an hour interval must be {0} to {1} hours, not {2}', low, high, schedule.interval));
    }
    const start = schedule.start ?? '00:00';
    const end = schedule.end ?? '23:59';
    if (end < start) at('end', l10n.t('the window ends ({0}) before it starts ({1})', end, start));
  }
  if (cycle === 'week' && !schedule.weekdays?.length) {
    at('weekdays', l10n.t('a week cycle needs at least one weekday (1 = Monday .. 7 = Sunday)'), 'error', 'missing-field');
  }
  if ((cycle === 'month' || cycle === 'year') && !schedule.days?.length) {
    at('days', l10n.t('a {0} cycle needs at least one day of the month (1..31 or L)', cycle), 'error', 'missing-field');
  }
  if (cycle === 'year') {
    if (!schedule.months?.length) {
      at('months', l10n.t('a year cycle needs at least one month (1..12)'), 'error', 'missing-field');
    } else {
      const months = schedule.months;
      for (const day of schedule.days ?? []) {
        if (day !== 'L' && !months.some((m) => day <= (MAX_DAYS_IN_MONTH[m - 1] ?? 31))) {
          at('days', months.length > 1 ? l10n.t('day {0} never occurs in months {1}', day, months.join(', ')) : l10n.t('day {0} never occurs in month {1}', day, months.join(', ')));
        }
      }
    }
  }
  for (const field of ['weekdays', 'days', 'months'] as const) {
    const values = schedule[field] as readonly unknown[] | undefined;
    if (values && new Set(values).size !== values.length) at(field, l10n.t('lists a value twice'), 'warning', 'duplicate-value');
  }

  const { from, to } = schedule.effective ?? {};
  if (from && to && to < from) {
    problems.push({ path: ['schedule', 'effective', 'to'], severity: 'error', code: 'impossible-schedule', message: `schedule.effective: ${l10n.t('ends ({0}) before it starts ({1})', to, from)}` });
  }
  if (schedule.conditional?.enabled && schedule.method !== 'normal') {
    problems.push({
      path: ['schedule', 'conditional', 'enabled'],
      severity: 'warning',
      code: 'conditional-needs-normal',
      message: `schedule.conditional: ${l10n.t('conditional scheduling applies only to the normal method, not {0}', schedule.method)}`,
    });
  }
  return problems;
}
