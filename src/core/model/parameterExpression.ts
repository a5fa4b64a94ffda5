import * as l10n from '@vscode/l10n';
import { DateTime } from 'luxon';
import { addMonths, DAY_MS, MINUTE_MS, pad2 } from '../time/civilTime';
import { dstShift } from '../time/dstShift';
import { ADD_MONTHS, ExpressionError, formatter, OFFSET_TERM, parseFormat, refuseSpaces, splitOffset, termValue, TIME_TOKENS, withinCalendar, type Token } from './parameterFormat';

/**
 * DataWorks scheduling-parameter expressions (reference §1.1): `${…}` on the business date, `$[…]` on
 * the scheduled time, `add_months`, system parameters and constants, compiled once per value and then
 * evaluated per instance.
 */

export interface ParameterContext {
  /** Scheduled time (cyctime) as naive wall-clock milliseconds. */
  cycMs: number;
  /** The project's zone: on a day its clocks change, hour and minute offsets count real time. */
  zone?: string;
  taskId?: string;
  instanceId?: string;
}

export type CompiledParameter = (context: ParameterContext) => string;

export type CompileResult = { ok: true; evaluate: CompiledParameter; constant: boolean } | { ok: false; error: string };

/**
 * Whose syntax a value follows. DataWorks: Oracle-style tokens (`yyyymmdd`, `hh24`, `mi`), no space
 * or "=" anywhere in a value. Dataphin ("变量分类与赋值"): Java-style tokens as well (`yyyyMMdd`,
 * `HH`, `mm` for minutes beside an hour), spaces inside an expression (`yyyy-MM-dd HH:mm:ss`,
 * `${yyyymmdd -7}`), the built-in global `${bizdate}`, the project's global variables, and any other
 * `${name}` is a local or cross-node variable that gets its value when the task runs.
 */
export interface ParameterDialect {
  scheduler: 'dataworks' | 'dataphin';
  globals?: Readonly<Record<string, string>>;
}

const DATAWORKS: ParameterDialect = { scheduler: 'dataworks' };


