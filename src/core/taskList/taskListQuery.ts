import { z } from 'zod';
import { cycleSchema, methodSchema, submissionSchema, taskStatusSchema } from '../model/taskSchema';
import { COLUMN_IDS } from './taskListColumns';

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const dateRangeSchema = z.object({ from: dateSchema.optional(), to: dateSchema.optional() });
const tristateSchema = z.enum(['any', 'yes', 'no']);

export const folderFilterSchema = z.object({
  projectDir: z.string(),
  /** Below the task root, '' for the root. */
  path: z.string(),
  includeSubfolders: z.boolean().default(false),
});

export const sortSchema = z.object({ column: z.enum(COLUMN_IDS), direction: z.enum(['asc', 'desc']) });

/** Every filter of the Dataphin task list, and the sort. The defaults are what Reset restores. */
export const taskListQuerySchema = z.object({
  search: z.string().max(500).default(''),
  mine: z.boolean().default(false),
  types: z.array(z.string()).default([]),
  methods: z.array(methodSchema).default([]),
  owners: z.array(z.string()).default([]),
  submissions: z.array(submissionSchema).default([]),
  outputTable: z.string().default(''),
  created: dateRangeSchema.default({}),
  templates: z.array(z.string()).default([]),
  statuses: z.array(taskStatusSchema).default([]),
  cycles: z.array(cycleSchema).default([]),
  opsOwners: z.array(z.string()).default([]),
  published: tristateSchema.default('any'),
  conditional: tristateSchema.default('any'),
  /** Last modified: within 3 days, 7 days, a month, or a custom range of dates. */
  modified: z.enum(['any', '3d', '7d', '1m', 'custom']).default('any'),
  modifiedRange: dateRangeSchema.default({}),
  /** A task matches when it has any of these tags. */
  tags: z.array(z.string()).default([]),
  folder: folderFilterSchema.optional(),
  sort: sortSchema.default({ column: 'updatedAt', direction: 'desc' }),
});

export type TaskListQuery = z.output<typeof taskListQuerySchema>;
export type TaskListSort = z.output<typeof sortSchema>;

export function defaultQuery(): TaskListQuery {
  return taskListQuerySchema.parse({});
}
