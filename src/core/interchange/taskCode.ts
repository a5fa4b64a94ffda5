import { readFileSync } from 'node:fs';
import { codeFilePath } from '../model/codePath';
import type { Task } from '../workspace/workspaceModel';

/** The text of a task's code file, or undefined when it names none or it cannot be read. */
export function taskCodeText(task: Task): string | undefined {
  const path = task.data.code ? codeFilePath(task.file, task.data.code) : undefined;
  if (!path) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
