import { execFileSync } from 'node:child_process';
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { dayNumber } from '../core/time/civilTime';
import { todayIn } from '../core/time/wallClock';
import type { CompareMark } from '../core/panel/panelProtocol';
import { changeText, instanceClock } from '../core/review/changeText';
import { loadWorkspaceAtRevision, RevisionError } from '../core/review/gitWorkspace';
import { groupChanges, scheduleDiff, type ChangeKind, type ScheduleChange, type ScheduleDiff } from '../core/review/scheduleDiff';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { logError } from './errorPolicy';
import type { WorkspaceIndexer } from './workspaceIndexer';
import { baselineStateText } from '../core/engine/baselineStateText';

type ChangeNode =
  | { kind: 'baseline'; line: ScheduleDiff['baselines'][number] }
  | { kind: 'task'; task: string; name: string; changes: ScheduleChange[] }
  | { kind: 'instance'; task: string; name: string; instance: string; date: string; changes: ScheduleChange[] }
  | { kind: 'change'; change: ScheduleChange };

const KIND_ICON: Record<ChangeKind, string> = {
  'instance-added': 'diff-added',
  'instance-removed': 'diff-removed',
  'edge-added': 'arrow-up',
  'edge-removed': 'arrow-down',
  'param-changed': 'symbol-variable',
  'timing-moved': 'clock',
  'closure-changed': 'type-hierarchy-sub',
};
const STATE_ICON = { safe: 'pass', warning: 'warning', breached: 'error' } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Comparison {
  base: string;
  commit: string;
  from: string;
  to: string;
  diff: ScheduleDiff;
}

/**
 * "Compare Schedule with HEAD" (or with a branch): what the workspace's files, as they are now, do to
 * the schedule against a Git revision, read from Git's objects without a checkout. The Schedule
 * Changes view groups it task → instance → what changed; an instance opens the timeline on it, with
 * its run before the change drawn beside its run now.
 */
