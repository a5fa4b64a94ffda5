import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadWorkspace } from '../../src/core/workspace/diskWorkspace';
import { writeFiles } from './fixtures';
import { bundled } from './testBundles';

export const WORKER = join(__dirname, 'workers/batchWorker.ts');

const PROJECT = (name: string) => `project: ${name}\nmode: basic\nengine: maxcompute\ntaskTypes: [SQL]\nusers: [alice, bob]\n`;

/** Task `t<NNN>` as a draft with a code file beside it. */
function taskFile(n: number): string {
  const id = `t${String(n).padStart(3, '0')}`;
  return `# ${id}: a comment to keep\nid: "${id}"\nname: ${id}\ntype: SQL\nowner: alice\nstatus: draft\npublished: false\ntags: [a]\nschedule:\n  cycle: day\n  time: "01:00"\ncode: ${id}.sql\n`;
}

/** Two projects of the same mode and engine; `fin` holds `count` draft tasks with code files in tasks/src. */
export function twoProjects(count: number): string {
  const root = join(mkdtempSync(join(tmpdir(), 'nightshift-rel-')), 'ws');
  const files: Record<string, string> = { 'fin/nightshift.yaml': PROJECT('fin'), 'fin2/nightshift.yaml': PROJECT('fin2') };
  for (let n = 0; n < count; n++) {
    const id = `t${String(n).padStart(3, '0')}`;
    files[`fin/tasks/src/${id}.task.yaml`] = taskFile(n);
    files[`fin/tasks/src/${id}.sql`] = `select ${n};\n`;
  }
  writeFiles(root, files);
  return root;
}

/** Every file below `dir` (relative), for "nothing else changed" checks. */
export function filesBelow(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(dir, rel))) {
    const path = join(rel, name);
    if (statSync(join(dir, path)).isDirectory()) out.push(...filesBelow(dir, path));
    else out.push(path);
  }
  return out.sort();
}

/** Temporary files anywhere in the workspace (a writer's leftovers). */
export function tempFiles(root: string): string[] {
  return filesBelow(root).filter((f) => f.endsWith('.tmp'));
}

/**
 * The workspace's tasks as `id → {file, codeOk}`, and ids held by more than one file: after any
 * crash and recovery, each task is in one place with its code file beside it.
 */
export function taskPlaces(root: string): { places: Map<string, { file: string; codeOk: boolean }>; duplicates: string[] } {
  const index = loadWorkspace(root);
  const places = new Map<string, { file: string; codeOk: boolean }>();
  const duplicates: string[] = [];
  for (const task of index.tasks()) {
    if (places.has(task.data.id)) duplicates.push(task.data.id);
    const code = task.data.code ? resolve(dirname(task.file), task.data.code) : undefined;
    let codeOk = code === undefined;
    try {
      codeOk ||= readFileSync(code!, 'utf8').startsWith('select ');
    } catch {
      codeOk = false;
    }
    places.set(task.data.id, { file: task.file, codeOk });
  }
  return { places, duplicates };
}

export interface Worker {
  results: Promise<{ task: string; status: string; reason: string }[] | undefined>;
  /** Resolves when the worker has reported `n` tasks done (or finished). */
  progress(n: number): Promise<void>;
  kill(): void;
  exited: Promise<void>;
}

/** Runs batchWorker.ts and kills it with -9 once it reports `n` tasks done (or it ends first). */
export async function killAfter(n: number, root: string, ...args: string[]): Promise<void> {
  const worker = startWorker(root, ...args);
  await worker.progress(n);
  worker.kill();
  await worker.exited;
}

/** Starts batchWorker.ts in its own process. */
export function startWorker(root: string, ...args: string[]): Worker {
  const child = spawn(process.execPath, [bundled(WORKER), root, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let done = 0;
  const waiters: { n: number; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
    for (const m of chunk.toString().matchAll(/done (\d+)/g)) done = Math.max(done, Number(m[1]));
    for (const w of waiters.filter((w) => done >= w.n)) w.resolve();
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return {
    results: exited.then(() => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (!last.startsWith('[')) {
        if (stderr && !/broke the write lock/.test(stderr)) process.stderr.write(stderr);
        return undefined;
      }
      return JSON.parse(last);
    }),
    progress: (n) => new Promise<void>((r) => (done >= n ? r() : (waiters.push({ n, resolve: r }), void exited.then(r)))),
    kill: () => child.kill('SIGKILL'),
    exited,
  };
}
