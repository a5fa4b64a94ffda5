import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentLanguage, languageBundle, type Language } from '../../core/text/language';

let loaded: { language: Language; strings: Readonly<Record<string, string>> | undefined } | undefined;

/**
 * The strings the panel's page needs in the user's language: only those the webview's own bundle
 * uses, as the build wrote them beside it (`dist/webview/bundle.l10n.<language>.json`), since the page
 * carries them and the whole bundle is three times its size. Undefined in English, the code's own.
 */
export function webviewStrings(webviewDir: string): Readonly<Record<string, string>> | undefined {
  const language = currentLanguage();
  if (language === 'en') return undefined;
  if (loaded?.language !== language) {
    let strings: Readonly<Record<string, string>> | undefined;
    try {
      strings = JSON.parse(readFileSync(join(webviewDir, `bundle.l10n.${language}.json`), 'utf8')) as Record<string, string>;
    } catch {
      // A build without it (an older one): the whole bundle, which holds these too.
      strings = languageBundle();
    }
    loaded = { language, strings };
  }
  return loaded.strings;
}
