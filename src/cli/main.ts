import * as l10n from '@vscode/l10n';
import { runBackfill } from './backfillCommand';
import { runBaselines } from './baselinesCommand';
import { runCreate } from './createCommand';
import { runDiff } from './diffCommand';
import { runDurations } from './durationsCommand';
import { runExport } from './exportCommand';
import { runImport } from './importCommand';
import { stopQuietlyWhenReaderCloses } from './closedPipe';
import { OPERATION_COMMANDS, runOperation } from './operationCommand';
import { runList } from './listCommand';
import { runParam } from './paramCommand';
import { runPending, runPublish, runRecords, runRevert } from './recordsCommand';
import { runRecover } from './recoverCommand';
import { runUnlock } from './unlockCommand';
import { runPreview } from './previewCommand';
import { runTree } from './treeCommand';
import { runValidate } from './validateCommand';
import { UsageError } from './usageError';
import { chooseLanguage } from './cliLanguage';
import { usageText } from './usageText';

export async function main(argv: string[]): Promise<number> {
  let args = argv;
  try {
    args = chooseLanguage(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`nightshift: ${error.message}\n`);
    return 2;
  }
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'import':
        return runImport(rest);
      case 'export':
        return runExport(rest);
      case 'baselines':
        return runBaselines(rest);
      case 'diff':
        return runDiff(rest);
      case 'durations':
        return await runDurations(rest);
      case 'create':
        return await runCreate(rest);
      case 'validate':
        return runValidate(rest);
      case 'tree':
        return runTree(rest);
      case 'list':
        return runList(rest);
      case 'preview':
        return runPreview(rest);
      case 'param':
        return runParam(rest);
      case 'backfill':
        return runBackfill(rest);
      case 'records':
        return runRecords(rest);
      case 'revert':
        return runRevert(rest);
      case 'recover':
        return runRecover(rest);
      case 'unlock':
        return runUnlock(rest);
      case 'pending':
        return runPending(rest);
      case 'publish':
        return await runPublish(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(usageText());
        return command === undefined ? 2 : 0;
      default:
        if (OPERATION_COMMANDS.includes(command)) return await runOperation(command, rest);
        throw new UsageError(l10n.t('unknown command "{0}"', command));
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`nightshift: ${error.message}\n\n${usageText()}`);
      return 2;
    }
    // Not the user's usage: the system said no (a full disk, a permission), or a defect of ours.
    const system = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(system ? `nightshift: ${message}\n` : `nightshift: internal error: ${message}\nThis is a defect of Nightshift: please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    return 3;
  }
}

stopQuietlyWhenReaderCloses(process.stdout, process.stderr);
void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
