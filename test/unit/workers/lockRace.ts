// Races another process for `rounds` locks in a shared lock folder; prints the rounds it won.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LockStore } from '../../../src/core/operations/lockStore';
import type { Task } from '../../../src/core/workspace/workspaceModel';

const [dir, user, rounds] = [process.argv[2]!, process.argv[3]!, Number(process.argv[4])];
const store = new LockStore(dir);
while (!existsSync(join(dir, 'go'))) {
  // Both racers start together.
}
const won: number[] = [];
for (let i = 0; i < rounds; i++) {
  const task = { file: join(dir, `${i}.task.yaml`), folder: '', data: { id: String(i) } } as unknown as Task;
  if (store.acquire(task, user).status === 'acquired') won.push(i);
}
process.stdout.write(JSON.stringify(won));
