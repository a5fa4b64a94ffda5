import { receiveMessageOnPort } from 'node:worker_threads';
import { helperEntry, startHelperThread, type HelperThread } from './helperThread';
import { parseTaskFile, type ParsedFile } from '../model/parseTaskFile';
import type { TaskFile } from '../model/taskSchema';
import type { ParsedFileSource } from './parsedFileSource';
import { currentLanguage } from '../text/language';
import { toPosixPath } from './paths';
import { BLOCK_FILES, BLOCK_MINE, BLOCK_POSTED, blockCount, type ParseJob, type ParsedBlock, type PostedParse } from './taskParseProtocol';

/** Fewer files than this are parsed on the calling thread: a helper thread takes longer to start. */
export const MIN_PARALLEL_FILES = 256;
/**
 * Files per job posted to the helper: a job carries its files' texts, so a whole workspace's in one
 * would copy them all into the helper's heap at once (100 MB at 100,000 tasks) for the job's length.
 */
const JOB_FILES = 4096;
/** A helper that has not posted a block it claimed within this long is taken for dead; its blocks are parsed here. */
const HELPER_TIMEOUT_MS = 10_000;

/**
 * Parses task files on the calling thread and one helper thread at once: YAML parsing is most of a
 * cold index, and these machines have two cores. Synchronous, so that the index is built as before:
 * the calling thread parses the blocks it claims, then waits for the helper's (Atomics.wait) and takes
 * their parses off the port without returning to its event loop. Whatever goes wrong with the helper
 * (no bundle for it, a thread that cannot start, a crash, a hang) costs time, never a file: its blocks
 * are then parsed here.
 */
export class ParallelTaskParse {
  private helper?: HelperThread;
  private broken = false;
  private jobs = 0;
  /** Files the helper thread parsed, over every job (for the tests and the benchmarks to see it work). */
  helperFiles = 0;
  private readonly minFiles: number;
  private readonly entry: string | undefined;
  private readonly timeoutMs: number;
  private readonly jobFiles: number;

  /** The options are for tests: a helper's entry that fails, a shorter wait for one that hangs, smaller jobs. */
  constructor(options: { minFiles?: number; entry?: string; timeoutMs?: number; jobFiles?: number } = {}) {
    this.minFiles = options.minFiles ?? MIN_PARALLEL_FILES;
    this.jobFiles = options.jobFiles ?? JOB_FILES;
    this.entry = options.entry ?? helperEntry('taskParseWorker');
    this.timeoutMs = options.timeoutMs ?? HELPER_TIMEOUT_MS;
  }

  /** Each file's parse, in order; undefined where parsing threw (the index parses it again and says why). */
  parse(paths: readonly string[], texts: readonly string[]): (ParsedFile<TaskFile> | undefined)[] {
    if (paths.length <= this.jobFiles) return this.parseJob(paths, texts);
    const parses: (ParsedFile<TaskFile> | undefined)[] = [];
    for (let from = 0; from < paths.length; from += this.jobFiles) {
      for (const parse of this.parseJob(paths.slice(from, from + this.jobFiles), texts.slice(from, from + this.jobFiles))) parses.push(parse);
    }
    return parses;
  }

