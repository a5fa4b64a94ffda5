import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { readCacheFile, writeCacheFile, type CacheEntry as Entry, type CacheFile } from './indexCacheFormat';
import { ScanAhead } from './scanAhead';
import { scanWorkspace, statOf } from './workspaceScan';
import { readThroughCache } from './cachedFileRead';
import { parseTasksAhead } from './parallelTaskParse';
import { folderListings, type FolderListings } from './folderListings';
import { fileKind } from './fileKinds';
import { toPosixPath } from './paths';
import { currentLanguage } from '../text/language';
import { WorkspaceIndex, type IndexOptions } from './workspaceIndex';
import type { ParsedFileSource } from './parsedFileSource';

/** Bumped whenever what a parse yields, or which files the walk takes (the folder listings), changes: a cache of another format is rebuilt, never read. */
const FORMAT = 'nightshift-index-cache/4';
/** A file changed within this long before the cache was written may change again unseen by its mtime. */
const RACY_MS = 2000;
const STALE_MS = 30 * 24 * 60 * 60 * 1000;

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

/**
 * The cache of this root and options, or undefined: no file, another format, or damage. Its CRC-32 is
 * for damage, not for an attacker (who could rewrite any checksum): it catches every flip of one or
 * two bits and every burst up to 32 bits in a file this size.
 */
