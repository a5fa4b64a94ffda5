import './l10nSetup';
import * as l10n from '@vscode/l10n';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-context-menu/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import type { ProjectInfo } from '../../src/core/panel/panelProtocol';
import { h } from './dom';
import { hostChannel } from './hostChannel';
import { linkIconStylesheetAfterPaint } from './iconStylesheet';
import { localizeMultiSelectLabel } from './multiSelectLabel';
import { defaultQuery, initialResult, restoreState } from './panelState';
import { TaskListView } from './taskListView';
import { TimelineView } from './timelineView';

document.body.dataset.scriptAt = String(performance.timeOrigin + performance.now());
linkIconStylesheetAfterPaint();
localizeMultiSelectLabel();
const host = hostChannel();
const state = restoreState(host.loadState(), defaultQuery());
const save = () => host.saveState(state);
const list = new TaskListView(host, state, save);
const timelinePanel = h('vscode-tab-panel', {});
let projects: ProjectInfo[] = [];
let timelineView: TimelineView | undefined;
/** The timeline's controls are built when it is first needed, not on the list's first paint. */
function timeline(): TimelineView {
  if (!timelineView) {
    timelineView = new TimelineView(host, state, save);
    timelineView.setProjects(projects);
    timelinePanel.append(timelineView.element);
  }
  return timelineView;
}
const error = h('div', { class: 'error-banner', role: 'alert', hidden: true });

const TABS = ['list', 'timeline'] as const;
const tabs = h(
  'vscode-tabs',
  { 'selected-index': String(TABS.indexOf(state.tab)), 'aria-label': 'Nightshift' },
  h('vscode-tab-header', { slot: 'header', id: 'tab-list' }, l10n.t('Task List')),
  h('vscode-tab-panel', {}, list.element),
  h('vscode-tab-header', { slot: 'header', id: 'tab-timeline' }, l10n.t('Instance Timeline')),
  timelinePanel,
) as HTMLElement & { selectedIndex: number };
tabs.addEventListener('vsc-tabs-select', (e) => {
  state.tab = TABS[(e as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex] ?? 'list';
  save();
  if (state.tab === 'timeline') timeline().shown();
});

function showTab(tab: (typeof TABS)[number]): void {
  state.tab = tab;
  tabs.selectedIndex = TABS.indexOf(tab);
  save();
}

host.on((message) => {
  switch (message.type) {
    case 'init':
      projects = message.projects;
      timelineView?.setProjects(projects);
      document.getElementById('app')!.removeAttribute('aria-busy');
      if (state.tab === 'timeline') timeline().shown();
      return;
    case 'changed':
      projects = message.projects;
      timelineView?.setProjects(projects);
      list.requery();
      list.pruneSelection();
      timelineView?.reload();
      return;
    case 'facets':
      list.setFacets(message.facets);
      return;
    case 'showTimeline':
      showTab('timeline');
      timeline().show(message.request, message.compare);
      return;
    case 'timeline':
    case 'timelineChunk':
    case 'instance':
      timelineView?.receive(message);
      return;
    case 'error':
      error.textContent = message.message;
      error.hidden = false;
      setTimeout(() => (error.hidden = true), 8000);
      return;
    default:
      list.receive(message);
  }
});

host.post({ type: 'ready' });
document.getElementById('app')!.append(error, tabs);
// The rows need nothing from `init`: ask for them at once, and show the ones that came with the page.
list.start(initialResult());
