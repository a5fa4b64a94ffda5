import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_YAML } from './fixtures';

/**
 * A workspace of one project whose `tasks` run every 5 minutes: 288 instances a day each, so a preview
 * prints many rows from few files. Returns the workspace folder.
 */
export function minuteTasksWorkspace(tasks: number): string {
  const root = mkdtempSync(join(tmpdir(), 'nightshift-minutes-'));
  mkdirSync(join(root, 'p/tasks'), { recursive: true });
  writeFileSync(join(root, 'p/nightshift.yaml'), PROJECT_YAML);
  for (let i = 0; i < tasks; i++) {
    writeFileSync(join(root, `p/tasks/m${i}.task.yaml`), `id: "m${i}"\nname: m${i}\ntype: SQL\nschedule:\n  cycle: minute\n  interval: 5\n`);
  }
  return root;
}
