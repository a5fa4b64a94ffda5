import type { TaskFile } from '../model/taskSchema';

/**
 * Replaces the strings that repeat across tasks (owners, type, status, the schedule's words and times,
 * tags, upstream ids) by the index's one copy of each: each parse made its own. Only those fields, not
 * a walk of everything: indexing pays for this on every file.
 */
export function internStrings(data: TaskFile, strings: Map<string, string>): void {
  const record = data as unknown as Record<string, unknown>;
  for (const key of INTERNED_KEYS) {
    const value = record[key];
    if (typeof value === 'string') record[key] = internOne(value, strings);
  }
  const schedule = data.schedule as unknown as Record<string, unknown>;
  for (const key of INTERNED_SCHEDULE_KEYS) {
    const value = schedule[key];
    if (typeof value === 'string') schedule[key] = internOne(value, strings);
  }
  for (let i = 0; i < data.tags.length; i++) data.tags[i] = internOne(data.tags[i]!, strings);
  for (const dependency of data.dependencies) {
    dependency.task = internOne(dependency.task, strings);
    if (typeof dependency.cycle === 'string') (dependency as { cycle: string }).cycle = internOne(dependency.cycle, strings);
  }
}

const INTERNED_KEYS = ['type', 'owner', 'opsOwner', 'status', 'lastSubmission', 'createdAt', 'updatedAt'] as const;
const INTERNED_SCHEDULE_KEYS = ['method', 'cycle', 'start', 'end', 'time', 'crossCycle'] as const;

function internOne(text: string, strings: Map<string, string>): string {
  const known = strings.get(text);
  if (known !== undefined) return known;
  strings.set(text, text);
  return text;
}
