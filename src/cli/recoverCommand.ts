import * as l10n from '@vscode/l10n';
import { interruptedRecords, recoverBatch } from '../core/operations/batchRecovery';
import { scopeOf } from '../core/operations/changeScope';
import { LockStore } from '../core/operations/lockStore';
import { writeBatchResults } from './batchOutput';
import { UsageError } from './usageError';
import { parseWorkspaceArgs } from './workspaceArgs';

/**
 * `nightshift recover <dir> (--finish | --revert) [--record <id>] --as <user>`: finishes or reverts the
 * batches a kill or crash interrupted (every one, oldest first, unless --record names one).
 */
export function runRecover(args: string[]): number {
  const { dir, values, load } = parseWorkspaceArgs(args, {
    finish: { type: 'boolean' }, revert: { type: 'boolean' }, record: { type: 'string' }, as: { type: 'string' }, json: { type: 'boolean' }, 'lock-dir': { type: 'string' },
  }, { warnOfInterrupted: false });
  if (!values.as) throw new UsageError(l10n.t('missing --as <user>'));
  if (!values.finish === !values.revert) throw new UsageError(l10n.t('give --finish or --revert (one of them)'));
  const interrupted = interruptedRecords(dir);
  const chosen = values.record ? interrupted.filter((r) => r.id === values.record) : interrupted;
  if (values.record && chosen.length === 0) throw new UsageError(l10n.t('no interrupted batch "{0}" (see nightshift records)', values.record));
  if (chosen.length === 0) {
    if (values.json) process.stdout.write(`${JSON.stringify({ operation: 'recover', results: [] })}\n`);
    else process.stdout.write(`${l10n.t('No interrupted batch.')}\n`);
    return 0;
  }
  const scope = scopeOf(load(), new LockStore(values['lock-dir']));
  let code = 0;
  for (const record of values.revert ? [...chosen].reverse() : chosen) {
    const recovery = recoverBatch(record, values.finish ? 'finish' : 'revert', values.as, dir, scope);
    code = Math.max(code, writeBatchResults(recovery.operation, recovery.title, recovery.results, { json: !!values.json }));
  }
  return code;
}
