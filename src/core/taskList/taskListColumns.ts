import * as l10n from '@vscode/l10n';
import type { TaskRow } from './taskRow';

export const COLUMN_IDS = [
  'name',
  'id',
  'type',
  'cycle',
  'method',
  'owner',
  'opsOwner',
  'status',
  'published',
  'lastSubmission',
  'template',
  'tags',
  'outputTables',
  'folder',
  'conditional',
  'lockedBy',
  'createdAt',
  'updatedAt',
] as const;

export type ColumnId = (typeof COLUMN_IDS)[number];

export interface ColumnDefinition {
  id: ColumnId;
  /** In the user's language: read when shown, after the language is set. */
  readonly label: string;
  /** Shown until the user configures the header. */
  visible: boolean;
}

/** The list header, in display order; `name` always shows. */
export const COLUMNS: readonly ColumnDefinition[] = [
  { id: 'name', get label() { return l10n.t('Task name'); }, visible: true },
  { id: 'id', get label() { return l10n.t('ID'); }, visible: true },
  { id: 'type', get label() { return l10n.t('Type'); }, visible: true },
  { id: 'cycle', get label() { return l10n.t('Recurrence'); }, visible: true },
  { id: 'method', get label() { return l10n.t('Scheduling method'); }, visible: true },
  { id: 'owner', get label() { return l10n.t('Development owner'); }, visible: true },
  { id: 'opsOwner', get label() { return l10n.t('O&M owner'); }, visible: false },
  { id: 'status', get label() { return l10n.t('Task status'); }, visible: true },
  { id: 'published', get label() { return l10n.t('Published'); }, visible: true },
  { id: 'lastSubmission', get label() { return l10n.t('Last submission'); }, visible: false },
  { id: 'template', get label() { return l10n.t('Template'); }, visible: false },
  { id: 'tags', get label() { return l10n.t('Tags'); }, visible: false },
  { id: 'outputTables', get label() { return l10n.t('Output tables'); }, visible: false },
  { id: 'folder', get label() { return l10n.t('Folder'); }, visible: false },
  { id: 'conditional', get label() { return l10n.t('Conditional scheduling'); }, visible: false },
  { id: 'lockedBy', get label() { return l10n.t('Edit lock'); }, visible: true },
  { id: 'createdAt', get label() { return l10n.t('Created at'); }, visible: false },
  { id: 'updatedAt', get label() { return l10n.t('Last modified'); }, visible: true },
];

const CYCLE_ORDER: Record<string, number> = { '': 0, minute: 1, hour: 2, day: 3, week: 4, month: 5, year: 6 };

/** The value a column sorts by. */
export function sortKey(row: TaskRow, column: ColumnId): string | number {
  switch (column) {
    case 'cycle':
      return CYCLE_ORDER[row.cycle] ?? 0;
    case 'published':
    case 'conditional':
      return row[column] ? 1 : 0;
    case 'tags':
    case 'outputTables':
      return row[column].join(', ');
    case 'folder':
      return `${row.project}/${row.folder}`;
    default:
      return row[column];
  }
}
