import * as l10n from '@vscode/l10n';
import type { BatchAction, HostMessage, WebviewMessage } from '../../src/core/panel/panelProtocol';
import { OPERATIONS } from '../../src/core/operations/operationCatalog';
import { operationShortLabel } from '../../src/core/operations/operationNames';
import { formatCount } from './countText';
import { h } from './dom';

/** What the selection needs of the list: to talk to the host, to save it, and to redraw the ticks. */
export interface ListSelectionHost {
  post(message: WebviewMessage): void;
  saved(ids: string[]): void;
  ticksChanged(): void;
}

/**
 * The list's selection of tasks, kept across filters (as the console keeps it), and its bar: the
 * count, how many the filters hide, a button per batch operation, and Clear Selection. Tasks deleted
 * meanwhile leave it when the host says so.
 */
export class ListSelection {
  readonly bar = h('div', { class: 'selection-bar', role: 'toolbar', 'aria-label': l10n.t('Batch operations on the selected tasks'), hidden: true });
  private readonly count = h('span', { class: 'selected-count', role: 'status' });
  private readonly ids: Set<string>;
  /** How many selected tasks the current filters hide (the host counts them after each query). */
  private hidden = 0;
  private selectAllSeq = -1;
  private pruning: string[] = [];
  private pruneAgain = false;

  constructor(initial: readonly string[], private readonly list: ListSelectionHost) {
    this.ids = new Set(initial);
    this.render();
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  toggle(id: string, on: boolean): void {
    if (on) this.ids.add(id);
    else this.ids.delete(id);
    this.changed();
  }

  /** Every task the current query matches: the host answers with their ids. */
  selectAll(seq: number): void {
    this.selectAllSeq = seq;
    this.list.post({ type: 'selectAll', seq });
  }

  clear(): void {
    this.ids.clear();
    this.changed();
  }

  /** The files or the filters changed: ask which selected tasks still exist and how many are hidden. */
  prune(): void {
    if (!this.ids.size) return;
    // One question at a time: an answer is about the ids it was asked, so a second waits for it.
    if (this.pruning.length) return void (this.pruneAgain = true);
    this.pruning = [...this.ids];
    this.list.post({ type: 'pruneSelection', ids: this.pruning });
  }

  /** The host's answers about the selection; false for any other message. */
  receive(message: HostMessage): boolean {
    if (message.type === 'selectionPruned') {
      // Only what was asked about can go: a row ticked meanwhile stays.
      const kept = new Set(message.ids);
      for (const id of this.pruning) if (!kept.has(id)) this.ids.delete(id);
      this.pruning = [];
      this.hidden = message.hidden;
      this.changed();
      if (this.pruneAgain) {
        this.pruneAgain = false;
        this.prune();
      }
      return true;
    }
    if (message.type === 'selection') {
      if (message.seq === this.selectAllSeq) {
        message.ids.forEach((id) => this.ids.add(id));
        this.changed();
      }
      return true;
    }
    return false;
  }

  private changed(): void {
    this.list.saved([...this.ids]);
    this.list.ticksChanged();
    this.render();
  }

  /** The bar's buttons are built when something is first selected; after that only its count changes. */
  private render(): void {
    const n = this.ids.size;
    this.bar.hidden = n === 0;
    if (n > 0 && !this.bar.hasChildNodes()) {
      this.bar.append(
        this.count,
        ...OPERATIONS.map((o) => h('vscode-button', { secondary: true, 'data-action': o.key, onclick: () => this.list.post({ type: 'batchAction', action: o.key as BatchAction, ids: [...this.ids] }) }, operationShortLabel(o.key))),
        h('vscode-button', { secondary: true, icon: 'close', onclick: () => this.clear() }, l10n.t('Clear Selection')),
      );
    }
    const hidden = n > 0 ? this.hidden : 0;
    this.count.textContent = hidden ? l10n.t('{0} selected · {1} hidden by the filters', formatCount(n), formatCount(hidden)) : l10n.t('{0} selected', formatCount(n));
  }
}
