import { isAbsolute, relative } from 'node:path';
import { compareDiagnostics, formatDiagnostic } from '../core/model/diagnostic';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';

/** A path as the user would type it: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** Writes the workspace's problems to stderr as `file:line: message`; returns the error and warning counts. */
export function writeDiagnostics(index: WorkspaceIndex, options: { warnings: boolean }): { errors: number; warnings: number } {
  const all = [...index.diagnostics().values()].flat().sort(compareDiagnostics);
  let errors = 0;
  for (const d of all) {
    if (d.severity === 'error') errors++;
    if (d.severity === 'error' || options.warnings) process.stderr.write(`${formatDiagnostic(d, displayPath)}\n`);
  }
  return { errors, warnings: all.length - errors };
}
