import * as l10n from '@vscode/l10n';
import type { RowAction } from '../../src/core/panel/panelProtocol';
import { OPERATIONS } from '../../src/core/operations/operationCatalog';
import { localCommandTitle } from '../../src/core/operations/operationNames';
import { h } from './dom';

/** The row's "More" menu: the catalog's row operations that ask first (Acquire Lock is a button). */
const moreActions = (): [RowAction, string][] => [
  ['ops', l10n.t('Go to O&M')],
  ['backfill', l10n.t('Backfill…')],
  ['clone', l10n.t('Clone Task…')],
  ...OPERATIONS.filter((o) => o.onRow && o.asks).map((o): [RowAction, string] => [o.key, localCommandTitle(o)]),
];

/** A row's "More actions" menu, opened under its button (or, from the keyboard, under the row). */
export class RowMenu {
  readonly element = h('vscode-context-menu', { class: 'row-menu' }) as HTMLElement & { data: unknown; show: boolean };
  private task = '';

  constructor(chosen: (action: RowAction, task: string) => void) {
    this.element.addEventListener('vsc-context-menu-select', (e) => chosen((e as CustomEvent<{ value: string }>).detail.value as RowAction, this.task));
  }

  open(task: string, anchor: HTMLElement, within: HTMLElement): void {
    this.task = task;
    const box = anchor.getBoundingClientRect();
    const host = within.getBoundingClientRect();
    this.element.style.left = `${Math.max(0, box.right - host.left - 260)}px`;
    this.element.style.top = `${box.bottom - host.top}px`;
    this.element.data = moreActions().map(([value, label]) => ({ label, value }));
    this.element.show = true;
    this.element.focus();
  }
}
