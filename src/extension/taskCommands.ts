import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerCommand } from './errorPolicy';
import { displayStamp } from '../core/time/civilTime';
import { recordById } from '../core/operations/recordLookup';
import { listRecordSummaries, type RecordSummary } from '../core/operations/recordSummary';
import { revertBatch } from '../core/operations/batchRevert';
import { scopeOf } from '../core/operations/changeScope';
import { countByStatus } from '../core/operations/countByStatus';
import { buildOperation, fieldProblem, OperationArgumentError } from '../core/operations/operationArguments';
import { OPERATIONS, type OperationKey } from '../core/operations/operationCatalog';
import { localBatchTitle, operationLabel } from '../core/operations/operationNames';
import { readPending } from '../core/operations/pendingList';
import { publishPending } from '../core/operations/publishPending';
import { selectByIds } from '../core/operations/taskSelection';
import { MAX_REMARK } from '../core/operations/publishOperations';
import type { PendingAction, TaskOperation } from '../core/operations/taskOperation';
import type { Task } from '../core/workspace/workspaceModel';
import { executeBatch, lockStore, recordsRoot } from './batchExecution';
import { revertDetail } from './interruptedBatches';
import type { MoveRequest } from './taskDragAndDrop';
import { promptDependencies } from './dependencyPrompt';
import { promptRunSettings } from './runPrompt';
import { promptSchedule } from './schedulePrompt';
import { pickFolder } from './folderPicker';
import { tasksForCommand } from './taskSelectionUi';
import type { TreeNode } from './treeNodes';
import type { WorkspaceIndexer } from './workspaceIndexer';
import { recordHeading, resultLine } from './batchReport';

/**
 * Answers a command can receive instead of asking (for scripts, keybindings and tests): how to pick
 * and confirm, and any of the operation's arguments (`operationArguments.ts`), which skip their prompts.
 */
export interface Preset extends Record<string, unknown> {
  recursive?: boolean;
  confirm?: boolean;
  /** A drop target: the folder, and the project whose folder it is (default the first task's project). */
  folder?: string;
  projectDir?: string;
  /** Modify Project Ownership: the target project by name. */
  project?: string;
}

/** Tasks named by id, as the task-list panel names them. */
export interface TaskIdsRequest {
  taskIds: string[];
  /** Those of them the list's filters hide (the preview says so). */
  hiddenIds?: string[];
}

/** Asks for what the preset does not give; returns the operation's arguments, or undefined when cancelled. */
type Ask = (tasks: Task[], preset: Preset) => Promise<object | undefined>;

/** Preset arguments leave absent keys out, so that a schema's defaults apply. */
function withoutUndefined(args: object): object {
  return Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined));
}

/** A pending-publish entry's action, as the console's 待发布列表 names it. */
function pendingLabel(action: PendingAction): string {
  switch (action) {
    case 'publish': return l10n.t('Publish');
    case 'unpublish': return l10n.t('Unpublish');
    case 'unpublish-and-delete': return l10n.t('Unpublish and Delete');
    case 'delete': return l10n.t('Delete');
  }
}

