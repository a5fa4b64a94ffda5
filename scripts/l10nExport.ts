// Writes l10n/bundle.l10n.json, the English bundle, from the l10n.t calls in the code.
// Usage: npm run l10n:export
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { L10N_SOURCES, l10nStrings } from './l10nStrings';

const root = join(__dirname, '..');
const strings = [...l10nStrings(root, L10N_SOURCES).keys()].sort();
writeFileSync(join(root, 'l10n', 'bundle.l10n.json'), `${JSON.stringify(Object.fromEntries(strings.map((s) => [s, s])), null, 2)}\n`);
console.log(`l10n/bundle.l10n.json: ${strings.length} strings`);
