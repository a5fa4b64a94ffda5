import type { Schedule } from '../model/taskSchema';
import type { YamlPath } from '../yaml/yamlSource';
import type { Severity } from './diagnostic';

export interface FieldProblem {
  path: YamlPath;
  severity: Severity;
  code: string;
  message: string;
}

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
    if (schedule.method !== 'one-time') at('cycle', 'a cycle is required unless the method is one-time', 'error', 'missing-field');
    return problems;
  }
  const cycle = schedule.cycle;
  const allowed = FIELDS_BY_CYCLE[cycle] ?? [];
  for (const field of CYCLE_FIELDS) {
    if (schedule[field] !== undefined && !allowed.includes(field)) {
      at(field, `is ignored for the ${cycle} cycle`, 'warning', 'ignored-field');
    }
  }

  if (cycle === 'minute' || cycle === 'hour') {
    const [low, high] = cycle === 'minute' ? [5, 59] : [1, 23];
    if (schedule.interval === undefined) {
      if (cycle === 'minute') at('interval', 'a minute cycle needs an interval (5 to 59 minutes)', 'error', 'missing-field');
    } else if (schedule.interval < low || schedule.interval > high) {
      at('interval', `a ${cycle} interval must be ${low} to ${high} ${cycle}s, not ${schedule.interval}`);
    }
    const start = schedule.start ?? '00:00';
    const end = schedule.end ?? '23:59';
    if (end < start) at('end', `the window ends (${end}) before it starts (${start})`);
  }
  if (cycle === 'week' && !schedule.weekdays?.length) {
    at('weekdays', 'a week cycle needs at least one weekday (1 = Monday .. 7 = Sunday)', 'error', 'missing-field');
  }
  if ((cycle === 'month' || cycle === 'year') && !schedule.days?.length) {
    at('days', `a ${cycle} cycle needs at least one day of the month (1..31 or L)`, 'error', 'missing-field');
  }
  if (cycle === 'year') {
    if (!schedule.months?.length) {
      at('months', 'a year cycle needs at least one month (1..12)', 'error', 'missing-field');
    } else {
      const months = schedule.months;
      for (const day of schedule.days ?? []) {
        if (day !== 'L' && !months.some((m) => day <= (MAX_DAYS_IN_MONTH[m - 1] ?? 31))) {
          at('days', `day ${day} never occurs in month${months.length > 1 ? 's' : ''} ${months.join(', ')}`);
        }
      }
    }
  }
  for (const field of ['weekdays', 'days', 'months'] as const) {
    const values = schedule[field] as readonly unknown[] | undefined;
    if (values && new Set(values).size !== values.length) at(field, 'lists a value twice', 'warning', 'duplicate-value');
  }

  const { from, to } = schedule.effective ?? {};
  if (from && to && to < from) {
    problems.push({ path: ['schedule', 'effective', 'to'], severity: 'error', code: 'impossible-schedule', message: `schedule.effective: ends (${to}) before it starts (${from})` });
  }
  if (schedule.conditional?.enabled && schedule.method !== 'normal') {
    problems.push({
      path: ['schedule', 'conditional', 'enabled'],
      severity: 'warning',
      code: 'conditional-needs-normal',
      message: `schedule.conditional: conditional scheduling applies only to the normal method, not ${schedule.method}`,
    });
  }
  return problems;
}
