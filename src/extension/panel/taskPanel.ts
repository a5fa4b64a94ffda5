import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { todayIn } from '../../core/time/wallClock';
import { currentLanguage } from '../../core/text/language';
import { webviewStrings } from './webviewStrings';
import { webviewMessageSchema, type CompareMark, type HostMessage, type InitialResult, type ProjectInfo, type WebviewMessage } from '../../core/panel/panelProtocol';
import type { TimelineRequest } from '../../core/timeline/timelineRequest';
import { defaultQuery, taskListQuerySchema, type TaskListQuery } from '../../core/taskList/taskListQuery';
import { TaskListSession } from '../../core/taskList/taskListSession';
import { dayScheduleRequest } from '../../core/timeline/dayScheduleRequest';
import { TimelineSession } from '../../core/timeline/timelineSession';
import type { TaskRowCache } from '../../core/taskList/taskRowCache';
import { revealTask } from '../revealTask';
import type { TaskTreeProvider } from '../taskTreeProvider';
import type { TreeNode } from '../treeNodes';
import type { WorkspaceIndexer } from '../workspaceIndexer';
import { panelHtml } from './panelHtml';

export const PANEL_VIEW_TYPE = 'nightshift.taskPanel';
const CHANGE_DEBOUNCE_MS = 150;
/** Rows written into the page: a tall panel's worth. */
const INITIAL_ROWS = 60;
/**
 * Once the list has been idle this long, the default day is planned in the background, so the
 * timeline opens by drawing only; waiting for idle keeps that second of planning off keystrokes.
 */
const WARM_WHEN_IDLE_MS = 3000;

export interface PanelServices {
  extensionUri: vscode.Uri;
  indexer: WorkspaceIndexer;
  tree: TaskTreeProvider;
  view: vscode.TreeView<TreeNode>;
  user(): string;
  /** The window's task rows, shared by its panels. */
  rows: TaskRowCache;
}

/**
 * The task-list and timeline panel: one per window, restored after a reload by its serializer.
 * Filtering, sorting and planning run here, in the extension host; the webview gets windows of rows
 * and the timeline's flat columns, and every message it sends is parsed before it is trusted.
 */
export class TaskPanel implements vscode.Disposable {
  private static current?: TaskPanel;
  private readonly list: TaskListSession;
  private readonly timeline: TimelineSession;
  /** The timeline request whose layout the session holds: chunks are sent for it only. */
  private timelineSeq = -1;
  private readonly disposables: vscode.Disposable[] = [];
  private changeTimer?: NodeJS.Timeout;
  private ready = false;
  private warmed = false;
  private disposed = false;
  private facetsSent = false;
  private warmTimer?: NodeJS.Timeout;
  private readonly queued: HostMessage[] = [];

