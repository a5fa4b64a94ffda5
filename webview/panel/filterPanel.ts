import * as l10n from '@vscode/l10n';
import type { TaskListFacets } from '../../src/core/taskList/taskListFacets';
import type { TaskListQuery } from '../../src/core/taskList/taskListQuery';
import { h } from './dom';

type Choice = [value: string, label: string];

const METHODS: Choice[] = [['normal', l10n.t('Normal')], ['dry-run', l10n.t('Dry-run')], ['paused', l10n.t('Paused')], ['one-time', l10n.t('One-time')]];
const SUBMISSIONS: Choice[] = [['submitting', l10n.t('Submitting')], ['succeeded', l10n.t('Submission succeeded')], ['failed', l10n.t('Submission failed')], ['warning', l10n.t('Succeeded with warning')], ['none', l10n.t('Never submitted')]];
const STATUSES: Choice[] = [['draft', l10n.t('Draft')], ['developing', l10n.t('Developing')], ['submitting', l10n.t('Submitting')], ['submitted', l10n.t('Submitted')]];
const CYCLES: Choice[] = [['minute', l10n.t('Minute')], ['hour', l10n.t('Hour')], ['day', l10n.t('Day')], ['week', l10n.t('Week')], ['month', l10n.t('Month')], ['year', l10n.t('Year')]];
const TRISTATE: Choice[] = [['any', l10n.t('Any')], ['yes', l10n.t('Yes')], ['no', l10n.t('No')]];
const CONDITIONAL: Choice[] = [['any', l10n.t('Any')], ['yes', l10n.t('Enabled')], ['no', l10n.t('Disabled')]];
const MODIFIED: Choice[] = [['any', l10n.t('Any time')], ['3d', l10n.t('Last 3 days')], ['7d', l10n.t('Last 7 days')], ['1m', l10n.t('Last month')], ['custom', l10n.t('Custom range')]];

const ANY_FOLDER = 'any';

type MultiKey = 'types' | 'methods' | 'owners' | 'submissions' | 'templates' | 'statuses' | 'cycles' | 'opsOwners' | 'tags';
type Control = HTMLElement & { value: string | string[] };

/** The filter criteria of the Dataphin task list, as labelled controls; reports each change as a partial query. */
export class FilterPanel {
  readonly element: HTMLElement;
  private readonly multi = new Map<MultiKey, Control>();
  private readonly single = new Map<string, Control>();
  private readonly fields = new Map<string, Control>();
  private includeSubfolders!: HTMLElement & { checked: boolean };
  private folders: TaskListFacets['folders'] = [];
  private syncing = false;

  constructor(private readonly onChange: (change: Partial<TaskListQuery>) => void) {
    this.element = h('section', { class: 'filters', 'aria-label': l10n.t('Filters') });
  }

  /** Builds the controls with the workspace's values; keeps the query's values selected. */
  render(facets: TaskListFacets, query: TaskListQuery): void {
    this.folders = facets.folders;
    this.element.replaceChildren(
      this.multiSelect('types', l10n.t('Task type'), plain(facets.types)),
      this.multiSelect('methods', l10n.t('Scheduling method'), METHODS),
      this.multiSelect('owners', l10n.t('Development owner'), plain(facets.owners)),
      this.multiSelect('submissions', l10n.t('Last submission status'), SUBMISSIONS),
      this.textField('outputTable', l10n.t('Output table'), l10n.t('Table name contains…')),
      this.dateRange('created', l10n.t('Created at')),
      this.multiSelect('templates', l10n.t('Referenced template'), plain(facets.templates)),
      this.multiSelect('statuses', l10n.t('Task status'), STATUSES),
      this.multiSelect('cycles', l10n.t('Recurrence'), CYCLES),
      this.multiSelect('opsOwners', l10n.t('O&M owner'), plain(facets.opsOwners)),
      this.singleSelect('published', l10n.t('Published'), TRISTATE),
      this.singleSelect('conditional', l10n.t('Conditional scheduling'), CONDITIONAL),
      this.modified(),
      this.multiSelect('tags', l10n.t('Tags'), plain(facets.tags)),
      this.folder(),
    );
    this.sync(query);
  }

  /** Shows a query's values (after Reset or a restore) without reporting them as changes. */
  sync(query: TaskListQuery): void {
    this.syncing = true;
    for (const [key, control] of this.multi) control.value = [...query[key]];
    this.single.get('published')!.value = query.published;
    this.single.get('conditional')!.value = query.conditional;
    this.single.get('modified')!.value = query.modified;
    this.fields.get('outputTable')!.value = query.outputTable;
    this.fields.get('created.from')!.value = query.created.from ?? '';
    this.fields.get('created.to')!.value = query.created.to ?? '';
    this.fields.get('modifiedRange.from')!.value = query.modifiedRange.from ?? '';
    this.fields.get('modifiedRange.to')!.value = query.modifiedRange.to ?? '';
    this.element.querySelector('.custom-range')?.toggleAttribute('hidden', query.modified !== 'custom');
    const folder = query.folder;
    this.single.get('folder')!.value = folder ? String(this.folders.findIndex((f) => f.projectDir === folder.projectDir && f.path === folder.path)) : ANY_FOLDER;
    this.includeSubfolders.checked = folder?.includeSubfolders ?? false;
    this.syncing = false;
  }

