import * as l10n from '@vscode/l10n';
import { writeDiagnostics } from './diagnosticOutput';
import { parseWorkspaceArgs } from './workspaceArgs';

export function runValidate(args: string[]): number {
  const { load } = parseWorkspaceArgs(args, {});
  const index = load();
  const { errors, warnings } = writeDiagnostics(index, { warnings: true });
  const errorText = errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors);
  const warningText = warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings);
  const summary = `${l10n.t('{0} projects, {1} tasks: {2}, {3}', index.projects().length, index.taskCount(), errorText, warningText)}\n`;
  (errors ? process.stderr : process.stdout).write(summary);
  return errors ? 1 : 0;
}
