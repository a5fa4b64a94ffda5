import { dayScheduleRequest } from '../../core/timeline/dayScheduleRequest';
import type { TreeNode } from '../treeNodes';
import { TaskPanel, type PanelServices } from './taskPanel';

/**
 * Opens the panel on a day's timeline: from a task in the tree (focused on it, today in its project's
 * zone), from a script (`{date, task}`), or from the palette (the whole of today).
 */
export function openTimeline(services: PanelServices, arg?: unknown): TaskPanel {
  const index = services.indexer.index;
  let task = undefined as ReturnType<typeof index.task>;
  let date: string | undefined;
  if (isTreeNode(arg) && arg.kind === 'task') task = index.taskByFile(arg.file);
  else if (arg && typeof arg === 'object') {
    const given = arg as { task?: unknown; date?: unknown };
    if (typeof given.task === 'string') task = index.task(given.task);
    if (typeof given.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(given.date)) date = given.date;
  }
  return TaskPanel.show(services, dayScheduleRequest(index, task, date));
}

function isTreeNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && 'kind' in value;
}

