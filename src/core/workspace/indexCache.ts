import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import type { ParsedFile } from '../model/parseTaskFile';
import type { TaskFile } from '../model/taskSchema';
import type { ProjectFile } from '../model/projectSchema';
import type { LockHolder } from './lockFile';
import type { FieldSpans } from '../yaml/fieldSpans';
import { ScanAhead } from './scanAhead';
import { scanWorkspace, statOf } from './workspaceScan';
import { readThroughCache } from './cachedFileRead';
import { parseTasksAhead } from './parallelTaskParse';
import { folderListings, type FolderListing, type FolderListings } from './folderListings';
import { fileKind } from './fileKinds';
import { toPosixPath } from './paths';
import { currentLanguage } from '../text/language';
import { WorkspaceIndex, type IndexOptions } from './workspaceIndex';
import type { ParsedFileSource } from './parsedFileSource';

/** Bumped whenever what a parse yields, or which files the walk takes (the folder listings), changes: a cache of another format is rebuilt, never read. */
const FORMAT = 'nightshift-index-cache/3';
/** A file changed within this long before the cache was written may change again unseen by its mtime. */
const RACY_MS = 2000;
const STALE_MS = 30 * 24 * 60 * 60 * 1000;
/** The checksum before the payload. */
const CHECK_BYTES = 4;

interface Entry {
  size: number;
  mtimeMs: number;
  text: string;
  /** A task file's parse (without its spans' text, which is `text`). */
  task?: { diagnostics: ParsedFile<TaskFile>['diagnostics']; data?: TaskFile; spans?: Omit<FieldSpans, 'text'> };
  /** A project file's parse. */
  project?: ParsedFile<ProjectFile>;
  /** A lock file's holder, when it locks a task. */
  lock?: LockHolder;
}

interface CacheFile {
  format: string;
  root: string;
  options: string;
  writtenAt: number;
  entries: Map<string, Entry>;
  /** The walk's folder listings, for the roots and exclude globs `key` names (folderListings.ts). */
  folders?: { key: string; listings: Map<string, FolderListing> };
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

/**
 * The cache's bytes: a CRC-32 of the payload (4 bytes, big-endian), then the payload; anything else is
 * no cache. The check is for damage, not for an attacker (who could rewrite any checksum): CRC-32
 * catches every flip of one or two bits and every burst up to 32 bits in a file this size, and costs
 * less than a SHA-256 (153 MB here: 28-146 ms against 103-274 ms; 15 MB: 28 ms against 33 ms).
 */
function readCache(file: string, root: string, options: string): CacheFile | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < CHECK_BYTES) return undefined;
  const payload = bytes.subarray(CHECK_BYTES);
  if (crc32(payload) !== bytes.readUInt32BE(0)) return undefined;
  try {
    const cache = deserialize(payload) as CacheFile;
    if (cache?.format !== FORMAT || cache.root !== root || cache.options !== options || !(cache.entries instanceof Map)) return undefined;
    return cache;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, cache: CacheFile): void {
  const payload = serialize({ ...cache, entries: sharingSpans(cache.entries) });
  const dir = resolve(file, '..');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    // Written whole, then renamed over: two processes at once leave one complete cache, never a mix.
    const check = Buffer.alloc(CHECK_BYTES);
    check.writeUInt32BE(crc32(payload));
    // The checksum, then the payload, written as they are: joining them copied 150 MB at 100,000 tasks (0.5 s).
    writeFileSync(temp, check, { flag: 'wx' });
    appendFileSync(temp, payload);
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

/**
 * The entries with their spans' parts shared where the serializer keeps sharing (it writes an object
 * once and refers back to it): one array per distinct list of keys (a workspace has a handful) and the
 * offsets of every file as views of one buffer. Reading 10,000 entries then makes 4 key lists and one
 * buffer, not 180,000 strings and 10,000 buffers: 40% of the deserialization. Spans are never changed.
 */
function sharingSpans(entries: ReadonlyMap<string, Entry>): Map<string, Entry> {
  const keyLists = new Map<string, readonly string[]>();
  let length = 0;
  for (const entry of entries.values()) length += entry.task?.spans?.at.length ?? 0;
  const offsets = new Int32Array(length);
  let used = 0;
  const shared = new Map<string, Entry>();
  for (const [path, entry] of entries) {
    const spans = entry.task?.spans;
    if (!spans) {
      shared.set(path, entry);
      continue;
    }
    const joined = JSON.stringify(spans.keys);
    const keys = keyLists.get(joined) ?? spans.keys;
    keyLists.set(joined, keys);
    offsets.set(spans.at, used);
    const at = offsets.subarray(used, (used += spans.at.length));
    shared.set(path, { ...entry, task: { ...entry.task!, spans: { keys, at, appendAt: spans.appendAt } } });
  }
  return shared;
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
