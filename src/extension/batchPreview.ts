import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { PlannedTask } from '../core/operations/batchRunner';
import type { Task } from '../core/workspace/workspaceModel';
import { statusText } from './batchReport';

interface PreviewItem extends vscode.QuickPickItem {
  task?: Task;
}


/**
 * The batch's preview, the way VS Code lists choices: every task with what will change (field: old →
 * new), ticked; every skipped or refused task with its reason, below. Untick a task to leave it out;
 * OK applies the ticked ones. "Show Details" writes the preview to the output panel and keeps the
 * preview open. Returns the tasks to change, or undefined when the user closes it.
 */
export async function confirmBatch(title: string, plan: readonly PlannedTask[], output: vscode.OutputChannel, hidden?: ReadonlySet<string>): Promise<Task[] | undefined> {
  const hiddenNote = (t: Task) => (hidden?.has(t.data.id) ? ` · $(eye-closed) ${l10n.t('hidden by the list\'s filters')}` : '');
  const changing = plan.filter((p) => p.decision.status === 'change');
  const others = plan.filter((p) => p.decision.status !== 'change');
  const item = (p: PlannedTask): PreviewItem => ({
    label: `${p.decision.status === 'change' ? (p.decision.failed ? '$(error)' : '$(edit)') : p.decision.status === 'skipped' ? '$(debug-step-over)' : '$(circle-slash)'} ${p.task.data.name}`,
    description: `${p.task.data.id} · /${p.task.folder}${hiddenNote(p.task)}`,
    detail: p.decision.status === 'change' ? p.decision.summary : `${p.decision.status === 'skipped' ? l10n.t('skipped') : l10n.t('refused')}: ${p.decision.reason}`,
    ...(p.decision.status === 'change' ? { task: p.task } : {}),
  });
  const items: PreviewItem[] = [
    ...(changing.length ? [{ label: l10n.t('Will change ({0})', changing.length), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...changing.map(item),
    ...(others.length ? [{ label: l10n.t('Skipped or refused ({0}): nothing happens to these', others.length), kind: vscode.QuickPickItemKind.Separator }] : []),
    ...others.map(item),
  ];
  const pick = vscode.window.createQuickPick<PreviewItem>();
  const failing = changing.filter((p) => p.decision.status === 'change' && p.decision.failed).length;
  const willChange = failing === 0
    ? l10n.t('{0} will change', changing.length)
    : failing === 1 ? l10n.t('{0} will change (1 of them fails, and record why)', changing.length) : l10n.t('{0} will change ({1} of them fail, and record why)', changing.length, failing);
  const counts = l10n.t('{0}, {1} skipped, {2} refused', willChange, plan.filter((p) => p.decision.status === 'skipped').length, plan.filter((p) => p.decision.status === 'failed').length);
  pick.title = `${title}: ${counts}${hidden?.size ? ` · ${l10n.t('{0} hidden by the list\'s filters', hidden.size)}` : ''}`;
  pick.placeholder = changing.length ? l10n.t('Untick the tasks to leave out, then OK (Enter) applies the ticked ones') : l10n.t('Nothing to do: every task is skipped or refused (reasons below)');
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  pick.items = items;
  pick.selectedItems = items.filter((i) => i.task);
  pick.buttons = [{ iconPath: new vscode.ThemeIcon('output'), tooltip: l10n.t('Show the preview in the output panel (the preview stays open)') }];
  pick.onDidTriggerButton(() => {
    output.appendLine(l10n.t('Preview: {0}', pick.title ?? ''));
    for (const p of plan) {
      const note = hidden?.has(p.task.data.id) ? ` ${l10n.t('(hidden by the list\'s filters)')}` : '';
      const what = p.decision.status === 'change' ? l10n.t('changes: {0}', p.decision.summary) : `${statusText(p.decision.status)}: ${p.decision.reason}`;
      output.appendLine(`  ${p.task.data.id} ${p.task.data.name}${note}: ${what}`);
    }
    output.show(true);
  });
  // Ticking a skipped or refused task does nothing: there is nothing to apply to it.
  pick.onDidChangeSelection((selected) => {
    if (selected.some((i) => !i.task)) pick.selectedItems = selected.filter((i) => i.task);
  });
  const chosen = await new Promise<Task[] | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems.flatMap((i) => (i.task ? [i.task] : [])));
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  return chosen?.length ? chosen : undefined;
}
