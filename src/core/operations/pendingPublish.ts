import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { PendingAction } from './taskOperation';
import { writeFileAtomic } from './atomicFile';

export interface PendingEntry {
  task: string;
  name: string;
  action: PendingAction;
  remark: string;
  by: string;
  at: string;
}

/** `<project>/.nightshift/pending-publish.yaml`: what unpublish and delete submitted, waiting to be published. */
export function pendingPublishFile(projectDir: string): string {
  return join(projectDir, '.nightshift', 'pending-publish.yaml');
}

export function readPending(projectDir: string): PendingEntry[] {
  let text: string;
  try {
    text = readFileSync(pendingPublishFile(projectDir), 'utf8');
  } catch {
    return [];
  }
  const value = parse(text) as { pending?: PendingEntry[] } | null;
  return Array.isArray(value?.pending) ? value.pending : [];
}

export function writePending(projectDir: string, entries: readonly PendingEntry[]): void {
  writeFileAtomic(
    pendingPublishFile(projectDir),
    `# Submitted by Nightshift; publish them with "Nightshift: Publish Pending Objects" or \`nightshift publish\`.\n${stringify({ pending: entries })}`,
  );
}

/** Adds entries, replacing an earlier one for the same task (the newest submission wins). */
export function addPending(projectDir: string, entries: readonly PendingEntry[]): void {
  if (entries.length === 0) return;
  const ids = new Set(entries.map((e) => e.task));
  writePending(projectDir, [...readPending(projectDir).filter((e) => !ids.has(e.task)), ...entries]);
}

export function removePending(projectDir: string, taskIds: ReadonlySet<string>): void {
  const entries = readPending(projectDir);
  const left = entries.filter((e) => !taskIds.has(e.task));
  if (left.length !== entries.length) writePending(projectDir, left);
}
