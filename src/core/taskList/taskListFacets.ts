import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { TaskRow } from './taskRow';

export interface FolderOption {
  projectDir: string;
  project: string;
  /** Below the task root, '' for the root. */
  path: string;
}

/** The values the list's filters offer: what the projects declare and what the tasks use. */
export interface TaskListFacets {
  types: string[];
  owners: string[];
  opsOwners: string[];
  templates: string[];
  tags: string[];
  folders: FolderOption[];
}

export function taskListFacets(index: WorkspaceIndex, rows: readonly TaskRow[]): TaskListFacets {
  const types = new Set<string>();
  const owners = new Set<string>();
  const opsOwners = new Set<string>();
  const templates = new Set<string>();
  const tags = new Set<string>();
  const folders = new Map<string, FolderOption>();
  for (const project of index.projects()) {
    project.config.taskTypes.forEach((t) => types.add(t));
    project.config.users.forEach((u) => owners.add(u));
    project.config.templates.forEach((t) => templates.add(t.name));
    folders.set(`${project.dir}\u0000`, { projectDir: project.dir, project: project.config.project, path: '' });
  }
  for (const row of rows) {
    types.add(row.type);
    if (row.owner) owners.add(row.owner);
    if (row.opsOwner) opsOwners.add(row.opsOwner);
    if (row.templateName) templates.add(row.templateName);
    row.tags.forEach((t) => tags.add(t));
    if (!row.projectDir) continue;
    // Every ancestor folder too: one may hold only subfolders.
    const parts = row.folder ? row.folder.split('/') : [];
    for (let i = 1; i <= parts.length; i++) {
      const path = parts.slice(0, i).join('/');
      const key = `${row.projectDir}\u0000${path}`;
      if (!folders.has(key)) folders.set(key, { projectDir: row.projectDir, project: row.project, path });
    }
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return {
    types: sorted(types),
    owners: sorted(owners),
    opsOwners: sorted(opsOwners),
    templates: sorted(templates),
    tags: sorted(tags),
    folders: [...folders.values()].sort((a, b) => a.project.localeCompare(b.project) || a.path.localeCompare(b.path)),
  };
}
