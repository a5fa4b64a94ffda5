import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { RunSettings } from '../core/operations/fieldOperations';

/** Run Configuration's dialog: the run timeout, then auto-rerun on failure (keep, set or turn off). */
export async function promptRunSettings(): Promise<RunSettings | undefined> {
  const timeout = await vscode.window.showInputBox({
    title: l10n.t('Run timeout in minutes (empty: leave as it is)'),
    validateInput: (v) => (v === '' || (/^\d+$/.test(v) && Number(v) > 0 && Number(v) <= 10080) ? undefined : l10n.t('Minutes, a whole number from 1 to 10080 (168 hours), or empty')),
  });
  if (timeout === undefined) return undefined;
  const rerun = await vscode.window.showQuickPick(
    [{ label: l10n.t('Leave auto-rerun as it is'), id: 'keep' }, { label: l10n.t('Rerun automatically on failure…'), id: 'set' }, { label: l10n.t('No automatic rerun'), id: 'none' }],
    { title: l10n.t('Auto-rerun on failure') },
  );
  if (!rerun) return undefined;
  let autoRerun: RunSettings['autoRerun'];
  if (rerun.id === 'none') autoRerun = null;
  if (rerun.id === 'set') {
    const times = await vscode.window.showInputBox({ title: l10n.t('Rerun how many times (1 to 10)'), value: '3', validateInput: (v) => (/^\d+$/.test(v) && +v >= 1 && +v <= 10 ? undefined : l10n.t('A whole number from {0} to {1}', 1, 10)) });
    if (times === undefined) return undefined;
    const interval = await vscode.window.showInputBox({ title: l10n.t('Minutes between reruns (1 to 30)'), value: '2', validateInput: (v) => (/^\d+$/.test(v) && +v >= 1 && +v <= 30 ? undefined : l10n.t('A whole number from {0} to {1}', 1, 30)) });
    if (interval === undefined) return undefined;
    autoRerun = { times: Number(times), intervalMinutes: Number(interval) };
  }
  if (timeout === '' && autoRerun === undefined) {
    void vscode.window.showInformationMessage(l10n.t('Run Configuration: nothing to change (no timeout given, auto-rerun left as it is).'));
    return undefined;
  }
  return { ...(timeout ? { timeoutMinutes: Number(timeout) } : {}), ...(autoRerun !== undefined ? { autoRerun } : {}) };
}
