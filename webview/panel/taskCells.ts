import * as l10n from '@vscode/l10n';
import { displayStamp } from '../../src/core/time/civilTime';
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

/** A cycle, method, status or submission value as the list shows it, in the user's language. */
function valueLabel(value: string): string {
  switch (value) {
    case 'minute': return l10n.t('Minute');
    case 'hour': return l10n.t('Hour');
    case 'day': return l10n.t('Day');
    case 'week': return l10n.t('Week');
    case 'month': return l10n.t('Month');
    case 'year': return l10n.t('Year');
    case 'normal': return l10n.t('Normal');
    case 'dry-run': return l10n.t('Dry-run');
    case 'paused': return l10n.t('Paused');
    case 'one-time': return l10n.t('One-time');
    case 'draft': return l10n.t('Draft');
    case 'developing': return l10n.t('Developing');
    case 'submitting': return l10n.t('Submitting');
    case 'submitted': return l10n.t('Submitted');
    case 'succeeded': return l10n.t('Succeeded');
    case 'failed': return l10n.t('Failed');
    case 'warning': return l10n.t('Succeeded with warning');
    case '':
    case 'none': return '—';
    default: return value;
  }
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
      return valueLabel(row[column]);
    case 'published':
      return row.published ? l10n.t('Yes') : l10n.t('No');
    case 'conditional':
      return row.conditional ? l10n.t('Enabled') : l10n.t('Disabled');
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
