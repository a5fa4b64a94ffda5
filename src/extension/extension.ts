import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { languageOfLocale, useLanguage } from '../core/text/language';
import { logError, nightshiftLog, registerCommand } from './errorPolicy';
import { createProject } from './createProject';
import { OpsView } from './opsView';
import { ScheduleChangesView } from './scheduleChangesView';
import { dayScheduleRequest } from '../core/timeline/dayScheduleRequest';
import { exportTasks, importTasks } from './interchangeCommands';
import type { Task } from '../core/workspace/workspaceModel';
import { cloneTaskCommand, createTaskCommand, type CreatePreset } from './createTaskCommand';
import { tasksForCommand } from './taskSelectionUi';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { findTask } from './findTask';
import { offerRecovery } from './interruptedBatches';
import { undoLastBatch } from './undoLastBatch';
import { currentUser, SECTION } from './settings';
import { TaskDecorations } from './taskDecorations';
import { registerTaskCommands } from './taskCommands';
import { TaskDragAndDrop } from './taskDragAndDrop';
import { PANEL_VIEW_TYPE, TaskPanel, type PanelServices } from './panel/taskPanel';
import { windowTaskRows } from './panel/windowTaskRows';
import { openTimeline } from './panel/openTimeline';
import { TaskTreeProvider } from './taskTreeProvider';
import type { TreeNode } from './treeNodes';
import { WorkspaceIndexer, type IndexPass } from './workspaceIndexer';
import { withinTime } from './withinTime';

/** What the extension exposes to its own integration tests (and to other extensions). */
export interface NightshiftApi {
  indexer: WorkspaceIndexer;
  tree: TaskTreeProvider;
  view: vscode.TreeView<TreeNode>;
  /** The Schedule Changes view's provider (Compare Schedule with HEAD). */
  changes: ScheduleChangesView;
  /** The O&M view's provider (Go to O&M). */
  ops: OpsView;
  user(): string;
}

