import { z } from 'zod';

/**
 * Users write ids unquoted as often as quoted; an id is a string either way. A number YAML would read
 * as another id (`001` as 1) is refused by idSpellingProblems, which sees how it was written.
 */
const taskIdSchema = z.union([z.string().min(1), z.number().int().nonnegative()]).transform(String);

const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day "HH:mm" (00:00 to 23:59)');

const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'is not a real date');

const timestampSchema = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 timestamp such as 2026-01-05T10:00:00Z');

export const cycleSchema = z.enum(['minute', 'hour', 'day', 'week', 'month', 'year']);
export const methodSchema = z.enum(['normal', 'dry-run', 'paused', 'one-time']);
export const taskStatusSchema = z.enum(['draft', 'developing', 'submitting', 'submitted']);
export const submissionSchema = z.enum(['none', 'submitting', 'succeeded', 'failed', 'warning']);

export const crossCycleSchema = z.union([z.enum(['none', 'self', 'children']), z.array(taskIdSchema).min(1)]);

const oneOfSets = <T extends z.ZodType>(item: T) =>
  z
    .object({ in: z.array(item).min(1).optional(), notIn: z.array(item).min(1).optional() })
    .strict()
    .refine((v) => (v.in === undefined) !== (v.notIn === undefined), 'write in: [...] or notIn: [...] (belongs to, does not belong to)');

/**
 * One condition of Dataphin's conditional scheduling (条件调度) on the business date: the regular
 * calendar's weekday, month or day of month, or a public calendar's date type or tags.
 */
export const conditionSchema = z
  .object({
    weekday: oneOfSets(z.number().int().min(1).max(7)).optional(),
    month: oneOfSets(z.number().int().min(1).max(12)).optional(),
    day: oneOfSets(z.union([z.number().int().min(1).max(31), z.literal('L')])).optional(),
    calendar: z.string().min(1).optional(),
    dateType: z.enum(['workday', 'holiday']).optional(),
    tags: z
      .object({ all: z.array(z.string().min(1)).min(1).optional(), any: z.array(z.string().min(1)).min(1).optional(), none: z.array(z.string().min(1)).min(1).optional() })
      .strict()
      .refine((t) => [t.all, t.any, t.none].filter(Boolean).length === 1, 'write one of all, any or none')
      .optional(),
  })
  .strict()
  .refine(
    (c) => [c.weekday, c.month, c.day, c.dateType, c.tags].filter((x) => x !== undefined).length === 1 && (c.calendar !== undefined) === (c.dateType !== undefined || c.tags !== undefined),
    'a condition is one of weekday, month, day (the regular calendar), or calendar with dateType or tags (a public calendar)',
  );
export type Condition = z.output<typeof conditionSchema>;

export const scheduleSchema = z.looseObject({
  method: methodSchema.default('normal'),
  cycle: cycleSchema.optional().describe('Required unless the method is one-time.'),
  start: clockTimeSchema.optional().describe('minute/hour cycles: window start (default 00:00).'),
  end: clockTimeSchema.optional().describe('minute/hour cycles: window end, inclusive (default 23:59).'),
  interval: z.number().int().optional().describe('minute cycle: 5..59 minutes; hour cycle: 1..23 hours.'),
  time: clockTimeSchema.optional().describe('day/week/month/year cycles: time of day (default 00:00).'),
  weekdays: z.array(z.number().int().min(1).max(7)).optional().describe('week cycle: 1 = Monday .. 7 = Sunday.'),
  days: z.array(z.union([z.number().int().min(1).max(31), z.literal('L')])).optional().describe('month/year cycles: days of month; L = last day.'),
  months: z.array(z.number().int().min(1).max(12)).optional().describe('year cycle: months 1..12.'),
  crossCycle: crossCycleSchema.default('none').describe('Dependency on the previous cycle: none, self, children or a list of task ids.'),
  effective: z
    .looseObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
    .optional(),
  conditional: z
    .looseObject({
      enabled: z.boolean().default(false),
      logic: z.enum(['and', 'or']).default('and').describe('Dataphin: and (与) needs every condition, or (或) any one.'),
      then: z.enum(['dry-run', 'paused']).optional().describe('Dataphin: the schedule type an instance gets when the conditions hold (执行调度类型).'),
      conditions: z.array(conditionSchema).default([]).describe("Dataphin: conditions on the instance's business date."),
    })
    .optional(),
});