  private parseJob(paths: readonly string[], texts: readonly string[]): (ParsedFile<TaskFile> | undefined)[] {
    const parses: (ParsedFile<TaskFile> | undefined)[] = new Array(paths.length);
    const blocks = blockCount(paths.length);
    const helper = paths.length >= this.minFiles || this.helper ? this.start() : undefined;
    const state = new Int32Array(new SharedArrayBuffer(4 * (1 + blocks)));
    const id = ++this.jobs;
    if (helper) helper.port.postMessage({ id, language: currentLanguage(), shared: state.buffer as SharedArrayBuffer, paths: paths as string[], texts: texts as string[] } satisfies ParseJob);
    const parseBlock = (block: number): void => {
      for (let i = block * BLOCK_FILES; i < Math.min(paths.length, (block + 1) * BLOCK_FILES); i++) parses[i] = parseHere(paths[i]!, texts[i]!);
    };
    for (let block = Atomics.add(state, 0, 1); block < blocks; block = Atomics.add(state, 0, 1)) {
      Atomics.store(state, 1 + block, BLOCK_MINE);
      parseBlock(block);
    }
    if (!helper) return parses;
    for (let block = 0; block < blocks && !this.broken; block++) if (!awaitPosted(state, 1 + block, this.timeoutMs)) this.fail();
    const posted = new Set<number>();
    for (let message = receiveMessageOnPort(helper.port); message; message = receiveMessageOnPort(helper.port)) {
      const { job, block, parses: theirs } = message.message as ParsedBlock;
      if (job !== id) continue;
      posted.add(block);
      this.helperFiles += theirs.length;
      // A file whose parse threw there stays undefined: the index parses it again and says why.
      theirs.forEach((parse, k) => void (parses[block * BLOCK_FILES + k] = parse && withSpanText(parse, texts[block * BLOCK_FILES + k]!)));
    }
    // A helper taken for dead leaves its blocks to this thread.
    for (let block = 0; block < blocks; block++) if (Atomics.load(state, 1 + block) !== BLOCK_MINE && !posted.has(block)) parseBlock(block);
    return parses;
  }

  /** Ends the helper thread (a process also ends without it: the thread does not keep it alive). */
  close(): void {
    const helper = this.helper;
    this.helper = undefined;
    if (helper) void helper.worker.terminate().catch(() => undefined);
  }

  private start(): HelperThread | undefined {
    if (this.helper || this.broken) return this.helper;
    const entry = this.entry;
    if (!entry) return undefined;
    try {
      const helper = startHelperThread(entry);
      // Told on this thread's event loop, so only between jobs; within one, the wait's timeout serves.
      const gone = (): void => void (this.helper === helper && this.fail());
      helper.worker.on('error', gone);
      helper.worker.on('exit', gone);
      this.helper = helper;
    } catch {
      this.broken = true;
    }
    return this.helper;
  }

  private fail(): void {
    this.broken = true;
    this.close();
  }
}

/** Waits until the helper has posted the block it claimed (or it is this thread's); false on timeout. */
function awaitPosted(state: Int32Array, at: number, timeoutMs: number): boolean {
  const deadline = performance.now() + timeoutMs;
  for (let now = Atomics.load(state, at); now !== BLOCK_POSTED && now !== BLOCK_MINE; now = Atomics.load(state, at)) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    try {
      Atomics.wait(state, at, now, left);
    } catch {
      // A thread that may not block (a browser's main thread would refuse): the helper's blocks are parsed here.
      return false;
    }
  }
  return true;
}

function parseHere(path: string, text: string): ParsedFile<TaskFile> | undefined {
  try {
    return parseTaskFile(path, text);
  } catch {
    return undefined;
  }
}

function withSpanText(parse: PostedParse, text: string): ParsedFile<TaskFile> {
  const { spans, ...rest } = parse;
  return spans ? { ...rest, spans: { ...spans, text } } : rest;
}

/**
 * The parses of these task files, made ahead on two threads when they are many, as a source the index
 * takes them from (for the very text parsed; anything else it parses itself). A parser passed in is
 * left open for the next batch; one made here is closed.
 */
export function parseTasksAhead(files: readonly { path: string; text: string }[], parser?: ParallelTaskParse): ParsedFileSource {
  const using = parser ?? new ParallelTaskParse();
  try {
    const parses = using.parse(files.map((f) => f.path), files.map((f) => f.text));
    const byPath = new Map(files.map((f, i) => [toPosixPath(f.path), { text: f.text, parse: parses[i] }]));
    return {
      parsedTask: (path, text) => {
        const ahead = byPath.get(path);
        return ahead?.text === text ? ahead.parse : undefined;
      },
    };
  } finally {
    if (!parser) using.close();
  }
}
