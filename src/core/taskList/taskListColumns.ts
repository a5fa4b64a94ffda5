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
  label: string;
  /** Shown until the user configures the header. */
  visible: boolean;
}

/** The list header, in display order; `name` always shows. */
export const COLUMNS: readonly ColumnDefinition[] = [
  { id: 'name', label: 'Task name', visible: true },
  { id: 'id', label: 'ID', visible: true },
  { id: 'type', label: 'Type', visible: true },
  { id: 'cycle', label: 'Recurrence', visible: true },
  { id: 'method', label: 'Scheduling method', visible: true },
  { id: 'owner', label: 'Development owner', visible: true },
  { id: 'opsOwner', label: 'O&M owner', visible: false },
  { id: 'status', label: 'Task status', visible: true },
  { id: 'published', label: 'Published', visible: true },
  { id: 'lastSubmission', label: 'Last submission', visible: false },
  { id: 'template', label: 'Template', visible: false },
  { id: 'tags', label: 'Tags', visible: false },
  { id: 'outputTables', label: 'Output tables', visible: false },
  { id: 'folder', label: 'Folder', visible: false },
  { id: 'conditional', label: 'Conditional scheduling', visible: false },
  { id: 'lockedBy', label: 'Edit lock', visible: true },
  { id: 'createdAt', label: 'Created at', visible: false },
  { id: 'updatedAt', label: 'Last modified', visible: true },
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
