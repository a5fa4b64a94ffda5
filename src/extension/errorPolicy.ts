import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * One way to fail, for every command: the user sees what went wrong (a notification naming the
 * command, with "Show Log"), and the log keeps the whole error. Nothing a command throws reaches VS
 * Code's own "command failed" toast, and nothing is swallowed.
 */
let channel: vscode.OutputChannel | undefined;

export function nightshiftLog(): vscode.OutputChannel {
  channel ??= vscode.window.createOutputChannel('Nightshift Log');
  return channel;
}

/** Writes a caught error to the log, with where it happened; for failures no user asked for (the indexer). */
export function logError(where: string, error: unknown): void {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  nightshiftLog().appendLine(`[${new Date().toISOString()}] ${where}: ${text}`);
}

/** Registers a command whose failures are shown and logged the one way. */
export function registerCommand(id: string, run: (...args: never[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await (run as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      logError(id, error);
      const message = error instanceof Error ? error.message : String(error);
      const showLog = l10n.t('Show Log');
      void vscode.window.showErrorMessage(l10n.t('Nightshift: {0} failed: {1}', id.replace(/^nightshift\./, ''), message), showLog).then((a) => a === showLog && nightshiftLog().show(true));
      return undefined;
    }
  });
}
