import { interruptedNotice, interruptedRecords } from '../core/operations/batchRecovery';

/** Warns on stderr of each interrupted batch, so a user meets it on the next command they run. */
export function warnInterrupted(dir: string): void {
  for (const record of interruptedRecords(dir)) process.stderr.write(`nightshift: ${interruptedNotice(record)}\n`);
}
