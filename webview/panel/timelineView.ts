import * as l10n from '@vscode/l10n';
import type { CompareMark, HostMessage, ProjectInfo } from '../../src/core/panel/panelProtocol';
import type { InstanceDetail, TimelineRequest } from '../../src/core/timeline/timelineRequest';
import { instanceDetailContent } from './instanceDetailContent';
import { highlightOf, instanceAnnouncement, savedSelection, scheduledStamp } from './instanceHighlight';
import { TimelineControls } from './timelineControls';
import { timelineLegend } from './timelineLegend';
import { h } from './dom';
import type { HostChannel } from './hostChannel';
import type { PanelState } from './panelState';
import { readThemeColors, type ThemeColors } from './themeColors';
import { drawTimeline, sizeCanvas, type Highlight } from './timelineRenderer';
import { TimelineStore } from './timelineStore';
import { timelineNote } from './timelineNote';
import {
  AXIS_HEIGHT,
  clampOrigin,
  fitMinutesPerPx,
  hitTest,
  LABEL_WIDTH,
  LANE_HEIGHT,
  neighbour,
  firstInView,
  lanesInView,
  revealScroll,
  rowTable,
  zoomAt,
  zoomOnRuns,
  type RowTable,
  type Viewport,
} from './timelineViewport';

const NO_HIGHLIGHT: Highlight = { selected: -1, upstream: new Set(), downstream: new Set(), critical: new Set() };

/**
 * A day's instances on a canvas: lanes per task grouped by folder or project, bars at predicted
 * start and duration coloured by kind, edges (cross-cycle dashed), zoom from the day to minutes,
 * and the selected instance's parameters, neighbours and critical path beside it.
 */
export class TimelineView {
  readonly element: HTMLElement;
  private readonly controls: TimelineControls;
  private readonly status = h('span', { class: 'timeline-status', role: 'status', 'aria-live': 'polite' });
  private readonly scroller = h('div', { class: 'timeline-scroller', tabindex: '0', role: 'application', 'aria-roledescription': 'timeline', 'aria-label': l10n.t('Instance timeline'), 'aria-describedby': 'timeline-keys' });
  private readonly sizer = h('div', { class: 'timeline-sizer' });
  private readonly canvas = h('canvas', { class: 'timeline-canvas', 'aria-hidden': 'true' });
  private readonly detailPane = h('aside', { class: 'instance-detail', 'aria-label': l10n.t('Selected instance'), 'aria-live': 'polite' });
  private readonly announcer = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  private data?: TimelineStore;
  /** An instance to select once its chunk comes (from a detail's link, or restored). */
  private pendingSelect?: { index: number; reveal: boolean };
  /** The request the shown day answered: its chunks are asked for by it (a later request may fail). */
  private dataSeq = -1;
  private rows?: RowTable;
  private span = 1440;
  private vp: Viewport = { minutesPerPx: 1, originMinute: 0, scrollTop: 0, width: 800, height: 400 };
  private colors: ThemeColors;
  private highlight: Highlight = NO_HIGHLIGHT;
  /** A schedule comparison's instance, with its run before the change (until another day is shown). */
  private compare?: CompareMark;
  private seq = 0;
  private detailSeq = 0;
  private projects: ProjectInfo[] = [];
  private frame = 0;
  private requestedAt = 0;
  private firstDrawPending = false;
  private loaded = false;
  private stale = false;

