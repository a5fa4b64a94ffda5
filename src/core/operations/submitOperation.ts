import { submittedContentHash } from '../model/submittedContent';
import type { TaskFile } from '../model/taskSchema';
import type { Diagnostic } from '../model/diagnostic';
import type { Task } from '../workspace/workspaceModel';
import { recordIdentity } from './operationCatalog';
import { timestamp } from './taskDocument';
import { change, type Decision, type OperationContext, type TaskOperation } from './taskOperation';

/** The problem that a submission itself clears, so it never blocks or warns one. */
const CLEARED_BY_SUBMIT = new Set(['changed-since-submit']);

function problems(task: Task, context: OperationContext, selected: ReadonlySet<string>): { errors: string[]; warnings: string[] } {
  const { index } = context;
  const own: readonly Diagnostic[] = index.diagnostics().get(task.file) ?? [];
  const errors = own.filter((d) => d.severity === 'error').map((d) => `line ${d.line}: ${d.message}`);
  const warnings = own.filter((d) => d.severity === 'warning' && !CLEARED_BY_SUBMIT.has(d.code)).map((d) => `line ${d.line}: ${d.message}`);
  for (const dep of task.data.dependencies) {
    const upstream = index.task(dep.task);
    // A missing upstream is already among the file's own problems (the cross-file check).
    if (!upstream) continue;
    const ready = upstream.data.published || upstream.data.status === 'submitted' || selected.has(upstream.data.id);
    if (!ready) errors.push(`upstream ${upstream.data.name} (${upstream.data.id}) is ${upstream.data.status}: submit it first, or with this task`);
  }
  if (!task.data.owner) warnings.push('the task has no development owner');
  return { errors: [...new Set(errors)], warnings: [...new Set(warnings)] };
}

/**
 * Submit, as the server checks it: the task's own problems (schema, schedule, parameters, its code
 * file), its upstream tasks (they exist and are submitted or published, or are submitted with it),
 * and no dependency cycle. The outcome is written into the task either way: `lastSubmission`,
 * `submission: {at, by, reasons}`; a success (or a warning) also `status: submitted` and
 * `submittedHash`. In a basic project a submitted task is published at once; in a dev-prod project it
 * joins the pending-publish list, which Publish empties.
 */
export function submitOperation(remark: string, selection: readonly Task[]): TaskOperation {
  const selected = new Set(selection.map((t) => t.data.id));
  return {
    ...recordIdentity('submitTasks'),
    title: 'Submit',
    parameters: { remark },
    decide(task, context): Decision {
      const { errors, warnings } = problems(task, context, selected);
      const project = task.projectDir ? context.index.project(task.projectDir) : undefined;
      const submission = { at: timestamp(context.now), by: context.user, reasons: errors.length ? errors : warnings };
      if (errors.length) {
        return { status: 'change', summary: `submission failed: ${errors.join('; ')}`, change: { kind: 'edit', fields: { lastSubmission: 'failed', submission } }, failed: true };
      }
      const submitted: Partial<TaskFile> = { status: 'submitted', lastSubmission: warnings.length ? 'warning' : 'succeeded', submission };
      // The hash of the content as submitted; the fields this submission writes do not count.
      const fields: Record<string, unknown> = { ...submitted, submittedHash: submittedContentHash({ ...task.data, ...submitted } as TaskFile) };
      const outcome = warnings.length ? `submitted with warnings: ${warnings.join('; ')}` : 'submitted';
      if (project?.config.mode === 'dev-prod') {
        return change(`${outcome}; pending publish`, { kind: 'edit', fields, pending: { action: 'publish', remark } });
      }
      return change(`${outcome}; published`, { kind: 'edit', fields: { ...fields, published: true } });
    },
  };
}
