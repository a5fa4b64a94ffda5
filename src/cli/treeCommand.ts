import type { FolderNode } from '../core/workspace/folderTree';
import type { Task } from '../core/workspace/workspaceModel';
import { parseWorkspaceArgs } from './workspaceArgs';

interface JsonFolder {
  name: string;
  path: string;
  folders: JsonFolder[];
  tasks: { id: string; name: string; type: string; cycle: string | null; owner: string | null; file: string }[];
}

export function runTree(args: string[]): number {
  const { values, load } = parseWorkspaceArgs(args, { json: { type: 'boolean' } });
  const index = load();
  const projects = index.projects().map((p) => ({ project: p.config.project, dir: p.dir, mode: p.config.mode, tree: index.folderTree(p.dir)! }));
  if (values.json) {
    const json = projects.map((p) => ({ project: p.project, dir: p.dir, mode: p.mode, root: toJson(p.tree) }));
    process.stdout.write(`${JSON.stringify({ projects: json }, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const p of projects) {
    lines.push(`${p.project} (${p.mode})`);
    renderFolder(p.tree, '', lines);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

function toJson(folder: FolderNode): JsonFolder {
  return {
    name: folder.name,
    path: folder.path,
    folders: folder.folders.map(toJson),
    tasks: folder.tasks.map((t) => ({ id: t.data.id, name: t.data.name, type: t.data.type, cycle: t.data.schedule.cycle ?? null, owner: t.data.owner ?? null, file: t.file })),
  };
}

function renderFolder(folder: FolderNode, indent: string, lines: string[]): void {
  const entries: (FolderNode | Task)[] = [...folder.folders, ...folder.tasks];
  entries.forEach((entry, i) => {
    const last = i === entries.length - 1;
    const branch = last ? '└── ' : '├── ';
    if ('folders' in entry) {
      lines.push(`${indent}${branch}${entry.name}/`);
      renderFolder(entry, indent + (last ? '    ' : '│   '), lines);
    } else {
      lines.push(`${indent}${branch}${entry.data.name} [${entry.data.id}] ${describeTask(entry)}`);
    }
  });
}

function describeTask(task: Task): string {
  const { schedule, owner, type } = task.data;
  const when = schedule.method === 'one-time' ? 'one-time' : `${schedule.cycle ?? '?'}${schedule.method === 'normal' ? '' : `, ${schedule.method}`}`;
  return `${type} · ${when}${owner ? ` · ${owner}` : ''}`;
}
