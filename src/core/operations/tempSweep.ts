import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unlinkQuietly } from './atomicFile';

/** Temporary files as atomicFile names them: `.<name>.<pid>.<time>.<n>.tmp`. */
const TEMP = /^\..+\.(\d+)\.\d+\.\d+\.tmp$/;

/**
 * Removes the temporary files a killed writer (`pid`) left in these folders: a write that was under
 * way when it died. Other processes' temporary files are theirs and stay.
 */
export function sweepTempFiles(dirs: Iterable<string>, pid: number): number {
  let removed = 0;
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const match = TEMP.exec(name);
      if (match && Number(match[1]) === pid) {
        unlinkQuietly(join(dir, name));
        removed++;
      }
    }
  }
  return removed;
}
