import * as l10n from '@vscode/l10n';
import { hostname } from 'node:os';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Document } from 'yaml';
import { scheduleSchema, type Schedule } from '../model/taskSchema';
import { TASK_FILE_SUFFIX } from '../model/fileNames';
import { checkSchedule } from '../model/scheduleRules';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Project, Task } from '../workspace/workspaceModel';
import { writeFileAtomic } from './atomicFile';
import { newRecordId, saveRecord, textHash, type BatchRecord, type FileChange, type TaskResult } from './batchRecords';
import { finishChange } from './changeApply';
import { checkChangeScope, type ChangeScope } from './changeScope';
import { failureReason } from './failureReason';
import { folderNameProblem, folderPathProblem, normalizeFolderPath } from './folderNames';
import { readIfExists } from './fileChangeState';
import { editYaml, timestamp } from './taskDocument';
import { withWriteLock } from './writeLock';

/** What Create Compute Task asks for. */
export interface NewTaskSpec {
  projectDir: string;
  /** Folder below the project's task root, '/'-separated; '' for the root. */
  folder: string;
  name: string;
  type: string;
  owner: string;
  description?: string;
  /** Basic scheduling: method, cycle and the cycle's fields (default: daily at 00:00). */
  schedule?: Partial<Pick<Schedule, 'method' | 'cycle' | 'start' | 'end' | 'interval' | 'time' | 'weekdays' | 'days' | 'months'>>;
  template?: { name: string; version: number };
}

/** A problem at one field of the dialog (or the CLI's option of that name). */
export interface SpecProblem {
  field: 'project' | 'folder' | 'name' | 'type' | 'owner' | 'schedule' | 'template';
  message: string;
}

/** The console's naming rule for a node: letters (any script), digits, _ and -, at most 128. */
const NAME_RULE = /^[\p{L}\p{N}_-]{1,128}$/u;

/** Why a new task's name is refused in this project, or undefined when it is fine. */
export function taskNameProblem(name: string, project: Project, index: WorkspaceIndex): string | undefined {
  if (!NAME_RULE.test(name)) return name.length > 128 ? l10n.t('{0} can be at most {1} characters (this one has {2})', l10n.t('a task name'), 128, name.length) : l10n.t('a task name is letters, digits, _ and - (no spaces, dots or slashes), at most 128 characters');
  const fileProblem = folderNameProblem(name, 'task');
  if (fileProblem) return fileProblem;
  const taken = [...index.tasks()].find((t) => t.projectDir === project.dir && t.data.name.toLowerCase() === name.toLowerCase());
  if (taken) return l10n.t('project {0} already has a task named {1} ({2})', project.config.project, taken.data.name, taken.data.id);
  return undefined;
}

/** Every problem of a spec, field by field (the dialog checks each as it is typed; the CLI all at once). */
export function newTaskProblems(spec: NewTaskSpec, index: WorkspaceIndex): SpecProblem[] {
  const project = index.project(spec.projectDir);
  if (!project) return [{ field: 'project', message: l10n.t('{0} is not a project of this workspace', spec.projectDir) }];
  const problems: SpecProblem[] = [];
  const folderProblem = folderPathProblem(spec.folder);
  if (folderProblem) problems.push({ field: 'folder', message: folderProblem });
  const nameProblem = taskNameProblem(spec.name, project, index);
  if (nameProblem) problems.push({ field: 'name', message: nameProblem });
  if (!project.config.taskTypes.includes(spec.type)) problems.push({ field: 'type', message: l10n.t('{0} is not a task type of project {1} ({2})', spec.type || l10n.t('(none)'), project.config.project, project.config.taskTypes.join(', ')) });
  if (!spec.owner.trim()) problems.push({ field: 'owner', message: l10n.t('a task needs a development owner') });
  else if (project.config.users.length && !project.config.users.includes(spec.owner)) problems.push({ field: 'owner', message: l10n.t('{0} is not a user of project {1} (users: {2})', spec.owner, project.config.project, project.config.users.join(', ')) });
  const schedule = scheduleSchema.safeParse({ method: 'normal', cycle: 'day', time: '00:00', ...spec.schedule });
  if (!schedule.success) problems.push({ field: 'schedule', message: schedule.error.issues.map((i) => `schedule.${i.path.join('.')}: ${i.message}`).join('; ') });
  else for (const p of checkSchedule(schedule.data).filter((p) => p.severity === 'error')) problems.push({ field: 'schedule', message: p.message });
  if (spec.template) {
    const template = project.config.templates.find((t) => t.name === spec.template!.name);
    if (!template) problems.push({ field: 'template', message: l10n.t('project {0} has no computing template {1}', project.config.project, spec.template.name) });
    else if (template.taskType !== spec.type) problems.push({ field: 'template', message: l10n.t('template {0} is for {1} tasks, not {2}', template.name, template.taskType, spec.type) });
    else if (!template.versions.includes(spec.template.version)) problems.push({ field: 'template', message: l10n.t('template {0} has no version {1} (versions: {2})', template.name, spec.template.version, template.versions.join(', ')) });
  }
  return problems;
}

