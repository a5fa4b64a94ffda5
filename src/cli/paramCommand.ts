import * as l10n from '@vscode/l10n';
import { parseStamp } from '../core/time/civilTime';
import { compileParameter } from '../core/model/parameterExpression';
import { UsageError } from './usageError';
import { parseCommandArgs } from './workspaceArgs';

/** `nightshift param --at <time> [--scheduler dataworks|dataphin] <expression>...`: each value on its own line. */
export function runParam(args: string[]): number {
  const parsed = parseCommandArgs(args, { at: { type: 'string' }, task: { type: 'string' }, scheduler: { type: 'string' } });
  const scheduler = parsed.values.scheduler ?? 'dataworks';
  if (scheduler !== 'dataworks' && scheduler !== 'dataphin') throw new UsageError(l10n.t('--scheduler must be dataworks or dataphin'));
  const at = parsed.values.at;
  if (!at) throw new UsageError(l10n.t('missing --at YYYY-MM-DDTHH:mm[:ss] (the instance\'s scheduled time)'));
  const cycMs = parseStamp(at);
  if (Number.isNaN(cycMs)) throw new UsageError(l10n.t('--at "{0}" is not a time YYYY-MM-DDTHH:mm[:ss]', at));
  if (parsed.positionals.length === 0) throw new UsageError(l10n.t('missing the expression(s) to evaluate'));
  const compiled = parsed.positionals.map((expression) => {
    const result = compileParameter(expression, { scheduler });
    if (!result.ok) throw new UsageError(l10n.t('invalid expression {0}', result.error));
    return result.evaluate;
  });
  const taskId = parsed.values.task;
  const context = { cycMs, ...(taskId ? { taskId, instanceId: `${taskId}@${at.slice(0, 16)}` } : {}) };
  process.stdout.write(compiled.map((evaluate) => `${evaluate(context)}\n`).join(''));
  return 0;
}
