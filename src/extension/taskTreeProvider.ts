import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { findFolder, tasksUnder, type FolderNode } from '../core/workspace/folderTree';
import { folderKey, type IndexChange } from '../core/workspace/workspaceModel';
import { NodeCache, type TreeNode } from './treeNodes';
import { taskContextValue, taskDescription, taskIcon, taskTooltip, taskUri } from './taskPresentation';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Tasks a folder shows at first; "Load more…" shows as many again (GitLens pages long lists so). */
export const TREE_PAGE = 500;

/** Project > folders > tasks, as the files lie below each project's task root. */
export class TaskTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  private readonly changed = new vscode.EventEmitter<TreeNode | TreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly nodes = new NodeCache();
  /** How many of a folder's own tasks it shows, by folder key, when more than one page. */
  private readonly shown = new Map<string, number>();
  private answered?: (at: number) => void;
  /**
   * When the tree first gave the workbench its projects from a whole indexing pass (performance.now()):
   * what opening a window is for, and what the activation benchmark measures to. Pending while the
   * view is hidden (nothing asks it).
   */
  readonly firstShown = new Promise<number>((resolve) => (this.answered = resolve));

  constructor(
    private readonly indexer: WorkspaceIndexer,
    private readonly me: () => string,
  ) {
    indexer.onDidChange((change) => this.refresh(change));
  }

  refresh(change: IndexChange | 'all'): void {
    if (change === 'all' || change.projects.size > 0) {
      this.changed.fire(undefined);
      return;
    }
    const targets = new Set<TreeNode>();
    for (const key of change.folders) {
      const [projectDir = '', path = ''] = key.split('\u0000');
      targets.add(this.nearestShownFolder(projectDir, path));
    }
    for (const id of change.tasks) {
      for (const task of this.indexer.index.tasksWithId(id)) {
        const shown = this.nodes.peek(`task:${task.file}`);
        if (shown) targets.add(shown);
      }
    }
    // A folder that appeared or vanished changes its parent's children too.
    const expanded = new Set<TreeNode>();
    for (const node of targets) {
      expanded.add(node);
      if (node.kind === 'folder') expanded.add(this.nearestShownFolder(node.projectDir, parentPath(node.path)));
    }
    if (expanded.size) this.changed.fire([...expanded]);
  }

  /** Shows the next page of a folder's tasks. */
  loadMore(node: TreeNode | undefined, all = false): void {
    if (node?.kind !== 'more') return;
    const key = folderKey(node.projectDir, node.path);
    const total = this.folder(node.projectDir, node.path)?.tasks.length ?? 0;
    this.shown.set(key, all ? total : (this.shown.get(key) ?? TREE_PAGE) + TREE_PAGE);
    this.changed.fire(this.nodes.folder(node.projectDir, node.path));
  }

  /** Pages a folder far enough to hold this task, so that revealing it finds it (Go to Compute Task). */
  showTask(file: string): void {
    const task = this.indexer.index.taskByFile(file);
    if (!task?.projectDir) return;
    const tasks = this.folder(task.projectDir, task.folder)?.tasks ?? [];
    const at = tasks.findIndex((t) => t.file === task.file);
    const key = folderKey(task.projectDir, task.folder);
    if (at >= (this.shown.get(key) ?? TREE_PAGE)) {
      this.shown.set(key, Math.ceil((at + 1) / TREE_PAGE) * TREE_PAGE);
      this.changed.fire(this.nodes.folder(task.projectDir, task.folder));
    }
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const index = this.indexer.index;
    if (node.kind === 'more') {
      const total = this.folder(node.projectDir, node.path)?.tasks.length ?? 0;
      const left = total - (this.shown.get(folderKey(node.projectDir, node.path)) ?? TREE_PAGE);
      const item = new vscode.TreeItem(l10n.t('Load {0} more…', Math.min(TREE_PAGE, left)), vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = l10n.t('{0} of {1} tasks not shown', left.toLocaleString('en-US'), total.toLocaleString('en-US'));
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.contextValue = 'loadMore';
      item.command = { command: 'nightshift.tree.loadMore', title: l10n.t('Load More'), arguments: [node] };
      return item;
    }
    if (node.kind === 'project') {
      const project = index.project(node.projectDir);
      const item = new vscode.TreeItem(project?.config.project ?? node.projectDir, vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      const root = this.folder(node.projectDir, '');
      item.description = project ? `${project.config.mode} · ${project.config.engine} · ${l10n.t('{0} tasks', root ? tasksUnder(root, true).length : 0)}` : '';
      item.iconPath = new vscode.ThemeIcon('project');
      item.contextValue = 'project';
      item.tooltip = project ? `${project.file}\n${l10n.t('Time zone: {0}', project.config.timezone)}` : undefined;
      return item;
    }
    if (node.kind === 'folder') {
      const folder = this.folder(node.projectDir, node.path);
      const item = new vscode.TreeItem(node.path.slice(node.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = node.id;
      item.description = folder ? String(tasksUnder(folder, true).length) : undefined;
      item.iconPath = vscode.ThemeIcon.Folder;
      item.contextValue = 'folder';
      item.tooltip = node.path;
      return item;
    }
    const task = index.taskByFile(node.file);
    if (!task) return new vscode.TreeItem(l10n.t('(removed)'));
    const lock = index.lock(task.data.id);
    const item = new vscode.TreeItem(task.data.name, vscode.TreeItemCollapsibleState.None);
    item.id = node.id;
    item.description = taskDescription(task);
    item.iconPath = taskIcon(task, lock, index.hasErrors(task.file));
    item.resourceUri = taskUri(task);
    item.contextValue = taskContextValue(task, lock, this.me());
    item.command = { command: 'vscode.open', title: l10n.t('Open task'), arguments: [this.indexer.uriOf(task.file)] };
    item.accessibilityInformation = { label: `${task.data.name}, ${item.description}${lock ? `, ${l10n.t('locked by {0}', lock.holder)}` : ''}` };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'task') {
      const task = this.indexer.index.taskByFile(node.file);
      if (task) item.tooltip = taskTooltip(task, this.indexer.index.lock(task.data.id));
    }
    return item;
  }

  getChildren(): TreeNode[] | Promise<TreeNode[]>;
  getChildren(node: TreeNode): TreeNode[];
  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]>;
  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    if (!node) {
      // The workbench asks as soon as the view shows, while the first pass runs. Opening from the index
      // cache (a pass of a second or two), that ask is answered when the pass is done, so the projects
      // come back in it instead of in a second round trip through a window still busy starting
      // (100-500 ms at 10,000 tasks). A cold pass takes longer: the empty tree's welcome says
      // "Indexing…" meanwhile, where a pending ask shows a blank view. A first pass superseded or
      // failed leaves the index empty here: the next pass's refresh asks again.
      if (this.indexer.lastPass || !this.indexer.opensFromCache) return this.projects();
      return this.indexer.firstIndexed.then(() => this.projects());
    }
    if (node.kind === 'task' || node.kind === 'more') return [];
    const path = node.kind === 'folder' ? node.path : '';
    const folder = this.folder(node.projectDir, path);
    if (!folder) return [];
    // A folder of thousands of tasks shows a page of them and "Load more…": the tree stays responsive.
    const limit = this.shown.get(folderKey(node.projectDir, path)) ?? TREE_PAGE;
    const children: TreeNode[] = folder.folders.map((f) => this.nodes.folder(node.projectDir, f.path));
    const count = Math.min(limit, folder.tasks.length);
    for (let i = 0; i < count; i++) children.push(this.nodes.task(folder.tasks[i]!.file));
    if (folder.tasks.length > limit) children.push(this.nodes.more(node.projectDir, path));
    return children;
  }

  /** The root's children: the projects of the index in place now. */
  private projects(): TreeNode[] {
    const projects = this.indexer.index.projects().map((p) => this.nodes.project(p.dir));
    if (this.indexer.lastPass) this.answered?.(performance.now());
    return projects;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    if (node.kind === 'project') return undefined;
    if (node.kind === 'folder') return this.nodes.folder(node.projectDir, parentPath(node.path));
    if (node.kind === 'more') return this.nodes.folder(node.projectDir, node.path);
    const task = this.indexer.index.taskByFile(node.file);
    return task?.projectDir ? this.nodes.folder(task.projectDir, task.folder) : undefined;
  }

  private folder(projectDir: string, path: string): FolderNode | undefined {
    const root = this.indexer.index.folderTree(projectDir);
    return root ? findFolder(root, path) : undefined;
  }

  private nearestShownFolder(projectDir: string, path: string): TreeNode {
    for (let p = path; ; p = parentPath(p)) {
      const shown = this.nodes.peek(p === '' ? `project:${projectDir}` : `folder:${folderKey(projectDir, p)}`);
      if (shown && (p === '' || this.folder(projectDir, p))) return shown;
      if (p === '') return this.nodes.project(projectDir);
    }
  }
}

function parentPath(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}