/** `<workspace>/.nightshift/last-task-id`: the last id handed out, so two creations at once get two ids. */
export function lastTaskIdFile(root: string): string {
  return join(root, '.nightshift', 'last-task-id');
}

/**
 * A fresh id, as the console numbers nodes: one above both the highest numeric id of the workspace
 * and the last id handed out here. Called under the workspace's write lock, which makes reading and
 * advancing the counter one step: two processes creating at once never take the same id.
 */
export function freshTaskId(index: WorkspaceIndex, root: string): string {
  let highest = 0;
  for (const t of index.tasks()) if (/^\d{1,15}$/.test(t.data.id)) highest = Math.max(highest, Number(t.data.id));
  const last = Number((readIfExists(lastTaskIdFile(root)) ?? '').trim());
  if (Number.isSafeInteger(last) && last > highest) highest = last;
  let id = highest + 1;
  while (index.task(String(id))) id++;
  mkdirSync(dirname(lastTaskIdFile(root)), { recursive: true });
  writeFileAtomic(lastTaskIdFile(root), `${id}\n`);
  return String(id);
}

/** The code file's extension and comment for a task type. */
export function codeLanguage(type: string): { extension: string; comment: string; shebang?: string } {
  const t = type.toLowerCase();
  if (t.includes('python') || t === 'pyodps') return { extension: 'py', comment: '#' };
  if (t.includes('shell') || t === 'sh') return { extension: 'sh', comment: '#', shebang: '#!/usr/bin/env bash' };
  return { extension: 'sql', comment: '--' };
}

export function codeHeader(name: string, type: string, owner: string, now: Date): string {
  const { comment, shebang } = codeLanguage(type);
  return [...(shebang ? [shebang] : []), `${comment} ${name}`, `${comment} type: ${type}, owner: ${owner}, created ${timestamp(now)}`, `${comment} Scheduling parameters such as \${bizdate} are set in ${name}${TASK_FILE_SUFFIX}.`, ''].join('\n');
}

/** The task file's text: the console's fields in its order, times quoted for YAML 1.1 readers. */
function newTaskText(spec: NewTaskSpec, id: string, codeName: string, now: Date): string {
  const schedule = { method: 'normal', cycle: 'day', ...spec.schedule };
  if (!schedule.time && ['day', 'week', 'month', 'year'].includes(schedule.cycle)) Object.assign(schedule, { time: '00:00' });
  const doc = new Document({
    id,
    name: spec.name,
    type: spec.type,
    owner: spec.owner,
    description: spec.description ?? '',
    status: 'developing',
    published: false,
    createdAt: timestamp(now),
    updatedAt: timestamp(now),
    ...(spec.template ? { template: spec.template } : {}),
    schedule,
    dependencies: [],
    parameters: { bizdate: '${bdp.system.bizdate}' },
    code: codeName,
  });
  doc.commentBefore = ` ${spec.name}: created in Nightshift`;
  return quoteClockTimes(doc.toString({ lineWidth: 0 }));
}

