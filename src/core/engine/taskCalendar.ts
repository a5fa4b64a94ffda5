import * as l10n from '@vscode/l10n';
import type { Schedule } from '../model/taskSchema';
import { checkSchedule } from '../model/scheduleRules';
import type { PublicCalendar } from '../model/projectSchema';
import { civilOfDay, dateOfDay, dayNumber, minuteOfClock, weekdayOfDay } from '../time/civilTime';
import { conditionsHold } from './conditionalScheduling';
import { dstShift } from '../time/dstShift';
import { instanceKindText } from './instanceKindText';

export type InstanceKind = 'normal' | 'dry-run' | 'paused';

/**
 * When a task's instances fall. The minutes of a day are the same every day the task runs, except on
 * a day the project's clocks change; what changes from day to day is whether there are instances at
 * all (one-time, effective range) and their kind (week, month and year cycles get a dry-run instance
 * on the days they are not configured for).
 */
export interface TaskCalendar {
  /** Wall-clock minutes after midnight, ascending, on an ordinary day. */
  readonly minutes: readonly number[];
  /**
   * The minutes of `day`, as DataWorks has them on a DST day ("Impact of daylight saving time on
   * scheduling"): when the clocks spring forward, hour and minute cycles get no instance in the
   * skipped hour (23 hourly instances), and a day, week or month instance inside it runs an hour
   * later as a dry-run; when they fall back, the repeated hour's times keep one instance each, the
   * second occurrence (the wall clock is the same, so the list is too).
   */
  minutesOn(day: number): readonly number[];
  /** True for minute and hour cycles: several instances a day. */
  readonly multi: boolean;
  readonly cycle: NonNullable<Schedule['cycle']>;
  /** The kind of the day's instances, or undefined when the task has none that day. */
  kindOn(day: number): InstanceKind | undefined;
  /** Why the day's instances are of that kind, when conditional scheduling made them so. */
  whyOn(day: number): string | undefined;
}

export type CalendarResult = { ok: true; calendar: TaskCalendar } | { ok: false; reason: string };

/** A Dataphin project's public calendars, which its conditional scheduling reads. */
export interface DataphinCalendars {
  calendars: Readonly<Record<string, PublicCalendar>>;
}

export function taskCalendar(schedule: Schedule, zone = 'UTC', dataphin?: DataphinCalendars): CalendarResult {
  if (schedule.method === 'one-time') return { ok: false, reason: l10n.t('one-time task: it has no scheduled instances') };
  const error = checkSchedule(schedule).find((p) => p.severity === 'error');
  if (error) return { ok: false, reason: error.message };
  const cycle = schedule.cycle!;
  const from = schedule.effective?.from ? dayNumber(schedule.effective.from) : -Infinity;
  const to = schedule.effective?.to ? dayNumber(schedule.effective.to) : Infinity;
  const methodKind: InstanceKind = schedule.method === 'dry-run' ? 'dry-run' : schedule.method === 'paused' ? 'paused' : 'normal';
  const scheduledOn = dayFilter(schedule);
  const minutes = minutesOf(schedule);
  const multi = cycle === 'minute' || cycle === 'hour';
  // A time inside the hour the clocks skip that day.
  const skipped = (day: number, m: number) => {
    const shift = dstShift(zone, day);
    return shift !== undefined && shift.delta > 0 && m >= shift.at && m < shift.at + shift.delta ? shift : undefined;
  };
  // Dataphin's conditional scheduling: when the conditions hold on the business date (the day
  // before), the instances take the configured schedule type.
  const conditional = schedule.conditional;
  const then = dataphin && conditional?.enabled && conditional.then && conditional.conditions.length ? conditional.then : undefined;
  const conditionHolds = (day: number) => then !== undefined && conditionsHold(conditional!.conditions, conditional!.logic, day - 1, dataphin!.calendars);
  return {
    ok: true,
    calendar: {
      minutes,
      multi,
      whyOn(day) {
        return conditionHolds(day) ? l10n.t('conditional scheduling: its conditions hold on the business date {0} ({1}), so it runs as {2}', dateOfDay(day - 1), conditional!.logic, instanceKindText(then!)) : undefined;
      },
      cycle,
      minutesOn(day) {
        if (multi) return dstShift(zone, day) ? minutes.filter((m) => !skipped(day, m)) : minutes;
        const shift = skipped(day, minutes[0]!);
        return shift ? [minutes[0]! + shift.delta] : minutes;
      },
      kindOn(day) {
        if (day < from || day > to) return undefined;
        // A paused task's instances are all frozen; a dry-run task's all succeed at once.
        if (methodKind !== 'normal') return methodKind;
        if (!multi && skipped(day, minutes[0]!)) return 'dry-run';
        if (!scheduledOn(day)) return 'dry-run';
        return conditionHolds(day) ? then! : 'normal';
      },
    },
  };
}

function minutesOf(schedule: Schedule): number[] {
  const cycle = schedule.cycle;
  if (cycle === 'minute' || cycle === 'hour') {
    const start = minuteOfClock(schedule.start ?? '00:00');
    const end = minuteOfClock(schedule.end ?? '23:59');
    const step = cycle === 'minute' ? schedule.interval! : (schedule.interval ?? 1) * 60;
    const out: number[] = [];
    for (let m = start; m <= end; m += step) out.push(m);
    return out;
  }
  return [minuteOfClock(schedule.time ?? '00:00')];
}

function dayFilter(schedule: Schedule): (day: number) => boolean {
  switch (schedule.cycle) {
    case 'week': {
      const weekdays = new Set(schedule.weekdays ?? []);
      return (day) => weekdays.has(weekdayOfDay(day));
    }
    case 'month':
    case 'year': {
      const days = new Set(schedule.days ?? []);
      const months = schedule.cycle === 'year' ? new Set(schedule.months ?? []) : undefined;
      return (day) => {
        const c = civilOfDay(day);
        if (months && !months.has(c.month)) return false;
        return days.has(c.dayOfMonth) || (days.has('L') && c.dayOfMonth === c.daysInMonth);
      };
    }
    default:
      return () => true;
  }
}
