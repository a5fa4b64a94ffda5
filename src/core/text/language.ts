import * as l10n from '@vscode/l10n';
import { z } from 'zod';
import zhCn from '../../../l10n/bundle.l10n.zh-cn.json';

/** The languages Nightshift speaks: English, and Chinese in the consoles' own terms (docs/glossary.md). */
export type Language = 'en' | 'zh-cn';

let current: Language = 'en';

/**
 * Loads a language for the core's messages (diagnostics, refusals, parameter errors) and zod's own.
 * They are written when made, so this comes before any file is indexed; the index cache keeps the
 * language it was written in.
 */
export function useLanguage(language: Language): void {
  current = language;
  l10n.config({ contents: language === 'zh-cn' ? zhCn : {} });
  z.config(language === 'zh-cn' ? z.locales.zhCN() : z.locales.en());
}

export function currentLanguage(): Language {
  return current;
}

/**
 * The language a locale names: `zh_CN.UTF-8`, `zh-cn`, `zh-Hans`, `zh` are Chinese (the consoles have
 * one Chinese interface); anything else, or nothing, is English.
 */
export function languageOfLocale(locale: string | undefined): Language {
  return locale && /^zh([-_.@]|$)/i.test(locale.trim()) ? 'zh-cn' : 'en';
}

/** The strings of the language in use, for a webview to load (undefined: English, the code's own). */
export function languageBundle(): Readonly<Record<string, string>> | undefined {
  return current === 'zh-cn' ? zhCn : undefined;
}
