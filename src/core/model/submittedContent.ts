import { createHash } from 'node:crypto';
import type { TaskFile } from './taskSchema';

/**
 * Fields a submission itself writes, or that say where the task stands rather than what it is, or
 * what its runs measured (expected durations, which `nightshift durations` sets from an operation
 * center's export): a change to them is not an edit of the task.
 */
const LIFECYCLE_KEYS = new Set(['status', 'published', 'lastSubmission', 'submission', 'submittedHash', 'createdAt', 'updatedAt', 'expectedMinutes', 'expectedP90Minutes']);

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The hash `submittedHash` holds: of the task's content, in a canonical form (keys sorted, the
 * lifecycle fields left out), so that comments, key order and the submission's own writes do not
 * count as edits, and any other change, by hand, by an operation or by a checkout, does.
 */
export function submittedContentHash(data: TaskFile): string {
  const content = Object.fromEntries(Object.entries(data).filter(([k]) => !LIFECYCLE_KEYS.has(k)));
  return `sha256:${createHash('sha256').update(JSON.stringify(canonical(content))).digest('hex').slice(0, 32)}`;
}

/** A submitted task edited since its submission: the console shows it as developing again. */
export function changedSinceSubmission(data: TaskFile): boolean {
  return data.status === 'submitted' && data.submittedHash !== undefined && submittedContentHash(data) !== data.submittedHash;
}
