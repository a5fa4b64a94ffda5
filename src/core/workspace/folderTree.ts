import type { Task } from './workspaceModel';

export interface FolderNode {
  /** Last path segment; '' for the task root. */
  name: string;
  /** Path below the task root, '/'-separated; '' for the task root. */
  path: string;
  folders: FolderNode[];
  tasks: Task[];
}

/** Nests tasks by their folder path; folders first by name, then tasks by name, as the consoles list them. */
export function buildFolderTree(tasks: Iterable<Task>): FolderNode {
  const root: FolderNode = { name: '', path: '', folders: [], tasks: [] };
  const byPath = new Map<string, FolderNode>([['', root]]);
  const folderFor = (path: string): FolderNode => {
    const existing = byPath.get(path);
    if (existing) return existing;
    const slash = path.lastIndexOf('/');
    const parent = folderFor(slash < 0 ? '' : path.slice(0, slash));
    const node: FolderNode = { name: path.slice(slash + 1), path, folders: [], tasks: [] };
    parent.folders.push(node);
    byPath.set(path, node);
    return node;
  };
  for (const task of tasks) folderFor(task.folder).tasks.push(task);
  const sort = (node: FolderNode): void => {
    node.folders.sort((a, b) => compareNames(a.name, b.name));
    node.tasks.sort((a, b) => compareNames(a.data.name, b.data.name) || compareNames(a.data.id, b.data.id));
    node.folders.forEach(sort);
  };
  sort(root);
  return root;
}

export function findFolder(root: FolderNode, path: string): FolderNode | undefined {
  if (path === '') return root;
  let node: FolderNode | undefined = root;
  for (const segment of path.split('/')) {
    node = node?.folders.find((f) => f.name === segment);
    if (!node) return undefined;
  }
  return node;
}

/** Every task in a folder and, when asked, its subfolders. */
export function tasksUnder(folder: FolderNode, recursive: boolean): Task[] {
  if (!recursive) return [...folder.tasks];
  const out: Task[] = [];
  const walk = (node: FolderNode): void => {
    // One push per task: spreading a folder of 100,000 tasks into push's arguments overflows the stack.
    for (const task of node.tasks) out.push(task);
    node.folders.forEach(walk);
  };
  walk(folder);
  return out;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}
