import * as vscode from 'vscode';
import { registerCommand } from './errorPolicy';
import { displayStamp } from '../core/engine/civilTime';
import { listRecords, type BatchRecord } from '../core/operations/batchRecords';
import { revertBatch } from '../core/operations/batchRevert';
import { scopeOf } from '../core/operations/changeScope';
import { commonDependencies, configureDependenciesOperation, type Cycle } from '../core/operations/dependencyOperation';
import { moveTasksOperation } from '../core/operations/moveOperation';
import { readPending } from '../core/operations/pendingPublish';
import { modifyProjectOwnershipOperation } from '../core/operations/projectOwnershipOperation';
import { publishPending } from '../core/operations/publishPending';
import { selectByIds } from '../core/operations/taskSelection';
import { deleteTaskOperation, MAX_REMARK, unpublishAndDeleteOperation, unpublishOperation } from '../core/operations/publishOperations';
import { configureScheduleOperation, type ScheduleSettings } from '../core/operations/scheduleOperation';
import {
  acquireLockOperation,
  changeOwnerOperation,
  configureParametersOperation,
  configureRunOperation,
  modifyTagsOperation,
  modifyTemplateVersionOperation,
} from '../core/operations/simpleOperations';
import type { PendingAction, TaskOperation } from '../core/operations/taskOperation';
import type { Task } from '../core/workspace/workspaceModel';
import { executeBatch, lockStore, recordsRoot } from './batchExecution';
import { revertDetail } from './interruptedBatches';
import type { MoveRequest } from './taskDragAndDrop';
import { promptSchedule } from './schedulePrompt';
import { pickFolder } from './folderPicker';
import { tasksForCommand } from './taskSelectionUi';
import type { TreeNode } from './treeNodes';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Answers a command can receive instead of asking (for scripts, keybindings and tests). */
export interface Preset {
  recursive?: boolean;
  confirm?: boolean;
  owner?: string;
  mode?: 'replace' | 'append';
  tags?: string[];
  folder?: string;
  /** Project whose folder `folder` is (a drop target); default the first task's project. */
  projectDir?: string;
  remark?: string;
  version?: number;
  values?: Record<string, string>;
  timeoutMinutes?: number;
  schedule?: ScheduleSettings;
  add?: { task: string; cycle: Cycle }[];
  remove?: string[];
  project?: string;
}

/** Tasks named by id, as the task-list panel names them. */
export interface TaskIdsRequest {
  taskIds: string[];
}

type Build = (tasks: Task[], preset: Preset) => Promise<TaskOperation | undefined>;

const PENDING_LABEL: Record<PendingAction, string> = { unpublish: 'Unpublish', 'unpublish-and-delete': 'Unpublish and delete', delete: 'Delete' };

