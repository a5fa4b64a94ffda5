import { writeDiagnostics } from './diagnosticOutput';
import { parseWorkspaceArgs } from './workspaceArgs';

export function runValidate(args: string[]): number {
  const { load } = parseWorkspaceArgs(args, {});
  const index = load();
  const { errors, warnings } = writeDiagnostics(index, { warnings: true });
  const summary = `${index.projects().length} projects, ${index.taskCount()} tasks: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`;
  (errors ? process.stderr : process.stdout).write(summary);
  return errors ? 1 : 0;
}
