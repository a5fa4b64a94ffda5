export type TreeNode = ProjectNode | FolderTreeNode | TaskNode | MoreNode;

export interface ProjectNode {
  kind: 'project';
  id: string;
  projectDir: string;
}

export interface FolderTreeNode {
  kind: 'folder';
  id: string;
  projectDir: string;
  /** Folder path below the task root. */
  path: string;
}

export interface TaskNode {
  kind: 'task';
  id: string;
  file: string;
}

/** "Load more…" at the end of a folder that holds more tasks than one page shows. */
export interface MoreNode {
  kind: 'more';
  id: string;
  projectDir: string;
  path: string;
}

/**
 * Hands out one object per tree item id: VS Code matches refreshed elements by identity,
 * so the same item must always be the same object.
 */
export class NodeCache {
  private readonly nodes = new Map<string, TreeNode>();

  project(projectDir: string): ProjectNode {
    return this.get(`project:${projectDir}`, (id) => ({ kind: 'project', id, projectDir }));
  }

  folder(projectDir: string, path: string): FolderTreeNode | ProjectNode {
    if (path === '') return this.project(projectDir);
    return this.get(`folder:${projectDir}\u0000${path}`, (id) => ({ kind: 'folder', id, projectDir, path }));
  }

  task(file: string): TaskNode {
    return this.get(`task:${file}`, (id) => ({ kind: 'task', id, file }));
  }

  more(projectDir: string, path: string): MoreNode {
    return this.get(`more:${projectDir}\u0000${path}`, (id) => ({ kind: 'more', id, projectDir, path }));
  }

  /** The cached node for an id, if the tree has shown it. */
  peek(id: string): TreeNode | undefined {
    return this.nodes.get(id);
  }

  private get<T extends TreeNode>(id: string, make: (id: string) => T): T {
    let node = this.nodes.get(id);
    if (!node) {
      node = make(id);
      this.nodes.set(id, node);
    }
    return node as T;
  }
}
