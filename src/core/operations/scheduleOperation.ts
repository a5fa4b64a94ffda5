import * as l10n from '@vscode/l10n';
import { scheduleSchema, type Schedule } from '../model/taskSchema';
import { checkSchedule } from '../model/scheduleRules';
import type { DocEdit } from './taskDocument';
import { change, fail, skip, type TaskOperation } from './taskOperation';
import { recordIdentity } from './operationCatalog';

/** Fields that describe when a task runs; a basic-scheduling change overwrites all of them. */
const BASIC_FIELDS = ['method', 'cycle', 'start', 'end', 'interval', 'time', 'weekdays', 'days', 'months'] as const;
const START_TIME_CYCLES = new Set(['day', 'week', 'month']);

export interface ScheduleSettings {
  /** Basic scheduling: method, cycle and the cycle's fields; absent leaves basic scheduling alone. */
  basic?: Partial<Pick<Schedule, (typeof BASIC_FIELDS)[number]>>;
  /** Conditional scheduling; absent leaves it alone. */
  conditional?: { enabled: boolean; startTime?: string };
  /** The dates the schedule is effective between (YYYY-MM-DD); a side not given stays as it is. */
  effective?: { from?: string; to?: string };
}

/**
 * Batch scheduling configuration: overwrites the selected auto-triggered tasks' basic and/or
 * conditional scheduling. Switching to dry-run or paused turns conditional scheduling off; conditional
 * scheduling needs the normal method; its start time only exists for day, week and month cycles.
 */
export function configureScheduleOperation(settings: ScheduleSettings): TaskOperation {
  if (!settings.basic && !settings.conditional && !settings.effective) throw new Error('choose basic scheduling, conditional scheduling, effective dates, or any of them');
  if (settings.basic?.method === 'one-time') throw new Error('batch scheduling configuration applies to auto-triggered tasks; it cannot make them one-time');
  return {
    ...recordIdentity('configureSchedule'),
    title: 'Batch Scheduling Configuration',
    parameters: { ...settings },
    decide(task) {
      const current = task.data.schedule;
      if (current.method === 'one-time') return skip(l10n.t('a one-time task is not auto-triggered'));
      const next: Record<string, unknown> = { ...current };
      if (settings.basic) {
        for (const field of BASIC_FIELDS) delete next[field];
        Object.assign(next, { method: current.method }, settings.basic);
      }
      const method = next.method as Schedule['method'];
      const wasConditional = current.conditional?.enabled === true;
      let conditional = current.conditional ? { ...current.conditional } : undefined;
      // Only the keys the operation sets are written: the task's own conditions (Dataphin's) stay as written.
      let conditionalChanged: Record<string, unknown> | undefined;
      const notes: string[] = [];
      if (settings.conditional) {
        if (settings.conditional.enabled && method !== 'normal') return fail(l10n.t('conditional scheduling applies only to normal scheduling (the method would be {0})', method));
        if (settings.conditional.startTime !== undefined && !START_TIME_CYCLES.has(String(next.cycle))) {
          return fail(l10n.t('a conditional start time applies only to day, week and month cycles (the cycle would be {0})', String(next.cycle)));
        }
        // On and off, and its start time; the task's own conditions (Dataphin's) stay as they are.
        conditional = { logic: 'and', conditions: [], ...current.conditional, ...settings.conditional };
        conditionalChanged = { ...settings.conditional };
      }
      if ((method === 'dry-run' || method === 'paused') && conditional?.enabled) {
        conditional = { ...conditional, enabled: false };
        conditionalChanged = { ...conditionalChanged, enabled: false };
        notes.push(`conditional scheduling disabled (${method})`);
      }
      if (conditional) next.conditional = conditional;
      const effective = settings.effective ? { ...current.effective, ...settings.effective } : undefined;
      if (effective) next.effective = effective;
      if (effective?.from && effective.to && effective.from > effective.to) return fail(l10n.t('the effective dates would end ({0}) before they start ({1})', effective.to, effective.from));
      const parsed = scheduleSchema.safeParse(next);
      if (!parsed.success) return fail(l10n.t('the resulting schedule is invalid: {0}', parsed.error.issues[0]?.message ?? 'unknown error'));
      const error = checkSchedule(parsed.data).find((p) => p.severity === 'error');
      if (error) return fail(l10n.t('the resulting schedule is impossible: {0}', error.message));
      const summary = [
        settings.basic ? `schedule ${describe(current)} → ${describe(parsed.data)}` : '',
        settings.conditional ? `conditional ${wasConditional ? 'on' : 'off'} → ${conditional?.enabled ? 'on' : 'off'}` : '',
        effective ? `effective ${current.effective?.from ?? '…'}..${current.effective?.to ?? '…'} → ${effective.from ?? '…'}..${effective.to ?? '…'}` : '',
        ...notes,
      ].filter(Boolean).join('; ');
      return change(summary, {
        kind: 'edit',
        edits: [
          ...(settings.basic
            ? BASIC_FIELDS.flatMap((field): DocEdit[] => {
                const value = (settings.basic as Record<string, unknown>)[field];
                if (value !== undefined) return [{ path: ['schedule', field], value }];
                return field !== 'method' ? [{ path: ['schedule', field], delete: true }] : [];
              })
            : []),
          ...Object.entries(conditionalChanged ?? {}).map(([key, value]): DocEdit => ({ path: ['schedule', 'conditional', key], value })),
          ...(effective ? [{ path: ['schedule', 'effective'], value: effective }] : []),
        ],
      });
    },
  };
}

function describe(s: Schedule): string {
  return `${s.method} ${s.cycle ?? ''}`.trim();
}
