import { z } from 'zod';
import { compileParameter } from '../model/parameterExpression';
import { dependencyPolicySchema, scheduleSchema } from '../model/taskSchema';
import type { Task } from '../workspace/workspaceModel';
import { configureDependenciesOperation } from './dependencyOperation';
import { moveTasksOperation } from './moveOperation';
import type { OperationKey } from './operationCatalog';
import { modifyProjectOwnershipOperation } from './projectOwnershipOperation';
import { deleteTaskOperation, MAX_REMARK, unpublishAndDeleteOperation, unpublishOperation } from './publishOperations';
import { configureScheduleOperation } from './scheduleOperation';
import { acquireLockOperation, changeOwnerOperation, configureParametersOperation, configureRunOperation, modifyTagsOperation, modifyTemplateVersionOperation } from './fieldOperations';
import { submitOperation } from './submitOperation';
import type { TaskOperation } from './taskOperation';

/**
 * Each operation's arguments as a schema, and how to build the operation from them. The CLI turns its
 * flags into these objects, the extension's prompts fill them in, and both go through `buildOperation`,
 * so a value one front end refuses the other refuses too, with the same message.
 */
const name = z.string().trim().min(1, 'required');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'write YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'write HH:mm (00:00 to 23:59)');
const cycle = z.enum(['same', 'previous', 'last24h']);
const setting = { policy: dependencyPolicySchema.optional(), daysBack: z.number().int().min(1).max(366).optional() };
const remark = z.string().max(MAX_REMARK, `at most ${MAX_REMARK} characters`);

const basicSchedule = scheduleSchema
  .pick({ method: true, cycle: true, start: true, end: true, interval: true, time: true, weekdays: true, days: true, months: true })
  .extend({ method: scheduleSchema.shape.method.unwrap().optional() })
  .partial()
  .strict();

const schemas = {
  submitTasks: z.object({ remark: remark.default('') }).strict(),
  acquireLock: z.object({}).strict(),
  changeOwner: z.object({ owner: name }).strict(),
  modifyTags: z
    .object({ mode: z.enum(['replace', 'append']), tags: z.array(z.string()).transform((tags) => [...new Set(tags.map((t) => t.trim()).filter(Boolean))]) })
    .strict()
    .refine((a) => a.mode === 'replace' || a.tags.length > 0, { message: 'give at least one tag to append', path: ['tags'] }),
  moveTasks: z.object({ projectDir: name, folder: z.string() }).strict(),
  configureSchedule: z
    .object({
      basic: basicSchedule.optional(),
      conditional: z.object({ enabled: z.boolean(), startTime: clock.optional() }).strict().optional(),
      effective: z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict().optional(),
    })
    .strict()
    .refine((a) => a.basic || a.conditional || a.effective, { message: 'choose basic scheduling, conditional scheduling, effective dates, or any of them' })
    .refine((a) => !a.effective?.from || !a.effective.to || a.effective.from <= a.effective.to, { message: 'the effective start is after its end', path: ['effective', 'to'] }),
  configureDependencies: z
    .object({
      add: z.array(z.object({ task: name, cycle: cycle.default('same'), ...setting }).strict()).default([]),
      remove: z.array(name).default([]),
      edit: z.array(z.object({ task: name, cycle, ...setting }).strict()).default([]),
    })
    .strict()
    .refine((a) => a.add.length + a.remove.length + a.edit.length > 0, { message: 'add, remove or edit at least one dependency' }),
  configureParameters: z
    .object({
      values: z
        .record(z.string(), z.string())
        .superRefine((values, ctx) => {
          if (Object.keys(values).length === 0) ctx.addIssue({ code: 'custom', message: 'give at least one name=value' });
          for (const [key, value] of Object.entries(values)) {
            if (!/^[A-Za-z_][\w.]*$/.test(key)) ctx.addIssue({ code: 'custom', message: `"${key}" is not a parameter name (letters, digits, _ and ., not starting with a digit)`, path: [key] });
            // Refused here only when neither scheduler reads it; each task checks it against its own project.
            const compiled = compileParameter(value);
            if (!compiled.ok && !compileParameter(value, { scheduler: 'dataphin' }).ok) ctx.addIssue({ code: 'custom', message: compiled.error, path: [key] });
          }
        }),
    })
    .strict(),
  configureRun: z
    .object({
      timeoutMinutes: z.number().int('a whole number').min(1).max(168 * 60, 'at most 10080 minutes (168 hours)').optional(),
      autoRerun: z
        .object({ times: z.number().int('a whole number').min(0).max(10), intervalMinutes: z.number().int('a whole number').min(1).max(30) })
        .strict()
        .nullable()
        .optional(),
    })
    .strict()
    .refine((a) => a.timeoutMinutes !== undefined || a.autoRerun !== undefined, { message: 'set a timeout, auto-rerun, or both' }),
  modifyTemplateVersion: z.object({ version: z.number().int('a whole number').min(1) }).strict(),
  unpublish: z.object({ remark: remark.default('') }).strict(),
  unpublishAndDelete: z.object({ remark: remark.default('') }).strict(),
  deleteTasks: z.object({ remark: remark.refine((r) => r.trim() !== '', 'a remark is required') }).strict(),
  modifyProjectOwnership: z
    .object({
      projectDir: name,
      folder: z.string().optional(),
      template: z.object({ name, version: z.number().int().min(1) }).strict().optional(),
      name: name.optional(),
    })
    .strict(),
} satisfies Record<OperationKey, z.ZodType>;

