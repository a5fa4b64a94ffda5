import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { folderPathProblem, normalizeFolderPath } from './folderNames';
import { change, fail, skip, type TaskOperation } from './taskOperation';
import { recordIdentity } from './operationCatalog';

/** Batch move into a folder of the project's task tree, created on the way if it does not exist. */
export function moveTasksOperation(projectDir: string, folder: string): TaskOperation {
  const problem = folderPathProblem(folder);
  if (problem) throw new Error(problem);
  const target = normalizeFolderPath(folder);
  return {
    ...recordIdentity('moveTasks'),
    title: 'Batch Move',
    parameters: { projectDir, folder: target },
    decide(task, { index }) {
      const project = index.project(projectDir);
      if (!project) return fail(l10n.t('no project at {0}', projectDir));
      if (task.projectDir !== projectDir) return fail(l10n.t('the task belongs to another project; use Modify Project Ownership to move it to {0}', project.config.project));
      if (task.folder === target) return skip(l10n.t('already in {0}', `/${target}`));
      const moveTo = join(project.taskRootDir, target, basename(task.file));
      if (existsSync(moveTo)) return fail(l10n.t('{0} already has a file named {1}', `/${target}`, basename(task.file)));
      return change(`/${task.folder} → /${target}`, { kind: 'edit', moveTo });
    },
  };
}
