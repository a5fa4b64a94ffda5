import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

/** A helper thread and this thread's end of the port to it. */
export interface HelperThread {
  worker: Worker;
  port: MessagePort;
}

/** A helper's entry beside this module: the bundle's (`name.js` in dist/), or the source's when run from source. */
export function helperEntry(name: string): string | undefined {
  for (const file of [`${name}.js`, `${name}.ts`]) {
    const path = join(__dirname, file);
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * Starts a thread on `entry`, which finds its port in `workerData.port`. Neither the thread nor the
 * port keeps the process alive. Throws when the thread cannot start.
 */
export function startHelperThread(entry: string): HelperThread {
  const { port1, port2 } = new MessageChannel();
  // Bundled: no flags of this process (an inspector's) for the thread. From source (the tests, the
  // benchmarks), tsx's loader does not reach a thread's entry: the thread registers it first.
  const worker = entry.endsWith('.ts')
    ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(entry)});`, { eval: true, workerData: { port: port2 }, transferList: [port2] })
    : new Worker(entry, { workerData: { port: port2 }, transferList: [port2], execArgv: [] });
  // A thread that fails (its entry throws) must not take this one down: the user of the helper sees it
  // gone, or not answering, and does the work itself.
  worker.on('error', () => undefined);
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}