export class ScheduleChangesView implements vscode.TreeDataProvider<ChangeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<ChangeNode>;
  private comparison?: Comparison;
  /** The files changed since the comparison was made. */
  private outdated = false;
  private again?: NodeJS.Timeout;

  constructor(
    private readonly indexer: WorkspaceIndexer,
    private readonly openTimeline: (request: { task: string; date: string }, compare: CompareMark) => unknown,
  ) {
    this.view = vscode.window.createTreeView('nightshift.scheduleChanges', { treeDataProvider: this, showCollapseAll: true });
    indexer.onDidChange(() => {
      if (!this.comparison) return;
      this.outdated = true;
      this.catchUp();
    });
    this.view.onDidChangeVisibility(() => this.catchUp());
  }

  /**
   * The files changed since the comparison: compare again, keeping the base and the dates, but only
   * while the view is on screen (a comparison plans both sides; a hidden view catches up when shown).
   * It runs in the background, so a failure (the repository gone meanwhile) goes to the log.
   */
  private catchUp(): void {
    if (!this.outdated || !this.view.visible || this.again) return;
    this.again = setTimeout(() => {
      this.again = undefined;
      const c = this.comparison;
      if (!c || !this.outdated || !this.view.visible) return;
      this.compare(c.base, { from: c.from, to: c.to, reveal: false }).catch((error) => logError('Compare Schedule, again after the files changed', error));
    }, 300);
  }

  dispose(): void {
    clearTimeout(this.again);
    this.view.dispose();
    this.changed.dispose();
  }

  /** What the view shows now (for tests and scripts). */
  get current(): Comparison | undefined {
    return this.comparison;
  }

  private folders(): string[] {
    return (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  }

  private today(): string {
    return todayIn(this.indexer.index.projects()[0]?.config.timezone ?? 'UTC');
  }

  /** Compares the files now with `base`, over `from`..`to` (default: the day compared last, else today). */
  async compare(base: string, options: { from?: string; to?: string; reveal?: boolean } = {}): Promise<Comparison | undefined> {
    const from = options.from ?? options.to ?? this.comparison?.from ?? this.today();
    const to = options.to ?? (options.from ? from : (this.comparison?.to ?? from));
    const folders = this.folders();
    if (!folders.length) return void vscode.window.showInformationMessage(l10n.t('Compare Schedule: open a folder that holds a Git repository first.'));
    const before = new WorkspaceIndex();
    let commit = '';
    try {
      for (const folder of folders) commit = loadWorkspaceAtRevision(folder, base, before, this.indexer.index).commit;
    } catch (error) {
      if (error instanceof RevisionError) return void vscode.window.showWarningMessage(`${l10n.t('Compare Schedule')}: ${error.message}`);
      throw error;
    }
    this.outdated = false;
    const diff = scheduleDiff(before, this.indexer.index, from, to);
    this.comparison = { base, commit, from, to, diff };
    const s = diff.summary;
    const range = from === to ? from : `${from} → ${to}`;
    this.view.description = `${base} · ${range}`;
    const counts = l10n.t('{0} task(s) changed, {1} instance(s), {2} edge(s), {3} parameter value(s), {4} predicted time(s), {5} downstream closure(s)', s.tasks, s.instances, s.edges, s.params, s.timings, s.closures);
    this.view.message = diff.changes.length || diff.baselines.length
      ? l10n.t('Against {0} ({1}), {2}: {3}', base, commit.slice(0, 10), range, counts)
      : l10n.t('No schedule changes against {0} ({1}) on {2}.', base, commit.slice(0, 10), range);
    this.changed.fire();
    if (options.reveal !== false) await vscode.commands.executeCommand('nightshift.scheduleChanges.focus');
    return this.comparison;
  }

  /** "Compare Schedule with Branch…": a branch, remote branch or tag of the first folder's repository. */
  async compareWithBranch(preset?: string): Promise<Comparison | undefined> {
    let base = preset;
    if (!base) {
      let refs: string[] = [];
      try {
        refs = execFileSync('git', ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes', 'refs/tags'], { cwd: this.folders()[0], encoding: 'utf8' }).split('\n').filter(Boolean);
      } catch {
        return void vscode.window.showWarningMessage(l10n.t('Compare Schedule: the workspace folder is not in a Git repository.'));
      }
      base = (await vscode.window.showQuickPick(refs, { title: l10n.t('Compare Schedule with Branch: the base (a branch, remote branch or tag)'), placeHolder: 'main' }))?.trim();
    }
    return base ? this.compare(base) : undefined;
  }

  async changeDates(preset: { from?: string; to?: string } = {}): Promise<Comparison | undefined> {
    const c = this.comparison;
    if (!c) return void vscode.window.showInformationMessage(l10n.t('Run Compare Schedule with HEAD first.'));
    const valid = (v: string) => (DATE.test(v) && !Number.isNaN(dayNumber(v)) ? undefined : 'A date, YYYY-MM-DD');
    const from = preset.from ?? (await vscode.window.showInputBox({ title: l10n.t('Compare Schedule: from (scheduled date)'), value: c.from, validateInput: valid }));
    if (!from) return undefined;
    const to = preset.to ?? (await vscode.window.showInputBox({ title: l10n.t('Compare Schedule: to (scheduled date, at most 31 days later)'), value: from, validateInput: (v) => valid(v) ?? (dayNumber(v) < dayNumber(from) ? l10n.t('Not before the first date') : dayNumber(v) - dayNumber(from) > 31 ? l10n.t('At most 32 days') : undefined) }));
    if (!to) return undefined;
    return this.compare(c.base, { from, to });
  }

  /** The timeline at an instance of the comparison: selected, with its run before the change beside it. */
  openInstance(node?: ChangeNode): unknown {
    const c = this.comparison;
    if (!c || node?.kind !== 'instance') return undefined;
    let runs = c.diff.runs.get(node.instance) ?? {};
    const words = node.changes.map(changeText).map((t) => t.replace(/^[+-] /, ''));
    // A new instance where one of the same task went that day (a time moved): that one is its "before".
    if (!runs.before) {
      const gone = c.diff.changes.find((x) => x.kind === 'instance-removed' && x.task === node.task && x.date === node.date && c.diff.runs.get(x.instance!)?.before);
      if (gone) {
        runs = { ...runs, before: c.diff.runs.get(gone.instance!)!.before! };
        words.push(l10n.t('instead of {0}', instanceClock(gone.instance!)));
      }
    }
    const mark: CompareMark = {
      task: node.task,
      at: node.instance.slice(node.instance.indexOf('@') + 1),
      ...runs,
      label: l10n.t('Compared with {0}: {1} {2}', c.base, node.name, words.join('; ')),
    };
    return this.openTimeline({ task: node.task, date: node.date }, mark);
  }

  getTreeItem(node: ChangeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'baseline': {
        const { line } = node;
        const item = new vscode.TreeItem(l10n.t('Baseline {0}', line.baseline), vscode.TreeItemCollapsibleState.None);
        const side = (s: typeof line.before) => (s ? `${baselineStateText(s.status)} ${s.predictedFinish ?? '—'}` : l10n.t('none'));
        item.description = `${side(line.before)} → ${side(line.after)} (${l10n.t('committed {0}', (line.after ?? line.before)!.committed)})`;
        item.iconPath = new vscode.ThemeIcon(STATE_ICON[(line.after ?? line.before)!.status]);
        item.tooltip = `${line.project}: ${item.description}`;
        return item;
      }
      case 'task': {
        const item = new vscode.TreeItem(node.name, vscode.TreeItemCollapsibleState.Expanded);
        item.description = `${node.task} · ${node.changes.length === 1 ? l10n.t('1 change') : l10n.t('{0} changes', node.changes.length)}`;
        item.iconPath = new vscode.ThemeIcon('symbol-event');
        item.id = `task:${node.task}`;
        return item;
      }
      case 'instance': {
        const range = this.comparison && this.comparison.from !== this.comparison.to;
        const item = new vscode.TreeItem(`${range ? `${node.date} ` : ''}${instanceClock(node.instance)}`, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = [...new Set(node.changes.map((c) => c.kind.replace('-', ' ')))].join(', ');
        item.iconPath = new vscode.ThemeIcon(node.changes.some((c) => c.kind === 'instance-added') ? 'diff-added' : node.changes.some((c) => c.kind === 'instance-removed') ? 'diff-removed' : 'diff-modified');
        item.tooltip = node.changes.map(changeText).join('\n');
        item.command = { command: 'nightshift.scheduleChanges.openInstance', title: l10n.t('Show on Timeline'), arguments: [node] };
        item.contextValue = 'scheduleChangeInstance';
        item.id = `instance:${node.date}:${node.instance}`;
        return item;
      }
      case 'change': {
        const text = changeText(node.change).replace(/^[+-] /, '');
        const item = new vscode.TreeItem(text.replace(/^\d\d:\d\d /, ''), vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(KIND_ICON[node.change.kind]);
        item.tooltip = text;
        return item;
      }
    }
  }

  getChildren(node?: ChangeNode): ChangeNode[] {
    const c = this.comparison;
    if (!c) return [];
    if (!node) {
      // An edge's detail names its upstream; a task gone since the base is named by its removed instances.
      const name = (task: string, changes: ScheduleChange[]) =>
        this.indexer.index.task(task)?.data.name ?? (changes.find((x) => x.kind === 'instance-removed')?.detail.name as string | undefined) ?? task;
      const tasks = [...groupChanges(c.diff.changes, (x) => x.task)].map(([task, changes]) => ({ kind: 'task' as const, task, name: name(task, changes), changes }));
      tasks.sort((a, b) => (a.name < b.name ? -1 : 1));
      return [...c.diff.baselines.map((line): ChangeNode => ({ kind: 'baseline', line })), ...tasks];
    }
    if (node.kind === 'task') {
      // Changes of an instance under it, by day; those of the task as a whole (its closure) after them.
      const byInstance = groupChanges(node.changes.filter((x) => x.instance), (x) => `${x.date}\u0000${x.instance}`);
      return [
        ...[...byInstance.values()].map((changes): ChangeNode => ({ kind: 'instance', task: node.task, name: node.name, instance: changes[0]!.instance!, date: changes[0]!.date, changes })),
        ...node.changes.filter((x) => !x.instance).map((change): ChangeNode => ({ kind: 'change', change })),
      ];
    }
    if (node.kind === 'instance') return node.changes.map((change) => ({ kind: 'change', change }));
    return [];
  }
}
