import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { scopeOf } from '../core/operations/changeScope';
import { cloneTask, createTask, newTaskProblems, SpecError, taskNameProblem, type Creation, type NewTaskSpec } from '../core/operations/createTask';
import type { Project, Task } from '../core/workspace/workspaceModel';
import { lockStore, recordsRoot } from './batchExecution';
import { pickFolder } from './folderPicker';
import { promptBasicSchedule } from './schedulePrompt';
import type { TreeNode } from './treeNodes';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Answers Create Compute Task can receive instead of asking (scripts and tests); `open: false` opens nothing. */
export type CreatePreset = Partial<Omit<NewTaskSpec, 'projectDir'>> & { project?: string; open?: boolean };

async function pickProject(indexer: WorkspaceIndexer, title: string): Promise<Project | undefined> {
  const projects = indexer.index.projects();
  if (projects.length <= 1) return projects[0];
  const pick = await vscode.window.showQuickPick(
    projects.map((p) => ({ label: p.config.project, description: `${p.config.mode}, ${p.config.engine}`, project: p })),
    { title: l10n.t('{0}: project', title) },
  );
  return pick?.project;
}

/** Opens the new task file and, beside it, its code file. */
async function openCreated(created: Creation): Promise<void> {
  if (!created.task) return;
  await vscode.window.showTextDocument(vscode.Uri.file(created.task.file), { preview: false });
  await vscode.window.showTextDocument(vscode.Uri.file(created.task.code), { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

function report(created: Creation): void {
  const result = created.record.results[0]!;
  if (created.task) void vscode.window.showInformationMessage(l10n.t('Created {0} ({1}). Submit it when it is ready to run.', result.name ?? '', created.task.id));
  else void vscode.window.showErrorMessage(l10n.t('{0}: {1} was not created: {2}', created.record.title, result.name ?? '', result.reason));
}

/**
 * Create Compute Task…, as the console's "+ Create Computing Task" asks: the project and folder (from
 * the item it was started on, else asked), the type (the project's task types), the name (checked as
 * typed: the naming rule and unique in the project), the owner (me first), the recurrence and its
 * settings, and optionally a template and version of that type. Then the task file and its code file
 * are written and opened.
 */
export async function createTaskCommand(indexer: WorkspaceIndexer, me: string, node?: TreeNode, preset: CreatePreset = {}): Promise<Creation | undefined> {
  await indexer.whenReady();
  const index = indexer.index;
  const title = l10n.t('Create Compute Task');
  let project = node && node.kind !== 'task' ? index.project(node.projectDir) : preset.project ? index.projectNamed(preset.project) : undefined;
  project ??= await pickProject(indexer, title);
  if (!project) return undefined;
  const folder = preset.folder ?? (node?.kind === 'folder' || node?.kind === 'more' ? node.path : node?.kind === 'project' ? '' : await pickFolder(index, project, l10n.t('{0}: folder in {1}', title, project.config.project)));
  if (folder === undefined) return undefined;
  const type = preset.type ?? (await vscode.window.showQuickPick(project.config.taskTypes, { title: l10n.t('{0}: task type', title) }));
  if (!type) return undefined;
  const name =
    preset.name ??
    (await vscode.window.showInputBox({
      title: l10n.t('{0}: name', title),
      prompt: l10n.t('Unique in {0}; letters, digits, _ and -', project.config.project),
      validateInput: (v) => (v === '' ? l10n.t('Type a name') : taskNameProblem(v, project, indexer.index)),
    }));
  if (!name) return undefined;
  const users = project.config.users;
  const owner =
    preset.owner ??
    (users.length
      ? (await vscode.window.showQuickPick([me, ...users.filter((u) => u !== me)].map((u) => ({ label: u, description: u === me ? l10n.t('me') : undefined })), { title: l10n.t('{0}: development owner', title) }))?.label
      : await vscode.window.showInputBox({ title: l10n.t('{0}: development owner', title), value: me, validateInput: (v) => (v.trim() ? undefined : l10n.t('A task needs a development owner')) }));
  if (!owner) return undefined;
  const schedule = preset.schedule ?? (await promptBasicSchedule(title));
  if (!schedule) return undefined;
  let template = preset.template;
  const templates = project.config.templates.filter((t) => t.taskType === type);
  if (!template && !('template' in preset) && templates.length) {
    const pick = await vscode.window.showQuickPick(
      [{ label: l10n.t('No template'), template: undefined as undefined | { name: string; version: number } }, ...templates.flatMap((t) => t.versions.map((v) => ({ label: `${t.name} v${v}`, description: t === templates[0] && v === t.versions.at(-1) ? l10n.t('latest') : undefined, template: { name: t.name, version: v } })))],
      { title: l10n.t('{0}: computing template (optional)', title) },
    );
    if (!pick) return undefined;
    template = pick.template;
  }
  const spec: NewTaskSpec = { projectDir: project.dir, folder, type, name, owner, schedule, ...(template ? { template } : {}) };
  const problems = newTaskProblems(spec, indexer.index);
  if (problems.length) {
    void vscode.window.showErrorMessage(`${title}: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`);
    return undefined;
  }
  const created = createTask(spec, { index: indexer.index, user: me, now: new Date() }, recordsRoot([]), scopeOf(indexer.index, lockStore()));
  await indexer.settled();
  report(created);
  if (preset.open !== false) await openCreated(created);
  return created;
}

/** Clone Task…: a new name (checked as typed), then whether to keep the upstream dependencies. */
export async function cloneTaskCommand(indexer: WorkspaceIndexer, me: string, source: Task | undefined, preset: { name?: string; keepDependencies?: boolean; open?: boolean } = {}): Promise<Creation | undefined> {
  if (!source) return void vscode.window.showWarningMessage(l10n.t('Open or select a compute task to clone.'));
  const project = source.projectDir ? indexer.index.project(source.projectDir) : undefined;
  if (!project) return void vscode.window.showWarningMessage(l10n.t('{0} is not inside a project.', source.data.name));
  const title = l10n.t('Clone Task {0}', source.data.name);
  const name =
    preset.name ??
    (await vscode.window.showInputBox({ title: l10n.t('{0}: new name', title), value: `${source.data.name}_copy`, validateInput: (v) => (v === '' ? l10n.t('Type a name') : taskNameProblem(v, project, indexer.index)) }));
  if (!name) return undefined;
  const keep =
    preset.keepDependencies ??
    (source.data.dependencies.length
      ? (await vscode.window.showQuickPick([{ label: l10n.t('Keep its upstream dependencies'), keep: true, description: `${source.data.dependencies.length}` }, { label: l10n.t('No dependencies'), keep: false }], { title: l10n.t('{0}: dependencies', title) }))?.keep
      : false);
  if (keep === undefined) return undefined;
  let created: Creation;
  try {
    created = cloneTask(source, { name, keepDependencies: keep }, { index: indexer.index, user: me, now: new Date() }, recordsRoot([source]), scopeOf(indexer.index, lockStore()));
  } catch (error) {
    if (!(error instanceof SpecError)) throw error;
    void vscode.window.showErrorMessage(`${title}: ${error.message}`);
    return undefined;
  }
  await indexer.settled();
  report(created);
  if (preset.open !== false) await openCreated(created);
  return created;
}
