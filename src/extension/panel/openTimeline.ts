import { todayIn } from '../../core/engine/wallClock';
import type { TimelineRequest } from '../../core/panel/panelProtocol';
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
  const zoneOf = (dir?: string) => (dir ? index.project(dir)?.config.timezone : undefined);
  const zone = zoneOf(task?.projectDir) ?? index.projects()[0]?.config.timezone ?? 'UTC';
  const request: TimelineRequest = {
    date: date ?? todayIn(zone),
    grouping: 'folder',
    ...(task ? { focus: { task: task.data.id, depth: 2, direction: 'both' as const } } : {}),
  };
  return TaskPanel.show(services, request);
}

function isTreeNode(value: unknown): value is TreeNode {
  return !!value && typeof value === 'object' && 'kind' in value;
}

