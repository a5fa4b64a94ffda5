import * as l10n from '@vscode/l10n';
import { instanceKindText as kindText } from '../engine/instanceKindText';
import type { ScheduleChange } from './scheduleDiff';

/** `HH:mm` of an instance id's scheduled time (`<task>@YYYY-MM-DDTHH:mm`). */
export function instanceClock(instance: string): string {
  return instance.slice(instance.indexOf('@') + 12);
}

/** One schedule change in words, as the terminal and the editor's Schedule Changes view say it. */
export function changeText(c: ScheduleChange): string {
  const d = c.detail as Record<string, string | number | null | string[]>;
  const at = c.instance ? instanceClock(c.instance) : '';
  const none = l10n.t('(none)');
  switch (c.kind) {
    case 'instance-added':
      return `+ ${l10n.t('instance {0} ({1})', at, kindText(String(d.kind)))}`;
    case 'instance-removed':
      return `- ${l10n.t('instance {0} ({1})', at, kindText(String(d.kind)))}`;
    case 'edge-added':
      return l10n.t('{0} now waits for {1} {2}', at, String(d.name), String(d.at).slice(11));
    case 'edge-removed':
      return l10n.t('{0} no longer waits for {1} {2}', at, String(d.name), String(d.at).slice(11));
    case 'param-changed':
      return l10n.t('{0} parameter {1}: {2} → {3}', at, String(d.name), d.before === null || d.before === undefined ? none : String(d.before), d.after === null || d.after === undefined ? none : String(d.after));
    case 'timing-moved': {
      const moved = typeof d.endMovedMinutes === 'number' ? ` (${l10n.t('{0} min', `${d.endMovedMinutes > 0 ? '+' : ''}${d.endMovedMinutes}`)})` : '';
      return `${l10n.t('{0} predicted {1} → {2}', at, `${d.startBefore ?? '—'}–${d.endBefore ?? '—'}`, `${d.startAfter ?? '—'}–${d.endAfter ?? '—'}`)}${moved}`;
    }
    case 'closure-changed':
      return l10n.t('downstream closure: {0}', [...(d.added as string[]).map((n) => `+${n}`), ...(d.removed as string[]).map((n) => `-${n}`)].join(', '));
  }
}
