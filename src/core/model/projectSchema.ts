import { z } from 'zod';

export const PROJECT_FILE_NAME = 'nightshift.yaml';

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
  calendars: z.record(z.string().min(1), publicCalendarSchema).default({}).describe("Dataphin: public calendars that conditional scheduling's conditions name."),
  settings: z
    .looseObject({
      allowDeletePublishedInDev: z.boolean().default(false),
    })
    .default({ allowDeletePublishedInDev: false }),
});

export type ProjectFile = z.output<typeof projectFileSchema>;
export type ComputeTemplate = z.output<typeof templateSchema>;
