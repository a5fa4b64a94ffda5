import type { TaskListFacets } from '../../src/core/taskList/taskListFacets';
import type { TaskListQuery } from '../../src/core/taskList/taskListQuery';
import { h } from './dom';

type Choice = [value: string, label: string];

const METHODS: Choice[] = [['normal', 'Normal'], ['dry-run', 'Dry-run'], ['paused', 'Paused'], ['one-time', 'One-time']];
const SUBMISSIONS: Choice[] = [['submitting', 'Submitting'], ['succeeded', 'Submission succeeded'], ['failed', 'Submission failed'], ['warning', 'Succeeded with warning'], ['none', 'Never submitted']];
const STATUSES: Choice[] = [['draft', 'Draft'], ['developing', 'Developing'], ['submitting', 'Submitting'], ['submitted', 'Submitted']];
const CYCLES: Choice[] = [['minute', 'Minute'], ['hour', 'Hour'], ['day', 'Day'], ['week', 'Week'], ['month', 'Month'], ['year', 'Year']];
const TRISTATE: Choice[] = [['any', 'Any'], ['yes', 'Yes'], ['no', 'No']];
const CONDITIONAL: Choice[] = [['any', 'Any'], ['yes', 'Enabled'], ['no', 'Disabled']];
const MODIFIED: Choice[] = [['any', 'Any time'], ['3d', 'Last 3 days'], ['7d', 'Last 7 days'], ['1m', 'Last month'], ['custom', 'Custom range']];

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
    this.element = h('section', { class: 'filters', 'aria-label': 'Filters' });
  }

  /** Builds the controls with the workspace's values; keeps the query's values selected. */
  render(facets: TaskListFacets, query: TaskListQuery): void {
    this.folders = facets.folders;
    this.element.replaceChildren(
      this.multiSelect('types', 'Task type', plain(facets.types)),
      this.multiSelect('methods', 'Scheduling method', METHODS),
      this.multiSelect('owners', 'Development owner', plain(facets.owners)),
      this.multiSelect('submissions', 'Last submission status', SUBMISSIONS),
      this.textField('outputTable', 'Output table', 'Table name contains…'),
      this.dateRange('created', 'Created at'),
      this.multiSelect('templates', 'Referenced template', plain(facets.templates)),
      this.multiSelect('statuses', 'Task status', STATUSES),
      this.multiSelect('cycles', 'Recurrence', CYCLES),
      this.multiSelect('opsOwners', 'O&M owner', plain(facets.opsOwners)),
      this.singleSelect('published', 'Published', TRISTATE),
      this.singleSelect('conditional', 'Conditional scheduling', CONDITIONAL),
      this.modified(),
      this.multiSelect('tags', 'Tags', plain(facets.tags)),
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
      const control = h('vscode-textfield', { id: `filter-${key}-${end}`, type: 'date', 'aria-label': `${label}: ${end}` }) as Control;
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
    const select = this.singleSelect('modified', 'Last modified', MODIFIED);
    const [from, to] = this.dateInputs('modifiedRange', 'Last modified');
    select.append(h('div', { class: 'range custom-range', hidden: true }, from, h('span', {}, '–'), to));
    return select;
  }

  private folder(): HTMLElement {
    const id = 'filter-folder';
    const control = h(
      'vscode-single-select',
      { id, label: 'Location folder', 'aria-label': 'Location folder', combobox: true },
      h('vscode-option', { value: ANY_FOLDER }, 'Any folder'),
      ...this.folders.map((f, i) => h('vscode-option', { value: String(i) }, `${f.project}/${f.path}`)),
    ) as Control;
    this.includeSubfolders = h('vscode-checkbox', { label: 'Include subfolders' }) as HTMLElement & { checked: boolean };
    const emit = () => {
      const chosen = this.folders[Number(control.value)];
      this.emit({ folder: control.value === ANY_FOLDER || !chosen ? undefined : { projectDir: chosen.projectDir, path: chosen.path, includeSubfolders: this.includeSubfolders.checked } });
    };
    control.addEventListener('change', emit);
    this.includeSubfolders.addEventListener('change', emit);
    this.single.set('folder', control);
    return h('div', { class: 'filter' }, h('vscode-label', { for: id }, 'Location folder'), control, this.includeSubfolders);
  }
}

function plain(values: string[]): Choice[] {
  return values.map((v) => [v, v]);
}
