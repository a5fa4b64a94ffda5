// The strings the code hands to l10n.t: the English bundle's keys. Shared by `npm run l10n:export`,
// which writes l10n/bundle.l10n.json, and the unit test that checks every one has a zh-cn entry.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { l10nCallsIn } from './l10nCalls.mjs';
import { typeScriptFiles } from './sourceFiles';

/** The code files a bundle's strings come from (declaration files hold none). */
const sourceFiles = (dir: string) => typeScriptFiles(dir).filter((f) => !f.endsWith('.d.ts'));

/** Where strings for the bundles are looked for. */
export const L10N_SOURCES = ['src', 'webview'] as const;


export function l10nStrings(root: string, dirs: readonly string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      for (const message of l10nCallsIn(readFileSync(file, 'utf8'))) {
        found.set(message, [...(found.get(message) ?? []), file.slice(root.length + 1)]);
      }
    }
  }
  return found;
}

/** Calls whose first argument is not a plain literal: the bundle cannot know their text. */
export function nonLiteralCalls(root: string, dirs: readonly string[]): string[] {
  const bad: string[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(join(root, dir))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        for (const m of line.matchAll(/\bl10n\.t\(\s*(.)/g)) if (m[1] !== "'") bad.push(`${file.slice(root.length + 1)}:${i + 1}`);
      });
    }
  }
  return bad;
}

/** The `{0}`, `{1}` … a message holds, sorted: a translation must hold the same ones. */
export function placeholders(message: string): string[] {
  return [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();
}
