import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { dateOfDay, dayNumber, displayStamp } from '../core/time/civilTime';
import { planBackfill, type Backfill } from '../core/engine/backfill';
import { buildSchedulingGraph, type SchedulingGraph } from '../core/engine/schedulingGraph';
import { taskClosure } from '../core/engine/taskClosure';
import { taskInstances, type OpsDay, type OpsInstance } from '../core/engine/taskInstances';
import { todayIn } from '../core/time/wallClock';
import type { Task } from '../core/workspace/workspaceModel';
import type { WorkspaceIndexer } from './workspaceIndexer';
import { blockedText, instanceKindText } from '../core/engine/instanceKindText';

type OpsNode =
  | { kind: 'day'; day: OpsDay }
  | { kind: 'instance'; instance: OpsInstance }
  | { kind: 'line'; label: string; description?: string; icon?: string; tooltip?: string }
  | { kind: 'backfill'; backfill: Backfill; title: string }
  | { kind: 'step'; instance: Backfill['instances'][number]; name: string };

const KIND_ICON: Record<string, string> = { normal: 'circle-filled', 'dry-run': 'circle-outline', paused: 'debug-pause' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the O&M view shows: one task's instances over a date range, and a backfill preview of it. */
interface OpsState {
  task: Task;
  from: string;
  to: string;
  today: string;
  days: OpsDay[];
  backfill?: { backfill: Backfill; title: string };
}

/**
 * "Go to O&M", the editor's way: a view of one task's instances over a date range (by default the
 * last 7 and the next 7 days), each with its kind, scheduled time, predicted start and end, what it
 * waits for by name and its resolved parameters; and Backfill…, which previews the instances a data
 * backfill would run, in order, with their parameters.
 */
export class OpsView implements vscode.TreeDataProvider<OpsNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private state?: OpsState;
  private graph?: SchedulingGraph;
  readonly view: vscode.TreeView<OpsNode>;

  constructor(private readonly indexer: WorkspaceIndexer) {
    this.view = vscode.window.createTreeView('nightshift.ops', { treeDataProvider: this, showCollapseAll: true });
    indexer.onDidChange(() => {
      this.graph = undefined;
      if (this.state) this.refresh();
    });
  }

  dispose(): void {
    this.view.dispose();
    this.changed.dispose();
  }

  /** The instances shown now (for tests and scripts). */
  get current(): { task: string; from: string; to: string; days: OpsDay[]; backfill?: Backfill } | undefined {
    const s = this.state;
    return s && { task: s.task.data.id, from: s.from, to: s.to, days: s.days, ...(s.backfill ? { backfill: s.backfill.backfill } : {}) };
  }

  private scheduling(): SchedulingGraph {
    return (this.graph ??= buildSchedulingGraph(this.indexer.index));
  }

  private zoneOf(task: Task): string {
    return (task.projectDir ? this.indexer.index.project(task.projectDir)?.config.timezone : undefined) ?? 'UTC';
  }

  /** Shows `task`'s instances from `from` to `to` (default: the last 7 and the next 7 days in its project's zone). */
  async show(task: Task, range: { from?: string; to?: string } = {}): Promise<OpsDay[] | undefined> {
    const today = todayIn(this.zoneOf(task));
    const from = range.from ?? dateOfDay(dayNumber(today) - 7);
    const to = range.to ?? dateOfDay(dayNumber(today) + 7);
    let days: OpsDay[];
    try {
      days = taskInstances(this.scheduling(), task.data.id, from, to);
    } catch (error) {
      void vscode.window.showWarningMessage(`${l10n.t('Go to O&M')}: ${task.data.name}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    this.state = { task, from, to, today, days };
    // The name in the description (a view title gets its first letter capitalized) and in the message,
    // which shows where the view is the only one of its container and has no header of its own.
    this.view.description = `${task.data.name} · ${from} → ${to}`;
    this.view.message = `${task.data.name} · ${from} → ${to} (${l10n.t('scheduled dates, {0}', this.zoneOf(task))})`;
    this.changed.fire();
    await vscode.commands.executeCommand('nightshift.ops.focus');
    return days;
  }

  private refresh(): void {
    const s = this.state!;
    const task = this.indexer.index.task(s.task.data.id);
    if (!task) {
      this.state = undefined;
      this.view.description = undefined;
      this.view.message = undefined;
      this.changed.fire();
      return;
    }
    let days: OpsDay[];
    try {
      days = taskInstances(this.scheduling(), task.data.id, s.from, s.to);
    } catch {
      days = [];
    }
    this.state = { ...s, task, days };
    // Most edits leave this task's instances as they were: the view is not redrawn then. A redraw while
    // the workbench was still filling the expanded day once left that day shown without its instances.
    if (JSON.stringify(days) !== JSON.stringify(s.days)) this.changed.fire();
  }

  async changeRange(preset: { from?: string; to?: string } = {}): Promise<OpsDay[] | undefined> {
    const s = this.state;
    if (!s) return void vscode.window.showInformationMessage(l10n.t('Run Go to O&M on a task first.'));
    const ask = (title: string, value: string) => vscode.window.showInputBox({ title, value, validateInput: (v) => (DATE.test(v) && !Number.isNaN(dayNumber(v)) ? undefined : l10n.t('A date, YYYY-MM-DD')) });
    const from = preset.from ?? (await ask(l10n.t('O&M of {0}: from (scheduled date)', s.task.data.name), s.from));
    if (!from) return undefined;
    const to = preset.to ?? (await ask(l10n.t('O&M of {0}: to (scheduled date)', s.task.data.name), s.to));
    if (!to) return undefined;
    return this.show(s.task, { from, to });
  }

  /**
   * Backfill…: a business-date range, with or without the downstream tasks, and tasks to exclude
   * (they run dry); the preview lists the instances in the order they would run, with parameters.
   */
  async backfill(task: Task | undefined, preset: { from?: string; to?: string; downstream?: boolean; exclude?: string[] } = {}): Promise<Backfill | undefined> {
    task ??= this.state?.task;
    if (!task) return void vscode.window.showInformationMessage(l10n.t('Run Go to O&M on a task first, or start Backfill from a task.'));
    const graph = this.scheduling();
    const yesterday = dateOfDay(dayNumber(todayIn(this.zoneOf(task))) - 1);
    const ask = (title: string, value: string) => vscode.window.showInputBox({ title, value, validateInput: (v) => (DATE.test(v) && !Number.isNaN(dayNumber(v)) ? undefined : l10n.t('A business date, YYYY-MM-DD')) });
    const title = l10n.t('Backfill {0}', task.data.name);
    const from = preset.from ?? (await ask(l10n.t('{0}: first business date', title), yesterday));
    if (!from) return undefined;
    const to = preset.to ?? (await ask(l10n.t('{0}: last business date', title), from));
    if (!to) return undefined;
    const downstream =
      preset.downstream ??
      (await vscode.window.showQuickPick([{ label: l10n.t('This task only'), value: false }, { label: l10n.t('With its downstream tasks'), value: true }], { title: l10n.t('{0}: which tasks', title) }))?.value;
    if (downstream === undefined) return undefined;
    let exclude = preset.exclude;
    if (!exclude && downstream) {
      const others = [...taskClosure(graph, [task.data.id], { downstream: true }).ids].filter((id) => id !== task!.data.id);
      if (others.length) {
        const picked = await vscode.window.showQuickPick(
          others.map((id) => ({ label: graph.tasks.get(id)?.name ?? id, description: id, id })),
          { title: l10n.t('{0}: tasks to exclude (they run dry); none ticked: run them all', title), canPickMany: true, matchOnDescription: true },
        );
        if (!picked) return undefined;
        exclude = picked.map((p) => p.id);
      }
    }
    let backfill: Backfill;
    try {
      backfill = planBackfill(graph, { task: task.data.id, from, to, downstream, exclude: new Set(exclude ?? []) });
    } catch (error) {
      void vscode.window.showErrorMessage(`${title}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    if (!this.state || this.state.task.data.id !== task.data.id) await this.show(task);
    const range = from === to ? from : `${from} → ${to}`;
    this.state!.backfill = {
      backfill,
      title: `${l10n.t('Backfill preview: {0}', range)}${downstream ? l10n.t(', with {0} downstream task(s)', backfill.tasks.length - 1) : ''}${exclude?.length ? l10n.t(', {0} excluded', exclude.length) : ''}: ${l10n.t('{0} instance(s)', backfill.instances.length)}`,
    };
    this.changed.fire();
    await vscode.commands.executeCommand('nightshift.ops.focus');
    return backfill;
  }

  getTreeItem(node: OpsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'day': {
        const { day } = node;
        const isToday = day.date === this.state?.today;
        const item = new vscode.TreeItem(isToday ? l10n.t('{0} (today)', day.date) : day.date, day.instances.length ? (isToday ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
        item.description = `${l10n.t('business date {0}', day.bizdate)} · ${day.instances.length === 1 ? l10n.t('1 instance') : l10n.t('{0} instances', day.instances.length)}`;
        item.iconPath = new vscode.ThemeIcon(isToday ? 'calendar' : 'blank');
        item.id = `day:${day.date}`;
        return item;
      }
      case 'instance': {
        const i = node.instance;
        const item = new vscode.TreeItem(displayStamp(i.scheduledAt).slice(-5), vscode.TreeItemCollapsibleState.Collapsed);
        const names = [...new Set(i.waitsFor.map((w) => w.name))];
        const waits = names.length ? ` · ${names.length > 2 ? l10n.t('waits for {0} and {1} more', names.slice(0, 2).join(', '), names.length - 2) : l10n.t('waits for {0}', names.join(', '))}` : '';
        item.description = `${instanceKindText(i.kind)} · ${i.blocked ? l10n.t('will not run ({0})', blockedText(i.blocked)) : l10n.t('predicted {0} – {1}', i.start ?? '—', i.end ?? '—')}${waits}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICON[i.kind] ?? 'circle-filled');
        const params = Object.entries(i.params).map(([k, v]) => `\`${k}\` = \`${v}\``).join('  \n');
        item.tooltip = new vscode.MarkdownString(`**${displayStamp(i.scheduledAt)}** · ${instanceKindText(i.kind)}\n\n${i.explanation}${params ? `\n\n${params}` : ''}`);
        item.id = `instance:${i.id}`;
        return item;
      }
      case 'line': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        if (node.tooltip) item.tooltip = node.tooltip;
        return item;
      }
      case 'backfill': {
        const item = new vscode.TreeItem(node.title, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('history');
        item.id = `backfill:${node.title}`;
        return item;
      }
      case 'step': {
        const i = node.instance;
        const item = new vscode.TreeItem(`${i.step + 1}. ${node.name}`, Object.keys(i.params).length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.description = `${l10n.t('business date {0}', i.bizdate)} · ${displayStamp(i.scheduledAt)} · ${instanceKindText(i.kind)}`;
        item.iconPath = new vscode.ThemeIcon(KIND_ICON[i.kind] ?? 'circle-filled');
        item.tooltip = `${i.id}${i.upstream.length ? `\n${l10n.t('after: {0}', i.upstream.join(', '))}` : ''}`;
        return item;
      }
    }
  }

  getChildren(node?: OpsNode): OpsNode[] {
    const s = this.state;
    if (!s) return [];
    if (!node) {
      const days: OpsNode[] = s.days.map((day) => ({ kind: 'day', day }));
      return s.backfill ? [{ kind: 'backfill', ...s.backfill }, ...days] : days;
    }
    switch (node.kind) {
      case 'day':
        return node.day.instances.map((instance) => ({ kind: 'instance', instance }));
      case 'instance': {
        const i = node.instance;
        return [
          { kind: 'line', label: l10n.t('Why this start'), description: i.explanation, icon: 'question', tooltip: i.explanation },
          ...i.waitsFor.map((w): OpsNode => ({ kind: 'line', label: l10n.t('Waits for {0}', w.name), description: `${displayStamp(w.at)}${w.crossCycle ? ` · ${l10n.t('cross-cycle')}` : ''}`, icon: 'arrow-up', tooltip: w.id })),
          ...Object.entries(i.params).map(([k, v]): OpsNode => ({ kind: 'line', label: k, description: v, icon: 'symbol-variable' })),
        ];
      }
      case 'backfill':
        return node.backfill.instances.map((instance) => ({ kind: 'step', instance, name: this.scheduling().tasks.get(instance.task)?.name ?? instance.task }));
      case 'step':
        return Object.entries(node.instance.params).map(([k, v]) => ({ kind: 'line', label: k, description: v, icon: 'symbol-variable' }));
      case 'line':
        return [];
    }
  }
}
