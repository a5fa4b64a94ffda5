import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import type { PendingAction } from './taskOperation';
import { writeFileAtomic } from './atomicFile';
import { withWriteLock } from './writeLock';
import { MAX_YAML_ALIASES } from '../yaml/yamlSource';

export interface PendingEntry {
  task: string;
  name: string;
  action: PendingAction;
  remark: string;
  by: string;
  at: string;
}

/** A pending-publish list that does not read; batches that would change it stop before any file. */
export class PendingListError extends Error {}

/** `<project>/.nightshift/pending-publish.yaml`: what unpublish and delete submitted, waiting to be published. */
export function pendingPublishFile(projectDir: string): string {
  return join(projectDir, '.nightshift', 'pending-publish.yaml');
}

/** The list's entries; a file that exists but does not read is a PendingListError at its line. */
export function readPending(projectDir: string): PendingEntry[] {
  const file = pendingPublishFile(projectDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new PendingListError(l10n.t('{0}: cannot be read: {1}', file, (error as Error).message));
  }
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length) {
    const line = text.slice(0, doc.errors[0]!.pos[0]).split('\n').length;
    throw new PendingListError(l10n.t('{0}: not valid YAML ({1}); fix or remove it first', `${file}:${line}`, doc.errors[0]!.message.split('\n')[0]!));
  }
  let value: { pending?: unknown } | null;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as { pending?: unknown } | null;
  } catch (error) {
    // yaml's own words ("Excessive alias count") do not say what the limit is.
    const message = /alias/i.test((error as Error).message) ? l10n.t('more than {0} YAML aliases (the limit)', MAX_YAML_ALIASES) : (error as Error).message;
    throw new PendingListError(l10n.t('{0}: {1}; fix or remove it first', file, message));
  }
  if (value === null || value === undefined) return [];
  if (typeof value !== 'object' || (value.pending !== undefined && value.pending !== null && !Array.isArray(value.pending))) {
    throw new PendingListError(l10n.t('{0}: expected "pending:" holding a list of entries; fix or remove it first', `${file}:1`));
  }
  const entries = (value.pending ?? []) as unknown[];
  const bad = entries.findIndex((e) => typeof e !== 'object' || e === null || typeof (e as PendingEntry).task !== 'string');
  if (bad >= 0) throw new PendingListError(l10n.t('{0}: pending entry {1} has no task id; fix or remove it first', file, bad + 1));
  return entries as PendingEntry[];
}

function writePending(projectDir: string, entries: readonly PendingEntry[]): void {
  writeFileAtomic(
    pendingPublishFile(projectDir),
    `# Submitted by Nightshift; publish them with "Nightshift: Publish Pending Objects" or \`nightshift publish\`.\n${stringify({ pending: entries })}`,
  );
}

/** Read, change and write the list holding its write lock, so that two batches at once lose no entry. */
function updatePending(root: string, projectDir: string, change: (entries: PendingEntry[]) => PendingEntry[] | undefined): void {
  withWriteLock(root, () => {
    const next = change(readPending(projectDir));
    if (next) writePending(projectDir, next);
  });
}

/** Adds entries, replacing an earlier one for the same task (the newest submission wins). */
export function addPending(root: string, projectDir: string, entries: readonly PendingEntry[]): void {
  if (entries.length === 0) return;
  const ids = new Set(entries.map((e) => e.task));
  updatePending(root, projectDir, (current) => [...current.filter((e) => !ids.has(e.task)), ...entries]);
}

/**
 * Removes the tasks' entries. With `only`, an entry goes only when it is that very submission (same
 * submitter and time), so that undoing a batch never withdraws a later one.
 */
export function removePending(root: string, projectDir: string, taskIds: ReadonlySet<string>, only?: (entry: PendingEntry) => boolean): void {
  updatePending(root, projectDir, (current) => {
    const left = current.filter((e) => !taskIds.has(e.task) || (only !== undefined && !only(e)));
    return left.length !== current.length ? left : undefined;
  });
}
