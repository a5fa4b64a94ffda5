import { readFileSync } from 'node:fs';

/**
 * When a process started (ms since the epoch), where the system says (Linux's /proc); undefined
 * elsewhere. A pid is reused once its process ends: a lock or an intent naming a pid whose process
 * started after the lock or the intent was written names another process.
 */
export function processStartedAt(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const boot = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!Number.isFinite(ticks) || !boot) return undefined;
    // Clock ticks are 100 per second on every Linux this runs on (USER_HZ).
    return Number(boot[1]) * 1000 + ticks * 10;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is a live process that was already running at `since` (ms since the epoch). */
export function aliveSince(pid: number, since: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = processStartedAt(pid);
  // The computed start is at most a second early (btime is whole seconds), never late: the writer
  // itself started before it wrote `since`; a process started over a second after it is another.
  return started === undefined || !Number.isFinite(since) || started <= since;
}
