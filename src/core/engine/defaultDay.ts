import { todayIn } from '../time/wallClock';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';

/** The day a preview shows unless told: today in the task's project's zone, else the first project's, else UTC. */
export function defaultDay(index: WorkspaceIndex, task?: Task): string {
  const zone = (task?.projectDir ? index.project(task.projectDir)?.config.timezone : undefined) ?? index.projects()[0]?.config.timezone ?? 'UTC';
  return todayIn(zone);
}
