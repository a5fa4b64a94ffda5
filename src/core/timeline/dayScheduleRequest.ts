import { defaultDay } from '../engine/defaultDay';
import type { TimelineRequest } from './timelineRequest';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';

/**
 * "The day's schedule": a day (default today in the task's project's zone, else the first project's)
 * grouped by folder, focused on the task two levels up and down when there is one.
 */
export function dayScheduleRequest(index: WorkspaceIndex, task?: Task, date?: string): TimelineRequest {
  return {
    date: date ?? defaultDay(index, task),
    grouping: 'folder',
    ...(task ? { focus: { task: task.data.id, depth: 2, direction: 'both' as const } } : {}),
  };
}