function readCache(file: string, root: string, options: string): CacheFile | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    return readCacheFile(fd, { format: FORMAT, root, options });
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeCache(file: string, cache: CacheFile): void {
  const dir = resolve(file, '..');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed over: two processes at once leave one complete cache, never a mix.
    const fd = openSync(temp, 'wx');
    try {
      writeCacheFile(fd, cache);
    } finally {
      closeSync(fd);
    }
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
 * One pass of indexing through the cache: it says which files it can vouch for (size and mtime as
 * cached, and written over 2 s before the cache was, since an mtime cannot tell two writes within its
 * granularity apart), gives their parse back when their text is as cached, records every file as it
 * is indexed, and at the end writes the cache anew if anything changed. `root` is what the cache is
 * of (a folder, or a window's folders); a cache of another root or other options is not read.
 */
export class IndexCacheSession {
  private readonly cache?: CacheFile;
  private readonly entries = new Map<string, Entry>();
  private readonly optionsKey: string;
  /** Task files taken from the cache without reading them. */
  cached = 0;
  /** Task files parsed (new, changed, or no cache). */
  parsed = 0;
  /** Files read to compare (too recent to trust), and other files that changed. */
  reread = 0;
  /** The walk made with this cache's folder listings, kept with the cache. */
  private walk?: { key: string; listings: FolderListings };

  constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly options: IndexOptions = {},
  ) {
    // Messages are kept as written, so a cache holds one language's.
    this.optionsKey = JSON.stringify({ taskRootOverride: options.taskRootOverride ?? null, sharedLockDir: options.sharedLockDir ?? null, language: currentLanguage() });
    this.cache = readCache(file, root, this.optionsKey);
  }

  /**
   * The folder listings to walk `roots` with: those of the cache when it was of the same roots and
   * globs, trusted where a folder's times are as kept (and older than the cache by the racy window).
   * The walk's own are kept with the cache when it is saved.
   */
  folderListings(roots: readonly string[], excludeGlobs: readonly string[]): FolderListings {
    const key = JSON.stringify({ roots: roots.map((r) => toPosixPath(resolve(r))), excludeGlobs });
    const kept = this.cache?.folders?.key === key && this.cache.folders.listings instanceof Map ? this.cache.folders.listings : undefined;
    const listings = folderListings(kept, (this.cache?.writtenAt ?? 0) - RACY_MS);
    this.walk = { key, listings };
    return listings;
  }

  /** The file's text as cached, when its size and mtime vouch for it; undefined: read it. */
  trustedText(path: string, size: number, mtimeMs: number): string | undefined {
    const old = this.cache?.entries.get(toPosixPath(path));
    return old && this.vouches(old, size, mtimeMs) ? old.text : undefined;
  }

  /** Same size and mtime, and that mtime over 2 s older than the cache. */
  private vouches(old: Entry, size: number, mtimeMs: number): boolean {
    return old.size === size && old.mtimeMs === mtimeMs && mtimeMs < this.cache!.writtenAt - RACY_MS;
  }

  /** Whether this is a task file the cache holds no parse of for this text (new, changed, or no cache). */
  needsParse(path: string, text: string): boolean {
    const key = toPosixPath(path);
    return fileKind(key, this.options.sharedLockDir) === 'task' && this.cache?.entries.get(key)?.text !== text;
  }

  /**
   * Puts the file into the index (with the cached parse when its text is as cached, else `fresh`'s when
   * it has one) and records it.
   */
  add(index: WorkspaceIndex, path: string, text: string, size: number, mtimeMs: number, fresh?: ParsedFileSource): void {
    const key = toPosixPath(path);
    const old = this.cache?.entries.get(key);
    const kind = fileKind(key, this.options.sharedLockDir);
    const isTask = kind === 'task';
    const same = old?.text === text;
    const task = isTask && same ? old.task : undefined;
    if (isTask && !task) this.parsed++;
    else if (!same || (isTask && !this.vouches(old!, size, mtimeMs))) this.reread++;
    else if (isTask) this.cached++;
    index.setFile(path, text, {
      parsedTask: (p, t) => (task ? { diagnostics: task.diagnostics, ...(task.data ? { data: task.data } : {}), ...(task.spans ? { spans: { ...task.spans, text } } : {}) } : fresh?.parsedTask(p, t)),
      // Project and lock files are few, but the first YAML parse of a process costs 0.1 s: a warm open makes none.
      parsedProject: () => (same ? old.project : undefined),
      parsedLock: () => (same ? old.lock : undefined),
      stringsShared: !!task,
    });
    // An entry that the file still matches in every way is kept as read.
    if (same && old.size === size && old.mtimeMs === mtimeMs && (kind === 'task' ? old.task : kind === 'project' ? old.project : old.lock)) {
      this.entries.set(key, old);
      return;
    }
    const mine = isTask ? index.parsedTask(path, text) : undefined;
    const spans = mine?.spans;
    const project = kind === 'project' ? index.parsedProject(path, text) : undefined;
    const lock = kind === 'lock' ? index.parsedLock(path, text) : undefined;
    this.entries.set(key, {
      size,
      mtimeMs,
      text,
      ...(mine ? { task: { diagnostics: mine.diagnostics, ...(mine.data ? { data: mine.data } : {}), ...(spans ? { spans: { keys: spans.keys, at: spans.at, appendAt: spans.appendAt } } : {}) } } : {}),
      ...(project ? { project } : {}),
      ...(lock ? { lock } : {}),
    });
  }

  /** Writes the cache when anything changed since it was read; else marks it used (pruning goes by that). */
  save(): void {
    const cache = this.cache;
    const walk = this.walk;
    const foldersChanged = walk !== undefined && (walk.listings.listed > 0 || walk.listings.found.size !== (walk.listings.known?.size ?? -1));
    if (!cache || this.parsed > 0 || this.reread > 0 || cache.entries.size !== this.entries.size || foldersChanged) {
      const folders = walk ? { folders: { key: walk.key, listings: walk.listings.found } } : {};
      writeCache(this.file, { format: FORMAT, root: this.root, options: this.optionsKey, writtenAt: Date.now(), entries: this.entries, ...folders });
      return;
    }
    try {
      const now = new Date();
      utimesSync(this.file, now, now);
    } catch {
      // Read-only cache folder: the cache still serves.
    }
  }
}

/**
 * Reads a workspace as `loadWorkspace` does, through the persistent cache in `cacheDir`: a file whose
 * size and mtime are as cached is not read or parsed, and only changed files are; the cross-file
 * checks run as without it. Returns how many task files came from the cache unread, and how many
 * were parsed.
 */
export function loadWorkspaceCached(root: string, cacheDir: string, options: IndexOptions = {}): { index: WorkspaceIndex; cached: number; parsed: number } {
  const file = indexCacheFile(cacheDir, root);
  // Beside a large cache, the walk and the stats are made on a helper thread while this one opens it.
  const scanning = ScanAhead.beside(file, [root], []);
  const session = new IndexCacheSession(file, toPosixPath(resolve(root)), options);
  // Without a helper, the walk stats the folders the cache kept the listings of, and lists only those that changed.
  const scan = scanning ? scanning.result() : scanWorkspace([root], [], undefined, session.folderListings([root], []));
  const index = new WorkspaceIndex(options);
  for (const [path, reason] of scan.unreadable) index.setUnreadable(path, reason);
  // A file gone since the walk is left out: the workspace as it is now has no such file.
  const reads = scan.files.flatMap((path, i) => {
    const read = readThroughCache(path, path, session, statOf(scan, i));
    return read ? [{ path, read }] : [];
  });
  // The files the cache cannot give the parse of are parsed ahead, on two threads when they are many.
  const ahead = parseTasksAhead(reads.flatMap(({ path, read }) => ('text' in read && session.needsParse(path, read.text) ? [{ path, text: read.text }] : [])));
  for (const { path, read } of reads) {
    if ('text' in read) session.add(index, path, read.text, read.size!, read.mtimeMs!, ahead);
    else index.setUnreadable(path, read.unreadable);
  }
  session.save();
  return { index, cached: session.cached, parsed: session.parsed };
}