export type OperationArguments<K extends OperationKey> = z.input<(typeof schemas)[K]>;

type Built = { [K in OperationKey]: (args: z.output<(typeof schemas)[K]>, selection: readonly Task[]) => TaskOperation };

const builders: Built = {
  submitTasks: (a, selection) => submitOperation(a.remark, selection),
  acquireLock: () => acquireLockOperation(),
  changeOwner: (a) => changeOwnerOperation(a.owner),
  modifyTags: (a) => modifyTagsOperation(a.mode, a.tags),
  moveTasks: (a) => moveTasksOperation(a.projectDir, a.folder),
  configureSchedule: (a) => configureScheduleOperation(a),
  configureDependencies: (a, selection) => configureDependenciesOperation(a, selection),
  configureParameters: (a) => configureParametersOperation(a.values),
  configureRun: (a) => configureRunOperation(a),
  modifyTemplateVersion: (a) => modifyTemplateVersionOperation(a.version),
  unpublish: (a, selection) => unpublishOperation(a.remark, selection),
  unpublishAndDelete: (a, selection) => unpublishAndDeleteOperation(a.remark, selection),
  deleteTasks: (a, selection) => deleteTaskOperation(a.remark, selection),
  modifyProjectOwnership: (a) => modifyProjectOwnershipOperation(a),
};

/** Arguments that cannot build the operation: each problem as `field: message`. */
export class OperationArgumentError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

function problemText(issue: z.core.$ZodIssue): string {
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** The one way to make an operation from arguments, from any front end. */
export function buildOperation<K extends OperationKey>(key: K, args: unknown, selection: readonly Task[]): TaskOperation {
  const parsed = schemas[key].safeParse(args);
  if (!parsed.success) throw new OperationArgumentError(parsed.error.issues.map(problemText));
  try {
    return (builders[key] as (a: unknown, s: readonly Task[]) => TaskOperation)(parsed.data, selection);
  } catch (error) {
    // The factories keep their own checks (for callers that build directly); they read as argument problems.
    throw new OperationArgumentError([error instanceof Error ? error.message : String(error)]);
  }
}

/** One field's problem for a prompt's live validation, or undefined when the value is acceptable. */
export function fieldProblem<K extends OperationKey>(key: K, args: unknown, field: string): string | undefined {
  const parsed = schemas[key].safeParse(args);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues.find((i) => String(i.path[0]) === field);
  return issue ? issue.message : undefined;
}
