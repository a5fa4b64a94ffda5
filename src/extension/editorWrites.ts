import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/** The smallest range that differs, so the cursor, folds and undo step cover only what changed. */
function changedRange(doc: vscode.TextDocument, before: string, after: string): { range: vscode.Range; text: string } {
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  return { range: new vscode.Range(doc.positionAt(start), doc.positionAt(before.length - end)), text: after.slice(start, after.length - end) };
}

/**
 * A batch's write into a task file open in an editor with no unsaved changes: a WorkspaceEdit on the
 * buffer, then the document's save, so that the editor shows the change as its own undoable edit
 * instead of reloading under the user. Runs under the write lock (batchRunner's `writeThrough`).
 */
export function editorWriteThrough(path: string): ((currentText: string, newText: string) => Promise<boolean>) | undefined {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === path && !d.isClosed);
  if (!doc || doc.isDirty) return undefined;
  return async (currentText, newText) => {
    // Not yet reloaded from the disk, or closed meanwhile: the file is written the usual way.
    if (doc.isClosed || doc.isDirty || doc.getText() !== currentText) return false;
    const { range, text } = changedRange(doc, currentText, newText);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, range, text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(l10n.t('the editor refused the change; not changed'));
    if (doc.getText() !== newText) throw new Error(l10n.t('the editor changed the text while it was edited; not saved'));
    if (!(await doc.save())) {
      // Put the buffer back, so it shows the file as it is on disk, unchanged.
      const back = new vscode.WorkspaceEdit();
      const undo = changedRange(doc, newText, currentText);
      back.replace(doc.uri, undo.range, undo.text);
      await vscode.workspace.applyEdit(back);
      throw new Error(l10n.t('the editor could not save the file; not changed'));
    }
    return true;
  };
}