/** `time: 14:30` reads as a number in YAML 1.1; every clock time and the id are written quoted. */
export function quoteClockTimes(text: string): string {
  return editYaml(text, (doc) => {
    const quote = (path: (string | number)[]) => {
      const node = doc.getIn(path, true) as { type?: string } | undefined;
      if (node && typeof node === 'object') node.type = 'QUOTE_DOUBLE';
    };
    quote(['id']);
    for (const key of ['start', 'end', 'time']) quote(['schedule', key]);
  });
}

export interface Creation {
  record: BatchRecord;
  task?: { id: string; file: string; code: string };
}

/**
 * Writes a new task as a one-change batch: its record's intent first, then the task file and its code
 * file, each created only where nothing is, under the workspace's write lock. Revert removes both
 * (if unchanged since); recover finishes or removes an interrupted one.
 */
function writeNewTask(operation: 'create' | 'clone', title: string, parameters: Record<string, unknown>, make: (id: string) => FileChange, name: string, context: { index: WorkspaceIndex; user: string; now: Date }, root: string, scope: ChangeScope): Creation {
  // The id is handed out, recorded and its files created under one hold of the write lock.
  return withWriteLock(root, () => {
    const change = make(freshTaskId(context.index, root));
    return writeLocked(operation, title, parameters, change, name, context, root, scope);
  });
}

function writeLocked(operation: 'create' | 'clone', title: string, parameters: Record<string, unknown>, change: FileChange, name: string, context: { user: string; now: Date }, root: string, scope: ChangeScope): Creation {
  const record = writeNewFiles(operation, title, parameters, [{ change, name }], context, root, scope);
  return record.changes.length ? { record, task: { id: change.task, file: change.before, code: change.code!.to } } : { record };
}

/**
 * New task files (each with its code file), or whole new texts of existing ones (an import's update), as one batch: the record's intent first, then each task's
 * files, created only where nothing is, under the workspace's write lock (taken here, or shared with
 * a caller that holds it). A task whose files cannot be created fails alone; the record lists what
 * was created, so revert removes exactly that.
 */
export function writeNewFiles(operation: string, title: string, parameters: Record<string, unknown>, items: readonly { change: FileChange; name: string }[], context: { user: string; now: Date }, root: string, scope: ChangeScope): BatchRecord {
  const results: TaskResult[] = [];
  const ready: FileChange[] = [];
  for (const { change, name } of items) {
    try {
      checkChangeScope(change, scope, `new task ${change.task}`);
      results.push({ task: change.task, name, status: 'succeeded', reason: change.created ? l10n.t('created {0}', change.before) : l10n.t('replaced {0}', change.before) });
      ready.push(change);
    } catch (error) {
      results.push({ task: change.task, name, status: 'failed', reason: change.created ? l10n.t('not created: {0}', failureReason(error)) : l10n.t('not replaced: {0}', failureReason(error)) });
    }
  }
  const record: BatchRecord = { state: 'intent', id: newRecordId(context.now, operation), who: context.user, when: context.now.toISOString(), operation, title, kind: 'other', parameters, results, changes: ready, pid: process.pid, host: hostname() };
  if (ready.length === 0) return { ...record, state: 'complete' };
  try {
    saveRecord(root, record);
  } catch (error) {
    for (const r of results) if (r.status === 'succeeded') Object.assign(r, { status: 'failed', reason: l10n.t('not created: {0}', l10n.t('the batch record could not be written ({0})', failureReason(error))) });
    return { ...record, changes: [], state: 'complete' };
  }
  const made: FileChange[] = [];
  withWriteLock(root, () => {
    for (const change of ready) {
      const result = results.find((r) => r.task === change.task && r.status === 'succeeded')!;
      try {
        finishChange(change, change.afterText, { root, who: context.user, when: record.when });
        made.push(change);
      } catch (error) {
        Object.assign(result, { status: 'failed', reason: failureReason(error) });
      }
    }
  });
  const done: BatchRecord = { ...record, changes: made, state: 'complete' };
  delete done.pid;
  delete done.host;
  saveRecord(root, done);
  return done;
}

