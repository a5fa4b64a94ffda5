import { listRecords } from '../core/operations/batchRecords';
import { revertBatch } from '../core/operations/batchRevert';
import { LockStore } from '../core/operations/lockStore';
import { readPending } from '../core/operations/pendingPublish';
import { publishPending } from '../core/operations/publishPending';
import { writeBatchResults } from './batchOutput';
import { UsageError } from './usageError';
import { commaList, parseWorkspaceArgs } from './workspaceArgs';

/** `nightshift records <dir> [--kind submit|other] [--json]`: the batch operation records. */
export function runRecords(args: string[]): number {
  const { dir, values } = parseWorkspaceArgs(args, { kind: { type: 'string' }, json: { type: 'boolean' } });
  if (values.kind !== undefined && values.kind !== 'submit' && values.kind !== 'other') throw new UsageError('--kind must be submit or other');
  const records = listRecords(dir, values.kind as 'submit' | 'other' | undefined);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ records: records.map(({ changes: _c, ...r }) => r) })}\n`);
    return 0;
  }
  for (const r of records) {
    const counts = ['succeeded', 'skipped', 'failed'].map((s) => `${r.results.filter((x) => x.status === s).length} ${s}`).join(', ');
    process.stdout.write(`${r.id}  ${r.when}  ${r.who}  [${r.kind}] ${r.title}: ${counts}\n`);
  }
  return 0;
}

/** `nightshift revert <dir> (--record <id> | --last) --as <user>`: undo a batch from its record. */
export function runRevert(args: string[]): number {
  const { dir, values } = parseWorkspaceArgs(args, { record: { type: 'string' }, last: { type: 'boolean' }, as: { type: 'string' }, json: { type: 'boolean' } });
  if (!values.as) throw new UsageError('missing --as <user>');
  const records = listRecords(dir).filter((r) => r.operation !== 'revert');
  const record = values.last ? records[records.length - 1] : records.find((r) => r.id === values.record);
  if (!record) throw new UsageError(values.last ? 'there is no batch to revert' : `no batch record "${values.record ?? ''}" (see nightshift records)`);
  const revert = revertBatch(record, values.as, dir);
  return writeBatchResults(revert.operation, revert.title, revert.results, { json: !!values.json });
}

/** `nightshift pending <dir> [--json]` and `nightshift publish <dir> --project <name> --as <user>`. */
export function runPending(args: string[]): number {
  const { values, load } = parseWorkspaceArgs(args, { json: { type: 'boolean' } });
  const index = load();
  const all = index.projects().flatMap((p) => readPending(p.dir).map((e) => ({ project: p.config.project, ...e })));
  if (values.json) process.stdout.write(`${JSON.stringify({ pending: all })}\n`);
  else for (const e of all) process.stdout.write(`${e.project}  ${e.task} ${e.name}  ${e.action}  by ${e.by} at ${e.at}${e.remark ? `: ${e.remark}` : ''}\n`);
  return 0;
}

export async function runPublish(args: string[]): Promise<number> {
  const { dir, values, load } = parseWorkspaceArgs(args, { project: { type: 'string' }, as: { type: 'string' }, tasks: { type: 'string' }, json: { type: 'boolean' }, 'lock-dir': { type: 'string' } });
  if (!values.as) throw new UsageError('missing --as <user>');
  const index = load();
  const project = index.projects().find((p) => p.config.project === values.project);
  if (!project) throw new UsageError(`missing or unknown --project "${values.project ?? ''}"`);
  const ids = commaList(values.tasks);
  const only = ids && new Set(ids);
  if (only) {
    const pending = new Set(readPending(project.dir).map((e) => e.task));
    const unknown = [...only].filter((t) => !pending.has(t));
    if (unknown.length) throw new UsageError(`nothing pending publish for task ${unknown.join(', ')} in ${project.config.project}`);
  }
  const record = await publishPending(project.dir, { index, user: values.as, now: new Date() }, { root: dir, locks: new LockStore(values['lock-dir']) }, only);
  return writeBatchResults(record.operation, record.title, record.results, { json: !!values.json });
}

