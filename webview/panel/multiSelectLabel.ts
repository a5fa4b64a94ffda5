import * as l10n from '@vscode/l10n';
import { VscodeMultiSelect } from '@vscode-elements/elements/dist/vscode-multi-select/vscode-multi-select.js';

/**
 * The multi-select's face says "N Selected" in English whatever the page's language: the element
 * writes it itself (a private render method, no slot or property for it). It is replaced here by
 * the same badge in the user's words; lit renders the element we return in its place. Pinned to the
 * element's markup of @vscode-elements/elements 2.x (its class names carry the badge's styles).
 */
export function localizeMultiSelectLabel(): void {
  const prototype = VscodeMultiSelect.prototype as unknown as { _renderLabel: () => unknown; _opts: { selectedIndexes: number[] } };
  prototype._renderLabel = function (this: typeof prototype) {
    const count = this._opts.selectedIndexes.length;
    const badge = document.createElement('span');
    badge.className = count === 0 ? 'select-face-badge no-item' : 'select-face-badge';
    badge.textContent = l10n.t('{0} Selected', count);
    return badge;
  };
}
