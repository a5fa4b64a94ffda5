import * as l10n from '@vscode/l10n';

// The host writes the language's strings into the page (data-l10n), so the first paint is already in
// the user's language without a round trip. main.ts imports this module first: the other modules'
// labels are made as they load.
const strings = document.getElementById('app')?.dataset.l10n;
if (strings) l10n.config({ contents: JSON.parse(strings) as Record<string, string> });
