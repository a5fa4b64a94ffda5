import { join } from 'node:path';
import { readRecord, recordFileNames, recordsDir, type BatchRecord } from './batchRecords';
import { recordOperationOf } from './recordFields';

/**
 * The newest record `accept` takes, read newest first and no further. A record of one of
 * `skipOperations` (its operation read without parsing it, recordFields.ts), or whose id is in
 * `skipIds` (the file's name), is passed over unread: a batch over 10,000 tasks keeps a 15 MB record,
 * and reading every one to find the last cost seconds.
 */
export function newestRecord(root: string, accept: (record: BatchRecord) => boolean, skip: { operations?: readonly string[]; ids?: ReadonlySet<string> } = {}): BatchRecord | undefined {
  const dir = recordsDir(root);
  for (const name of recordFileNames(root).reverse()) {
    if (skip.ids?.has(name.slice(0, -'.json'.length))) continue;
    const file = join(dir, name);
    const operation = recordOperationOf(file);
    if (typeof operation === 'string' && skip.operations?.includes(operation)) continue;
    const record = readRecord(file);
    if (record && accept(record)) return record;
  }
  return undefined;
}

/** The record of this id, when the records folder holds it (the id is never made into a path unlisted). */
export function recordById(root: string, id: string, onMalformed?: (file: string, reason: string) => void): BatchRecord | undefined {
  const name = `${id}.json`;
  return recordFileNames(root).includes(name) ? readRecord(join(recordsDir(root), name), onMalformed) : undefined;
}

/** The ids of the batches that revert records undid; only records that are (or may be) reverts are read. */
export function revertedIds(root: string): Set<string> {
  const ids = new Set<string>();
  const dir = recordsDir(root);
  for (const name of recordFileNames(root)) {
    const file = join(dir, name);
    const operation = recordOperationOf(file);
    if (operation !== undefined && operation !== 'revert') continue;
    const record = readRecord(file);
    if (record?.operation === 'revert') ids.add(String(record.parameters.record));
  }
  return ids;
}
