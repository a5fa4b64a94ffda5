import * as l10n from '@vscode/l10n';
import { languageOfLocale, useLanguage, type Language } from '../core/text/language';
import { UsageError } from './usageError';

/**
 * Sets the language of the messages from `--lang` or the locale (`LC_ALL`, then `LC_MESSAGES`, then
 * `LANG`, as POSIX orders them) and returns the arguments without `--lang`. `--json` output is a
 * contract for scripts, so a run that asks for it stays English whatever the locale says.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const args = [...argv];
  const fromLocale = languageOfLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  // A bad --lang is reported in the locale's language (and stays English for --json).
  useLanguage(args.includes('--json') ? 'en' : fromLocale);
  let asked: Language | undefined;
  const at = args.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at >= 0) {
    const value = args[at]!.includes('=') ? args[at]!.slice('--lang='.length) : args[at + 1];
    args.splice(at, args[at]!.includes('=') ? 1 : 2);
    if (value === undefined || !/^(en|zh-cn)$/i.test(value)) throw new UsageError(value === undefined ? l10n.t('--lang takes en or zh-cn') : l10n.t('--lang takes en or zh-cn, not "{0}"', value));
    asked = value.toLowerCase() as Language;
  }
  useLanguage(args.includes('--json') ? 'en' : (asked ?? fromLocale));
  return args;
}
