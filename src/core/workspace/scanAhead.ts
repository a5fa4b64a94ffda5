import { statSync } from 'node:fs';
import { receiveMessageOnPort } from 'node:worker_threads';
import { helperEntry, startHelperThread, type HelperThread } from './helperThread';
import { scanWorkspace, type WorkspaceScan } from './workspaceScan';

/** What the asking thread sends the scanning thread. */
export interface ScanRequest {
  roots: string[];
  excludeGlobs: string[];
  /** Int32Array over it: [SCAN_PROGRESS, SCAN_DONE]. */
  shared: SharedArrayBuffer;
}

export const SCAN_PROGRESS = 0;
export const SCAN_DONE = 1;

/** A helper that has not moved on for this long is taken for dead: the scan is made here. */
const STALL_MS = 10_000;
/**
 * A cache smaller than this (about 20,000 task files) is opened, and then the walk made on the asking
 * thread, without starting one: a walk that trusts the cache's folder listings only stats (10,000 files
 * in 60-80 ms here), where a helper thread took 230-320 ms to start, walk and post (its own start, and
 * the two cores shared with the opening of the cache and V8's threads), so the asking thread waited
 * for it. With a larger cache, opening it takes longer than the helper's whole walk.
 */
export const MIN_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * A workspace's walk and stats, made on a helper thread while the asking thread opens the index cache
 * (on a warm open the two are most of the time, and these machines have two cores). `result()` is
 * synchronous, like the loads that use it. Whatever goes wrong with the helper (no bundle for it, a
 * thread that cannot start, a crash, a hang) costs time, never a file: the scan is then made here.
 */
export class ScanAhead {
  private helper?: HelperThread;
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  /** Whether the helper thread made the scan (for the tests to see it work). */
  byHelper = false;

  /** `entry` and `stallMs` are for tests: a helper's entry that fails, a shorter wait for one that hangs. */
  constructor(
    private readonly roots: readonly string[],
    private readonly excludeGlobs: readonly string[],
    private readonly options: { entry?: string | undefined; stallMs?: number } = {},
  ) {
    const entry = 'entry' in options ? options.entry : helperEntry('workspaceScanWorker');
    if (!entry) return;
    try {
      this.helper = startHelperThread(entry);
      this.helper.port.postMessage({ roots: [...roots], excludeGlobs: [...excludeGlobs], shared: this.state.buffer as SharedArrayBuffer } satisfies ScanRequest);
    } catch {
      this.helper = undefined;
    }
  }

  /** Starts the scan on a helper only when the cache that will be opened meanwhile is big enough to be worth it. */
  static beside(cacheFile: string | undefined, roots: readonly string[], excludeGlobs: readonly string[]): ScanAhead | undefined {
    let bytes = 0;
    try {
      bytes = cacheFile ? statSync(cacheFile).size : 0;
    } catch {
      // No cache yet: nothing to open meanwhile.
    }
    return bytes >= MIN_CACHE_BYTES ? new ScanAhead(roots, excludeGlobs) : undefined;
  }

  /** The scan: the helper's when it posts one, else made here. */
  result(): WorkspaceScan {
    const helper = this.helper;
    this.helper = undefined;
    if (!helper) return scanWorkspace(this.roots, this.excludeGlobs);
    try {
      if (this.awaitDone()) {
        const posted = receiveMessageOnPort(helper.port)?.message as WorkspaceScan | null | undefined;
        if (posted) {
          this.byHelper = true;
          return posted;
        }
      }
    } finally {
      void helper.worker.terminate().catch(() => undefined);
    }
    return scanWorkspace(this.roots, this.excludeGlobs);
  }

  /** Waits for the helper's flag while it keeps moving; false when it stalls (or this thread may not block). */
  private awaitDone(): boolean {
    const stallMs = this.options.stallMs ?? STALL_MS;
    let seen = Atomics.load(this.state, SCAN_PROGRESS);
    while (Atomics.load(this.state, SCAN_DONE) === 0) {
      try {
        if (Atomics.wait(this.state, SCAN_DONE, 0, stallMs) !== 'timed-out') continue;
      } catch {
        return false;
      }
      const now = Atomics.load(this.state, SCAN_PROGRESS);
      if (now === seen) return false;
      seen = now;
    }
    return true;
  }
}
