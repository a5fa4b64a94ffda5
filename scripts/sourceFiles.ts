import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every TypeScript file below `dir` (declaration files too), sorted: what the source scans read. */
export function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