  static show(services: PanelServices, timeline?: TimelineRequest, compare?: CompareMark): TaskPanel {
    if (TaskPanel.current) {
      TaskPanel.current.panel.reveal();
    } else {
      const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, l10n.t('Nightshift Tasks'), vscode.ViewColumn.Active, TaskPanel.options(services.extensionUri));
      TaskPanel.current = new TaskPanel(panel, services);
    }
    if (timeline) TaskPanel.current.post({ type: 'showTimeline', request: timeline, ...(compare ? { compare } : {}) });
    return TaskPanel.current;
  }

  /** After a reload: `state` is what the webview last saved, so its first rows can come with the page. */
  static restore(panel: vscode.WebviewPanel, services: PanelServices, state: unknown): void {
    TaskPanel.current?.dispose();
    panel.webview.options = TaskPanel.options(services.extensionUri);
    const saved = state && typeof state === 'object' ? taskListQuerySchema.safeParse((state as { query?: unknown }).query) : undefined;
    TaskPanel.current = new TaskPanel(panel, services, saved?.success ? saved.data : undefined);
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')] };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: PanelServices,
    savedQuery?: TaskListQuery,
  ) {
    const index = () => services.indexer.index;
    this.list = new TaskListSession(index, () => ({ user: services.user(), now: new Date() }), services.rows);
    this.timeline = new TimelineSession(index);
    panel.iconPath = vscode.Uri.joinPath(services.extensionUri, 'media', 'nightshift.svg');
    // The first rows travel with the page: the webview shows them without a round trip.
    const started = performance.now();
    const query = savedQuery ?? defaultQuery();
    const total = this.list.setQuery(query);
    const rows = this.list.window(0, INITIAL_ROWS);
    const initial: InitialResult = { query, total, of: this.list.taskCount(), rows, ms: performance.now() - started };
    const webviewDir = vscode.Uri.joinPath(services.extensionUri, 'dist', 'webview');
    panel.webview.html = panelHtml(panel.webview, webviewDir, { defaultQuery: defaultQuery(), initial, lang: currentLanguage() === 'zh-cn' ? 'zh-CN' : 'en', strings: webviewStrings(webviewDir.fsPath) });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      // Hidden, the webview is torn down; shown again, it reloads and says `ready` again.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      services.indexer.onDidChange(() => this.indexChanged()),
    );
  }

  dispose(): void {
    this.disposed = true;
    if (TaskPanel.current === this) TaskPanel.current = undefined;
    clearTimeout(this.changeTimer);
    clearTimeout(this.warmTimer);
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }

  private post(message: HostMessage): void {
    // A timer or a slow reply can outlive the panel; its webview then throws on access.
    if (this.disposed) return;
    if (!this.ready) {
      if (message.type === 'showTimeline') this.queued.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private indexChanged(): void {
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => {
      this.list.invalidate();
      this.timeline.invalidate();
      this.facetsSent = false;
      // The webview answers with its query (and its timeline request, if it shows one) again.
      this.post({ type: 'changed', projects: this.projects() });
    }, CHANGE_DEBOUNCE_MS);
  }

  private warmTimeline(): void {
    if (this.warmed) return;
    clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => {
      this.warmed = true;
      const today = this.projects()[0]?.today;
      if (today) this.timeline.warm(today);
    }, WARM_WHEN_IDLE_MS);
  }

  private projects(): ProjectInfo[] {
    return this.services.indexer.index.projects().map((p) => ({ dir: p.dir, name: p.config.project, timezone: p.config.timezone, today: todayIn(p.config.timezone) }));
  }

  private async receive(raw: unknown): Promise<void> {
    const parsed = webviewMessageSchema.safeParse(raw);
    if (!parsed.success && isQuery(raw)) {
      this.post({ type: 'queryReset', query: defaultQuery() });
      return;
    }
    if (!parsed.success) {
      // A message we do not understand is a bug in the webview: say so, never act on it.
      const message = `Nightshift panel: ignored a malformed message (${parsed.error.issues[0]?.message ?? 'invalid'})`;
      console.warn(message, raw);
      this.post({ type: 'error', message });
      return;
    }
    try {
      await this.handle(parsed.data);
    } catch (error) {
      this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    const { indexer } = this.services;
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        this.facetsSent = false;
        this.post({ type: 'init', user: this.services.user(), projects: this.projects() });
        for (const queued of this.queued.splice(0)) this.post(queued);
        return;
      }
      case 'query': {
        const started = performance.now();
        const total = this.list.setQuery(message.query);
        const rows = this.list.window(0, message.count);
        this.post({ type: 'result', seq: message.seq, total, of: this.list.taskCount(), start: 0, rows, hostMs: performance.now() - started });
        if (!this.facetsSent) {
          this.facetsSent = true;
          setTimeout(() => this.post({ type: 'facets', facets: this.list.facets() }), 0);
        }
        this.warmTimeline();
        return;
      }
      case 'rows':
        this.post({ type: 'rows', seq: message.seq, start: message.start, rows: this.list.window(message.start, message.count) });
        return;
      case 'pruneSelection': {
        const index = this.services.indexer.index;
        const kept = message.ids.filter((id) => index.task(id));
        const matching = new Set(this.list.matchingIds());
        this.post({ type: 'selectionPruned', ids: kept, hidden: kept.filter((id) => !matching.has(id)).length });
        return;
      }
      case 'selectAll':
        this.post({ type: 'selection', seq: message.seq, ids: this.list.matchingIds() });
        return;
      case 'refresh':
        await indexer.reindex();
        return;
      case 'createTask':
        await vscode.commands.executeCommand('nightshift.createTask');
        return;
      case 'rowAction':
        return this.rowAction(message.action, message.id);
      case 'batchAction': {
        // The preview names the selected tasks the list's filters hide: the user is not looking at them.
        const matching = new Set(this.list.matchingIds());
        await vscode.commands.executeCommand(`nightshift.${message.action}`, { taskIds: message.ids, hiddenIds: message.ids.filter((id) => !matching.has(id)) });
        return;
      }
      case 'timeline': {
        const { focusNote, engineMs } = this.timeline.view(message.request);
        const selected = message.select ? this.timeline.instanceAt(message.select.task, message.select.at) : -1;
        this.timelineSeq = message.seq;
        this.post({ type: 'timeline', seq: message.seq, request: message.request, data: { ...this.timeline.chunks()!.head, focusNote, engineMs, selected } });
        return;
      }
      case 'timelineChunks': {
        // Chunks of a timeline the webview has since replaced are not sent.
        const chunks = this.timeline.chunks();
        if (message.seq !== this.timelineSeq || !chunks) return;
        for (const c of message.chunks) {
          const data = chunks.chunk(c);
          if (data) this.post({ type: 'timelineChunk', seq: message.seq, data });
        }
        return;
      }
      case 'instance': {
        const detail = this.timeline.detail(message.index);
        if (detail) this.post({ type: 'instance', seq: message.seq, detail });
        return;
      }
      case 'openTask':
        return this.rowAction('open', message.id);
      case 'revealTask':
        return this.rowAction('reveal', message.id);
    }
  }

  private async rowAction(action: string, id: string): Promise<void> {
    const { indexer, tree, view } = this.services;
    const task = indexer.index.task(id);
    if (!task) {
      void vscode.window.showWarningMessage(l10n.t('No compute task with id {0}.', id));
      return;
    }
    switch (action) {
      case 'open':
        await vscode.window.showTextDocument(indexer.uriOf(task.file), { preview: false });
        return;
      case 'reveal':
        await vscode.commands.executeCommand('nightshift.tasks.focus');
        await revealTask(view, tree, task.file, true);
        return;
      case 'timeline':
        this.post({ type: 'showTimeline', request: dayScheduleRequest(indexer.index, task) });
        return;
      case 'ops':
        await vscode.commands.executeCommand('nightshift.goToOps', { taskIds: [id] });
        return;
      case 'backfill':
        await vscode.commands.executeCommand('nightshift.ops.backfill', { taskIds: [id] });
        return;
      case 'clone':
        await vscode.commands.executeCommand('nightshift.cloneTask', { taskIds: [id] });
        return;
      default:
        await vscode.commands.executeCommand(`nightshift.${action}`, { taskIds: [id] });
    }
  }
}

function isQuery(raw: unknown): boolean {
  return !!raw && typeof raw === 'object' && (raw as { type?: unknown }).type === 'query';
}
