import * as l10n from '@vscode/l10n';
import type { TimelineRequest } from '../../src/core/timeline/timelineRequest';
import { h } from './dom';

type Field = HTMLElement & { value: string };
type Direction = 'both' | 'upstream' | 'downstream';

/** What the toolbar asks the timeline to do. */
export interface TimelineControlHandlers {
  request(change: Partial<TimelineRequest>): void;
  focus(): void;
  clearFocus(): void;
  zoom(factor: number): void;
  fit(): void;
}

/** The timeline's toolbar: the day, the lanes' grouping, a focus on a task, and zoom. */
export class TimelineControls {
  readonly element: HTMLElement;
  private readonly date: Field;
  private readonly grouping: Field;
  private readonly focusTask: Field;
  private readonly focusDepth: Field;
  private readonly focusDirection: Field;

  constructor(on: TimelineControlHandlers) {
    this.date = h('vscode-textfield', { type: 'date', 'aria-label': l10n.t('Day'), title: l10n.t('Scheduled date') }) as Field;
    this.date.addEventListener('change', () => on.request({ date: this.date.value }));
    this.grouping = h('vscode-single-select', { 'aria-label': l10n.t('Group lanes by'), label: l10n.t('Group lanes by') }, h('vscode-option', { value: 'folder' }, l10n.t('Group by folder')), h('vscode-option', { value: 'project' }, l10n.t('Group by project'))) as Field;
    this.grouping.addEventListener('change', () => on.request({ grouping: this.grouping.value as 'folder' | 'project' }));
    this.focusTask = h('vscode-textfield', { class: 'focus-task', placeholder: l10n.t('Focus: task ID or name'), 'aria-label': l10n.t('Focus on a task: its ID or name') }) as Field;
    this.focusTask.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') on.focus();
    });
    this.focusDepth = h('vscode-textfield', { type: 'number', min: '0', max: '50', value: '2', class: 'depth', 'aria-label': l10n.t('Levels of upstream and downstream to show'), title: l10n.t('Levels') }) as Field;
    this.focusDirection = h('vscode-single-select', { 'aria-label': l10n.t('Direction'), label: l10n.t('Direction') }, h('vscode-option', { value: 'both' }, l10n.t('Up and downstream')), h('vscode-option', { value: 'upstream' }, l10n.t('Upstream')), h('vscode-option', { value: 'downstream' }, l10n.t('Downstream'))) as Field;
    const focus = h('vscode-button', { secondary: true, icon: 'filter', onclick: () => on.focus() }, l10n.t('Focus'));
    const clear = h('vscode-button', { secondary: true, icon: 'clear-all', onclick: () => on.clearFocus() }, l10n.t('Whole Day'));
    const zoomIn = h('vscode-toolbar-button', { icon: 'zoom-in', label: l10n.t('Zoom in'), title: l10n.t('Zoom in (+)'), onclick: () => on.zoom(2) });
    const zoomOut = h('vscode-toolbar-button', { icon: 'zoom-out', label: l10n.t('Zoom out'), title: l10n.t('Zoom out (-)'), onclick: () => on.zoom(0.5) });
    const fit = h('vscode-toolbar-button', { icon: 'screen-normal', label: l10n.t('Show the whole day'), title: l10n.t('Show the whole day (0)'), onclick: () => on.fit() });
    this.element = h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': l10n.t('Timeline') }, this.date, this.grouping, this.focusTask, this.focusDepth, this.focusDirection, focus, clear, h('span', { class: 'spacer' }), zoomOut, zoomIn, fit);
  }

  /** Shows a request's values (a restore, a request from the host) without asking for anything. */
  sync(request: TimelineRequest): void {
    this.date.value = request.date;
    this.grouping.value = request.grouping;
    this.focusTask.value = request.focus?.task ?? '';
    if (request.focus) {
      this.focusDepth.value = String(request.focus.depth);
      this.focusDirection.value = request.focus.direction;
    }
  }

  /** The focus as typed: the task's id or name, the levels (0 to 50) and the direction. */
  focusWanted(): { text: string; depth: number; direction: Direction } {
    return {
      text: this.focusTask.value.trim(),
      depth: Math.max(0, Math.min(50, Number(this.focusDepth.value) || 0)),
      direction: this.focusDirection.value as Direction,
    };
  }
}
