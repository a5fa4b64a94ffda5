import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import { TASK_FILE_SUFFIX } from '../model/fileNames';
import { textHash, type BatchRecord, type FileChange } from '../operations/batchRecords';
import type { ChangeScope } from '../operations/changeScope';
import { codeHeader, codeLanguage, quoteClockTimes, taskNameProblem, writeNewFiles } from '../operations/createTask';
import { folderPathProblem, normalizeFolderPath } from '../operations/folderNames';
import { timestamp } from '../operations/taskDocument';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Project, Task } from '../workspace/workspaceModel';
import { importDolphin } from './dolphinImport';
import { importFlowSpec, type ImportedTask } from './flowspecImport';
import { formatOf } from './interchangeFormat';
import { taskCodeText } from './taskCode';
import { InterchangeError, type InterchangeReport } from './interchangeReport';

/** The order the console's fields are written in; anything else follows. */
const ORDER = ['id', 'name', 'type', 'owner', 'opsOwner', 'description', 'status', 'published', 'createdAt', 'updatedAt', 'tags', 'outputTables', 'template', 'schedule', 'dependencies', 'parameters', 'run', 'expectedMinutes', 'expectedP90Minutes', 'code'];

/**
 * Imported tasks as new files in `project` below `folder`: every clash refused before anything is
 * written. With `update`, a task whose id the workspace has replaces that task's file where it is
 * (its `createdAt` and code file kept; the report says when the document's script differs).
 */
export function planImport(file: string, imported: readonly ImportedTask[], project: Project, folder: string, index: WorkspaceIndex, now: Date, update = false, report?: InterchangeReport): { change: FileChange; name: string }[] {
  const base = normalizeFolderPath(folder);
  const problem = folderPathProblem(base);
  if (problem) throw new InterchangeError(file, '', l10n.t('--folder "{0}": {1}', folder, problem));
  const names = new Set<string>();
  return imported.map((t) => {
    const existing = index.task(t.data.id);
    if (existing && update) return { name: t.data.name, change: updateOf(file, t, existing, project, index, now, report) };
    if (existing) throw new InterchangeError(file, `${t.at}.id`, l10n.t('the id {0} is already task {1} of the workspace ({2}); --update replaces it', t.data.id, existing.data.name, existing.file));
    const nameProblem = taskNameProblem(t.data.name, project, index);
    if (nameProblem) throw new InterchangeError(file, `${t.at}.name`, nameProblem);
    if (names.has(t.data.name.toLowerCase())) throw new InterchangeError(file, `${t.at}.name`, l10n.t('the name {0} is in the document twice', t.data.name));
    names.add(t.data.name.toLowerCase());
    const sub = normalizeFolderPath([base, t.folder].filter(Boolean).join('/'));
    const subProblem = folderPathProblem(sub);
    if (subProblem) throw new InterchangeError(file, `${t.at}.script.path`, subProblem);
    const dir = join(project.taskRootDir, ...sub.split('/').filter(Boolean));
    const codeName = `${t.data.name}.${codeLanguage(t.data.type).extension}`;
    const text = taskText(file, t, { createdAt: timestamp(now), updatedAt: timestamp(now), code: codeName });
    const taskFile = join(dir, `${t.data.name}${TASK_FILE_SUFFIX}`);
    const code = join(dir, codeName);
    const codeText = t.code || codeHeader(t.data.name, t.data.type, t.data.owner ?? '', now);
    return { name: t.data.name, change: { task: t.data.id, before: taskFile, after: taskFile, beforeText: '', created: true, afterText: text, afterHash: textHash(text), code: { from: code, to: code }, codeText } };
  });
}

function taskText(file: string, t: ImportedTask, extra: Record<string, unknown>): string {
  const fields: Record<string, unknown> = { ...t.data, ...extra };
  const ordered = Object.fromEntries([...ORDER.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]]), ...Object.entries(fields).filter(([k]) => !ORDER.includes(k))]);
  const doc = new Document(ordered);
  doc.commentBefore = ` ${t.data.name}: imported by Nightshift from ${file.split('/').at(-1)}`;
  return quoteClockTimes(doc.toString({ lineWidth: 0 }));
}

/** The existing task's file replaced by the imported fields, where it is; the record keeps the text. */
function updateOf(file: string, t: ImportedTask, existing: Task, project: Project, index: WorkspaceIndex, now: Date, report?: InterchangeReport): FileChange {
  if (existing.projectDir !== project.dir) throw new InterchangeError(file, `${t.at}.id`, l10n.t('the id {0} is task {1} of another project ({2}); --update replaces tasks of {3} only', t.data.id, existing.data.name, existing.file, project.config.project));
  if (existing.data.name !== t.data.name) {
    const nameProblem = taskNameProblem(t.data.name, project, index);
    if (nameProblem) throw new InterchangeError(file, `${t.at}.name`, nameProblem);
  }
  const current = index.textOf(existing.file) ?? readFileSync(existing.file, 'utf8');
  const code = existing.data.code;
  const text = taskText(file, t, { createdAt: existing.data.createdAt ?? timestamp(now), updatedAt: timestamp(now), ...(code ? { code } : {}) });
  if (code && t.code && taskCodeText(existing) !== t.code) report?.note(t.data.id, t.data.name, l10n.t('its code file {0} is kept as it is; the document\'s script differs from it', code));
  return { task: t.data.id, before: existing.file, after: existing.file, beforeText: current, afterText: text, afterHash: textHash(text) };
}

/**
 * Every file of an import read and planned, in order (a later file may depend on an earlier one's
 * tasks): the format given or detected, each task placed in `project` below `folder`. Bad input is an
 * InterchangeError naming the file and the path inside it; nothing is written here.
 */
export function planImportFiles(
  files: readonly string[],
  project: Project,
  folder: string,
  index: WorkspaceIndex,
  options: { format?: string; update?: boolean; now: Date },
  report: InterchangeReport,
): { change: FileChange; name: string }[] {
  const items: { change: FileChange; name: string }[] = [];
  const seen = new Set<string>();
  const known = (id: string) => !!index.task(id) || seen.has(id);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const imported = formatOf(file, text, options.format) === 'dolphinscheduler' ? importDolphin(file, text, known, report) : importFlowSpec(file, text, known, report);
    for (const t of imported) seen.add(t.data.id);
    items.push(...planImport(file, imported, project, folder, index, options.now, !!options.update, report));
  }
  return items;
}

/** Writes a planned import as one batch (recorded, revertable, recoverable). */
export function writeImport(file: string, items: readonly { change: FileChange; name: string }[], context: { user: string; now: Date }, root: string, scope: ChangeScope): BatchRecord {
  return writeNewFiles('import', `Import ${file.split('/').at(-1)}`, { file }, items, context, root, scope);
}
