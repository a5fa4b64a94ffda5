import { join } from 'node:path';
import { Document } from 'yaml';
import { TASK_FILE_SUFFIX } from '../model/taskSchema';
import { textHash, type BatchRecord, type FileChange } from '../operations/batchRecords';
import type { ChangeScope } from '../operations/changeScope';
import { codeHeader, codeLanguage, quoteClockTimes, taskNameProblem, writeNewFiles } from '../operations/createTask';
import { folderPathProblem, normalizeFolderPath } from '../operations/folderNames';
import { timestamp } from '../operations/taskDocument';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Project } from '../workspace/workspaceModel';
import type { ImportedTask } from './flowspecImport';
import { InterchangeError } from './interchangeReport';

/** The order the console's fields are written in; anything else follows. */
const ORDER = ['id', 'name', 'type', 'owner', 'opsOwner', 'description', 'status', 'published', 'createdAt', 'updatedAt', 'tags', 'outputTables', 'template', 'schedule', 'dependencies', 'parameters', 'run', 'expectedMinutes', 'code'];

/** Imported tasks as new files in `project` below `folder`: every clash refused before anything is written. */
export function planImport(file: string, imported: readonly ImportedTask[], project: Project, folder: string, index: WorkspaceIndex, now: Date): { change: FileChange; name: string }[] {
  const base = normalizeFolderPath(folder);
  const problem = folderPathProblem(base);
  if (problem) throw new InterchangeError(file, '', `--folder "${folder}": ${problem}`);
  const names = new Set<string>();
  return imported.map((t) => {
    if (index.task(t.data.id)) throw new InterchangeError(file, `${t.at}.id`, `the id ${t.data.id} is already task ${index.task(t.data.id)!.data.name} of the workspace (${index.task(t.data.id)!.file})`);
    const nameProblem = taskNameProblem(t.data.name, project, index);
    if (nameProblem) throw new InterchangeError(file, `${t.at}.name`, nameProblem);
    if (names.has(t.data.name.toLowerCase())) throw new InterchangeError(file, `${t.at}.name`, `the name ${t.data.name} is in the document twice`);
    names.add(t.data.name.toLowerCase());
    const sub = normalizeFolderPath([base, t.folder].filter(Boolean).join('/'));
    const subProblem = folderPathProblem(sub);
    if (subProblem) throw new InterchangeError(file, `${t.at}.script.path`, subProblem);
    const dir = join(project.taskRootDir, ...sub.split('/').filter(Boolean));
    const codeName = `${t.data.name}.${codeLanguage(t.data.type).extension}`;
    const fields: Record<string, unknown> = { ...t.data, createdAt: timestamp(now), updatedAt: timestamp(now), code: codeName };
    const ordered = Object.fromEntries([...ORDER.filter((k) => fields[k] !== undefined).map((k) => [k, fields[k]]), ...Object.entries(fields).filter(([k]) => !ORDER.includes(k))]);
    const doc = new Document(ordered);
    doc.commentBefore = ` ${t.data.name}: imported by Nightshift from ${file.split('/').at(-1)}`;
    const text = quoteClockTimes(doc.toString({ lineWidth: 0 }));
    const taskFile = join(dir, `${t.data.name}${TASK_FILE_SUFFIX}`);
    const code = join(dir, codeName);
    const codeText = t.code || codeHeader(t.data.name, t.data.type, t.data.owner ?? '', now);
    return { name: t.data.name, change: { task: t.data.id, before: taskFile, after: taskFile, beforeText: '', created: true, afterText: text, afterHash: textHash(text), code: { from: code, to: code }, codeText } };
  });
}

/** Writes a planned import as one batch (recorded, revertable, recoverable). */
export function writeImport(file: string, items: readonly { change: FileChange; name: string }[], context: { user: string; now: Date }, root: string, scope: ChangeScope): BatchRecord {
  return writeNewFiles('import', `Import ${file.split('/').at(-1)}`, { file }, items, context, root, scope);
}