export function activate(context: vscode.ExtensionContext): NightshiftApi {
  const activatedAt = performance.now();
  // The core writes its messages (diagnostics, refusals) as it makes them: its language is set first.
  useLanguage(languageOfLocale(vscode.env.language));
  let user = 'unknown';
  const me = () => user;
  // The persistent index cache lives in the extension's storage for this workspace, never in the repository.
  const indexer = new WorkspaceIndexer(context.storageUri ? join(context.storageUri.fsPath, 'index-cache.bin') : undefined);
  const tree = new TaskTreeProvider(indexer, me);
  const view = vscode.window.createTreeView('nightshift.tasks', {
    treeDataProvider: tree,
    canSelectMany: true,
    showCollapseAll: true,
    dragAndDropController: new TaskDragAndDrop(indexer),
  });
  // A pass's problems are worked out once the tree in sight has shown its tasks.
  indexer.problemsAfter = () => (view.visible ? tree.firstShown : undefined);
  // Registered before any panel's listener: a panel's list finds the rows dropped when the files change.
  const taskRows = windowTaskRows(indexer);
  const services: PanelServices = { extensionUri: context.extensionUri, indexer, tree, view, user: me, rows: taskRows.rows };
  const updateBadge = () => {
    const count = [...indexer.index.diagnostics().values()].flat().filter((d) => d.severity === 'error').length;
    view.badge = count ? { value: count, tooltip: count === 1 ? l10n.t('1 task file problem') : l10n.t('{0} task file problems', count) } : undefined;
  };

  const ops = new OpsView(indexer);
  const changes = new ScheduleChangesView(indexer, ({ task, date }, compare) => TaskPanel.show(services, dayScheduleRequest(indexer.index, indexer.index.task(task), date), compare));
  /** The one task a command names: a tree item, the list's row, else the active editor's task or a pick. */
  const oneTask = async (node?: TreeNode | { taskIds: string[] }): Promise<Task | undefined> =>
    node && 'taskIds' in node
      ? indexer.index.task(node.taskIds[0] ?? '')
      : node?.kind === 'task'
        ? indexer.index.taskByFile(node.file)
        : (await tasksForCommand(indexer, undefined, undefined, false))?.tasks[0];

  const goToOps = async (node?: TreeNode | { taskIds: string[] }, _selected?: unknown, range?: { from?: string; to?: string }) => {
    const task = await oneTask(node);
    return task ? ops.show(task, range) : undefined;
  };

  context.subscriptions.push(
    indexer,
    taskRows.subscription,
    view,
    new DiagnosticsPublisher(indexer),
    vscode.window.registerFileDecorationProvider(new TaskDecorations(indexer, me)),
    indexer.onDidCheck(updateBadge),
    ...registerTaskCommands(indexer, view, me),
    registerCommand('nightshift.openTaskList', () => void TaskPanel.show(services)),
    registerCommand('nightshift.openTimeline', (arg?: unknown) => openTimeline(services, arg)),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => TaskPanel.restore(panel, services, state),
    }),
    registerCommand('nightshift.refresh', () => indexer.reindex()),
    registerCommand('nightshift.tree.loadMore', (node?: TreeNode) => tree.loadMore(node)),
    registerCommand('nightshift.tree.loadAll', (node?: TreeNode) => tree.loadMore(node, true)),
    registerCommand('nightshift.undoLastBatch', (preset?: { confirm?: boolean }) => undoLastBatch(indexer, me, preset?.confirm ?? true)),
    registerCommand('nightshift.createProject', () => createProject(user)),
    ops,
    registerCommand('nightshift.goToOps', goToOps),
    // The same under a menu title: a menu reads a lone & as a mnemonic ("Go to OM"), the palette does not.
    registerCommand('nightshift.goToOps.menu', goToOps),
    registerCommand('nightshift.ops.changeRange', (preset?: { from?: string; to?: string }) => ops.changeRange(preset)),
    registerCommand('nightshift.ops.backfill', async (node?: TreeNode | { taskIds: string[] }, _selected?: unknown, preset?: Parameters<OpsView['backfill']>[1]) => {
      const task = node ? await oneTask(node) : undefined;
      return ops.backfill(task, preset);
    }),
    registerCommand('nightshift.ops.showOnTimeline', () => {
      const id = ops.current?.task;
      return id ? openTimeline(services, { task: id }) : undefined;
    }),
    changes,
    registerCommand('nightshift.compareScheduleWithHead', (preset?: { from?: string; to?: string }) => changes.compare('HEAD', preset ?? {})),
    registerCommand('nightshift.compareScheduleWithBranch', (preset?: string) => changes.compareWithBranch(typeof preset === 'string' ? preset : undefined)),
    registerCommand('nightshift.scheduleChanges.changeDates', (preset?: { from?: string; to?: string }) => changes.changeDates(preset ?? {})),
    registerCommand('nightshift.scheduleChanges.refresh', () => (changes.current ? changes.compare(changes.current.base) : changes.compare('HEAD'))),
    registerCommand('nightshift.scheduleChanges.openInstance', (node?: Parameters<ScheduleChangesView['openInstance']>[0]) => changes.openInstance(node)),
    registerCommand('nightshift.importTasks', (node?: TreeNode, preset?: Parameters<typeof importTasks>[3]) => importTasks(indexer, me(), node && 'kind' in node ? node : undefined, preset)),
    registerCommand('nightshift.exportTasks', (node?: TreeNode, selected?: TreeNode[], preset?: Parameters<typeof exportTasks>[3]) => exportTasks(indexer, node, selected, preset)),
    registerCommand('nightshift.createTask', (node?: TreeNode, preset?: CreatePreset) => createTaskCommand(indexer, me(), node && 'kind' in node ? node : undefined, preset)),
    registerCommand('nightshift.cloneTask', async (node?: TreeNode | { taskIds: string[] }, _selected?: unknown, preset?: Parameters<typeof cloneTaskCommand>[3]) => {
      return cloneTaskCommand(indexer, me(), await oneTask(node), preset);
    }),
    registerCommand('nightshift.findTask', () => findTask(indexer, tree, view)),
    registerCommand('nightshift.copyTaskId', async (node?: TreeNode, selected?: TreeNode[]) => {
      const nodes = selected?.length ? selected : node ? [node] : [];
      const ids = nodes.flatMap((n) => (n.kind === 'task' ? [indexer.index.taskByFile(n.file)?.data.id ?? ''] : []));
      if (ids.length) await vscode.env.clipboard.writeText(ids.join('\n'));
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.exclude`) || e.affectsConfiguration('files.exclude') || e.affectsConfiguration(`${SECTION}.taskRoot`) || e.affectsConfiguration(`${SECTION}.lockDirectory`)) void indexer.reindex();
      if (e.affectsConfiguration(`${SECTION}.user`)) void currentUser().then((u) => (user = u));
    }),
  );

  // Indexing runs after activation returns, so the workbench never waits on a large workspace.
  const recoveryLog = nightshiftLog();
  context.subscriptions.push(recoveryLog);
  // Who "me" is (git's user.name, a process) and the index in parallel: neither waits for the other.
  let indexed = false;
  let indexedAt = 0;
  void Promise.all([
    currentUser().then((u) => {
      user = u;
      // The tree drew before it knew who "me" is: its own locks and "mine" marks again.
      if (indexed) tree.refresh('all');
    }),
    indexer.reindex().then(() => {
      indexed = true;
      indexedAt = performance.now();
    }),
  ])
    // A batch killed mid-way (window closed, crash) left its intent: offer to finish or revert it.
    .then(async () => {
      // What opening cost, in the log (and for the activation benchmark, in NIGHTSHIFT_TIMINGS_FILE).
      const pass = indexer.lastPass;
      if (pass) void reportOpening(pass, activatedAt, indexedAt - activatedAt, tree.firstShown.then((at) => at - activatedAt), indexer.index.taskCount(), recoveryLog);
      for (const folder of vscode.workspace.workspaceFolders ?? []) await offerRecovery(indexer, folder.uri.fsPath, me, recoveryLog);
    })
    .catch((error) => logError('activation (index, interrupted batches)', error));
  return { indexer, tree, view, changes, ops, user: me };
}

export function deactivate(): void {}

/**
 * What opening cost, in the log (and for the activation benchmark, in NIGHTSHIFT_TIMINGS_FILE): to the
 * index's pass done (its context keys' round trip included), and to the tree's first answer from it.
 * A hidden view is never asked: after 10 s the report goes without that time.
 */
async function reportOpening(pass: IndexPass, activatedAt: number, toIndexMs: number, toTree: Promise<number>, tasks: number, log: vscode.OutputChannel): Promise<void> {
  const toTreeMs = await withinTime(toTree, 10_000);
  const { began, ...rest } = pass;
  const timing = { activationToIndexMs: Math.round(toIndexMs), ...(toTreeMs !== undefined ? { activationToTreeMs: Math.round(toTreeMs) } : {}), ...rest, activationToPassMs: Math.round(began - activatedAt), ms: Math.round(pass.ms), findMs: Math.round(pass.findMs), cacheOpenMs: Math.round(pass.cacheOpenMs), tasks };
  log.appendLine(`Indexed ${tasks} tasks (${pass.files} files) ${timing.activationToIndexMs} ms after activation${toTreeMs !== undefined ? `, shown in the tree at ${timing.activationToTreeMs} ms` : ''}; ${pass.cached} task files from the index cache, ${pass.parsed} parsed`);
  if (process.env.NIGHTSHIFT_TIMINGS_FILE) appendFileSync(process.env.NIGHTSHIFT_TIMINGS_FILE, `${JSON.stringify(timing)}\n`);
}