export function registerTaskCommands(indexer: WorkspaceIndexer, view: vscode.TreeView<TreeNode>, user: () => string): vscode.Disposable[] {
  const output = vscode.window.createOutputChannel('Nightshift Operations');
  const projectOf = (tasks: Task[]) => (tasks[0]?.projectDir ? indexer.index.project(tasks[0].projectDir) : undefined);
  const remark = async (preset: Preset, required: boolean) =>
    preset.remark ??
    (await vscode.window.showInputBox({
      title: 'Remark',
      prompt: `Up to ${MAX_REMARK} characters${required ? '' : ' (optional)'}`,
      validateInput: (v) => (v.length > MAX_REMARK ? `At most ${MAX_REMARK} characters (${v.length})` : required && !v.trim() ? 'A remark is required' : undefined),
    }));

  const builders: Record<string, Build> = {
    acquireLock: async () => acquireLockOperation(),
    changeOwner: async (tasks, p) => {
      const users = projectOf(tasks)?.config.users ?? [];
      const owner = p.owner ?? (users.length ? await vscode.window.showQuickPick(users, { title: 'New development owner' }) : await vscode.window.showInputBox({ title: 'New development owner' }));
      return owner ? changeOwnerOperation(owner) : undefined;
    },
    modifyTags: async (_tasks, p) => {
      const mode = p.mode ?? (await vscode.window.showQuickPick([{ label: 'Append', value: 'append' as const, detail: 'Keep the existing tags and add these' }, { label: 'Replace', value: 'replace' as const, detail: 'Clear the existing tags, then set these' }], { title: 'Modification type' }))?.value;
      if (!mode) return undefined;
      const tags = p.tags ?? (await vscode.window.showInputBox({ title: 'Tags', prompt: 'Comma-separated' }))?.split(',');
      return tags ? modifyTagsOperation(mode, tags) : undefined;
    },
    moveTasks: async (tasks, p) => {
      const project = p.projectDir ? indexer.index.project(p.projectDir) : projectOf(tasks);
      if (!project) return undefined;
      const folder = p.folder ?? (await pickFolder(indexer.index, project));
      return folder === undefined ? undefined : moveTasksOperation(project.dir, folder);
    },
    configureSchedule: async (_tasks, p) => {
      const settings = p.schedule ?? (await promptSchedule());
      return settings ? configureScheduleOperation(settings) : undefined;
    },
    configureDependencies: async (tasks, p) => {
      if (p.add || p.remove) return configureDependenciesOperation({ add: p.add ?? [], remove: p.remove ?? [] }, tasks);
      const common = commonDependencies(tasks);
      const action = await vscode.window.showQuickPick(
        [{ label: '$(add) Add Dependency…', id: '+' }, ...common.map((d) => ({ label: `$(remove) Remove ${d.task}`, description: indexer.index.task(d.task)?.data.name, id: d.task }))],
        { title: `Upstream dependencies common to the ${tasks.length} selected task(s)` },
      );
      if (!action) return undefined;
      if (action.id !== '+') return configureDependenciesOperation({ remove: [action.id] }, tasks);
      const pick = await vscode.window.showQuickPick([...indexer.index.tasks()].map((t) => ({ label: t.data.name, description: t.data.id, id: t.data.id })), { title: 'Upstream task', matchOnDescription: true });
      if (!pick) return undefined;
      const cycle = await vscode.window.showQuickPick([{ label: 'Same cycle', value: 'same' as const }, { label: 'Previous cycle', value: 'previous' as const }], { title: 'Depend on' });
      return cycle ? configureDependenciesOperation({ add: [{ task: pick.id, cycle: cycle.value }] }, tasks) : undefined;
    },
    configureParameters: async (_tasks, p) => {
      if (p.values) return configureParametersOperation(p.values);
      const text = await vscode.window.showInputBox({
        title: 'Parameters',
        prompt: 'name=value, several separated by spaces; tasks without the parameter are skipped',
        validateInput: (v) => v.trim().split(/\s+/).filter(Boolean).map((kv) => (kv.indexOf('=') > 0 ? undefined : `"${kv}": write name=value`)).find(Boolean),
      });
      if (!text?.trim()) return undefined;
      return configureParametersOperation(Object.fromEntries(text.trim().split(/\s+/).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])));
    },
    configureRun: async (_tasks, p) => {
      if (p.timeoutMinutes !== undefined) return configureRunOperation({ timeoutMinutes: p.timeoutMinutes });
      const timeout = await vscode.window.showInputBox({ title: 'Run timeout in minutes (empty: leave as it is)', validateInput: (v) => (v === '' || (/^\d+$/.test(v) && Number(v) > 0) ? undefined : 'Minutes, a whole number above 0, or empty') });
      if (timeout === undefined) return undefined;
      const rerun = await vscode.window.showQuickPick(
        [{ label: 'Leave auto-rerun as it is', id: 'keep' }, { label: 'Rerun automatically on failure…', id: 'set' }, { label: 'No automatic rerun', id: 'none' }],
        { title: 'Auto-rerun on failure' },
      );
      if (!rerun) return undefined;
      let autoRerun: { times: number; intervalMinutes: number } | null | undefined;
      if (rerun.id === 'none') autoRerun = null;
      if (rerun.id === 'set') {
        const times = await vscode.window.showInputBox({ title: 'Rerun how many times (1 to 10)', value: '3', validateInput: (v) => (/^\d+$/.test(v) && +v >= 1 && +v <= 10 ? undefined : 'A whole number from 1 to 10') });
        if (times === undefined) return undefined;
        const interval = await vscode.window.showInputBox({ title: 'Minutes between reruns (1 to 30)', value: '2', validateInput: (v) => (/^\d+$/.test(v) && +v >= 1 && +v <= 30 ? undefined : 'A whole number from 1 to 30') });
        if (interval === undefined) return undefined;
        autoRerun = { times: Number(times), intervalMinutes: Number(interval) };
      }
      if (timeout === '' && autoRerun === undefined) return undefined;
      return configureRunOperation({ ...(timeout ? { timeoutMinutes: Number(timeout) } : {}), ...(autoRerun !== undefined ? { autoRerun } : {}) });
    },
    modifyTemplateVersion: async (tasks, p) => {
      if (p.version !== undefined) return modifyTemplateVersionOperation(p.version);
      const ref = tasks.find((t) => t.data.template)?.data.template;
      const template = ref ? projectOf(tasks)?.config.templates.find((t) => t.name === ref.name) : undefined;
      if (!ref || !template) {
        void vscode.window.showInformationMessage(ref ? `Template ${ref.name} is not a template of the task's project.` : 'The selected tasks reference no computing template; there is no version to change.');
        return undefined;
      }
      const pick = await vscode.window.showQuickPick(
        template.versions.map((v) => ({ label: `v${v}`, description: v === ref.version ? 'current' : undefined, version: v })),
        { title: `Modify Referenced Template Version: ${template.name} (${template.taskType})` },
      );
      return pick ? modifyTemplateVersionOperation(pick.version) : undefined;
    },
    unpublish: async (tasks, p) => {
      const r = await remark(p, false);
      return r === undefined ? undefined : unpublishOperation(r, tasks);
    },
    unpublishAndDelete: async (tasks, p) => {
      const r = await remark(p, false);
      return r === undefined ? undefined : unpublishAndDeleteOperation(r, tasks);
    },
    deleteTasks: async (tasks, p) => {
      const r = await remark(p, true);
      return r === undefined ? undefined : deleteTaskOperation(r, tasks);
    },
    modifyProjectOwnership: async (tasks, p) => {
      const from = projectOf(tasks);
      const others = indexer.index.projects().filter((x) => x.dir !== from?.dir);
      const name = p.project ?? (await vscode.window.showQuickPick(others.map((x) => ({ label: x.config.project, description: `${x.config.mode}, ${x.config.engine}` })), { title: 'Target project' }))?.label;
      const target = others.find((x) => x.config.project === name);
      return target ? modifyProjectOwnershipOperation({ projectDir: target.dir, ...(p.folder ? { folder: p.folder } : {}) }) : undefined;
    },
  };

  const disposables: vscode.Disposable[] = [output];
  for (const [name, build] of Object.entries(builders)) {
    disposables.push(
      registerCommand(`nightshift.${name}`, async (node?: TreeNode | MoveRequest | TaskIdsRequest, selected?: TreeNode[], preset: Preset = {}) => {
        let tasks: Task[] | undefined;
        let where: string | undefined;
        if (node && 'taskIds' in node) {
          // From the task-list panel: its row or its selection.
          tasks = selectByIds(indexer.index, node.taskIds).tasks;
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
        let operation: TaskOperation | undefined;
        try {
          operation = await build(tasks, preset);
        } catch (error) {
          void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
          return undefined;
        }
        if (!operation) return undefined;
        return executeBatch(indexer, output, operation, tasks, user(), preset.confirm ?? true, where);
      }),
    );
  }

  disposables.push(
    registerCommand('nightshift.releaseLock', async (uri?: vscode.Uri) => {
      const file = uri?.fsPath ?? vscode.window.activeTextEditor?.document.uri.fsPath;
      const task = file ? indexer.index.taskByFile(file) : undefined;
      if (!task) return void vscode.window.showWarningMessage('Open a compute task file to release its edit lock.');
      const holder = lockStore().holder(task);
      if (!holder) return void vscode.window.showInformationMessage(`${task.data.name} is not locked.`);
      if (holder.holder !== user()) return void vscode.window.showWarningMessage(`${task.data.name} is locked by ${holder.holder}; only they can release it.`);
      lockStore().release(task, user());
      void vscode.window.showInformationMessage(`Released the edit lock of ${task.data.name}.`);
    }),
    registerCommand('nightshift.showBatchRecords', async () => {
      const first = indexer.index.tasks().next();
      const root = recordsRoot(first.done ? [] : [first.value]);
      const records = listRecords(root).reverse();
      const item = (r: BatchRecord) => {
        const n = (s: string) => r.results.filter((x) => x.status === s).length;
        return { label: r.title, description: `${r.when} · ${r.who}`, detail: `${n('succeeded')} succeeded, ${n('skipped')} skipped, ${n('failed')} failed`, record: r };
      };
      const picks = [
        { label: 'Submit', kind: vscode.QuickPickItemKind.Separator },
        ...records.filter((r) => r.kind === 'submit').map(item),
        { label: 'Other Operations', kind: vscode.QuickPickItemKind.Separator },
        ...records.filter((r) => r.kind === 'other').map(item),
      ];
      const chosen = await vscode.window.showQuickPick(picks, { title: 'Batch Operation Records', matchOnDetail: true });
      if (!chosen || !('record' in chosen)) return;
      const r = chosen.record as BatchRecord;
      output.appendLine(`${r.title} (${r.when}, by ${r.who}) ${JSON.stringify(r.parameters)}`);
      for (const x of r.results) output.appendLine(`  ${x.task} ${x.name ?? ''}: ${x.status} — ${x.reason}`);
      output.show(true);
      if (r.changes.length && r.operation !== 'revert') {
        const answer = await vscode.window.showInformationMessage(`Revert "${r.title}" of ${r.when}?`, { modal: true, detail: revertDetail(r, indexer) }, 'Revert');
        if (answer === 'Revert') {
          const revert = revertBatch(r, user(), root, scopeOf(indexer.index, lockStore()));
          void vscode.window.showInformationMessage(`${revert.title}: ${revert.results.filter((x) => x.status === 'succeeded').length} reverted, ${revert.results.filter((x) => x.status === 'failed').length} could not be.`);
        }
      }
    }),
    registerCommand('nightshift.publishPending', async (preset: { project?: string; tasks?: string[]; confirm?: boolean } = {}) => {
      const lists = indexer.index
        .projects()
        .map((project) => ({ project, entries: readPending(project.dir) }))
        .filter((l) => l.entries.length > 0);
      if (lists.length === 0) return void vscode.window.showInformationMessage('Nothing is pending publish.');
      const name =
        preset.project ??
        (lists.length === 1
          ? lists[0]!.project.config.project
          : (await vscode.window.showQuickPick(lists.map((l) => ({ label: l.project.config.project, description: `${l.entries.length} pending` })), { title: 'Pending Publish: Project' }))?.label);
      const chosen = lists.find((l) => l.project.config.project === name);
      if (!chosen) return undefined;
      const { project, entries } = chosen;
      let only = preset.tasks ? new Set(preset.tasks) : undefined;
      if (preset.confirm !== false) {
        // The pending-publish list itself: every entry with who submitted it, when and why; all ticked.
        const picked = await vscode.window.showQuickPick(
          entries.map((e) => ({
            label: `$(${e.action === 'unpublish' ? 'cloud-download' : 'trash'}) ${e.name}`,
            description: `${PENDING_LABEL[e.action]} · ${e.task} · by ${e.by} at ${displayStamp(e.at)}`,
            detail: e.remark || 'no remark',
            picked: !only || only.has(e.task),
            task: e.task,
          })),
          { title: `Pending Publish: ${project.config.project}`, placeHolder: 'Untick what should stay pending, then press Enter to publish', canPickMany: true, matchOnDescription: true, matchOnDetail: true },
        );
        if (!picked?.length) return undefined;
        only = picked.length === entries.length ? undefined : new Set(picked.map((p) => p.task));
        const answer = await vscode.window.showInformationMessage(`Publish ${picked.length} pending object(s) of ${project.config.project}?`, { modal: true }, 'Publish');
        if (answer !== 'Publish') return undefined;
      }
      const tasks = [...indexer.index.tasks()].filter((t) => t.projectDir === project.dir);
      const record = await publishPending(project.dir, { index: indexer.index, user: user(), now: new Date() }, { root: recordsRoot(tasks), locks: lockStore() }, only);
      void vscode.window.showInformationMessage(`${record.title}: ${record.results.filter((r) => r.status === 'succeeded').length} published.`);
      return record;
    }),
  );
  return disposables;
}
