import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/** Why a task with unsaved changes in an editor is refused (a function: the language is set at activation). */
export const unsavedReason = (): string => l10n.t('unsaved changes in an editor; save or revert them, then run the operation again');

/**
 * Why Nightshift must not write `path` now: an editor holds unsaved changes to it. Writing under such a
 * buffer would lose one side: the batch (if the user then chooses Overwrite) or the edit. Asked for
 * each file right before it is written, so an edit begun after the preview still counts.
 */
export function unsavedEditorRefusal(path: string): string | undefined {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file' && doc.uri.fsPath === path) return unsavedReason();
  }
  return undefined;
}
