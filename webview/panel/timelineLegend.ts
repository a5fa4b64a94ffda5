import * as l10n from '@vscode/l10n';
import { h } from './dom';

/** The timeline's legend: the kinds' colours, and what each line style means. */
export function timelineLegend(): HTMLElement {
  return h(
    'span',
    { class: 'legend', 'aria-label': l10n.t('Legend') },
    h('span', { class: 'swatch normal' }),
    l10n.t('Normal'),
    h('span', { class: 'swatch dry-run' }),
    l10n.t('Dry-run'),
    h('span', { class: 'swatch paused' }),
    l10n.t('Paused'),
    h('span', { class: 'swatch blocked' }),
    l10n.t('Blocked'),
    h('span', { class: 'line dashed' }),
    l10n.t('Cross-cycle'),
    h('span', { class: 'line whisker' }),
    'p90',
    h('span', { class: 'line deadline' }),
    l10n.t('Baseline'),
  );
}
