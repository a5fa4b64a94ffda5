import * as l10n from '@vscode/l10n';
import type { Schedule } from '../model/taskSchema';
import { clockOfMinute, minuteOfClock, pad2 } from '../time/civilTime';
import { taskCalendar } from '../engine/taskCalendar';

/**
 * A task's basic schedule as the 6-field Quartz cron DataWorks generates (`ss mm HH dd MM ?` with `?`
 * in the unused day field; e.g. `00 30 02 * * ?` daily, `00 00 00-23/1 * * ?` hourly), and back.
 * Weekdays are written by name (MON..SUN), so Quartz's 1 = Sunday numbering cannot be misread.
 */
export type BasicSchedule = Pick<Schedule, 'cycle' | 'start' | 'end' | 'interval' | 'time' | 'weekdays' | 'days' | 'months'>;

const DAY_NAMES = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

/**
 * The cron, and what it cannot say exactly: the cron is read back and its instances compared with
 * the schedule's (a minute interval that does not divide an hour, a window ending inside an hour).
 */
export function scheduleToCron(s: BasicSchedule): { cron: string; notes: string[] } {
  const written = writeCron(s);
  const back = cronToSchedule(written.cron);
  const minutes = (b: BasicSchedule) => {
    const c = taskCalendar({ method: 'normal', crossCycle: 'none', ...b } as Schedule);
    return c.ok ? c.calendar.minutes.join(',') : '';
  };
  if (s.cycle === 'minute' && 60 % (s.interval ?? 5) !== 0) written.notes.push(l10n.t('a minute interval of {0} does not divide an hour: the cron "{1}" starts again at each hour', s.interval ?? 5, written.cron));
  if ('error' in back) written.notes.push(back.error);
  else if (minutes(back.schedule) !== minutes(s)) written.notes.push(l10n.t('the cron "{0}" gives other times of day than the schedule ({1} from {2} to {3} every {4})', written.cron, String(s.cycle), s.start ?? '00:00', s.end ?? '23:59', s.interval ?? ''));
  return written;
}

function writeCron(s: BasicSchedule): { cron: string; notes: string[] } {
  const notes: string[] = [];
  const hm = (clock: string | undefined) => {
    const m = minuteOfClock(clock ?? '00:00');
    return { h: Math.floor(m / 60), m: m % 60 };
  };
  switch (s.cycle) {
    case 'minute': {
      const start = minuteOfClock(s.start ?? '00:00');
      const end = minuteOfClock(s.end ?? '23:59');
      const n = s.interval ?? 5;
      const last = start + Math.floor((end - start) / n) * n;
      return { cron: `00 ${pad2(start % 60)}/${n} ${pad2(Math.floor(start / 60))}-${pad2(Math.floor(last / 60))} * * ?`, notes };
    }
    case 'hour': {
      const start = minuteOfClock(s.start ?? '00:00');
      const end = minuteOfClock(s.end ?? '23:59');
      const n = s.interval ?? 1;
      const last = start + Math.floor((end - start) / (n * 60)) * n * 60;
      return { cron: `00 ${pad2(start % 60)} ${pad2(Math.floor(start / 60))}-${pad2(Math.floor(last / 60))}/${n} * * ?`, notes };
    }
    case 'day': {
      const t = hm(s.time);
      return { cron: `00 ${pad2(t.m)} ${pad2(t.h)} * * ?`, notes };
    }
    case 'week': {
      const t = hm(s.time);
      return { cron: `00 ${pad2(t.m)} ${pad2(t.h)} ? * ${(s.weekdays ?? []).map((d) => DAY_NAMES[d - 1]).join(',')}`, notes };
    }
    case 'month': {
      const t = hm(s.time);
      return { cron: `00 ${pad2(t.m)} ${pad2(t.h)} ${(s.days ?? []).join(',')} * ?`, notes };
    }
    case 'year': {
      const t = hm(s.time);
      return { cron: `00 ${pad2(t.m)} ${pad2(t.h)} ${(s.days ?? []).join(',')} ${(s.months ?? []).join(',')} ?`, notes };
    }
    default:
      return { cron: '', notes: ['no recurrence'] };
  }
}

/** A list field of a cron (`1,15,L`, `MON,FRI`, `2-4`) as values; undefined when it is `*` or `?`. */
function list(field: string, names?: readonly string[], quartzDays = false): (number | 'L')[] | undefined {
  if (field === '*' || field === '?') return undefined;
  const out: (number | 'L')[] = [];
  for (const part of field.split(',')) {
    if (part === 'L') {
      out.push('L');
      continue;
    }
    const [a, b] = part.split('-');
    const value = (x: string) => {
      const named = names?.indexOf(x.toUpperCase());
      if (named !== undefined && named >= 0) return named + 1;
      const n = Number(x);
      if (!Number.isInteger(n)) throw new Error(`"${x}" is not a number or a name`);
      // Quartz numbers weekdays 1 = Sunday .. 7 = Saturday; the task files 1 = Monday .. 7 = Sunday.
      return quartzDays ? ((n + 5) % 7) + 1 : n;
    };
    const from = value(a!);
    const to = b === undefined ? from : value(b);
    for (let v = from; v <= to; v++) out.push(v);
  }
  return out;
}

