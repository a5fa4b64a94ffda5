import * as l10n from '@vscode/l10n';
import type { Project, Task } from '../workspace/workspaceModel';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { change, fail, type Decision, type TaskOperation } from './taskOperation';
import { recordIdentity } from './operationCatalog';

export const MAX_REMARK = 128;

function checkRemark(remark: string, required: boolean): void {
  if (required && remark.trim() === '') throw new Error('a remark is required');
  if (remark.length > MAX_REMARK) throw new Error(`a remark can be at most ${MAX_REMARK} characters (this one has ${remark.length})`);
}

/** Tasks outside the selection that depend on this one: unpublishing or deleting it would strand them. */
function downstreamRefusal(task: Task, index: WorkspaceIndex, selected: ReadonlySet<string>, verb: 'unpublish' | 'unpublish and delete' | 'delete'): Decision | undefined {
  const dependents = index.dependents(task.data.id).filter((d) => !selected.has(d.data.id));
  if (dependents.length === 0) return undefined;
  const names = dependents.slice(0, 5).map((d) => `${d.data.name} (${d.data.id})`).join(', ');
  const listed = dependents.length > 5 ? l10n.t('{0} and {1} more', names, dependents.length - 5) : names;
  const reason =
    verb === 'delete' ? l10n.t('cannot delete: downstream tasks depend on it: {0}', listed)
    : verb === 'unpublish' ? l10n.t('cannot unpublish: downstream tasks depend on it: {0}', listed)
    : l10n.t('cannot unpublish and delete: downstream tasks depend on it: {0}', listed);
  return fail(reason);
}

/** The dev-prod rule: deleting a published development object needs settings.allowDeletePublishedInDev. */
function forbidsDeletingPublished(project: Project | undefined): project is Project {
  return project?.config.mode === 'dev-prod' && !project.config.settings.allowDeletePublishedInDev;
}

/** Unpublish: a published task with no downstream dependents goes to the pending-publish list. */
export function unpublishOperation(remark: string, selection: readonly Task[]): TaskOperation {
  checkRemark(remark, false);
  const selected = new Set(selection.map((t) => t.data.id));
  return {
    ...recordIdentity('unpublish'),
    title: 'Unpublish',
    parameters: { remark },
    decide(task, { index }) {
      if (!task.data.published) return fail(l10n.t('the task is not published'));
      const refusal = downstreamRefusal(task, index, selected, 'unpublish');
      if (refusal) return refusal;
      return change('unpublish; pending publish', { kind: 'pending', action: 'unpublish', remark });
    },
  };
}

/**
 * Unpublish and delete: the same refusals as unpublish. In a dev-prod project, deleting a published
 * development object needs the project setting allowDeletePublishedInDev; the production object is only
 * unpublished (when the pending entry is published), never deleted.
 */
export function unpublishAndDeleteOperation(remark: string, selection: readonly Task[]): TaskOperation {
  checkRemark(remark, false);
  const selected = new Set(selection.map((t) => t.data.id));
  return {
    ...recordIdentity('unpublishAndDelete'),
    title: 'Unpublish and Delete',
    parameters: { remark },
    decide(task, { index }) {
      if (!task.data.published) return fail(l10n.t('the task is not published; use Delete for a draft'));
      const refusal = downstreamRefusal(task, index, selected, 'unpublish and delete');
      if (refusal) return refusal;
      const project = task.projectDir ? index.project(task.projectDir) : undefined;
      if (forbidsDeletingPublished(project)) {
        return fail(l10n.t('project {0} is dev-prod and does not allow deleting published development objects (settings.allowDeletePublishedInDev)', project.config.project));
      }
      return change('unpublish and delete; pending publish', { kind: 'pending', action: 'unpublish-and-delete', remark });
    },
  };
}

/**
 * Delete: draft tasks only, with a remark. In a dev-prod project, a draft that has a production object
 * (published) can be deleted only with allowDeletePublishedInDev, and the production object's removal
 * then waits in the pending-publish list.
 */
export function deleteTaskOperation(remark: string, selection: readonly Task[]): TaskOperation {
  checkRemark(remark, true);
  const selected = new Set(selection.map((t) => t.data.id));
  return {
    ...recordIdentity('deleteTasks'),
    title: 'Delete',
    parameters: { remark },
    decide(task, { index }) {
      if (task.data.status !== 'draft') return fail(l10n.t('only tasks in draft status can be deleted (this one is {0})', task.data.status));
      const project = task.projectDir ? index.project(task.projectDir) : undefined;
      if (task.data.published && forbidsDeletingPublished(project)) {
        return fail(l10n.t('the task has a production object and project {0} does not allow deleting published development objects (settings.allowDeletePublishedInDev)', project.config.project));
      }
      const refusal = downstreamRefusal(task, index, selected, 'delete');
      if (refusal) return refusal;
      return change(task.data.published ? 'delete; production object pending publish' : 'delete', {
        kind: 'delete',
        ...(task.data.published ? { pending: { action: 'delete' as const, remark } } : {}),
      });
    },
  };
}
