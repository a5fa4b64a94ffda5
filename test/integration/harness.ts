import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { NightshiftApi } from '../../src/extension/extension';
import type { TreeNode } from '../../src/extension/treeNodes';

export const EXTENSION_ID = 'nightshift.nightshift';

/** Activates the extension under test and waits for its first full index. */
export async function nightshift(): Promise<NightshiftApi> {
  const extension = vscode.extensions.getExtension<NightshiftApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await waitFor(() => api.indexer.index.projects().length > 0, 'the first index');
  await api.indexer.whenReady();
  return api;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

export async function waitFor<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tree as a user sees it: labels (with descriptions) down to `depth` levels, through the real provider. */
export async function treeLabels(api: NightshiftApi, node?: TreeNode): Promise<string[]> {
  const children = await api.tree.getChildren(node);
  return children.map((child) => String(api.tree.getTreeItem(child).label));
}

export async function childByLabel(api: NightshiftApi, parent: TreeNode | undefined, label: string): Promise<TreeNode> {
  const children = await api.tree.getChildren(parent);
  const found = children.find((c) => api.tree.getTreeItem(c).label === label);
  assert.ok(found, `no tree item "${label}" under ${parent ? api.tree.getTreeItem(parent).label : 'the root'}; have ${children.map((c) => api.tree.getTreeItem(c).label).join(', ')}`);
  return found;
}

export async function pathNode(api: NightshiftApi, ...labels: string[]): Promise<TreeNode> {
  let node: TreeNode | undefined;
  for (const label of labels) node = await childByLabel(api, node, label);
  assert.ok(node);
  return node;
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