function taskPaths(project: Project, folder: string, name: string, type: string): { file: string; code: string; codeName: string } {
  const dir = join(project.taskRootDir, ...normalizeFolderPath(folder).split('/').filter(Boolean));
  const codeName = `${name}.${codeLanguage(type).extension}`;
  return { file: join(dir, `${name}${TASK_FILE_SUFFIX}`), code: join(dir, codeName), codeName };
}

/** Create Compute Task: throws with the problems when the spec has any (the CLI's usage error). */
export function createTask(spec: NewTaskSpec, context: { index: WorkspaceIndex; user: string; now: Date }, root: string, scope: ChangeScope): Creation {
  const problems = newTaskProblems(spec, context.index);
  if (problems.length) throw new SpecError(problems);
  const project = context.index.project(spec.projectDir)!;
  const { file, code, codeName } = taskPaths(project, spec.folder, spec.name, spec.type);
  const make = (id: string): FileChange => {
    const text = newTaskText(spec, id, codeName, context.now);
    return { task: id, before: file, after: file, beforeText: '', created: true, afterText: text, afterHash: textHash(text), code: { from: code, to: code }, codeText: codeHeader(spec.name, spec.type, spec.owner, context.now) };
  };
  return writeNewTask('create', 'Create Compute Task', { ...spec }, make, spec.name, context, root, scope);
}

export class SpecError extends Error {
  constructor(readonly problems: readonly SpecProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  }
}

/**
 * Clone Task: a copy of `source` under a new name and id, in its folder (or `folder`), developing and
 * unpublished, with its code file copied, and its upstream dependencies kept or not. Comments and the
 * user's own fields stay as they are in the source.
 */
export function cloneTask(source: Task, target: { name: string; folder?: string; keepDependencies: boolean; owner?: string }, context: { index: WorkspaceIndex; user: string; now: Date }, root: string, scope: ChangeScope): Creation {
  const project = source.projectDir ? context.index.project(source.projectDir) : undefined;
  if (!project) throw new SpecError([{ field: 'project', message: l10n.t('the task is not inside a project') }]);
  const folder = target.folder ?? source.folder;
  const problems: SpecProblem[] = [];
  const folderProblem = folderPathProblem(folder);
  if (folderProblem) problems.push({ field: 'folder', message: folderProblem });
  const nameProblem = taskNameProblem(target.name, project, context.index);
  if (nameProblem) problems.push({ field: 'name', message: nameProblem });
  if (problems.length) throw new SpecError(problems);
  const { file, code, codeName } = taskPaths(project, folder, target.name, source.data.type);
  const sourceText = context.index.textOf(source.file) ?? readIfExists(source.file) ?? '';
  const sourceCode = source.data.code ? readIfExists(join(source.file, '..', source.data.code)) : undefined;
  const make = (id: string): FileChange => {
  const text = editYaml(sourceText, (doc) => {
    doc.set('id', doc.createNode(id));
    (doc.get('id', true) as { type?: string }).type = 'QUOTE_DOUBLE';
    doc.set('name', target.name);
    if (target.owner) doc.set('owner', target.owner);
    doc.set('status', 'developing');
    doc.set('published', false);
    for (const key of ['lastSubmission', 'submission', 'submittedHash']) doc.delete(key);
    doc.set('createdAt', timestamp(context.now));
    doc.set('updatedAt', timestamp(context.now));
    if (!target.keepDependencies) doc.set('dependencies', []);
    doc.set('code', codeName);
  });
  const codeText = sourceCode ?? codeHeader(target.name, source.data.type, target.owner ?? source.data.owner ?? context.user, context.now);
  return { task: id, before: file, after: file, beforeText: '', created: true, afterText: text, afterHash: textHash(text), code: { from: code, to: code }, codeText };
  };
  return writeNewTask('clone', `Clone Task ${source.data.name}`, { source: source.data.id, ...target }, make, target.name, context, root, scope);
}
