import * as vscode from 'vscode';
import type { BatchRecord } from '../core/operations/batchRecords';

/**
 * Editors open on files a batch moved (Move to Folder, Modify Project Ownership) follow them: the
 * file opens at its new place in the same group, and the tab of the old, now deleted, path closes.
 */
export async function followMovedFiles(record: BatchRecord): Promise<void> {
  const moves = new Map<string, string>();
  for (const c of record.changes) {
    if (c.after !== undefined && c.after !== c.before) moves.set(c.before, c.after);
    if (c.code && c.code.from !== c.code.to) moves.set(c.code.from, c.code.to);
  }
  if (moves.size === 0) return;
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const input = tab.input;
      if (!(input instanceof vscode.TabInputText) || input.uri.scheme !== 'file') continue;
      const to = moves.get(input.uri.fsPath);
      if (!to) continue;
      const from = input.uri.fsPath;
      await vscode.window.showTextDocument(vscode.Uri.file(to), { viewColumn: group.viewColumn, preview: tab.isPreview, preserveFocus: !tab.isActive });
      // A preview tab was replaced by the new one already; any tab still on the old path closes.
      const stale = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.fsPath === from);
      if (stale.length) await vscode.window.tabGroups.close(stale).then(undefined, () => undefined);
    }
  }
}
