import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { exportDolphin } from '../core/interchange/dolphinExport';
import { writeExportFiles } from '../core/interchange/exportFiles';
import { exportFlowSpec, type FlowSpecVersion } from '../core/interchange/flowspecExport';
import { planImportFiles, writeImport } from '../core/interchange/importTasks';
import { InterchangeError, InterchangeReport } from '../core/interchange/interchangeReport';
import type { BatchRecord } from '../core/operations/batchRecords';
import { scopeOf } from '../core/operations/changeScope';
import { countByStatus } from '../core/operations/countByStatus';
import { selectByFolder } from '../core/operations/taskSelection';
import type { Task } from '../core/workspace/workspaceModel';
import { lockStore, recordsRoot } from './batchExecution';
import type { TreeNode } from './treeNodes';
import type { WorkspaceIndexer } from './workspaceIndexer';
import { localBatchTitle } from '../core/operations/operationNames';

let channel: vscode.OutputChannel | undefined;

/** The report in its own output channel: what was not carried exactly, task by task. */
function showReport(title: string, report: InterchangeReport, summary: string): void {
  channel ??= vscode.window.createOutputChannel(l10n.t('Nightshift Import and Export'));
  channel.appendLine(`${title}: ${summary}`);
  for (const line of report.printed()) channel.appendLine(line);
  const lines = report.lines();
  const message = `${title}: ${summary}${lines.length ? ` ${l10n.t('{0} setting(s) not carried exactly.', lines.length)}` : ''}`;
  const show = l10n.t('Show Report');
  void (lines.length ? vscode.window.showWarningMessage(message, show) : vscode.window.showInformationMessage(message, show)).then((a) => a === show && channel!.show(true));
}

/**
 * Import… on a project or folder (or from the palette): FlowSpec files (YAML or JSON) as new tasks
 * there, one batch that Undo Last Batch reverts, and the report. `preset.files` skips the file dialog.
 */
export async function importTasks(indexer: WorkspaceIndexer, me: string, node?: TreeNode, preset: { files?: string[]; project?: string } = {}): Promise<BatchRecord | undefined> {
  await indexer.whenReady();
  const index = indexer.index;
  let project = node && node.kind !== 'task' ? index.project(node.projectDir) : (preset.project === undefined ? undefined : index.projectNamed(preset.project));
  if (!project) {
    const pick = await vscode.window.showQuickPick(index.projects().map((p) => ({ label: p.config.project, project: p })), { title: l10n.t('Import into which project') });
    project = pick?.project;
  }
  if (!project) return undefined;
  const folder = node?.kind === 'folder' || node?.kind === 'more' ? node.path : '';
  const files =
    preset.files ??
    (await vscode.window.showOpenDialog({ title: l10n.t('Import FlowSpec or DolphinScheduler into {0}', `${project.config.project}${folder ? `/${folder}` : ''}`), canSelectMany: true, filters: { 'FlowSpec, DolphinScheduler': ['json', 'yaml', 'yml'] }, openLabel: l10n.t('Import') }))?.map((u) => u.fsPath);
  if (!files?.length) return undefined;
  const report = new InterchangeReport();
  let items;
  try {
    items = planImportFiles(files, project, folder, index, { now: new Date() }, report);
  } catch (error) {
    if (!(error instanceof InterchangeError)) throw error;
    void vscode.window.showErrorMessage(`${l10n.t('Import')}: ${error.message}`);
    return undefined;
  }
  const record = writeImport(files[0]!, items, { user: me, now: new Date() }, recordsRoot([]), scopeOf(index, lockStore()));
  await indexer.settled();
  const ok = countByStatus(record.results).succeeded;
  showReport(localBatchTitle(record.title), report, l10n.t('{0} of {1} task(s) imported into {2}.', ok, record.results.length, `${project.config.project}${folder ? `/${folder}` : ''}`));
  return record;
}

/** Export… on a project, a folder or a selection of tasks: FlowSpec 1.2 or 1.1, one file per project. */
export async function exportTasks(indexer: WorkspaceIndexer, node?: TreeNode, selected?: readonly TreeNode[], preset: { out?: string; version?: FlowSpecVersion | 'dolphinscheduler' } = {}): Promise<string[] | undefined> {
  await indexer.whenReady();
  const index = indexer.index;
  const nodes = selected?.length ? selected : node ? [node] : [];
  const tasks: Task[] = nodes.length
    ? nodes.filter((n) => n.kind !== 'more').flatMap((n) => (n.kind === 'task' ? [index.taskByFile(n.file)].filter((t): t is Task => !!t) : (selectByFolder(index, n.projectDir, n.kind === 'folder' ? n.path : '', true) ?? [])))
    : [...index.tasks()];
  if (!tasks.length) return void vscode.window.showInformationMessage(l10n.t('Export: no compute tasks there.'));
  const version =
    preset.version ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'FlowSpec 1.2', description: l10n.t('DataWorks: workflows, dependencies by output (what its workflow APIs write)'), value: '1.2' as const },
          { label: 'FlowSpec 1.1', description: l10n.t('DataWorks: nodes and flow (the spec\'s examples)'), value: '1.1' as const },
          { label: 'DolphinScheduler', description: l10n.t('one workflow per shared schedule, DEPENDENT tasks across them'), value: 'dolphinscheduler' as const },
        ],
        { title: l10n.t('Export {0} task(s) as', tasks.length) },
      )
    )?.value;
  if (!version) return undefined;
  const report = new InterchangeReport();
  const dolphin = version === 'dolphinscheduler';
  const documents = dolphin ? exportDolphin(index, tasks, report) : exportFlowSpec(index, tasks, version, report);
  const suffix = dolphin ? 'dolphinscheduler' : 'flowspec';
  let out = preset.out;
  if (!out) {
    const target =
      documents.length === 1
        ? await vscode.window.showSaveDialog({ title: dolphin ? l10n.t('Export DolphinScheduler workflows to') : l10n.t('Export FlowSpec to'), defaultUri: vscode.Uri.file(join(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', `${documents[0]!.project}.${suffix}.json`)), filters: { JSON: ['json'] } })
        : (await vscode.window.showOpenDialog({ title: l10n.t('Export into which folder (one file per project)'), canSelectFolders: true, canSelectFiles: false, openLabel: l10n.t('Export here') }))?.[0];
    out = target?.fsPath;
  }
  if (!out) return undefined;
  const written = writeExportFiles(documents, out, suffix);
  showReport(l10n.t('Export ({0})', dolphin ? 'DolphinScheduler' : `FlowSpec ${version}`), report, l10n.t('{0} task(s) written to {1}.', tasks.length, written.join(', ')));
  return written;
}
