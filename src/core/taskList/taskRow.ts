import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';

/** One line of the task list: what the columns show and the filters test, flat and serializable. */
export interface TaskRow {
  id: string;
  name: string;
  type: string;
  owner: string;
  opsOwner: string;
  method: string;
  /** Empty for a one-time task. */
  cycle: string;
  status: string;
  published: boolean;
  lastSubmission: string;
  conditional: boolean;
  /** `name v3`, or empty. */
  template: string;
  templateName: string;
  tags: string[];
  outputTables: string[];
  project: string;
  projectDir: string;
  /** Below the task root, '' for the root. */
  folder: string;
  createdAt: string;
  updatedAt: string;
  /** Who holds the edit lock, or empty. */
  lockedBy: string;
  file: string;
}

export function taskRow(task: Task, index: WorkspaceIndex): TaskRow {
  const d = task.data;
  const project = task.projectDir ? index.project(task.projectDir) : undefined;
  return {
    id: d.id,
    name: d.name,
    type: d.type,
    owner: d.owner ?? '',
    opsOwner: d.opsOwner ?? '',
    method: d.schedule.method,
    cycle: d.schedule.method === 'one-time' ? '' : (d.schedule.cycle ?? ''),
    status: d.status,
    published: d.published,
    lastSubmission: d.lastSubmission,
    conditional: d.schedule.conditional?.enabled === true,
    template: d.template ? `${d.template.name} v${d.template.version}` : '',
    templateName: d.template?.name ?? '',
    tags: d.tags,
    outputTables: d.outputTables,
    project: project?.config.project ?? '',
    projectDir: task.projectDir ?? '',
    folder: task.folder,
    createdAt: d.createdAt ?? '',
    updatedAt: d.updatedAt ?? '',
    lockedBy: index.lock(d.id)?.holder ?? '',
    file: task.file,
  };
}