export function compileParameter(value: string, dialect: ParameterDialect = DATAWORKS): CompileResult {
  const dataphin = dialect.scheduler === 'dataphin';
  try {
    const parts: (string | CompiledParameter)[] = [];
    let literal = '';
    let i = 0;
    while (i < value.length) {
      const ch = value[i];
      const next = value[i + 1];
      if (ch === '$' && (next === '{' || next === '[')) {
        const close = next === '{' ? '}' : ']';
        const end = value.indexOf(close, i + 2);
        if (end < 0) throw new ExpressionError(`"${value.slice(i)}": ${l10n.t('unbalanced "{0}" (no closing "{1}")', `$${next}`, close)}`);
        const inner = value.slice(i + 2, end);
        const text = value.slice(i, end + 1);
        if (literal) parts.push(literal), (literal = '');
        if (dataphin) parts.push(compileDataphin(next, inner, text, dialect.globals ?? {}));
        else parts.push(next === '{' ? compileBusinessDate(inner, text) : compileScheduledTime(inner, text));
        i = end + 1;
      } else if (ch === '$' && next !== undefined && /[A-Za-z]/.test(next)) {
        const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1))![0];
        if (literal) parts.push(literal), (literal = '');
        parts.push(systemParameter(name));
        i += 1 + name.length;
      } else {
        literal += ch;
        i++;
      }
    }
    if (literal) parts.push(literal);
    if (!dataphin) {
      // DataWorks' "Supported formats of scheduling parameters": "Parameter expressions do not
      // support spaces or the = character", outside a bracket as inside one.
      const bad = parts.find((p): p is string => typeof p === 'string' && /[\s=]/.test(p));
      if (bad !== undefined) throw new ExpressionError(`"${value}": ${l10n.t('a DataWorks parameter value cannot hold spaces or "=" ("{0}"); give each part its own parameter', bad.trim() || ' ')}`);
    }
    if (parts.every((p) => typeof p === 'string')) {
      const constant = parts.join('');
      return { ok: true, constant: true, evaluate: () => constant };
    }
    if (parts.length === 1) return { ok: true, constant: false, evaluate: parts[0] as CompiledParameter };
    return {
      ok: true,
      constant: false,
      evaluate: (context) => {
        let out = '';
        for (const part of parts) out += typeof part === 'string' ? part : part(context);
        return out;
      },
    };
  } catch (error) {
    if (error instanceof ExpressionError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Evaluates a parameter value at one scheduled time; throws with the bad expression named. */
export function evaluateParameter(value: string, context: ParameterContext): string {
  const compiled = compileParameter(value);
  if (!compiled.ok) throw new Error(compiled.error);
  return compiled.evaluate(context);
}

const JAVA_TOKENS = ['yyyy', 'yy', 'MM', 'dd', 'HH', 'hh', 'mm', 'ss'] as const;
const DATAPHIN_OFFSET = /^(.*?)\s*((?:[+-]\s*\d+(?:\*\d+)?(?:\/\d+)*\s*)+)$/;

/**
 * A Dataphin expression: its Java-style format mapped onto the same tokens (an `mm` beside an hour is
 * minutes, else months; lower-case `yyyymmdd` stays as it is), spaces allowed, then evaluated as
 * DataWorks evaluates `${…}` (business date) and `$[…]` (scheduled time).
 */
function compileDataphin(bracket: '{' | '[', inner: string, text: string, globals: Readonly<Record<string, string>>): CompiledParameter | string {
  const trimmed = inner.trim();
  if (trimmed === '') throw new ExpressionError(`${text}: ${l10n.t('empty expression')}`);
  if (bracket === '{') {
    if (trimmed === 'bizdate') return formatter(parseFormat('yyyymmdd', text), bizMs);
    if (Object.hasOwn(globals, trimmed)) return globals[trimmed]!;
  }
  const match = DATAPHIN_OFFSET.exec(trimmed);
  const format = match ? match[1]! : trimmed;
  const offset = match ? match[2]!.replace(/\s+/g, '') : '';
  const mapped = dataphinFormat(format);
  if (mapped === undefined) {
    // Not a date format: in ${…} a variable, which gets its value when the task runs.
    if (bracket === '{' && /^[\p{L}_][\p{L}\p{N}_]{0,31}$/u.test(trimmed)) return text;
    throw new ExpressionError(`${text}: ${bracket === '{' ? l10n.t('neither a date format (yyyy, MM, dd, HH, mm, ss) nor a variable name (at most 32 letters, digits or _)') : l10n.t('neither a date format (yyyy, MM, dd, HH, mm, ss) nor allowed in $[…], which is the scheduled time')}`);
  }
  const internal = `${mapped}${offset}`;
  return bracket === '{' ? compileBusinessDate(internal, text, true) : compileScheduledTime(internal, text, true);
}

/** A Java-style format in the internal tokens, or undefined when it holds a letter no token has. */
function dataphinFormat(format: string): string | undefined {
  const hasHour = /HH|hh/.test(format);
  let out = '';
  let i = 0;
  while (i < format.length) {
    if (format.startsWith('yyyymmdd', i) && !hasHour) {
      out += 'yyyymmdd';
      i += 8;
      continue;
    }
    const token = JAVA_TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      out += { yyyy: 'yyyy', yy: 'yy', MM: 'mm', dd: 'dd', HH: 'hh24', hh: 'hh12', mm: hasHour ? 'mi' : 'mm', ss: 'ss' }[token];
      i += token.length;
      continue;
    }
    const ch = format[i]!;
    if (/[A-Za-z]/.test(ch)) return undefined;
    out += ch;
    i++;
  }
  return /[a-z]/.test(out) ? out : undefined;
}

/**
 * The scheduled time moved by hours or minutes. On a day the project's clocks change, DataWorks counts
 * them in real time ("Impact of daylight saving time on scheduling": ten minutes before 03:00 is 01:50
 * the day the clocks spring forward; ten minutes before the second 02:00 is the first 02:50); on
 * every other day that is the wall-clock difference.
 */
function realTimeOffset(context: ParameterContext, minutes: number): number {
  const naive = context.cycMs + minutes * MINUTE_MS;
  const zone = context.zone;
  if (!zone) return naive;
  const day = Math.floor(context.cycMs / DAY_MS);
  const target = Math.floor(naive / DAY_MS);
  let touched = false;
  for (let d = Math.min(day, target) - 1; d <= Math.max(day, target) + 1 && !touched; d++) touched = dstShift(zone, d) !== undefined;
  if (!touched) return naive;
  const wall = DateTime.fromMillis(context.cycMs, { zone: 'UTC' });
  // A repeated wall time is its second occurrence (DataWorks keeps that instance); luxon resolves so.
  const instant = DateTime.fromObject({ year: wall.year, month: wall.month, day: wall.day, hour: wall.hour, minute: wall.minute, second: wall.second }, { zone });
  const moved = instant.plus({ minutes });
  return Date.UTC(moved.year, moved.month - 1, moved.day, moved.hour, moved.minute, moved.second);
}

function bizMs(context: ParameterContext): number {
  return (Math.floor(context.cycMs / DAY_MS) - 1) * DAY_MS;
}

/** `dataphin`: spaces allowed, and time tokens print the business date's midnight. */
function compileBusinessDate(inner: string, text: string, dataphin = false): CompiledParameter {
  if (inner === 'bdp.system.bizdate') return formatter(parseFormat('yyyymmdd', text), bizMs);
  if (inner === 'bdp.system.cyctime') return formatter(parseFormat('yyyymmddhh24miss', text), (c) => c.cycMs);
  if (inner.startsWith('bdp.')) throw new ExpressionError(`${text}: ${l10n.t('unknown system variable (known: bdp.system.bizdate, bdp.system.cyctime)')}`);
  if (!dataphin) refuseSpaces(inner, text);
  const { format, offset } = splitOffset(inner, text);
  const parts = parseFormat(format, text);
  const time = parts.find((p): p is Token => typeof p === 'string' && TIME_TOKENS.has(p));
  // Dataphin prints a business date's time as midnight (${yyyy/MM/dd HH:mm:ss} = 2018/01/09 00:00:00).
  if (time && !dataphin) throw new ExpressionError(`${text}: ${l10n.t('"{0}" is not available in ${...}, which is the business date (day precision); use $[...] for the scheduled time', time)}`);
  if (offset === '') return formatter(parts, bizMs);
  let total = 0;
  for (const term of offset.match(OFFSET_TERM)!) {
    if (term.includes('/')) throw new ExpressionError(`${text}: ${l10n.t('${...} takes whole-unit offsets only; "{0}" is an hour or minute offset, which needs $[...]', term)}`);
    total += termValue(term);
  }
  const has = (t: Token) => parts.includes(t);
  const unit = has('dd') ? 'day' : has('mm') ? 'month' : 'year';
  withinCalendar(total, unit, text);
  if (unit === 'day') return formatter(parts, (c) => bizMs(c) + total * DAY_MS);
  if (unit === 'month') return formatter(parts, (c) => addMonths(bizMs(c), total));
  return formatter(parts, (c) => addMonths(bizMs(c), 12 * total));
}

function compileScheduledTime(inner: string, text: string, spacesAllowed = false): CompiledParameter {
  if (!spacesAllowed) refuseSpaces(inner, text);
  const months = ADD_MONTHS.exec(inner);
  if (months) {
    const parts = parseFormat(months[1]!, text);
    const n = termValue(months[2]!.startsWith('-') || months[2]!.startsWith('+') ? months[2]! : `+${months[2]}`);
    withinCalendar(n, 'month', text);
    return formatter(parts, (c) => addMonths(c.cycMs, n));
  }
  if (inner.includes('(')) throw new ExpressionError(`${text}: ${l10n.t('unknown function (only add_months(format,N) is supported)')}`);
  const { format, offset } = splitOffset(inner, text);
  const parts = parseFormat(format, text);
  if (offset === '') return formatter(parts, (c) => c.cycMs);
  let minutes = 0;
  for (const term of offset.match(OFFSET_TERM)!) {
    const [whole, ...divisors] = term.split('/');
    const days = termValue(whole!);
    if (divisors.length === 0) {
      if (!parts.includes('dd')) {
        const unit = parts.includes('mm') ? 'month' : parts.includes('yyyy') || parts.includes('yy') ? 'year' : undefined;
        throw new ExpressionError(unit
          ? `${text}: ${unit === 'year' ? l10n.t('a year offset in $[...] needs add_months, e.g. $[add_months(yyyymmdd,-12)]') : l10n.t('a month offset in $[...] needs add_months, e.g. $[add_months(yyyymmdd,-1)]')}`
          : `${text}: ${l10n.t('"{0}" counts whole days, but the format has no day (dd); use {0}/24 for hours or {0}/24/60 for minutes', term)}`);
      }
      minutes += days * 1440;
    } else if (divisors.length === 1 && divisors[0] === '24') {
      minutes += days * 60;
    } else if (divisors.length === 2 && divisors[0] === '24' && divisors[1] === '60') {
      minutes += days;
    } else {
      throw new ExpressionError(`${text}: ${l10n.t('"{0}" is not an offset; write -N (days), -N/24 (hours) or -N/24/60 (minutes)', term)}`);
    }
  }
  withinCalendar(minutes / 1440, 'day', text);
  if (minutes % 1440 === 0) return formatter(parts, (c) => c.cycMs + minutes * MINUTE_MS);
  return formatter(parts, (c) => realTimeOffset(c, minutes));
}

function systemParameter(name: string): CompiledParameter {
  switch (name) {
    case 'bizdate':
      return formatter(parseFormat('yyyymmdd', '$bizdate'), bizMs);
    case 'cyctime':
      return formatter(parseFormat('yyyymmddhh24miss', '$cyctime'), (c) => c.cycMs);
    case 'gmtdate':
      return formatter(parseFormat('yyyymmdd', '$gmtdate'), (c) => c.cycMs);
    case 'bizmonth':
      // The business date's month, or the month before it while that month is still running.
      return formatter(parseFormat('yyyymm', '$bizmonth'), (c) => {
        const biz = bizMs(c);
        return new Date(biz).getUTCMonth() === new Date(c.cycMs).getUTCMonth() ? addMonths(biz, -1) : biz;
      });
    case 'nodeid':
      return (c) => c.taskId ?? '';
    case 'taskid':
      return (c) => c.instanceId ?? '';
    default:
      throw new ExpressionError(`$${name}: ${l10n.t('unknown system parameter (known: $bizdate, $cyctime, $gmtdate, $bizmonth, $nodeid, $taskid)')}`);
  }
}