  constructor(
    private readonly host: HostChannel,
    private readonly state: PanelState,
    private readonly save: () => void,
  ) {
    this.colors = readThemeColors();
    this.controls = new TimelineControls({
      request: (change) => this.request(change),
      focus: () => this.applyFocus(),
      clearFocus: () => this.clearFocus(),
      zoom: (factor) => this.zoom(factor),
      fit: () => this.fit(),
    });
    this.sizer.append(this.canvas);
    this.scroller.append(this.sizer);
    this.element = h(
      'section',
      { class: 'timeline', 'aria-label': l10n.t('Instance timeline') },
      this.controls.element,
      h('div', { class: 'toolbar secondary' }, timelineLegend(), h('span', { class: 'spacer' }), this.status),
      h('div', { class: 'timeline-body' }, this.scroller, this.detailPane),
      h('p', { id: 'timeline-keys', class: 'sr-only' }, l10n.t('Arrow keys move between instances, Enter opens the task, plus and minus zoom, 0 shows the whole day.')),
      this.announcer,
    );
    this.detailPane.append(h('p', { class: 'hint' }, l10n.t('Select an instance to see its parameters, its upstream and downstream instances and its critical path.')));
    this.scroller.addEventListener('scroll', () => this.onScroll());
    this.scroller.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    this.scroller.addEventListener('click', (e) => this.onClick(e));
    this.scroller.addEventListener('dblclick', () => this.openSelected());
    this.scroller.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.resize()).observe(this.scroller);
    // VS Code swaps the body's theme class and variables when the theme changes.
    new MutationObserver(() => {
      this.colors = readThemeColors();
      this.schedule();
    }).observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
  }

  setProjects(projects: ProjectInfo[]): void {
    this.projects = projects;
  }

  /** The tab was shown: load the saved or default day once. */
  shown(): void {
    if (!this.loaded) this.request(this.state.timeline ?? {});
    else if (this.stale) this.request({});
    else this.resize();
  }

  /**
   * The workspace changed: plan the day again now if the timeline is on screen, else when it is next
   * shown (planning a large day costs the extension host about a second).
   */
  reload(): void {
    if (!this.loaded) return;
    if (this.state.tab === 'timeline') this.request({});
    else this.stale = true;
  }

  show(request: TimelineRequest, compare?: CompareMark): void {
    this.compare = compare;
    // A compared instance is selected as a restored selection is: by its task and scheduled time.
    this.state.selectedInstance = compare ? `${compare.task}@${compare.at}` : undefined;
    this.state.zoom = zoomOnRuns([compare?.before, compare?.after], this.vp);
    this.request(request, true);
  }

  receive(message: HostMessage): void {
    if (message.type === 'timeline' && message.seq === this.seq) {
      document.body.dataset.timelineHeadMs = String(performance.now() - this.requestedAt);
      const data = (this.data = new TimelineStore(message.data));
      this.dataSeq = message.seq;
      this.rows = rowTable(data);
      this.span = data.span;
      this.pendingSelect = undefined;
      this.controls.sync(message.request);
      this.highlight = NO_HIGHLIGHT;
      this.detailPane.replaceChildren(h('p', { class: 'hint' }, l10n.t('Select an instance to see its parameters, its upstream and downstream instances and its critical path.')));
      if (this.compare && !this.compare.at.startsWith(data.date)) this.compare = undefined;
      this.status.textContent = timelineNote(data, this.compare);
      this.sizer.style.height = `${AXIS_HEIGHT + this.rows.count * LANE_HEIGHT}px`;
      this.firstDrawPending = true;
      this.canvas.dataset.complete = 'false';
      this.applyZoom();
      // A restored (or compared) selection, found by the extension from its task and scheduled time.
      if (message.data.selected >= 0) this.select(message.data.selected, false);
    } else if (message.type === 'timelineChunk' && message.seq === this.dataSeq && this.data) {
      this.data.add(message.data);
      const pending = this.pendingSelect;
      if (pending && this.data.instanceLoaded(pending.index)) {
        this.pendingSelect = undefined;
        this.select(pending.index, pending.reveal);
      }
      this.schedule();
    } else if (message.type === 'instance' && message.seq === this.detailSeq) {
      this.showDetail(message.detail);
    }
  }

  private request(change: Partial<TimelineRequest>, replaceFocus = false): void {
    const base = this.state.timeline ?? { date: this.defaultDate(), grouping: 'folder' as const };
    const next: TimelineRequest = { ...base, ...change };
    if (replaceFocus && !change.focus) delete next.focus;
    this.state.timeline = next;
    this.save();
    this.loaded = true;
    this.stale = false;
    this.seq++;
    this.requestedAt = performance.now();
    this.status.textContent = l10n.t('Planning {0}…', next.date);
    const select = savedSelection(this.state.selectedInstance);
    this.host.post({ type: 'timeline', seq: this.seq, request: next, ...(select ? { select } : {}) });
  }

  private defaultDate(): string {
    return this.projects[0]?.today ?? new Date().toISOString().slice(0, 10);
  }

  private applyFocus(): void {
    const { text, depth, direction } = this.controls.focusWanted();
    if (!text) return this.clearFocus();
    const byName = this.data ? this.data.laneTask[this.data.laneName.indexOf(text)] : undefined;
    this.request({ focus: { task: byName ?? text, depth, direction } });
  }

  private clearFocus(): void {
    const { focus: _dropped, ...rest } = this.state.timeline ?? { date: this.defaultDate(), grouping: 'folder' as const };
    this.state.timeline = rest;
    this.request({}, true);
  }

  private resize(): void {
    const width = this.scroller.clientWidth;
    const height = this.scroller.clientHeight;
    if (!width || !height) return;
    sizeCanvas(this.canvas, width, height);
    this.vp = { ...this.vp, width, height };
    this.applyZoom();
  }

  /** Sizes the scroll area for the zoom and scrolls to the saved origin. */
  private applyZoom(): void {
    if (!this.data || !this.vp.width) return;
    const fit = fitMinutesPerPx(this.span, this.vp);
    const minutesPerPx = Math.min(fit, this.state.zoom?.minutesPerPx ?? fit);
    const originMinute = clampOrigin(this.state.zoom?.originMinute ?? 0, minutesPerPx, this.span, this.vp);
    this.vp = { ...this.vp, minutesPerPx, originMinute };
    this.sizer.style.width = `${LABEL_WIDTH + this.span / minutesPerPx}px`;
    this.scroller.scrollLeft = originMinute / minutesPerPx;
    this.schedule();
  }

  private zoom(factor: number, x = LABEL_WIDTH + (this.vp.width - LABEL_WIDTH) / 2): void {
    if (!this.data) return;
    const next = zoomAt(this.vp, factor, x, this.span);
    this.state.zoom = { minutesPerPx: next.minutesPerPx, originMinute: next.originMinute };
    this.save();
    this.applyZoom();
  }

  private fit(): void {
    this.state.zoom = undefined;
    this.save();
    this.applyZoom();
  }

  private onScroll(): void {
    this.vp = { ...this.vp, scrollTop: this.scroller.scrollTop, originMinute: this.scroller.scrollLeft * this.vp.minutesPerPx };
    if (this.state.zoom) this.state.zoom = { ...this.state.zoom, originMinute: this.vp.originMinute };
    this.schedule();
  }

  private onWheel(e: WheelEvent): void {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    const box = this.scroller.getBoundingClientRect();
    this.zoom(e.deltaY < 0 ? 1.5 : 1 / 1.5, e.clientX - box.left);
  }

  private onClick(e: MouseEvent): void {
    if (!this.data || !this.rows) return;
    const box = this.scroller.getBoundingClientRect();
    const index = hitTest(this.data, this.rows, this.vp, e.clientX - box.left, e.clientY - box.top);
    if (index >= 0) this.select(index, true);
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.data || this.data.lane.length === 0) return;
    const keys: Record<string, 'left' | 'right' | 'up' | 'down'> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
    const direction = keys[e.key];
    if (direction) {
      e.preventDefault();
      const from = this.highlight.selected;
      this.select(from < 0 ? firstInView(this.data, this.rows!, this.vp) : neighbour(this.data, from, direction), true);
    } else if (e.key === 'Enter') {
      this.openSelected();
    } else if (e.key === '+' || e.key === '=') {
      this.zoom(2);
    } else if (e.key === '-') {
      this.zoom(0.5);
    } else if (e.key === '0') {
      this.fit();
    }
  }

  private select(index: number, reveal: boolean): void {
    const data = this.data!;
    if (!data.instanceLoaded(index)) {
      // Its chunk first: the selection needs its lane, its times and its edges.
      this.pendingSelect = { index, reveal };
      this.fetch(data.wantedFor(index));
      return;
    }
    // What the user picks now wins over a selection still waiting for its chunk.
    this.pendingSelect = undefined;
    this.highlight = highlightOf(data, index);
    this.state.selectedInstance = `${data.laneTask[data.lane[index]!]}@${scheduledStamp(data, index)}`;
    this.save();
    if (reveal) this.reveal(index);
    this.detailSeq++;
    this.host.post({ type: 'instance', seq: this.detailSeq, index });
    this.announcer.textContent = instanceAnnouncement(data, index);
    this.schedule();
  }

  private reveal(index: number): void {
    const { top, left } = revealScroll(this.vp, this.rows!.rowOfLane[this.data!.lane[index]!]!, this.data!.start[index]!, this.scroller);
    if (top !== undefined) this.scroller.scrollTop = top;
    if (left !== undefined) this.scroller.scrollLeft = left;
  }

  private openSelected(): void {
    const data = this.data;
    if (data && this.highlight.selected >= 0) this.host.post({ type: 'openTask', id: data.laneTask[data.lane[this.highlight.selected]!]! });
  }

  private showDetail(detail: InstanceDetail): void {
    if (detail.index !== this.highlight.selected) return;
    this.highlight = { ...this.highlight, critical: new Set(detail.criticalPath.flatMap((c) => (c.index === undefined ? [] : [c.index]))) };
    this.schedule();
    this.detailPane.replaceChildren(...instanceDetailContent(detail, (index) => this.select(index, true), (message) => this.host.post(message)));
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    if (!this.data || !this.rows || !this.vp.width) return;
    const drawStarted = performance.now();
    const ctx = this.canvas.getContext('2d')!;
    const ratio = window.devicePixelRatio || 1;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const result = drawTimeline(ctx, this.data, this.rows, this.vp, this.span, this.colors, this.highlight, this.compare);
    this.canvas.dataset.edgesDrawn = String(result.edgesDrawn);
    this.canvas.dataset.edgesHidden = String(result.edgesHidden);
    const [firstLane, lastLane] = lanesInView(this.vp, this.rows, 0);
    const complete = this.data.complete(firstLane, lastLane);
    this.canvas.dataset.complete = String(complete);
    this.canvas.dataset.chunks = this.data.loadedText();
    // What is on screen, and a screen either side, so that scrolling finds its lanes loaded.
    const [fromLane, toLane] = lanesInView(this.vp, this.rows, 1);
    this.fetch(this.data.wanted(fromLane, toLane));
    if (this.firstDrawPending && complete) {
      this.firstDrawPending = false;
      document.body.dataset.timelineDrawnMs = String(performance.now() - this.requestedAt);
      document.body.dataset.timelineDrawMs = String(performance.now() - drawStarted);
      document.body.dataset.timelineEngineMs = String(Math.round(this.data.engineMs));
      document.body.dataset.timelineInstances = String(this.data.instanceCount);
      document.body.dataset.timelineSeq = String(this.seq);
    }
  }

  private fetch(chunks: number[]): void {
    if (chunks.length) this.host.post({ type: 'timelineChunks', seq: this.dataSeq, chunks });
  }
}
