import * as l10n from '@vscode/l10n';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { logError } from './errorPolicy';
import { fileKind, INDEXED_FILES_GLOB } from '../core/workspace/fileKinds';
import { toPosixPath } from '../core/workspace/paths';
import { isIndexedPath, isScannedFolder } from '../core/workspace/taskFolderRule';
import { IndexCacheSession } from '../core/workspace/indexCache';
import { ParallelTaskParse, parseTasksAhead } from '../core/workspace/parallelTaskParse';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import type { ParsedFileSource } from '../core/workspace/parsedFileSource';
import { readText } from './indexedFileRead';
import { readThroughCache, type FileRead } from '../core/workspace/cachedFileRead';
import { ScanAhead } from '../core/workspace/scanAhead';
import { scanWorkspace, statOf } from '../core/workspace/workspaceScan';
import { emptyChange, type IndexChange } from '../core/workspace/workspaceModel';
import { excludeGlobs, filesExclude, sharedLockDirectory, taskRootOverride } from './settings';
import { withinTime } from './withinTime';
import { localKey, relativePath } from './indexKeys';

/** How long a pass's checks wait at most for the tree to show it. */
const TREE_FIRST_MS = 2000;

/** Files read, then parsed on two threads, then indexed, at a time. */
const READ_BATCH = 1024;
const EVENT_DEBOUNCE_MS = 60;
const RECONCILE_AGAIN_MS = 1500;

/** What one full indexing pass cost, for the log and the activation benchmark. */
export interface IndexPass {
  files: number;
  cached: number;
  parsed: number;
  /** Of those parsed, how many the helper thread parsed (parallelTaskParse.ts). */
  parsedByHelper: number;
  /** Whether a helper thread walked and stat'ed the folders while the cache was opened (scanAhead.ts). */
  scannedByHelper: boolean;
  /** The pass: finding, reading (or taking from the cache) and parsing every file. */
  ms: number;
  /** When it began (performance.now()). */
  began: number;
  /** Opening the cache (the helper thread walking meanwhile), then the rest of finding the files. */
  cacheOpenMs: number;
  findMs: number;
  /** The cross-file checks, after the pass. */
  checksMs?: number;
  /** The listeners told of the new index (tree, decorations, Problems). */
  notifyMs?: number;
  /** The round trip of the context keys that end the progress bar. */
  contextMs?: number;
}

/**
 * Owns the workspace index in the extension host: fills it in the background, then keeps it
 * current from file-system events. Everything else reads `index` and listens to `onDidChange`.
 */
export class WorkspaceIndexer implements vscode.Disposable {
  index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<IndexChange | 'all'>();
  readonly onDidChange = this.changed.event;
  private readonly checked = new vscode.EventEmitter<void>();
  /** The index's problems are known for what onDidChange told (after it, once a pass's checks ran). */
  readonly onDidCheck = this.checked.event;
  /** When the tree is in sight, its first showing of a pass, for that pass's checks to wait for. */
  problemsAfter?: () => Promise<unknown> | undefined;
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly pending = new Map<string, vscode.Uri | 'deleted'>();
  private timer: NodeJS.Timeout | undefined;
  private disposables: vscode.Disposable[] = [];
  private ready: Promise<void> = Promise.resolve();
  private flushing: Promise<void> = Promise.resolve();
  private generation = 0;
  /** What the last full pass read: files, task files from the cache unread, task files parsed, milliseconds. */
  lastPass?: IndexPass;
  private indexed!: () => void;
  /** Resolves once a full pass has put its index in place, or the first one ended without (superseded, failed). */
  readonly firstIndexed = new Promise<void>((resolve) => (this.indexed = resolve));

  /** Whether the first pass opens from an index cache (a window opened before), for the tree's first answer. */
  readonly opensFromCache: boolean;