export function registerTaskCommands(indexer: WorkspaceIndexer, view: vscode.TreeView<TreeNode>, user: () => string): vscode.Disposable[] {
  const output = vscode.window.createOutputChannel(l10n.t('Nightshift Operations'));
  const projectOf = (tasks: Task[]) => (tasks[0]?.projectDir ? indexer.index.project(tasks[0].projectDir) : undefined);
  const withRemark = async (preset: Preset, required: boolean) => {
    const remark =
      (preset.remark as string | undefined) ??
      (await vscode.window.showInputBox({
        title: l10n.t('Remark'),
        prompt: required ? l10n.t('Up to {0} characters', MAX_REMARK) : l10n.t('Up to {0} characters (optional)', MAX_REMARK),
        validateInput: (v) => (v.length > MAX_REMARK ? l10n.t('At most {0} characters ({1})', MAX_REMARK, v.length) : required && !v.trim() ? l10n.t('A remark is required') : undefined),
      }));
    return remark === undefined ? undefined : { remark };
  };

  const asks: Record<OperationKey, Ask> = {
    acquireLock: async () => ({}),
    changeOwner: async (tasks, p) => {
      const users = projectOf(tasks)?.config.users ?? [];
      const owner = (p.owner as string | undefined) ?? (users.length ? await vscode.window.showQuickPick(users, { title: l10n.t('New development owner') }) : await vscode.window.showInputBox({ title: l10n.t('New development owner'), validateInput: (v) => fieldProblem('changeOwner', { owner: v }, 'owner') }));
      return owner === undefined ? undefined : { owner };
    },
    modifyTags: async (_tasks, p) => {
      const mode = (p.mode as string | undefined) ?? (await vscode.window.showQuickPick([{ label: l10n.t('Append'), value: 'append' as const, detail: l10n.t('Keep the existing tags and add these') }, { label: l10n.t('Replace'), value: 'replace' as const, detail: l10n.t('Clear the existing tags, then set these') }], { title: l10n.t('Modification type') }))?.value;
      if (!mode) return undefined;
      const tags =
        (p.tags as string[] | undefined) ??
        (await vscode.window.showInputBox({ title: l10n.t('Tags'), prompt: l10n.t('Comma-separated'), validateInput: (v) => fieldProblem('modifyTags', { mode, tags: v.split(',') }, 'tags') }))?.split(',');
      return tags ? { mode, tags } : undefined;
    },
    moveTasks: async (tasks, p) => {
      const project = p.projectDir ? indexer.index.project(p.projectDir) : projectOf(tasks);
      if (!project) return undefined;
      const folder = p.folder ?? (await pickFolder(indexer.index, project));
      return folder === undefined ? undefined : { projectDir: project.dir, folder };
    },
    configureSchedule: async (_tasks, p) => {
      if (p.basic || p.conditional || p.effective) return { basic: p.basic, conditional: p.conditional, effective: p.effective };
      return promptSchedule();
    },
    configureDependencies: async (tasks, p) => {
      if (p.add || p.remove || p.edit) return { add: p.add, remove: p.remove, edit: p.edit };
      return promptDependencies(indexer.index, tasks);
    },
    configureParameters: async (_tasks, p) => {
      if (p.values) return { values: p.values };
      const parse = (text: string) => text.trim().split(/\s+/).filter(Boolean);
      const text = await vscode.window.showInputBox({
        title: l10n.t('Parameters'),
        prompt: l10n.t('name=value, several separated by spaces; tasks without the parameter are skipped'),
        validateInput: (v) =>
          parse(v).map((kv) => (kv.indexOf('=') > 0 ? undefined : `"${kv}": write name=value`)).find(Boolean) ??
          (v.trim() ? fieldProblem('configureParameters', { values: Object.fromEntries(parse(v).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) }, 'values') : undefined),
      });
      if (!text?.trim()) return undefined;
      return { values: Object.fromEntries(parse(text).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])) };
    },
    configureRun: async (_tasks, p) => {
      if (p.timeoutMinutes !== undefined || p.autoRerun !== undefined) return { timeoutMinutes: p.timeoutMinutes, autoRerun: p.autoRerun };
      return promptRunSettings();
    },
    modifyTemplateVersion: async (tasks, p) => {
      if (p.version !== undefined) return { version: p.version };
      const ref = tasks.find((t) => t.data.template)?.data.template;
      const template = ref ? projectOf(tasks)?.config.templates.find((t) => t.name === ref.name) : undefined;
      if (!ref || !template) {
        void vscode.window.showInformationMessage(ref ? l10n.t('Template {0} is not a template of the task\'s project.', ref.name) : l10n.t('The selected tasks reference no computing template; there is no version to change.'));
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        template.versions.map((v) => ({ label: `v${v}`, description: v === ref.version ? l10n.t('current') : undefined, version: v })),
        { title: l10n.t('Modify Referenced Template Version: {0} ({1})', template.name, template.taskType) },
      );
      return pick ? { version: pick.version } : undefined;
    },
    submitTasks: async (_tasks, p) => withRemark(p, false),
    unpublish: async (_tasks, p) => withRemark(p, false),
    unpublishAndDelete: async (_tasks, p) => withRemark(p, false),
    deleteTasks: async (_tasks, p) => withRemark(p, true),
    modifyProjectOwnership: async (tasks, p) => {
      const from = projectOf(tasks);
      const others = indexer.index.projects().filter((x) => x.dir !== from?.dir);
      const name = p.project ?? (await vscode.window.showQuickPick(others.map((x) => ({ label: x.config.project, description: `${x.config.mode}, ${x.config.engine}` })), { title: l10n.t('Target project') }))?.label;
      const target = others.find((x) => x.config.project === name);
      return target ? { projectDir: target.dir, ...(p.folder ? { folder: p.folder } : {}) } : undefined;
    },
  };

  const disposables: vscode.Disposable[] = [output];
  for (const { key } of OPERATIONS) {
    disposables.push(
      registerCommand(`nightshift.${key}`, async (node?: TreeNode | MoveRequest | TaskIdsRequest, selected?: TreeNode[], preset: Preset = {}) => {
        let tasks: Task[] | undefined;
        let where: string | undefined;
        let hidden: ReadonlySet<string> | undefined;
        if (node && 'taskIds' in node) {
          // From the task-list panel: its row or its selection.
          tasks = selectByIds(indexer.index, node.taskIds).tasks;
          if (node.hiddenIds?.length) hidden = new Set(node.hiddenIds);
        } else if (node && 'taskFiles' in node) {
          // From drag and drop: the dragged task files onto a folder.
          tasks = node.taskFiles.map((f) => indexer.index.taskByFile(f)).filter((t): t is Task => !!t);
          preset = { ...preset, folder: node.folder, projectDir: node.projectDir };
        } else {
          const chosen = await tasksForCommand(indexer, node, selected, preset.recursive);
          tasks = chosen?.tasks;
          where = chosen?.where;
        }
        if (!tasks?.length) return undefined;
        const args = await asks[key](tasks, preset);
        if (!args) return undefined;
        let operation: TaskOperation;
        try {
          operation = buildOperation(key, withoutUndefined(args), tasks);
        } catch (error) {
          if (!(error instanceof OperationArgumentError)) throw error;
          void vscode.window.showErrorMessage(`${operationLabel(key)}: ${error.message}`);
          return undefined;
        }
        return executeBatch(indexer, output, operation, tasks, user(), preset.confirm ?? true, where, hidden);
      }),
    );
  }

  disposables.push(
    registerCommand('nightshift.releaseLock', async (uri?: vscode.Uri) => {
      const file = uri?.fsPath ?? vscode.window.activeTextEditor?.document.uri.fsPath;
      const task = file ? indexer.index.taskByFile(file) : undefined;
      if (!task) return void vscode.window.showWarningMessage(l10n.t('Open a compute task file to release its edit lock.'));
      const holder = lockStore().holder(task);
      if (!holder) return void vscode.window.showInformationMessage(l10n.t('{0} is not locked.', task.data.name));
      if (holder.holder !== user()) return void vscode.window.showWarningMessage(l10n.t('{0} is locked by {1}; only they can release it.', task.data.name, holder.holder));
      lockStore().release(task, user());
      void vscode.window.showInformationMessage(l10n.t('Released the edit lock of {0}.', task.data.name));
    }),
    registerCommand('nightshift.showBatchRecords', async () => {
      const first = indexer.index.tasks().next();
      const root = recordsRoot(first.done ? [] : [first.value]);
      // Listed without their changes (megabytes of old texts each); the one chosen is read whole.
      const records = listRecordSummaries(root).reverse();
      const item = (r: RecordSummary) => {
        const n = countByStatus(r.results);
        return { label: localBatchTitle(r.title), description: `${r.when} · ${r.who}`, detail: l10n.t('{0} succeeded, {1} skipped, {2} failed', n.succeeded, n.skipped, n.failed), record: r };
      };
      const picks = [
        { label: l10n.t('Submit'), kind: vscode.QuickPickItemKind.Separator },
        ...records.filter((r) => r.kind === 'submit').map(item),
        { label: l10n.t('Other Operations'), kind: vscode.QuickPickItemKind.Separator },
        ...records.filter((r) => r.kind === 'other').map(item),
      ];
      const chosen = await vscode.window.showQuickPick(picks, { title: l10n.t('Batch Operation Records'), matchOnDetail: true });
      if (!chosen || !('record' in chosen)) return;
      // A listing reads no record's changes: damage there shows now, when the record is read whole.
      let damage: string | undefined;
      const r = recordById(root, (chosen.record as RecordSummary).id, (file, reason) => (damage = l10n.t('{0}: not a batch record ({1}); left out', file, reason)));
      if (!r) return void vscode.window.showWarningMessage(damage ?? l10n.t('That batch record is no longer in {0}.', root));
      output.appendLine(`${recordHeading(r)} ${JSON.stringify(r.parameters)}`);
      for (const x of r.results) output.appendLine(resultLine(x));
      output.show(true);
      if (r.changes.length && r.operation !== 'revert') {
        const revertButton = l10n.t('Revert');
        const answer = await vscode.window.showInformationMessage(l10n.t('Revert "{0}" of {1}?', localBatchTitle(r.title), r.when), { modal: true, detail: revertDetail(r, indexer) }, revertButton);
        if (answer === revertButton) {
          const revert = revertBatch(r, user(), root, scopeOf(indexer.index, lockStore()));
          void vscode.window.showInformationMessage(l10n.t('{0}: {1} reverted, {2} could not be.', revert.title, revert.results.filter((x) => x.status === 'succeeded').length, revert.results.filter((x) => x.status === 'failed').length));
        }
      }
    }),
    registerCommand('nightshift.publishPending', async (preset: { project?: string; tasks?: string[]; confirm?: boolean } = {}) => {
      const lists = indexer.index
        .projects()
        .map((project) => ({ project, entries: readPending(project.dir) }))
        .filter((l) => l.entries.length > 0);
      if (lists.length === 0) return void vscode.window.showInformationMessage(l10n.t('Nothing is pending publish.'));
      const name =
        preset.project ??
        (lists.length === 1
          ? lists[0]!.project.config.project
          : (await vscode.window.showQuickPick(lists.map((l) => ({ label: l.project.config.project, description: l10n.t('{0} pending', l.entries.length) })), { title: l10n.t('Pending Publish: Project') }))?.label);
      const chosen = lists.find((l) => l.project.config.project === name);
      if (!chosen) return undefined;
      const { project, entries } = chosen;
      let only = preset.tasks ? new Set(preset.tasks) : undefined;
      if (preset.confirm !== false) {
        // The pending-publish list itself: every entry with who submitted it, when and why; all ticked.
        const picked = await vscode.window.showQuickPick(
          entries.map((e) => ({
            label: `$(${e.action === 'unpublish' ? 'cloud-download' : 'trash'}) ${e.name}`,
            description: l10n.t('{0} · {1} · by {2} at {3}', pendingLabel(e.action), e.task, e.by, displayStamp(e.at)),
            detail: e.remark || l10n.t('no remark'),
            picked: !only || only.has(e.task),
            task: e.task,
          })),
          { title: l10n.t('Pending Publish: {0}', project.config.project), placeHolder: l10n.t('Untick what should stay pending, then press Enter to publish'), canPickMany: true, matchOnDescription: true, matchOnDetail: true },
        );
        if (!picked?.length) return undefined;
        only = picked.length === entries.length ? undefined : new Set(picked.map((p) => p.task));
        const publishButton = l10n.t('Publish');
        const answer = await vscode.window.showInformationMessage(l10n.t('Publish {0} pending object(s) of {1}?', picked.length, project.config.project), { modal: true }, publishButton);
        if (answer !== publishButton) return undefined;
      }
      const tasks = [...indexer.index.tasks()].filter((t) => t.projectDir === project.dir);
      const record = await publishPending(project.dir, { index: indexer.index, user: user(), now: new Date() }, { root: recordsRoot(tasks), locks: lockStore() }, only);
      void vscode.window.showInformationMessage(l10n.t('{0}: {1} published.', localBatchTitle(record.title), record.results.filter((r) => r.status === 'succeeded').length));
      return record;
    }),
  );
  return disposables;
}
