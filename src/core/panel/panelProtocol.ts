import { z } from 'zod';
import { OPERATION_KEYS, OPERATIONS, type OperationKey } from '../operations/operationCatalog';
import type { TaskListFacets } from '../taskList/taskListFacets';
import { taskListQuerySchema, type TaskListQuery } from '../taskList/taskListQuery';
import type { TaskRow } from '../taskList/taskRow';
import type { TimelineChunk, TimelineHead } from '../timeline/timelineChunks';
import { timelineRequestSchema, type InstanceDetail, type TimelineRequest } from '../timeline/timelineRequest';

/** What a row's Actions column offers: its own actions, then the catalog's row operations. */
export const ROW_ACTIONS: readonly RowAction[] = ['open', 'reveal', 'timeline', 'ops', 'backfill', 'clone', ...OPERATIONS.filter((o) => o.onRow).map((o) => o.key)];
/** What the selection bar offers: every batch operation of the catalog. */
export const BATCH_ACTIONS = OPERATION_KEYS;

export type RowAction = 'open' | 'reveal' | 'timeline' | 'ops' | 'backfill' | 'clone' | OperationKey;
export type BatchAction = OperationKey;

const taskIdSchema = z.string().min(1).max(200);


/** Messages from the webview; the extension trusts none it has not parsed with this. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  /** `count`: rows to send with the result, what the webview can show at once. */
  z.object({ type: z.literal('query'), seq: z.number().int(), query: taskListQuerySchema, count: z.number().int().min(1).max(1000).default(120) }),
  z.object({ type: z.literal('rows'), seq: z.number().int(), start: z.number().int().min(0), count: z.number().int().min(0).max(1000) }),
  z.object({ type: z.literal('selectAll'), seq: z.number().int() }),
  /** After the files changed: which of these selected tasks still exist. */
  z.object({ type: z.literal('pruneSelection'), ids: z.array(taskIdSchema).max(100_000) }),
  z.object({ type: z.literal('rowAction'), action: z.enum(ROW_ACTIONS as [RowAction, ...RowAction[]]), id: taskIdSchema }),
  z.object({ type: z.literal('batchAction'), action: z.enum(BATCH_ACTIONS as [BatchAction, ...BatchAction[]]), ids: z.array(taskIdSchema).min(1).max(100_000) }),
  z.object({ type: z.literal('refresh') }),
  z.object({ type: z.literal('createTask') }),
  /** `select`: an instance to select once laid out (a restored or compared one), by task and scheduled stamp. */
  // A selection that does not parse is dropped, not the request: it was saved, and ids have no length limit.
  z.object({ type: z.literal('timeline'), seq: z.number().int(), request: timelineRequestSchema, select: z.object({ task: z.string().min(1).max(10_000), at: z.string().max(40) }).optional().catch(undefined) }),
  /** Chunks of lanes of the timeline `seq` that scroll into view. */
  z.object({ type: z.literal('timelineChunks'), seq: z.number().int(), chunks: z.array(z.number().int().min(0)).max(1000) }),
  z.object({ type: z.literal('instance'), seq: z.number().int(), index: z.number().int().min(0) }),
  z.object({ type: z.literal('openTask'), id: taskIdSchema }),
  z.object({ type: z.literal('revealTask'), id: taskIdSchema }),
]);
export type WebviewMessage = z.output<typeof webviewMessageSchema>;

export interface ProjectInfo {
  dir: string;
  name: string;
  timezone: string;
  today: string;
}

/** The head of the timeline's layout (its lanes and instances come by chunk), and what it took. */
export type TimelineHeadData = TimelineHead & {
  /** The instance the request asked to select, by its index, or -1. */
  selected: number;
  /** What the focus left out, in words; empty without a focus. */
  focusNote: string;
  /** Milliseconds the engine took (plan, timing, layout). */
  engineMs: number;
};

/** "Compare Schedule": one instance's predicted run before a change and after it, as the timeline marks it. */
export interface CompareMark {
  task: string;
  /** `YYYY-MM-DDTHH:mm` of its scheduled time, as its id ends: the instance the timeline selects. */
  at: string;
  /** Minutes after the day's midnight; absent when it did not exist (or did not run) on that side. */
  before?: { start: number; end: number };
  after?: { start: number; end: number };
  /** What changed, in words (the status line says it). */
  label: string;
}

/** The first rows, computed by the extension while the webview starts and written into the page. */
export interface InitialResult {
  query: TaskListQuery;
  total: number;
  of: number;
  rows: TaskRow[];
  /** What computing them took in the extension host. */
  ms: number;
}

export type HostMessage =
  | { type: 'init'; user: string; projects: ProjectInfo[] }
  /** The files changed: the webview asks again for what it shows. */
  | { type: 'changed'; projects: ProjectInfo[] }
  /** Filter values, after the first rows (they cost a pass over every task). */
  | { type: 'facets'; facets: TaskListFacets }
  /** `hostMs`: what filtering and sorting took in the extension host. */
  /** A query that did not parse (saved by an older version): the webview starts again from these defaults. */
  | { type: 'queryReset'; query: TaskListQuery }
  | { type: 'result'; seq: number; total: number; of: number; start: number; rows: TaskRow[]; hostMs: number }
  | { type: 'rows'; seq: number; start: number; rows: TaskRow[] }
  | { type: 'selection'; seq: number; ids: string[] }
  /**
   * The selected tasks that still exist (deleted or moved-away ones leave the selection), and how many
   * of them the current filters hide: a batch acts on those too, and the bar says so.
   */
  | { type: 'selectionPruned'; ids: string[]; hidden: number }
  | { type: 'timeline'; seq: number; request: TimelineRequest; data: TimelineHeadData }
  | { type: 'timelineChunk'; seq: number; data: TimelineChunk }
  | { type: 'instance'; seq: number; detail: InstanceDetail }
  /** `compare`: an instance of a schedule comparison, selected with its run before the change drawn beside it. */
  | { type: 'showTimeline'; request: TimelineRequest; compare?: CompareMark }
  | { type: 'error'; message: string };
