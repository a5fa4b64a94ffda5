import * as l10n from '@vscode/l10n';
import { LockStore } from '../core/operations/lockStore';
import { releaseLocks } from '../core/operations/releaseLocks';
import { selectByIds } from '../core/operations/taskSelection';
import { writeBatchResults } from './batchOutput';
import { UsageError } from './usageError';
import { commaList, parseWorkspaceArgs } from './workspaceArgs';

/** `nightshift unlock <dir> --tasks <ids> --as <user> [--force]`: release edit locks (forced ones recorded). */
export function runUnlock(args: string[]): number {
  const { dir, values, load } = parseWorkspaceArgs(args, { tasks: { type: 'string' }, as: { type: 'string' }, force: { type: 'boolean' }, json: { type: 'boolean' }, 'lock-dir': { type: 'string' } });
  if (!values.as) throw new UsageError(l10n.t('missing --as <user>'));
  const ids = commaList(values.tasks);
  if (!ids?.length) throw new UsageError(l10n.t('missing --tasks <ids>'));
  const { tasks, unknown } = selectByIds(load(), ids);
  if (unknown.length) throw new UsageError(l10n.t('no task has the id {0}', unknown.map((u) => `"${u}"`).join(', ')));
  const record = releaseLocks(tasks, values.as, new LockStore(values['lock-dir']), { root: dir, force: !!values.force });
  return writeBatchResults(record.operation, record.title, record.results, { json: !!values.json });
}
