import * as vscode from 'vscode';
import type { PlannedTask } from '../core/operations/batchRunner';
import type { Task } from '../core/workspace/workspaceModel';

interface PreviewItem extends vscode.QuickPickItem {
  task?: Task;
}

const DETAILS = { iconPath: new vscode.ThemeIcon('output'), tooltip: 'Show the preview in the output panel (the preview stays open)' };

/**
 * The batch's preview, the way VS Code lists choices: every task with what will change (field: old →
 * new), ticked; every skipped or refused task with its reason, below. Untick a task to leave it out;
 * OK applies the ticked ones. "Show Details" writes the preview to the output panel and keeps the
 * preview open. Returns the tasks to change, or undefined when the user closes it.
 */
export async function confirmBatch(title: string, plan: readonly PlannedTask[], output: vscode.OutputChannel, hidden?: ReadonlySet<string>): Promise<Task[] | undefined> {
  const hiddenNote = (t: Task) => (hidden?.has(t.data.id) ? ' · $(eye-closed) hidden by the list\'s filters' : '');
  const changing = plan.filter((p) => p.decision.status === 'change');
  const others = plan.filter((p) => p.decision.status !== 'change');
  const item = (p: PlannedTask): PreviewItem => ({
    label: `${p.decision.status === 'change' ? (p.decision.failed ? '$(error)' : '$(edit)') : p.decision.status === 'skipped' ? '$(debug-step-over)' : '$(circle-slash)'} ${p.task.data.name}`,
    description: `${p.task.data.id} · /${p.task.folder}${hiddenNote(p.task)}`,
    detail: p.decision.status === 'change' ? p.decision.summary : `${p.decision.status === 'skipped' ? 'skipped' : 'refused'}: ${p.decision.reason}`,
    ...(p.decision.status === 'change' ? { task: p.task } : {}),
  });
  const items: PreviewItem[] = [
    ...(changing.length ? [{ label: `Will change (${changing.length})`, kind: vscode.QuickPickItemKind.Separator }] : []),
    ...changing.map(item),
    ...(others.length ? [{ label: `Skipped or refused (${others.length}): nothing happens to these`, kind: vscode.QuickPickItemKind.Separator }] : []),
    ...others.map(item),
  ];
  const pick = vscode.window.createQuickPick<PreviewItem>();
  const failing = changing.filter((p) => p.decision.status === 'change' && p.decision.failed).length;
  pick.title = `${title}: ${changing.length} will change${failing ? ` (${failing} of them fail${failing === 1 ? 's' : ''}, and record why)` : ''}, ${plan.filter((p) => p.decision.status === 'skipped').length} skipped, ${plan.filter((p) => p.decision.status === 'failed').length} refused${hidden?.size ? ` · ${hidden.size} hidden by the list's filters` : ''}`;
  pick.placeholder = changing.length ? 'Untick the tasks to leave out, then OK (Enter) applies the ticked ones' : 'Nothing to do: every task is skipped or refused (reasons below)';
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.ignoreFocusOut = true;
  pick.items = items;
  pick.selectedItems = items.filter((i) => i.task);
  pick.buttons = [DETAILS];
  pick.onDidTriggerButton(() => {
    output.appendLine(`Preview: ${pick.title}`);
    for (const p of plan) output.appendLine(`  ${p.task.data.id} ${p.task.data.name}${hidden?.has(p.task.data.id) ? ' (hidden by the list\'s filters)' : ''}: ${p.decision.status === 'change' ? `changes: ${p.decision.summary}` : `${p.decision.status}: ${p.decision.reason}`}`);
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