  private emit(change: Partial<TaskListQuery>): void {
    if (!this.syncing) this.onChange(change);
  }

  private field(id: string, label: string, control: HTMLElement): HTMLElement {
    return h('div', { class: 'filter' }, h('vscode-label', { for: id }, label), control);
  }

  private multiSelect(key: MultiKey, label: string, choices: Choice[]): HTMLElement {
    const id = `filter-${key}`;
    const control = h('vscode-multi-select', { id, label, 'aria-label': label, combobox: choices.length > 8 }, ...choices.map(([value, text]) => h('vscode-option', { value }, text))) as Control;
    control.addEventListener('change', () => this.emit({ [key]: [...(control.value as string[])] }));
    this.multi.set(key, control);
    return this.field(id, label, control);
  }

  private singleSelect(key: 'published' | 'conditional' | 'modified', label: string, choices: Choice[]): HTMLElement {
    const id = `filter-${key}`;
    const control = h('vscode-single-select', { id, label, 'aria-label': label }, ...choices.map(([value, text]) => h('vscode-option', { value }, text))) as Control;
    control.addEventListener('change', () => {
      if (key === 'modified') this.element.querySelector('.custom-range')?.toggleAttribute('hidden', control.value !== 'custom');
      this.emit({ [key]: control.value } as Partial<TaskListQuery>);
    });
    this.single.set(key, control);
    return this.field(id, label, control);
  }

  private textField(key: 'outputTable', label: string, placeholder: string): HTMLElement {
    const id = `filter-${key}`;
    const control = h('vscode-textfield', { id, placeholder, 'aria-label': label }) as Control;
    control.addEventListener('input', () => this.emit({ [key]: control.value as string }));
    this.fields.set(key, control);
    return this.field(id, label, control);
  }

  private dateInputs(key: 'created' | 'modifiedRange', label: string): HTMLElement[] {
    return (['from', 'to'] as const).map((end) => {
      const control = h('vscode-textfield', { id: `filter-${key}-${end}`, type: 'date', 'aria-label': `${label}: ${end === 'from' ? l10n.t('from') : l10n.t('to')}` }) as Control;
      control.addEventListener('change', () => {
        const from = this.fields.get(`${key}.from`)!.value as string;
        const to = this.fields.get(`${key}.to`)!.value as string;
        this.emit({ [key]: { ...(from ? { from } : {}), ...(to ? { to } : {}) } });
      });
      this.fields.set(`${key}.${end}`, control);
      return control;
    });
  }

  private dateRange(key: 'created', label: string): HTMLElement {
    const [from, to] = this.dateInputs(key, label);
    return h('div', { class: 'filter', role: 'group', 'aria-label': label }, h('vscode-label', { for: `filter-${key}-from` }, label), h('div', { class: 'range' }, from, h('span', {}, '–'), to));
  }

  private modified(): HTMLElement {
    const select = this.singleSelect('modified', l10n.t('Last modified'), MODIFIED);
    const [from, to] = this.dateInputs('modifiedRange', l10n.t('Last modified'));
    select.append(h('div', { class: 'range custom-range', hidden: true }, from, h('span', {}, '–'), to));
    return select;
  }

  private folder(): HTMLElement {
    const id = 'filter-folder';
    const control = h(
      'vscode-single-select',
      { id, label: l10n.t('Location folder'), 'aria-label': l10n.t('Location folder'), combobox: true },
      h('vscode-option', { value: ANY_FOLDER }, l10n.t('Any folder')),
      ...this.folders.map((f, i) => h('vscode-option', { value: String(i) }, `${f.project}/${f.path}`)),
    ) as Control;
    this.includeSubfolders = h('vscode-checkbox', { label: l10n.t('Include subfolders') }) as HTMLElement & { checked: boolean };
    const emit = () => {
      const chosen = this.folders[Number(control.value)];
      this.emit({ folder: control.value === ANY_FOLDER || !chosen ? undefined : { projectDir: chosen.projectDir, path: chosen.path, includeSubfolders: this.includeSubfolders.checked } });
    };
    control.addEventListener('change', emit);
    this.includeSubfolders.addEventListener('change', emit);
    this.single.set('folder', control);
    return h('div', { class: 'filter' }, h('vscode-label', { for: id }, l10n.t('Location folder')), control, this.includeSubfolders);
  }
}

function plain(values: string[]): Choice[] {
  return values.map((v) => [v, v]);
}
