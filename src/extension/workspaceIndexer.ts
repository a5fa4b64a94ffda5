import * as vscode from 'vscode';
import { fileKind, INDEXED_FILES_GLOB } from '../core/workspace/fileKinds';
import { toPosixPath } from '../core/workspace/paths';
import { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { emptyChange, type IndexChange } from '../core/workspace/workspaceModel';
import { excludeGlobs, taskRootOverride } from './settings';

const READ_BATCH = 64;
const EVENT_DEBOUNCE_MS = 60;

/**
 * Owns the workspace index in the extension host: fills it in the background, then keeps it
 * current from file-system events. Everything else reads `index` and listens to `onDidChange`.
 */
export class WorkspaceIndexer implements vscode.Disposable {
  index = new WorkspaceIndex();
  private readonly changed = new vscode.EventEmitter<IndexChange | 'all'>();
  readonly onDidChange = this.changed.event;
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly pending = new Map<string, vscode.Uri | 'deleted'>();
  private timer: NodeJS.Timeout | undefined;
  private disposables: vscode.Disposable[] = [];
  private ready: Promise<void> = Promise.resolve();
  private generation = 0;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(INDEXED_FILES_GLOB);
    // A deleted folder can arrive as a single event for the folder itself.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
    this.disposables.push(
      watcher,
      folderWatcher,
      watcher.onDidCreate((uri) => this.queue(uri, uri)),
      watcher.onDidChange((uri) => this.queue(uri, uri)),
      watcher.onDidDelete((uri) => this.queue(uri, 'deleted')),
      folderWatcher.onDidDelete((uri) => {
        if (!fileKind(toPosixPath(uri.path))) this.queue(uri, 'deleted');
      }),
      this.changed,
    );
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
      { location: { viewId: 'nightshift.tasks' }, title: 'Indexing Nightshift tasks' },
      async () => {
        await vscode.commands.executeCommand('setContext', 'nightshift.indexing', true);
        const exclude = excludeGlobs();
        const files = await vscode.workspace.findFiles(INDEXED_FILES_GLOB, exclude.length ? `{${exclude.join(',')}}` : undefined);
        const index = new WorkspaceIndex({ taskRootOverride: taskRootOverride() });
        const uris = new Map<string, vscode.Uri>();
        for (let i = 0; i < files.length; i += READ_BATCH) {
          const batch = files.slice(i, i + READ_BATCH);
          const texts = await Promise.all(batch.map((uri) => readText(uri)));
          batch.forEach((uri, j) => {
            const text = texts[j];
            if (text === undefined) return;
            const path = toPosixPath(uri.path);
            uris.set(path, uri);
            index.setFile(path, text);
          });
          if (generation !== this.generation) return;
        }
        if (generation !== this.generation) return;
        this.index = index;
        this.uris.clear();
        uris.forEach((uri, path) => this.uris.set(path, uri));
        await vscode.commands.executeCommand('setContext', 'nightshift.projectCount', index.projects().length);
        await vscode.commands.executeCommand('setContext', 'nightshift.indexing', false);
        this.changed.fire('all');
      },
    ));
    return this.ready;
  }

  private queue(uri: vscode.Uri, what: vscode.Uri | 'deleted'): void {
    this.pending.set(toPosixPath(uri.path), what);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), EVENT_DEBOUNCE_MS);
  }

  private async flush(): Promise<void> {
    await this.ready;
    const events = [...this.pending];
    this.pending.clear();
    const change = emptyChange();
    const texts = await Promise.all(events.map(([, what]) => (what === 'deleted' ? undefined : readText(what))));
    events.forEach(([path, what], i) => {
      const text = texts[i];
      let delta: IndexChange;
      if (what === 'deleted' || text === undefined) {
        this.uris.delete(path);
        delta = this.index.has(path) ? this.index.deleteFile(path) : this.index.deleteFolder(path);
      } else {
        this.uris.set(path, what);
        delta = this.index.setFile(path, text);
      }
      delta.projects.forEach((p) => change.projects.add(p));
      delta.folders.forEach((f) => change.folders.add(f));
      delta.tasks.forEach((t) => change.tasks.add(t));
    });
    await vscode.commands.executeCommand('setContext', 'nightshift.projectCount', this.index.projects().length);
    this.changed.fire(change);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined; // Gone between the event and the read: the delete event follows.
  }
}
