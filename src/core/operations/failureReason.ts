import { ConflictError } from './atomicFile';
import { ConfinementError } from './confinement';
import { WriteLockBusy } from './writeLock';

/**
 * A task's failure as its result's reason: a refusal Nightshift made (a file changed since, a path
 * outside, the lock held) in its own words; anything else the system said, as a failed write.
 */
export function failureReason(error: unknown): string {
  if (error instanceof ConflictError || error instanceof ConfinementError || error instanceof WriteLockBusy) return error.message;
  return `could not write the file: ${error instanceof Error ? error.message : String(error)}`;
}
