import * as l10n from '@vscode/l10n';
import type { BatchRecord } from '../core/operations/batchRecords';
import { listRecordSummaries } from '../core/operations/recordSummary';
import { newestRecord, recordById } from '../core/operations/recordLookup';
import { interruptedRecords } from '../core/operations/batchRecovery';
import { revertBatch, revertPlan } from '../core/operations/batchRevert';
import { scopeOf } from '../core/operations/changeScope';
import { countByStatus } from '../core/operations/countByStatus';
import { localBatchTitle } from '../core/operations/operationNames';
import { LockStore } from '../core/operations/lockStore';
import { readPending } from '../core/operations/pendingList';
import { publishPending } from '../core/operations/publishPending';
import { writeBatchResults } from './batchOutput';
import { UsageError } from './usageError';
import { commaList, parseWorkspaceArgs } from './workspaceArgs';

/** A record file that does not read as one, named on stderr; the command goes on without it. */
function reportMalformed(file: string, reason: string): void {
  process.stderr.write(`${l10n.t('{0}: not a batch record ({1}); left out', file, reason)}\n`);
}

/** `nightshift records <dir> [--kind submit|other] [--json]`: the batch operation records. */
export function runRecords(args: string[]): number {
  const { dir, values } = parseWorkspaceArgs(args, { kind: { type: 'string' }, json: { type: 'boolean' } });
  if (values.kind !== undefined && values.kind !== 'submit' && values.kind !== 'other') throw new UsageError(l10n.t('--kind must be submit or other'));
  // A record edited by hand into something else is named, not a crash; the others still list. One
  // reading of each record for both (they are megabytes each after batches over thousands of tasks).
  const records = listRecordSummaries(dir, values.kind as 'submit' | 'other' | undefined, reportMalformed);
  const interrupted = new Set(interruptedRecords(dir).map((r) => r.id));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ records: records.map(({ changeCount: _c, ...r }) => ({ ...r, ...(interrupted.has(r.id) ? { interrupted: true } : {}) })) })}\n`);
    return 0;
  }
  for (const r of records) {
    const n = countByStatus(r.results);
    const counts = l10n.t('{0} succeeded, {1} skipped, {2} failed', n.succeeded, n.skipped, n.failed);
    process.stdout.write(`${r.id}  ${r.when}  ${r.who}  [${r.kind}] ${localBatchTitle(r.title)}: ${interrupted.has(r.id) ? l10n.t('INTERRUPTED (nightshift recover)') : counts}\n`);
  }
  return 0;
}

/**
 * `nightshift revert <dir> (--record <id> | --last) --as <user> [--dry-run]`: undo a batch from its
 * record. Only files inside the workspace's projects are written; `--dry-run` lists every path first.
 */
export function runRevert(args: string[]): number {
  const { dir, values, load } = parseWorkspaceArgs(args, { record: { type: 'string' }, last: { type: 'boolean' }, as: { type: 'string' }, json: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, 'lock-dir': { type: 'string' } });
  if (!values.as) throw new UsageError(l10n.t('missing --as <user>'));
  const revertible = (r: BatchRecord) => r.operation !== 'revert' && r.operation !== 'recover' && r.changes.length > 0 && r.state !== 'intent';
  // Only the record asked for is read (the newest revertible one for --last), not every record.
  const named = values.last ? undefined : values.record === undefined ? undefined : recordById(dir, values.record, reportMalformed);
  const record = values.last ? newestRecord(dir, revertible, { operations: ['revert', 'recover'] }) : named && revertible(named) ? named : undefined;
  if (!record) throw new UsageError(values.last ? l10n.t('there is no batch to revert') : l10n.t('no revertible batch record "{0}" (see nightshift records; an interrupted one needs nightshift recover)', values.record ?? ''));
  const scope = scopeOf(load(), new LockStore(values['lock-dir']));
  if (values['dry-run']) {
    const plan = revertPlan(record, scope);
    const results = plan.map((p) => ({ task: p.task, status: p.refused ? 'failed' : 'succeeded', reason: p.refused ?? l10n.t('would write {0}', p.paths.join(', ')) }));
    return writeBatchResults('revert', `Revert "${record.title}" of ${record.when}`, results, { json: !!values.json, dryRun: true });
  }
  const revert = revertBatch(record, values.as, dir, scope);
  return writeBatchResults(revert.operation, revert.title, revert.results, { json: !!values.json });
}

/** `nightshift pending <dir> [--json]` and `nightshift publish <dir> --project <name> --as <user>`. */
export function runPending(args: string[]): number {
  const { values, load } = parseWorkspaceArgs(args, { json: { type: 'boolean' } });
  const index = load();
  const all = index.projects().flatMap((p) => readPending(p.dir).map((e) => ({ project: p.config.project, ...e })));
  if (values.json) process.stdout.write(`${JSON.stringify({ pending: all })}\n`);
  else for (const e of all) process.stdout.write(`${e.project}  ${e.task} ${e.name}  ${e.action}  ${l10n.t('by {0} at {1}', e.by, e.at)}${e.remark ? `: ${e.remark}` : ''}\n`);
  return 0;
}

export async function runPublish(args: string[]): Promise<number> {
  const { dir, values, load } = parseWorkspaceArgs(args, { project: { type: 'string' }, as: { type: 'string' }, tasks: { type: 'string' }, json: { type: 'boolean' }, 'lock-dir': { type: 'string' } });
  if (!values.as) throw new UsageError(l10n.t('missing --as <user>'));
  const index = load();
  const project = values.project === undefined ? undefined : index.projectNamed(values.project);
  if (!project) throw new UsageError(l10n.t('missing or unknown --project "{0}"', values.project ?? ''));
  const ids = commaList(values.tasks);
  const only = ids && new Set(ids);
  if (only) {
    const pending = new Set(readPending(project.dir).map((e) => e.task));
    const unknown = [...only].filter((t) => !pending.has(t));
    if (unknown.length) throw new UsageError(l10n.t('nothing pending publish for task {0} in {1}', unknown.join(', '), project.config.project));
  }
  const record = await publishPending(project.dir, { index, user: values.as, now: new Date() }, { root: dir, locks: new LockStore(values['lock-dir']) }, only);
  return writeBatchResults(record.operation, record.title, record.results, { json: !!values.json });
}

