import { dirname, relativeInside } from './paths';
import type { Project, Task } from './workspaceModel';

/**
 * Sets the project owning a task file, the nearest folder above it holding nightshift.yaml, and the
 * task's folder below that project's task root; none when the file is outside it.
 */
export function placeTask(task: Task, projectsByDir: ReadonlyMap<string, Project>): void {
  task.projectDir = undefined;
  task.folder = '';
  for (let dir = dirname(task.file); ; dir = dirname(dir)) {
    const project = projectsByDir.get(dir);
    if (project) {
      const folder = relativeInside(project.taskRootDir, dirname(task.file));
      if (folder !== undefined) {
        task.projectDir = project.dir;
        task.folder = folder;
      }
      return;
    }
    if (dir === '/' || dir === '' || dir === '.' || !dir.includes('/')) return;
  }
}
