import { z } from 'zod';

export const projectModeSchema = z.enum(['basic', 'dev-prod']);

export const schedulerSchema = z.enum(['dataworks', 'dataphin']);
export type Scheduler = z.output<typeof schedulerSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"');

/** A public calendar (公共日历): holidays, make-up workdays on weekends, and tagged dates. */
export const publicCalendarSchema = z.looseObject({
  holidays: z.array(isoDate).default([]),
  workdays: z.array(isoDate).default([]).describe('Weekend days that are workdays (make-up days).'),
  tags: z.record(z.string().min(1), z.array(isoDate)).default({}),
});
export type PublicCalendar = z.output<typeof publicCalendarSchema>;

/**
 * A baseline (DataWorks' 基线): the tasks it guards (by id or tag) must finish by `committed`, "hh:mm"
 * after the scheduled day's midnight, up to 47:59; within `margin` minutes of it is a warning.
 */
export const baselineSchema = z
  .object({
    name: z.string().min(1),
    tasks: z.array(z.union([z.string().min(1), z.number().int()]).transform(String)).min(1).optional(),
    tag: z.string().min(1).optional(),
    committed: z.string().regex(/^([0-3]\d|4[0-7]):[0-5]\d$/, 'must be "hh:mm", 00:00 to 47:59'),
    margin: z.number().int().min(0).max(24 * 60).default(30),
    priority: z.union([z.literal(1), z.literal(3), z.literal(5), z.literal(7), z.literal(8)]).default(1),
  })
  .strict()
  .refine((b) => (b.tasks === undefined) !== (b.tag === undefined), 'a baseline guards tasks: [ids] or a tag (one of them)');
export type Baseline = z.output<typeof baselineSchema>;

export const templateSchema = z.object({
  name: z.string().min(1),
  taskType: z.string().min(1),
  versions: z.array(z.number().int().positive()).min(1),
});

export const projectFileSchema = z.looseObject({
  project: z.string().min(1).describe('Project name, unique in the workspace.'),
  mode: projectModeSchema.default('basic').describe('basic: one environment; dev-prod: development and production.'),
  engine: z.string().min(1).default('maxcompute').describe('Compute engine type.'),
  scheduler: schedulerSchema.default('dataworks').describe("Whose scheduling rules the project follows: DataWorks' or Dataphin's (dependency cycle and policy, parameter syntax)."),
  timezone: z.string().min(1).default('UTC').describe('IANA time zone for every schedule time of the project.'),
  taskRoot: z.string().min(1).default('tasks').describe('Folder, relative to this file, that holds the task tree.'),
  taskTypes: z.array(z.string().min(1)).default(['SQL', 'Python', 'Shell']),
  users: z.array(z.string().min(1)).default([]).describe('Who may own tasks; empty means anyone.'),
  templates: z.array(templateSchema).default([]),
  globals: z
    .record(z.string().regex(/^[\p{L}_][\p{L}\p{N}_]*$/u, 'a variable name is letters, digits and _'), z.union([z.string(), z.number()]).transform(String))
    .default({})
    .describe("Dataphin: the project's global variables, ${name} in a parameter; the prefix dp_glb_ is reserved."),
  baselines: z.array(baselineSchema).default([]).describe('Committed finish times of the tasks they guard (DataWorks intelligent baselines).'),
  calendars: z.record(z.string().min(1), publicCalendarSchema).default({}).describe("Dataphin: public calendars that conditional scheduling's conditions name."),
  settings: z
    .looseObject({
      allowDeletePublishedInDev: z.boolean().default(false),
    })
    .default({ allowDeletePublishedInDev: false }),
});

export type ProjectFile = z.output<typeof projectFileSchema>;
export type ComputeTemplate = z.output<typeof templateSchema>;
