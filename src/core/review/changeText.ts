import type { ScheduleChange } from './scheduleDiff';

/** `HH:mm` of an instance id's scheduled time (`<task>@YYYY-MM-DDTHH:mm`). */
export function instanceClock(instance: string): string {
  return instance.slice(instance.indexOf('@') + 12);
}

/** One schedule change in words, as the terminal and the editor's Schedule Changes view say it. */
export function changeText(c: ScheduleChange): string {
  const d = c.detail as Record<string, string | number | null | string[]>;
  const at = c.instance ? instanceClock(c.instance) : '';
  switch (c.kind) {
    case 'instance-added':
      return `+ instance ${at} (${d.kind})`;
    case 'instance-removed':
      return `- instance ${at} (${d.kind})`;
    case 'edge-added':
      return `${at} now waits for ${d.name} ${String(d.at).slice(11)}`;
    case 'edge-removed':
      return `${at} no longer waits for ${d.name} ${String(d.at).slice(11)}`;
    case 'param-changed':
      return `${at} parameter ${d.name}: ${d.before ?? '(none)'} → ${d.after ?? '(none)'}`;
    case 'timing-moved':
      return `${at} predicted ${d.startBefore ?? '—'}–${d.endBefore ?? '—'} → ${d.startAfter ?? '—'}–${d.endAfter ?? '—'}${typeof d.endMovedMinutes === 'number' ? ` (${d.endMovedMinutes > 0 ? '+' : ''}${d.endMovedMinutes} min)` : ''}`;
    case 'closure-changed':
      return `downstream closure: ${[...(d.added as string[]).map((n) => `+${n}`), ...(d.removed as string[]).map((n) => `-${n}`)].join(', ')}`;
  }
}
