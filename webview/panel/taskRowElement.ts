import * as l10n from '@vscode/l10n';
import type { RowAction } from '../../src/core/panel/panelProtocol';
import type { ColumnId } from '../../src/core/taskList/taskListColumns';
import type { TaskRow } from '../../src/core/taskList/taskRow';
import { h } from './dom';
import { cellText } from './taskCells';

/** The buttons each row carries, before its "More" menu: action, codicon, label. */
const rowButtons = (): [RowAction, string, string][] => [
  ['open', 'go-to-file', l10n.t('Open task')],
  ['acquireLock', 'lock', l10n.t('Acquire edit lock')],
  ['reveal', 'target', l10n.t('Locate in tree')],
  ['timeline', 'calendar', l10n.t('Go to the day\'s schedule')],
];

/**
 * A row's cells for these columns, empty; `fillRowElement` gives it a task. Native inputs and buttons,
 * styled with the theme's variables: a fraction of a web component's cost, for rows rebuilt as they scroll.
 */
export function createRowElement(columns: readonly ColumnId[], template: string): HTMLElement {
  const el = h(
    'div',
    { class: 'grid-row', role: 'row' },
    h('div', { role: 'gridcell', class: 'cell check' }, h('input', { type: 'checkbox', class: 'row-check', tabindex: '-1' })),
    ...columns.map((id) => h('div', { role: 'gridcell', class: `cell ${id}`, 'data-column': id }, id === 'name' ? h('a', { href: '#', tabindex: '-1' }) : null)),
    h(
      'div',
      { role: 'gridcell', class: 'cell actions' },
      ...rowButtons().map(([action, icon, label]) => h('button', { type: 'button', class: `row-action codicon codicon-${icon}`, 'data-action': action, 'data-label': label, title: label, tabindex: '-1' })),
      h('button', { type: 'button', class: 'row-action codicon codicon-ellipsis', 'data-action': 'more', 'data-label': l10n.t('More actions'), title: l10n.t('More actions'), tabindex: '-1' }),
    ),
  );
  el.style.gridTemplateColumns = template;
  return el;
}

/** Shows a task (or, while its page of rows is on its way, "Loading…") in a row element. */
export function fillRowElement(el: HTMLElement, index: number, row: TaskRow | undefined, selected: boolean, active: boolean): void {
  el.id = `row-${index}`;
  el.dataset.index = String(index);
  el.setAttribute('aria-rowindex', String(index + 2));
  el.classList.toggle('active', active);
  el.classList.toggle('loading', !row);
  const box = el.querySelector<HTMLInputElement>('input.row-check')!;
  if (!row) {
    delete el.dataset.task;
    el.removeAttribute('aria-selected');
    box.checked = false;
    for (const cell of el.querySelectorAll<HTMLElement>('[data-column]')) (cell.firstElementChild ?? cell).textContent = cell.dataset.column === 'name' ? l10n.t('Loading…') : '';
    return;
  }
  el.dataset.task = row.id;
  el.setAttribute('aria-selected', String(selected));
  box.checked = selected;
  box.setAttribute('aria-label', l10n.t('Select {0}', row.name));
  for (const cell of el.querySelectorAll<HTMLElement>('[data-column]')) {
    const column = cell.dataset.column as ColumnId;
    if (column === 'name') cell.firstElementChild!.textContent = row.name;
    else cell.textContent = cellText(row, column);
  }
  for (const button of el.querySelectorAll<HTMLElement>('button.row-action')) button.setAttribute('aria-label', `${button.dataset.label}: ${row.name}`);
}

/** What a click on a row asks for. */
export interface RowEventHandlers {
  tick(task: string, checked: boolean): void;
  more(task: string, button: HTMLElement): void;
  action(action: RowAction, task: string): void;
  activate(index: number): void;
}

/**
 * One set of listeners on the rows' container, for every row, whichever task it shows now: the tick,
 * a row button, "More", the name (or a double click) to open, and a click elsewhere to make it active.
 */
export function listenToRowEvents(rows: HTMLElement, on: RowEventHandlers): void {
  const rowOf = (e: Event) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.grid-row');
    return el?.dataset.task ? { id: el.dataset.task, index: Number(el.dataset.index) } : undefined;
  };
  rows.addEventListener('change', (e) => {
    const row = rowOf(e);
    if (row && (e.target as HTMLElement).matches('input.row-check')) on.tick(row.id, (e.target as HTMLInputElement).checked);
  });
  rows.addEventListener('click', (e) => {
    const row = rowOf(e);
    if (!row) return;
    const target = e.target as HTMLElement;
    const button = target.closest<HTMLElement>('button.row-action');
    if (button?.dataset.action === 'more') on.more(row.id, button);
    else if (button) on.action(button.dataset.action as RowAction, row.id);
    else if (target.closest('a')) {
      e.preventDefault();
      on.action('open', row.id);
    } else if (!target.closest('input')) on.activate(row.index);
  });
  rows.addEventListener('dblclick', (e) => {
    const row = rowOf(e);
    if (row && !(e.target as HTMLElement).closest('input, button, a')) on.action('open', row.id);
  });
}
