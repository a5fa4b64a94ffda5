import { isAbsolute, relative } from 'node:path';
import { compareDiagnostics, formatDiagnostic } from '../core/validation/diagnostic';
import { parseWorkspaceArgs } from './workspaceArgs';

export function runValidate(args: string[]): number {
  const { load } = parseWorkspaceArgs(args, {});
  const index = load();
  const all = [...index.diagnostics().values()].flat().sort(compareDiagnostics);
  const display = (file: string) => {
    const rel = relative(process.cwd(), file);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  };
  for (const d of all) process.stderr.write(`${formatDiagnostic(d, display)}\n`);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.length - errors;
  const summary = `${index.projects().length} projects, ${index.taskCount()} tasks: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
  (errors ? process.stderr : process.stdout).write(summary);
  return errors ? 1 : 0;
}
