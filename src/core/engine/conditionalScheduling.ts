import type { PublicCalendar } from '../model/projectSchema';
import type { Condition } from '../model/taskSchema';
import { civilOfDay, dateOfDay, weekdayOfDay } from '../time/civilTime';

/** One condition on a business date, by the regular calendar or a public one (Dataphin's "条件调度规则说明"). */
function holds(c: Condition, day: number, calendars: Readonly<Record<string, PublicCalendar>>): boolean {
  const inSets = <T>(sets: { in?: T[]; notIn?: T[] }, value: (x: T) => boolean) => (sets.in ? sets.in.some(value) : !sets.notIn!.some(value));
  if (c.weekday) return inSets(c.weekday, (w) => w === weekdayOfDay(day));
  if (c.month) return inSets(c.month, (m) => m === civilOfDay(day).month);
  if (c.day) {
    const civil = civilOfDay(day);
    return inSets(c.day, (d) => (d === 'L' ? civil.dayOfMonth === civil.daysInMonth : d === civil.dayOfMonth));
  }
  const calendar = calendars[c.calendar!];
  if (!calendar) return false;
  const date = dateOfDay(day);
  if (c.dateType) {
    const weekend = weekdayOfDay(day) >= 6;
    const holiday = calendar.holidays.includes(date) || (weekend && !calendar.workdays.includes(date));
    return c.dateType === 'holiday' ? holiday : !holiday;
  }
  const tagged = (tag: string) => (calendar.tags[tag] ?? []).includes(date);
  const t = c.tags!;
  if (t.all) return t.all.every(tagged);
  if (t.any) return t.any.some(tagged);
  return !t.none!.some(tagged);
}

/**
 * Whether a task's conditions hold on a business date: `and` (与) needs all, `or` (或) any. When they
 * hold, the instance takes the configured schedule type ("…该条件调度被满足，系统将根据配置的执行调度类型进行暂停调度").
 */
export function conditionsHold(conditions: readonly Condition[], logic: 'and' | 'or', bizDay: number, calendars: Readonly<Record<string, PublicCalendar>>): boolean {
  if (conditions.length === 0) return false;
  return logic === 'and' ? conditions.every((c) => holds(c, bizDay, calendars)) : conditions.some((c) => holds(c, bizDay, calendars));
}
