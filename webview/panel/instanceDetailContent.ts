import * as l10n from '@vscode/l10n';
import type { WebviewMessage } from '../../src/core/panel/panelProtocol';
import type { InstanceDetail } from '../../src/core/timeline/timelineRequest';
import { displayStamp } from '../../src/core/time/civilTime';
import { h } from './dom';
import { clock } from './timelineViewport';

/**
 * The detail pane's content for one instance: its times and why it starts then, its actions, its
 * parameters, and its upstream, downstream and critical path, each a link to select that instance.
 */
export function instanceDetailContent(detail: InstanceDetail, select: (index: number) => void, post: (message: WebviewMessage) => void): HTMLElement[] {
  // Each instance by its task's name and scheduled time; the id stays in the tooltip.
  const link = (item: { index?: number; id: string; name: string; at: string }, extra = '') => {
    const text = `${item.name} · ${displayStamp(item.at)}`;
    return item.index === undefined
      ? h('li', { title: item.id }, l10n.t('{0} (not shown)', `${text}${extra}`))
      : h('li', { title: item.id }, h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), select(item.index!)) }, text), extra);
  };
  const times = detail.blocked ? l10n.t('Will not run: {0}', detail.blocked.replace('-', ' ')) : l10n.t('Predicted {0} – {1}', clock(detail.start!), clock(detail.end!));
  const params = Object.entries(detail.params);
  return [
    h('h2', {}, detail.name),
    h('p', { class: 'meta' }, `${displayStamp(detail.scheduledAt)} · ${detail.kind} · ${times}`),
    h('p', { class: 'why' }, detail.explanation),
    h(
      'div',
      { class: 'detail-actions' },
      h('vscode-button', { icon: 'go-to-file', onclick: () => post({ type: 'openTask', id: detail.task }) }, l10n.t('Open Task')),
      h('vscode-button', { secondary: true, icon: 'target', onclick: () => post({ type: 'revealTask', id: detail.task }) }, l10n.t('Reveal in Tree')),
      h('vscode-button', { secondary: true, icon: 'pulse', onclick: () => post({ type: 'rowAction', action: 'ops', id: detail.task }) }, l10n.t('Go to O&M')),
      h('vscode-button', { secondary: true, icon: 'history', onclick: () => post({ type: 'rowAction', action: 'backfill', id: detail.task }) }, l10n.t('Backfill…')),
    ),
    h('h3', {}, l10n.t('Parameters')),
    params.length ? h('dl', { class: 'params' }, ...params.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : h('p', { class: 'hint' }, l10n.t('None')),
    h('h3', {}, l10n.t('Upstream ({0})', detail.upstream.length)),
    h('ul', { class: 'upstream' }, ...detail.upstream.map((u) => link(u, u.crossCycle ? ` · ${l10n.t('cross-cycle')}` : ''))),
    h('h3', {}, l10n.t('Downstream ({0})', detail.downstream.length)),
    h('ul', { class: 'downstream' }, ...detail.downstream.map((d) => link(d, d.crossCycle ? ` · ${l10n.t('cross-cycle')}` : ''))),
    h('h3', {}, l10n.t('Critical path')),
    h('ol', { class: 'critical' }, ...detail.criticalPath.map((c) => link(c))),
  ];
}
