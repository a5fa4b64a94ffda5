import * as l10n from '@vscode/l10n';
import { pad2 } from '../time/civilTime';
import type { CompiledParameter, ParameterContext } from './parameterExpression';

/**
 * The date formats of parameter expressions (`yyyymmdd`, `hh24miss`) and their offsets (`-1`,
 * `-1/24`, `-7*1`): parsed once, printed per instance. The compiler in parameterExpression.ts reads
 * the expressions around them.
 */

export type Token = 'yyyy' | 'yy' | 'mm' | 'dd' | 'hh24' | 'hh12' | 'hh' | 'mi' | 'ss';
export type FormatPart = Token | { literal: string };

// Longest first, so "yyyy" wins over "yy" and "hh24" over "hh".
export const TOKENS: readonly Token[] = ['yyyy', 'yy', 'mm', 'dd', 'hh24', 'hh12', 'hh', 'mi', 'ss'];
export const TIME_TOKENS: ReadonlySet<Token> = new Set(['hh24', 'hh12', 'hh', 'mi', 'ss']);
export const OFFSET_TERM = /[+-]\d+(?:\*\d+)?(?:\/\d+)*/g;
export const TRAILING_OFFSET = /^(.*?)((?:[+-]\d+(?:\*\d+)?(?:\/\d+)*)+)$/;
export const ADD_MONTHS = /^add_months\((.*),([+-]?\d+(?:\*\d+)?)\)$/;
/** What a format's literal text may not hold: digits and arithmetic are offsets that did not parse. */
export const ARITHMETIC = /[\d*+]/;
/**
 * The calendar a format prints (four-digit years) spans 9999 years: a longer offset leaves it from any
 * date, and past JavaScript's date range it prints "NaN".
 */
export const MAX_OFFSET_YEARS = 9999;
export const MAX_OFFSET = { year: MAX_OFFSET_YEARS, month: MAX_OFFSET_YEARS * 12, day: Math.floor(MAX_OFFSET_YEARS * 365.2425) };

export class ExpressionError extends Error {}

export function refuseSpaces(inner: string, text: string): void {
  if (inner.trim() === '') throw new ExpressionError(`${text}: ${l10n.t('empty expression')}`);
  if (/[\s=]/.test(inner)) throw new ExpressionError(`${text}: ${l10n.t('an expression cannot hold spaces or "="; concatenate two parameters instead')}`);
}

export function splitOffset(inner: string, text: string): { format: string; offset: string } {
  const match = TRAILING_OFFSET.exec(inner);
  const format = match ? match[1]! : inner;
  if (format === '') throw new ExpressionError(`${text}: ${l10n.t('an offset needs a date format before it, e.g. yyyymmdd-1')}`);
  return { format, offset: match ? match[2]! : '' };
}

export function withinCalendar(amount: number, unit: keyof typeof MAX_OFFSET, text: string): void {
  if (Math.abs(amount) <= MAX_OFFSET[unit]) return;
  throw new ExpressionError(`${text}: ${l10n.t('an offset of {0} {1}s leaves the calendar (offsets reach at most {2} years: {3} {1}s)', amount, unit, MAX_OFFSET_YEARS, MAX_OFFSET[unit])}`);
}

export function termValue(term: string): number {
  const [n, times] = term.split('*');
  return Number(n) * (times === undefined ? 1 : Number(times));
}

export function parseFormat(format: string, text: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let i = 0;
  while (i < format.length) {
    const token = TOKENS.find((t) => format.startsWith(t, i));
    if (token) {
      parts.push(token);
      i += token.length;
      continue;
    }
    const ch = format[i]!;
    if (/[A-Za-z]/.test(ch)) {
      const word = /^[A-Za-z0-9]+/.exec(format.slice(i))![0];
      throw new ExpressionError(`${text}: ${l10n.t('unknown format token "{0}" (known: yyyy, yy, mm, dd, hh24, hh, mi, ss)', word)}`);
    }
    const last = parts[parts.length - 1];
    if (last && typeof last !== 'string') last.literal += ch;
    else parts.push({ literal: ch });
    i++;
  }
  // `yyyymmdd-7*1*1` is no offset the syntax has (one multiplication at most); printing it as literal
  // text would hand a job "20240229-7*1*1" as its date.
  for (const part of parts) {
    if (typeof part !== 'string' && ARITHMETIC.test(part.literal)) {
      throw new ExpressionError(`${text}: ${text.startsWith('$[')
        ? l10n.t('"{0}" is neither part of a date format nor an offset; an offset is +N or -N, at most once times a number (-7*1), with /24 for hours or /24/60 for minutes', part.literal)
        : l10n.t('"{0}" is neither part of a date format nor an offset; an offset is +N or -N, at most once times a number (-7*1)', part.literal)}`);
    }
  }
  return parts;
}

export function formatter(parts: readonly FormatPart[], base: (context: ParameterContext) => number): CompiledParameter {
  return (context) => {
    const d = new Date(base(context));
    let out = '';
    for (const part of parts) {
      switch (part) {
        case 'yyyy': out += String(d.getUTCFullYear()).padStart(4, '0'); break;
        case 'yy': out += pad2(d.getUTCFullYear() % 100); break;
        case 'mm': out += pad2(d.getUTCMonth() + 1); break;
        case 'dd': out += pad2(d.getUTCDate()); break;
        case 'hh24': out += pad2(d.getUTCHours()); break;
        case 'hh':
        case 'hh12': out += pad2(d.getUTCHours() % 12 === 0 ? 12 : d.getUTCHours() % 12); break;
        case 'mi': out += pad2(d.getUTCMinutes()); break;
        case 'ss': out += pad2(d.getUTCSeconds()); break;
        default: out += part.literal;
      }
    }
    return out;
  };
}
