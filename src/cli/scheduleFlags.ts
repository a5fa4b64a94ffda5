import * as l10n from '@vscode/l10n';
import { UsageError } from './usageError';
import { commaList } from './workspaceArgs';

/** The basic-scheduling flags `schedule` and `create` share. */
export const SCHEDULE_FLAGS = {
  method: { type: 'string' },
  cycle: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  interval: { type: 'string' },
  time: { type: 'string' },
  weekdays: { type: 'string' },
  days: { type: 'string' },
  months: { type: 'string' },
} as const;

type Flags = { [K in keyof typeof SCHEDULE_FLAGS]?: string };

export function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(l10n.t('--{0} "{1}" is not a whole number', flag, value));
  return n;
}

function numbers(value: string | undefined): (number | string)[] | undefined {
  return value === undefined ? undefined : commaList(value)!.map((d) => (d === 'L' ? 'L' : Number(d)));
}

/** The flags given, as basic scheduling's fields; undefined when none was given. */
export function basicScheduleFlags(v: Flags): Record<string, unknown> | undefined {
  if (!Object.keys(SCHEDULE_FLAGS).some((k) => v[k as keyof Flags] !== undefined)) return undefined;
  return {
    ...(v.method ? { method: v.method } : {}),
    ...(v.cycle ? { cycle: v.cycle } : {}),
    ...(v.start ? { start: v.start } : {}),
    ...(v.end ? { end: v.end } : {}),
    ...(v.interval ? { interval: wholeNumber(v.interval, 'interval') } : {}),
    ...(v.time ? { time: v.time } : {}),
    ...(v.weekdays ? { weekdays: numbers(v.weekdays) } : {}),
    ...(v.days ? { days: numbers(v.days) } : {}),
    ...(v.months ? { months: numbers(v.months) } : {}),
  };
}