/** Dataphin's dependency policies (依赖策略): which instances of the window a dependency waits for. */
export const dependencyPolicySchema = z.enum(['all', 'first', 'last', 'nearest-after', 'last-before']);
export type DependencyPolicy = z.output<typeof dependencyPolicySchema>;

export const dependencySchema = z.looseObject({
  task: taskIdSchema.describe('Upstream task id.'),
  cycle: z
    .enum(['same', 'previous', 'last24h'])
    .default('same')
    .describe("The window of upstream instances: same (本周期), previous (上周期; with daysBack, day D-N), last24h (最近24小时, Dataphin)."),
  policy: dependencyPolicySchema.optional().describe('Dataphin: which instances of the window (依赖策略); without it the dialect default applies.'),
  daysBack: z.number().int().min(1).max(366).optional().describe('Dataphin, with cycle: previous: the window is day D-N (N = 1 is the previous day).'),
});

export const runSchema = z.looseObject({
  timeoutMinutes: z.number().int().positive().optional(),
  autoRerun: z
    .looseObject({
      times: z.number().int().min(0).max(10),
      intervalMinutes: z.number().int().min(1).max(30),
    })
    .optional(),
});

export const taskFileSchema = z.looseObject({
  id: taskIdSchema.describe('Unique across the workspace; never changes.'),
  name: z.string().min(1).describe('Unique within its project.'),
  type: z.string().min(1),
  owner: z.string().min(1).optional().describe('Development owner.'),
  opsOwner: z.string().min(1).optional().describe('O&M owner.'),
  description: z.string().default(''),
  status: taskStatusSchema.default('draft'),
  published: z.boolean().default(false),
  lastSubmission: submissionSchema.default('none'),
  submission: z
    .looseObject({ at: timestampSchema, by: z.string().min(1), reasons: z.array(z.string()).default([]) })
    .optional()
    .describe('The last submission: when, by whom, and why it failed or warned.'),
  submittedHash: z.string().min(1).optional().describe("Hash of the task's content as last submitted; an edit since makes it developing again."),
  createdAt: timestampSchema.optional(),
  updatedAt: timestampSchema.optional(),
  tags: z.array(z.string().min(1)).default([]),
  outputTables: z.array(z.string().min(1)).default([]),
  template: z.looseObject({ name: z.string().min(1), version: z.number().int().positive() }).optional(),
  schedule: scheduleSchema.default({ method: 'normal', cycle: 'day', crossCycle: 'none' }),
  dependencies: z.array(dependencySchema).default([]),
  parameters: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]).transform(String)).default({}),
  run: runSchema.default({}),
  expectedMinutes: z.number().positive().optional().describe('Expected duration, for the timeline (default 10); `nightshift durations` sets it to the median of observed runs.'),
  expectedP90Minutes: z.number().positive().optional().describe('90th percentile of observed durations: the timeline draws it as a whisker, baselines use it as the pessimistic case.'),
  code: z.string().min(1).optional().describe('Code file, relative to this file.'),
});

/** A task's expected duration when its file names none. */
export const DEFAULT_EXPECTED_MINUTES = 10;

export type TaskFile = z.output<typeof taskFileSchema>;
export type Schedule = z.output<typeof scheduleSchema>;
export type Cycle = z.output<typeof cycleSchema>;
export type Dependency = z.output<typeof dependencySchema>;

/** Keys of a task file that Nightshift reads; anything else is the user's and is kept untouched. */
export const KNOWN_TASK_KEYS: ReadonlySet<string> = new Set(Object.keys(taskFileSchema.shape));
export const KNOWN_SCHEDULE_KEYS: ReadonlySet<string> = new Set(Object.keys(scheduleSchema.shape));
