import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { ParsedFile } from '../model/parseTaskFile';
import type { TaskFile } from '../model/taskSchema';
import type { FieldSpans } from '../yaml/fieldSpans';
import { findIndexedFiles, readIndexedFile, type UnreadablePath } from './diskWorkspace';
import { fileKind } from './fileKinds';
import { toPosixPath } from './paths';
import { WorkspaceIndex, type IndexOptions, type ParsedTaskSource } from './workspaceIndex';

/** Bumped whenever what a parse yields changes: a cache of another format is rebuilt, never read. */
const FORMAT = 'nightshift-index-cache/1';
/** A file changed within this long before the cache was written may change again unseen by its mtime. */
const RACY_MS = 2000;
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

interface Entry {
  size: number;
  mtimeMs: number;
  text: string;
  /** A task file's parse (without its spans' text, which is `text`). */
  task?: { diagnostics: ParsedFile<TaskFile>['diagnostics']; data?: TaskFile; spans?: Omit<FieldSpans, 'text'> };
}

interface CacheFile {
  format: string;
  root: string;
  options: string;
  writtenAt: number;
  entries: Map<string, Entry>;
}

/** `$XDG_CACHE_HOME/nightshift/index` (or `~/.cache/nightshift/index`): the CLI's default cache folder. */
export function defaultIndexCacheDir(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'nightshift', 'index');
}

/** The cache file of one workspace: named by a hash of its real path, so two workspaces never share one. */
export function indexCacheFile(cacheDir: string, root: string): string {
  let real = resolve(root);
  try {
    real = realpathSync(real);
  } catch {
    // A root that cannot be resolved is read as given.
  }
  return join(cacheDir, `${createHash('sha256').update(real).digest('hex').slice(0, 24)}.bin`);
}

/** The cache's bytes: a SHA-256 of the payload, then the payload; anything else is no cache. */
function readCache(file: string, root: string, options: string): CacheFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < 32) return undefined;
  const payload = bytes.subarray(32);
  if (!createHash('sha256').update(payload).digest().equals(bytes.subarray(0, 32))) return undefined;
  try {
    const cache = deserialize(payload) as CacheFile;
    if (cache?.format !== FORMAT || cache.root !== root || cache.options !== options || !(cache.entries instanceof Map)) return undefined;
    return cache;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, cache: CacheFile): void {
  const payload = serialize(cache);
  const dir = resolve(file, '..');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed over: two processes at once leave one complete cache, never a mix.
    writeFileSync(temp, Buffer.concat([createHash('sha256').update(payload).digest(), payload]));
    renameSync(temp, file);
  } catch {
    // The cache only saves time: a cache folder that cannot be written costs the next run a cold index.
    try {
      rmSync(temp, { force: true });
    } catch {
      // No folder to leave a temporary file in.
    }
    return;
  }
  pruneStale(dir);
}

/** Caches of workspaces not opened for 30 days (scratch copies, deleted clones) are removed. */
function pruneStale(dir: string): void {
  const now = Date.now();
  try {
    for (const name of readdirSync(dir)) {
      if (!/\.(bin|tmp)$/.test(name)) continue;
      const path = join(dir, name);
      const age = now - statSync(path).mtimeMs;
      if (age > STALE_MS || (name.endsWith('.tmp') && age > 60 * 60 * 1000)) rmSync(path, { force: true });
    }
  } catch {
    // Another process pruning at the same time, or a folder that cannot be listed: left for next time.
  }
}

/**
 * Reads a workspace as `loadWorkspace` does, with a persistent cache of what each file parsed to,
 * keyed by path, size and mtime: a file whose size and mtime are as cached is not read or parsed, and
 * only changed files are. A file changed within 2 s of the cache's writing is read and compared
 * (an mtime cannot tell two writes in its granularity apart). A cache that fails its checksum, was
 * made by another format, for another root or other options, is not read; the cache is then written
 * anew. The cross-file checks run as without it. Returns how many task files came from the cache
 * unread, and how many were parsed.
 */
export function loadWorkspaceCached(root: string, cacheDir: string, options: IndexOptions = {}): { index: WorkspaceIndex; cached: number; parsed: number } {
  const top = toPosixPath(resolve(root));
  const optionsKey = JSON.stringify({ taskRootOverride: options.taskRootOverride ?? null, sharedLockDir: options.sharedLockDir ?? null });
  const file = indexCacheFile(cacheDir, root);
  const cache = readCache(file, top, optionsKey);
  const index = new WorkspaceIndex(options);
  const unreadable: UnreadablePath = (path, reason) => void index.setUnreadable(path, reason);
  const entries = new Map<string, Entry>();
  let cached = 0;
  let parsed = 0;
  let reread = 0;
  for (const path of findIndexedFiles(root, unreadable)) {
    const key = toPosixPath(path);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      unreadable(path, `${(error as NodeJS.ErrnoException).code ?? 'unreadable'}: cannot be read`);
      continue;
    }
    const old = cache?.entries.get(key);
    const trusted = old && old.size === stat.size && old.mtimeMs === stat.mtimeMs && stat.mtimeMs < cache!.writtenAt - RACY_MS;
    const text = trusted ? old.text : readIndexedFile(path, unreadable);
    if (text === undefined) continue;
    // Project and lock files are few and cheap: parsed each time; task files are what the cache saves.
    const isTask = fileKind(key, options.sharedLockDir) === 'task';
    const reuse: ParsedTaskSource | undefined =
      isTask && old?.text === text && old.task ? { parsedTask: () => ({ diagnostics: old.task!.diagnostics, ...(old.task!.data ? { data: old.task!.data } : {}), ...(old.task!.spans ? { spans: { ...old.task!.spans, text } } : {}) }) } : undefined;
    if (!isTask && old?.text !== text) reread++;
    else if (isTask && !reuse) parsed++;
    else if (isTask && trusted) cached++;
    else if (isTask) reread++;
    index.setFile(path, text, reuse);
    const mine = isTask ? index.parsedTask(path, text) : undefined;
    const spans = mine?.spans;
    entries.set(key, {
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      text,
      ...(mine ? { task: { diagnostics: mine.diagnostics, ...(mine.data ? { data: mine.data } : {}), ...(spans ? { spans: { keys: spans.keys, at: spans.at, appendAt: spans.appendAt } } : {}) } } : {}),
    });
  }
  const unchanged = cache && parsed === 0 && reread === 0 && cache.entries.size === entries.size;
  if (!unchanged) writeCache(file, { format: FORMAT, root: top, options: optionsKey, writtenAt: Date.now(), entries });
  else {
    try {
      // Its mtime says when it was last used: pruning keeps the caches of workspaces in use.
      const now = new Date();
      utimesSync(file, now, now);
    } catch {
      // Read-only cache folder: the cache still serves.
    }
  }
  return { index, cached, parsed };
}