/**
 * A Quartz cron as the console's cycles, or why it is none of them (the report names it). Accepts 6 or
 * 7 fields (a trailing year field `*`).
 */
export function cronToSchedule(cron: string): { schedule: BasicSchedule } | { error: string } {
  const fields = cron.trim().split(/\s+/);
  if (fields.length === 7 && (fields[6] === '*' || fields[6] === '?')) fields.pop();
  if (fields.length !== 6) return { error: l10n.t('"{0}" is not a 6-field Quartz cron (ss mm HH dd MM day-of-week)', cron) };
  const [ss, mm, hh, dom, mon, dow] = fields as [string, string, string, string, string, string];
  if (!/^0?0$/.test(ss)) return { error: l10n.t('"{0}": a seconds field other than 00 is none of the console\'s cycles', cron) };
  const step = (field: string) => /^(\d+|\*)(?:-(\d+))?\/(\d+)$/.exec(field);
  try {
    const minuteStep = step(mm);
    if (minuteStep || mm === '*') {
      // Minute cycle: `00 M/N H1-H2 * * ?` or `00 */N 00-23 * * ?`.
      const n = minuteStep ? Number(minuteStep[3]) : 1;
      const startMin = minuteStep && minuteStep[1] !== '*' ? Number(minuteStep[1]) : 0;
      const hours = /^(\d+)-(\d+)$/.exec(hh) ?? (hh === '*' ? ['', '0', '23'] : /^(\d+)$/.exec(hh) ? ['', hh, hh] : null);
      if (!hours) return { error: l10n.t('"{0}": the hour field "{1}" of a minute cycle must be a range H1-H2', cron, hh) };
      const lastInHour = startMin + Math.floor((59 - startMin) / n) * n;
      return {
        schedule: { cycle: 'minute', interval: n, start: clockOfMinute(Number(hours[1]) * 60 + startMin), end: Number(hours[2]) === 23 && lastInHour + n > 59 ? '23:59' : clockOfMinute(Number(hours[2]) * 60 + lastInHour) },
      };
    }
    if (!/^\d+$/.test(mm)) return { error: l10n.t('"{0}": the minute field "{1}" is none of the console\'s cycles', cron, mm) };
    const minute = Number(mm);
    const hourStep = step(hh);
    if (hourStep || hh === '*' || /^\d+-\d+$/.test(hh)) {
      const from = hourStep && hourStep[1] !== '*' ? Number(hourStep[1]) : /^(\d+)-/.exec(hh) ? Number(/^(\d+)-/.exec(hh)![1]) : 0;
      const to = hourStep?.[2] !== undefined ? Number(hourStep[2]) : /-(\d+)$/.exec(hh) ? Number(/-(\d+)$/.exec(hh)![1]) : 23;
      const n = hourStep ? Number(hourStep[3]) : 1;
      const last = from + Math.floor((to - from) / n) * n;
      // The console's default end (23:59) when no later instance would fit before midnight anyway.
      return { schedule: { cycle: 'hour', interval: n, start: clockOfMinute(from * 60 + minute), end: last + n > 23 || to === 23 ? '23:59' : clockOfMinute(last * 60 + minute) } };
    }
    if (!/^\d+$/.test(hh)) return { error: l10n.t('"{0}": the hour field "{1}" is none of the console\'s cycles', cron, hh) };
    const time = clockOfMinute(Number(hh) * 60 + minute);
    const weekdays = list(dow, DAY_NAMES, true);
    if (weekdays) return { schedule: { cycle: 'week', time, weekdays: weekdays as number[] } };
    const days = list(dom);
    const months = list(mon, ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']);
    if (months && days) return { schedule: { cycle: 'year', time, days, months: months as number[] } };
    if (days) return { schedule: { cycle: 'month', time, days } };
    if (months) return { error: l10n.t('"{0}": months without days is none of the console\'s cycles', cron) };
    return { schedule: { cycle: 'day', time } };
  } catch (error) {
    return { error: l10n.t('"{0}": {1}', cron, error instanceof Error ? error.message : String(error)) };
  }
}

/** Whether a cron reads back as the very same window fields (not only the same times of day). */
export function sameWindow(cron: string, s: BasicSchedule): boolean {
  const back = cronToSchedule(cron);
  return !('error' in back) && back.schedule.start === (s.start ?? '00:00') && back.schedule.end === (s.end ?? '23:59') && back.schedule.interval === s.interval;
}
