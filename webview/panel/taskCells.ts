import { displayStamp } from '../../src/core/engine/civilTime';
import type { ColumnId } from '../../src/core/taskList/taskListColumns';
import type { TaskRow } from '../../src/core/taskList/taskRow';

export const COLUMN_WIDTHS: Record<ColumnId, string> = {
  name: 'minmax(180px, 2fr)',
  id: '70px',
  type: '70px',
  cycle: '95px',
  method: '115px',
  owner: '125px',
  opsOwner: '110px',
  status: '100px',
  published: '80px',
  lastSubmission: '150px',
  template: '120px',
  tags: 'minmax(120px, 1fr)',
  outputTables: 'minmax(140px, 1fr)',
  folder: 'minmax(140px, 1fr)',
  conditional: '100px',
  lockedBy: '90px',
  createdAt: '130px',
  updatedAt: '130px',
};

/** The narrowest the columns get before the list scrolls sideways: checkbox, columns, actions. */
export function minimumWidth(columns: readonly ColumnId[]): number {
  return 32 + 150 + columns.reduce((sum, c) => sum + Number(/(\d+)px/.exec(COLUMN_WIDTHS[c])![1]), 0);
}

const LABELS: Record<string, string> = {
  'dry-run': 'Dry-run',
  'one-time': 'One-time',
  succeeded: 'Succeeded',
  failed: 'Failed',
  warning: 'Succeeded with warning',
  submitting: 'Submitting',
  none: '—',
};

function capital(text: string): string {
  return LABELS[text] ?? (text ? text[0]!.toUpperCase() + text.slice(1) : '—');
}

/** A timestamp as the list shows it: date and minutes, in UTC like the files. */
function stamp(iso: string): string {
  return iso ? displayStamp(iso) : '—';
}

export function cellText(row: TaskRow, column: ColumnId): string {
  switch (column) {
    case 'cycle':
    case 'method':
    case 'status':
    case 'lastSubmission':
      return capital(row[column]);
    case 'published':
      return row.published ? 'Yes' : 'No';
    case 'conditional':
      return row.conditional ? 'Enabled' : 'Disabled';
    case 'tags':
    case 'outputTables':
      return row[column].join(', ') || '—';
    case 'folder':
      return `${row.project}/${row.folder}`;
    case 'createdAt':
    case 'updatedAt':
      return stamp(row[column]);
    case 'lockedBy':
      return row.lockedBy || '—';
    default:
      return row[column] || '—';
  }
}
