import { todayIn } from '../time/wallClock';
import type { TimelineRequest } from './timelineRequest';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';

/**
 * "The day's schedule": a day (default today in the task's project's zone, else the first project's)
 * grouped by folder, focused on the task two levels up and down when there is one.
 */
export function dayScheduleRequest(index: WorkspaceIndex, task?: Task, date?: string): TimelineRequest {
  const zone = (task?.projectDir ? index.project(task.projectDir)?.config.timezone : undefined) ?? index.projects()[0]?.config.timezone ?? 'UTC';
  return {
    date: date ?? todayIn(zone),
    grouping: 'folder',
    ...(task ? { focus: { task: task.data.id, depth: 2, direction: 'both' as const } } : {}),
  };
}
