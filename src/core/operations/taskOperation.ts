import type { DocEdit } from './taskDocument';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';

export type PendingAction = 'publish' | 'unpublish' | 'unpublish-and-delete' | 'delete';

export type TaskChange =
  /**
   * Rewrite the task file: `fields` sets top-level fields (spliced into the text where their values are
   * simple), `edits` changes anything else through yaml's document model. Both are plain data, kept in
   * the batch's intent record, so that an interrupted batch can derive the same text again. With
   * `moveTo`, the file also moves there (its code file with it).
   */
  | { kind: 'edit'; fields?: Readonly<Record<string, unknown>>; edits?: readonly DocEdit[]; moveTo?: string; pending?: { action: PendingAction; remark: string } }
  | { kind: 'delete'; pending?: { action: PendingAction; remark: string } }
  | { kind: 'lock' }
  /** Nothing changes in the task file; the project's pending-publish list gets an entry. */
  | { kind: 'pending'; action: PendingAction; remark: string };

export type Decision =
  | { status: 'skipped' | 'failed'; reason: string }
  /** `failed`: the change is made, and the task still reports as failed (a submission that records why it failed). */
  | { status: 'change'; summary: string; change: TaskChange; failed?: boolean };

export interface OperationContext {
  index: WorkspaceIndex;
  user: string;
  now: Date;
}

/** One task-list operation with its options fixed: decides, per task, what it would do. */
export interface TaskOperation {
  name: string;
  title: string;
  /** The console keeps submit-type records (unpublish, delete, publish) apart from the others. */
  recordKind: 'submit' | 'other';
  parameters: Record<string, unknown>;
  /** A reason to refuse the whole batch (e.g. tasks that do not share one template). */
  checkBatch?(tasks: readonly Task[], context: OperationContext): string | undefined;
  decide(task: Task, context: OperationContext): Decision;
}

export const skip = (reason: string): Decision => ({ status: 'skipped', reason });
export const fail = (reason: string): Decision => ({ status: 'failed', reason });
export const change = (summary: string, c: TaskChange): Decision => ({ status: 'change', summary, change: c });