  /** `cacheFile`: the persistent index cache in the extension's workspace storage (none without a workspace). */
  constructor(private readonly cacheFile?: string) {
    this.opensFromCache = cacheFile !== undefined && existsSync(cacheFile);
    // One watcher that classifies paths itself: a created or deleted folder can arrive as a single
    // event for the folder, without events for the files inside it (the workbench coalesces them).
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => (this.isIndexed(uri) ? this.queue(uri, uri) : void this.scanCreatedFolder(uri))),
      watcher.onDidChange((uri) => this.isIndexed(uri) && this.queue(uri, uri)),
      watcher.onDidDelete((uri) => this.queue(uri, 'deleted')),
      this.changed,
    );
  }

  /**
   * A file the index reads: of a kind it knows, and in a folder the shared task-folder rule does not
   * skip, or a lock in the team's shared lock folder (inside the workspace or not).
   */
  private isIndexed(uri: vscode.Uri): boolean {
    const path = toPosixPath(uri.path);
    const kind = fileKind(path, this.sharedLockDir);
    return kind !== undefined && (isIndexedPath(relativePath(uri)) || (kind === 'lock' && fileKind(path) === undefined));
  }

  /** The shared lock folder as the index sees it ('/'-separated), or undefined. */
  private sharedLockDir: string | undefined;
  private lockWatcher: vscode.Disposable | undefined;

  /**
   * Watches the shared lock folder, which is usually outside the workspace (a network drive), so that
   * the tree, the decorations and the list show the team's locks as they come and go.
   */
  private watchSharedLocks(dir: string | undefined): void {
    this.lockWatcher?.dispose();
    this.lockWatcher = undefined;
    this.sharedLockDir = dir === undefined ? undefined : toPosixPath(vscode.Uri.file(dir).path);
    if (dir === undefined) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), '*.lock'));
    this.lockWatcher = vscode.Disposable.from(
      watcher,
      watcher.onDidCreate((uri) => this.queue(uri, uri)),
      watcher.onDidChange((uri) => this.queue(uri, uri)),
      watcher.onDidDelete((uri) => this.queue(uri, 'deleted')),
    );
  }

  /** The lock files in the shared lock folder now (local paths). */
  private async sharedLockFiles(): Promise<string[]> {
    const dir = this.sharedLockDir;
    if (dir === undefined) return [];
    try {
      const entries = await vscode.workspace.fs.readDirectory(vscode.Uri.file(dir));
      return entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.lock')).map(([name]) => vscode.Uri.file(`${dir}/${name}`).fsPath);
    } catch {
      // Not there (yet): no shared locks.
      return [];
    }
  }

  /** Every file the index reads in folders of another scheme (remote ones), as the workbench's search finds them. */
  private async remoteFiles(exclude: string[]): Promise<vscode.Uri[]> {
    return (await vscode.workspace.findFiles(INDEXED_FILES_GLOB, exclude.length ? `{${exclude.join(',')}}` : undefined)).filter((uri) => this.isIndexed(uri));
  }

  /** Resolves when the current full indexing pass has finished. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  uriOf(path: string): vscode.Uri {
    return this.uris.get(path) ?? vscode.Uri.file(path);
  }

  /** (Re)reads every indexed file of the workspace without blocking the UI thread for long. */
  reindex(): Promise<void> {
    const generation = ++this.generation;
    this.ready = Promise.resolve(vscode.window.withProgress(
      { location: { viewId: 'nightshift.tasks' }, title: l10n.t('Indexing Nightshift tasks') },
      async () => {
        const began = performance.now();
        // Not awaited: during the window's startup the round trip to the workbench alone took 0.3 s.
        void vscode.commands.executeCommand('setContext', 'nightshift.indexing', true);
        const exclude = excludeGlobs();
        this.watchSharedLocks(sharedLockDirectory());
        const options = { taskRootOverride: taskRootOverride(), ...(this.sharedLockDir ? { sharedLockDir: this.sharedLockDir } : {}) };
        const folders = vscode.workspace.workspaceFolders ?? [];
        const roots = folders.every((f) => f.uri.scheme === 'file') ? folders.map((f) => f.uri.fsPath) : undefined;
        const globs = [...exclude, ...filesExclude()];
        // Local folders are walked and stat'ed on a helper thread while this one opens a large cache.
        const scanning = roots && ScanAhead.beside(this.cacheFile, roots, globs);
        // Files whose size and mtime the cache vouches for are neither read nor parsed again.
        const root = folders.map((f) => f.uri.toString()).join('\n');
        const cache = this.cacheFile ? new IndexCacheSession(this.cacheFile, root, options) : undefined;
        const cacheOpenMs = performance.now() - began;
        // Without a helper, the walk trusts the cache's listing of each folder whose times are as kept.
        const scan = roots && (scanning ? scanning.result() : scanWorkspace(roots, globs, undefined, cache?.folderListings(roots, globs)));
        const files: (string | vscode.Uri)[] = scan ? [...scan.files] : await this.remoteFiles(exclude);
        files.push(...(await this.sharedLockFiles()));
        const findMs = performance.now() - began - cacheOpenMs;
        const index = new WorkspaceIndex(options);
        for (const [path, reason] of scan?.unreadable ?? []) index.setUnreadable(localKey(path), reason);
        const uris = new Map<string, vscode.Uri>();
        // Task files are parsed a batch at a time on two threads (parallelTaskParse.ts), then indexed in order.
        const parser = new ParallelTaskParse();
        try {
          for (let i = 0; i < files.length; i += READ_BATCH) {
            const batch = files.slice(i, i + READ_BATCH);
            const paths = batch.map((f) => (typeof f === 'string' ? localKey(f) : toPosixPath(f.path)));
            // Local files are read synchronously, in turn: 10,000 promises cost more than the reads.
            const reads = batch.map((f, j) => (typeof f === 'string' ? readThroughCache(f, paths[j]!, cache, scan && i + j < scan.files.length ? statOf(scan, i + j) : undefined) : undefined));
            const remote = batch.flatMap((f, j) => (typeof f === 'string' ? [] : [readText(f).then((read) => void (reads[j] = read))]));
            // Each batch lets the extension host's other work run (the pass of 10,000 files is seconds cold).
            await (remote.length ? Promise.all(remote) : new Promise((next) => setImmediate(next)));
            const toParse = paths.flatMap((path, j) => {
              const read = reads[j];
              if (!read || !('text' in read)) return [];
              return (cache ? cache.needsParse(path, read.text) : fileKind(path, options.sharedLockDir) === 'task') ? [{ path, text: read.text }] : [];
            });
            const ahead = parseTasksAhead(toParse, parser);
            batch.forEach((f, j) => {
              const read = reads[j];
              if (read === undefined) return;
              // A local file's URI is made when asked for (uriOf); 10,000 of them took tens of milliseconds.
              if (typeof f !== 'string') uris.set(paths[j]!, f);
              updateFile(index, paths[j]!, read, cache, ahead);
            });
            if (generation !== this.generation) return;
          }
        } finally {
          parser.close();
        }
        if (generation !== this.generation) return;
        if (cache) setTimeout(() => cache.save(), 0);
        const pass: IndexPass = { files: files.length, cached: cache?.cached ?? 0, parsed: cache?.parsed ?? files.length, parsedByHelper: parser.helperFiles, scannedByHelper: scanning?.byHelper ?? false, ms: performance.now() - began, began, findMs, cacheOpenMs };
        this.lastPass = pass;
        this.index = index;
        this.indexed();
        this.uris.clear();
        uris.forEach((uri, path) => this.uris.set(path, uri));
        // The tree first (its projects need no problems; a task's error mark asks for them itself);
        // the welcome view's context keys follow in order on the same channel.
        const notified = performance.now();
        this.changed.fire('all');
        pass.notifyMs = performance.now() - notified;
        void vscode.commands.executeCommand('setContext', 'nightshift.projectCount', index.projects().length);
        await vscode.commands.executeCommand('setContext', 'nightshift.indexing', false);
        pass.contextMs = performance.now() - notified - pass.notifyMs;
        // Then the checks, once, for the Problems panel and the badge: when the tree is in sight, after
        // it has shown the pass (0.3 s of checks at 10,000 tasks came before it).
        const shown = this.problemsAfter?.();
        if (shown) await withinTime(shown, TREE_FIRST_MS);
        if (generation !== this.generation) return;
        const checking = performance.now();
        index.diagnostics();
        pass.checksMs = performance.now() - checking;
        this.checked.fire();
      },
    ));
    void this.ready.then(this.indexed, this.indexed);
    return this.ready;
  }

  /**
   * A new folder's files may never get events of their own, and a create and delete of the same file
   * in one watcher batch are both dropped: make the index agree with the folder now and once more
   * after the watcher's batches have passed.
   */
  private async scanCreatedFolder(uri: vscode.Uri): Promise<void> {
    if (!isScannedFolder(relativePath(uri))) return;
    try {
      if ((await vscode.workspace.fs.stat(uri)).type !== vscode.FileType.Directory) return;
    } catch {
      return;
    }
    await this.reconcileFolder(uri);
    setTimeout(() => void this.reconcileFolder(uri), RECONCILE_AGAIN_MS);
  }

  private async reconcileFolder(uri: vscode.Uri): Promise<void> {
    // Patterns match relative to the base, so filter by kind on the full path instead.
    const found = (await vscode.workspace.findFiles(new vscode.RelativePattern(uri, '**/*'))).filter((f) => this.isIndexed(f));
    const present = new Set(found.map((f) => toPosixPath(f.path)));
    for (const path of this.index.filesUnder(toPosixPath(uri.path))) {
      if (!present.has(path)) this.queue(this.uriOf(path), 'deleted');
    }
    for (const file of found) this.queue(file, file);
  }

  private queue(uri: vscode.Uri, what: vscode.Uri | 'deleted'): void {
    this.pending.set(toPosixPath(uri.path), what);
    clearTimeout(this.timer);
    // One flush at a time: a slow read from an earlier flush must never land after a newer one.
    this.timer = setTimeout(() => {
      this.flushing = this.flushing.then(() => this.flush()).catch((error) => logError('indexing file events', error));
    }, EVENT_DEBOUNCE_MS);
  }

  /** Resolves when every file event received so far has reached the index. */
  async settled(): Promise<void> {
    await this.ready;
    while (this.pending.size > 0) await new Promise((r) => setTimeout(r, EVENT_DEBOUNCE_MS));
    await this.flushing;
  }

  private async flush(): Promise<void> {
    await this.ready;
    const events = [...this.pending];
    this.pending.clear();
    if (events.length === 0) return;
    const change = emptyChange();
    const texts = await Promise.all(events.map(([, what]) => (what === 'deleted' ? undefined : readText(what))));
    events.forEach(([path, what], i) => {
      const read = texts[i];
      let delta: IndexChange;
      if (what === 'deleted' || read === undefined) {
        this.uris.delete(path);
        if (this.index.has(path)) delta = this.index.deleteFile(path);
        else if (fileKind(path, this.sharedLockDir)) return;
        else delta = this.index.deleteFolder(path);
      } else {
        this.uris.set(path, what);
        delta = updateFile(this.index, path, read);
      }
      delta.projects.forEach((p) => change.projects.add(p));
      delta.folders.forEach((f) => change.folders.add(f));
      delta.tasks.forEach((t) => change.tasks.add(t));
    });
    await vscode.commands.executeCommand('setContext', 'nightshift.projectCount', this.index.projects().length);
    this.changed.fire(change);
    this.checked.fire();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.lockWatcher?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/**
 * One file's update of the index. Whatever it throws stays that file's problem: the pass over the
 * other files, and the index, go on.
 */
function updateFile(index: WorkspaceIndex, path: string, read: FileRead, cache?: IndexCacheSession, ahead?: ParsedFileSource): IndexChange {
  try {
    if ('text' in read && cache && read.size !== undefined) {
      cache.add(index, path, read.text, read.size, read.mtimeMs!, ahead);
      return emptyChange();
    }
    return 'text' in read ? index.setFile(path, read.text, ahead) : index.setUnreadable(path, read.unreadable);
  } catch (error) {
    try {
      return index.setUnreadable(path, error instanceof Error ? error.message : String(error));
    } catch {
      return emptyChange();
    }
  }
}
