import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { PROJECT_FILE_NAME } from '../core/model/fileNames';

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Creates `<folder>/<name>/nightshift.yaml` and an empty task root, then opens the project file. */
export async function createProject(user: string): Promise<void> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  let parent: vscode.Uri | undefined;
  if (folders.length === 1) parent = folders[0]!.uri;
  else if (folders.length > 1) parent = (await vscode.window.showWorkspaceFolderPick({ placeHolder: l10n.t('Where should the project folder go?') }))?.uri;
  else parent = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: l10n.t('Create Project Here') }))?.[0];
  if (!parent) return;

  const name = await vscode.window.showInputBox({
    title: l10n.t('Create Nightshift Project'),
    prompt: l10n.t('Project name (letters, digits and underscores; unique in the workspace)'),
    placeHolder: 'finance_dw',
    validateInput: (value) => (NAME.test(value) ? undefined : l10n.t('Start with a letter; use letters, digits and underscores (at most 64).')),
  });
  if (!name) return;
  const mode = await vscode.window.showQuickPick(
    [
      { label: 'basic', description: l10n.t('One environment') },
      { label: 'dev-prod', description: l10n.t('Development and production environments') },
    ],
    { title: l10n.t('Project mode') },
  );
  if (!mode) return;

  const dir = vscode.Uri.joinPath(parent, name);
  const file = vscode.Uri.joinPath(dir, PROJECT_FILE_NAME);
  try {
    await vscode.workspace.fs.stat(file);
    void vscode.window.showErrorMessage(l10n.t('{0} already exists.', file.fsPath));
    return;
  } catch {
    // Does not exist yet: go on.
  }
  const text = [
    `project: ${name}`,
    `mode: ${mode.label}`,
    'engine: maxcompute',
    'timezone: UTC',
    'taskRoot: tasks',
    'taskTypes: [SQL, Python, Shell]',
    `users: [${JSON.stringify(user)}]`,
    'templates: []',
    '',
  ].join('\n');
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(dir, 'tasks'));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(file);
}
