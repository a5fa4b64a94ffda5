// How a source file hands strings to l10n.t: shared by the l10n export (scripts/l10nStrings.ts) and
// the build (scripts/build.mjs), which gives the webview only the strings its own bundle uses.

/** `l10n.t('…'` or `vscode.l10n.t('…'` with a single-quoted literal first argument. */
export const L10N_CALL = /\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g;

/** The text of a single-quoted literal as written in the source (`\'` and `\n` undone). */
export function unescapeLiteral(literal) {
  return literal.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c));
}

/** Every string a source text hands to l10n.t. */
export function l10nCallsIn(text) {
  return [...text.matchAll(L10N_CALL)].map((m) => unescapeLiteral(m[1]));
}
