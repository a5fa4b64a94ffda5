import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { TASK_FILE_SUFFIX } from '../model/fileNames';
import { folderNameProblem, folderPathProblem, normalizeFolderPath } from './folderNames';
import { change, fail, skip, type TaskOperation } from './taskOperation';
import { recordIdentity } from './operationCatalog';

export interface OwnershipTarget {
  projectDir: string;
  /** Folder below the target's task root; default the root. */
  folder?: string;
  /** Template (of the same task type in the target project) and version for tasks that reference one. */
  template?: { name: string; version: number };
  /** New name, for a single task whose name is taken in the target project. */
  name?: string;
}

/**
 * Modify project ownership: to another project with the same mode and engine. The id, code and
 * dependencies stay (they are by id); the output tables go with the task.
 */
export function modifyProjectOwnershipOperation(target: OwnershipTarget): TaskOperation {
  const problem = folderPathProblem(target.folder ?? '');
  if (problem) throw new Error(problem);
  // The new name becomes the file's name: it may not carry a path (`../../escaped`) or a forbidden character.
  const nameProblem = target.name === undefined ? undefined : folderNameProblem(target.name, 'task');
  if (nameProblem) throw new Error(l10n.t('new name "{0}": {1}', target.name!, nameProblem));
  const folder = normalizeFolderPath(target.folder ?? '');
  // Names taken in the target project: read once, then grown by each task this batch moves there.
  let takenNames: Set<string> | undefined;
  return {
    ...recordIdentity('modifyProjectOwnership'),
    title: 'Modify Project Ownership',
    parameters: { ...target, folder },
    checkBatch(tasks, { index }) {
      if (!index.project(target.projectDir)) return `no project at ${target.projectDir}`;
      if (target.name !== undefined && tasks.length > 1) return 'a new name can only be given when moving a single task';
      return undefined;
    },
    decide(task, { index }) {
      const to = index.project(target.projectDir)!;
      const from = task.projectDir ? index.project(task.projectDir) : undefined;
      if (!from) return fail(l10n.t('the task is not inside a project'));
      if (from.dir === to.dir) return skip(l10n.t('already in project {0}', to.config.project));
      if (from.config.mode !== to.config.mode) return fail(l10n.t('project {0} is {1} but {2} is {3}; the modes must match', to.config.project, to.config.mode, from.config.project, from.config.mode));
      if (from.config.engine !== to.config.engine) return fail(l10n.t('project {0} uses {1} but {2} uses {3}; the engines must match', to.config.project, to.config.engine, from.config.project, from.config.engine));
      if (!to.config.taskTypes.includes(task.data.type)) return fail(l10n.t('project {0} has no task type {1}', to.config.project, task.data.type));
      let template: { name: string; version: number } | undefined;
      if (task.data.template) {
        const candidates = to.config.templates.filter((t) => t.taskType === task.data.type);
        if (candidates.length === 0) return fail(l10n.t('project {0} has no {1} computing template for this task\'s template reference', to.config.project, task.data.type));
        if (!target.template) return fail(l10n.t('choose a {0} computing template of project {1} and its version ({2})', task.data.type, to.config.project, candidates.map((c) => c.name).join(', ')));
        const chosen = candidates.find((c) => c.name === target.template!.name);
        if (!chosen) return fail(l10n.t('project {0} has no {1} template named {2}', to.config.project, task.data.type, target.template.name));
        if (!chosen.versions.includes(target.template.version)) return fail(l10n.t('template {0} has no version {1}', chosen.name, target.template.version));
        template = target.template;
      }
      const name = target.name ?? task.data.name;
      takenNames ??= new Set([...index.tasks()].filter((t) => t.projectDir === to.dir).map((t) => t.data.name));
      if (takenNames.has(name)) return fail(l10n.t('project {0} already has a task named {1}; give a new name', to.config.project, name));
      takenNames.add(name);
      const file = target.name ? `${target.name}${TASK_FILE_SUFFIX}` : basename(task.file);
      const moveTo = join(to.taskRootDir, folder, file);
      if (existsSync(moveTo)) return fail(l10n.t('{0} already exists', moveTo));
      return change(`${from.config.project}/${task.folder} → ${to.config.project}/${folder}${name !== task.data.name ? `, renamed ${name}` : ''}`, {
        kind: 'edit',
        moveTo,
        edits: [
          ...(name !== task.data.name ? [{ path: ['name'], value: name }] : []),
          ...(template ? [{ path: ['template'], value: template }] : task.data.template ? [{ path: ['template'], delete: true as const }] : []),
          // A task arriving in a project must be submitted and published there.
          ...(task.data.status === 'submitted' ? [{ path: ['status'], value: 'developing' }] : []),
        ],
      });
    },
  };
}
