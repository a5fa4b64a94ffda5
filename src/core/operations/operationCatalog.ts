/**
 * Every task-list operation under its one set of names. This module imports nothing, so the webview
 * can read it; the arguments' schemas, which need zod, live beside it in `operationArguments.ts`.
 * The extension's commands (`nightshift.<key>`), the panel's actions and labels, the CLI's verbs and
 * help, and the batch records' operation names all come from here.
 */
export interface OperationDescriptor {
  /** The command id's suffix and the panel's action name. */
  readonly key: string;
  /** The console's name for it: the command title (with "…" when it asks) and the record's title. */
  readonly label: string;
  /** The selection bar's shorter label. */
  readonly shortLabel: string;
  /** `operation` in a batch record. */
  readonly record: string;
  /** The `nightshift <verb>` of the command line. */
  readonly cliVerb: string;
  /** The CLI options it takes, for the help text. */
  readonly cliOptions: string;
  /** What it does, in the help's words. */
  readonly help: string;
  /** The console keeps submit-type records (submit, unpublish, delete, publish) apart from the others. */
  readonly recordKind: 'submit' | 'other';
  /** It asks for arguments before it runs (its command title ends with "…"). */
  readonly asks: boolean;
  /** Offered in a task row's "More" menu as well as on the selection bar. */
  readonly onRow: boolean;
}

export const OPERATIONS = [
  { key: 'submitTasks', label: 'Submit', shortLabel: 'Submit', record: 'submit', cliVerb: 'submit', cliOptions: '[--remark R]', help: 'check each task as the server would and submit it (published at once in a basic project; pending publish in dev-prod)', recordKind: 'submit', asks: true, onRow: true },
  { key: 'acquireLock', label: 'Acquire Edit Lock', shortLabel: 'Acquire Lock', record: 'acquire-lock', cliVerb: 'lock', cliOptions: '', help: 'acquire the edit lock', recordKind: 'other', asks: false, onRow: true },
  { key: 'changeOwner', label: 'Change Development Owner', shortLabel: 'Change Owner', record: 'change-owner', cliVerb: 'owner', cliOptions: '--owner <user>', help: 'change the development owner', recordKind: 'other', asks: true, onRow: true },
  { key: 'modifyTags', label: 'Modify Tags', shortLabel: 'Modify Tags', record: 'modify-tags', cliVerb: 'tags', cliOptions: '--mode replace|append --tag <t,..>', help: 'replace the tags or append to them', recordKind: 'other', asks: true, onRow: false },
  { key: 'moveTasks', label: 'Move to Folder', shortLabel: 'Move', record: 'move', cliVerb: 'move', cliOptions: '--to <project>/<folder>', help: 'move to a folder of the project (folders are created on the way)', recordKind: 'other', asks: true, onRow: false },
  {
    key: 'configureSchedule',
    label: 'Scheduling Configuration',
    shortLabel: 'Scheduling',
    record: 'configure-schedule',
    cliVerb: 'schedule',
    cliOptions: '[--method M] [--cycle C] [--start --end --interval --time --weekdays --days --months] [--conditional on|off [--start-time HH:mm]] [--effective-from D] [--effective-to D]',
    help: 'basic and conditional scheduling, effective dates',
    recordKind: 'other',
    asks: true,
    onRow: false,
  },
  { key: 'configureDependencies', label: 'Dependency Configuration', shortLabel: 'Dependencies', record: 'configure-dependencies', cliVerb: 'dependencies', cliOptions: '[--add <id>[:<cycle>[:<policy>]]] [--remove <id>] [--edit <id>:<cycle>[:<policy>]] (cycle: same, previous, previous-N, last24h)', help: 'add, remove or edit upstream dependencies', recordKind: 'other', asks: true, onRow: false },
  { key: 'configureParameters', label: 'Parameter Configuration', shortLabel: 'Parameters', record: 'configure-parameters', cliVerb: 'parameters', cliOptions: '--set name=value ...', help: 'only on tasks that already have the parameter', recordKind: 'other', asks: true, onRow: false },
  { key: 'configureRun', label: 'Run Configuration', shortLabel: 'Run Configuration', record: 'configure-run', cliVerb: 'run', cliOptions: '[--timeout <min>] [--rerun-times N --rerun-interval <min> | --no-rerun]', help: 'run timeout and auto-rerun', recordKind: 'other', asks: true, onRow: false },
  { key: 'modifyTemplateVersion', label: 'Modify Referenced Template Version', shortLabel: 'Template Version', record: 'modify-template-version', cliVerb: 'template-version', cliOptions: '--version N', help: 'the computing template version the tasks reference', recordKind: 'other', asks: true, onRow: true },
  { key: 'unpublish', label: 'Unpublish', shortLabel: 'Unpublish', record: 'unpublish', cliVerb: 'unpublish', cliOptions: '[--remark R]', help: 'take published tasks offline (pending publish in dev-prod)', recordKind: 'submit', asks: true, onRow: true },
  { key: 'unpublishAndDelete', label: 'Unpublish and Delete', shortLabel: 'Unpublish and Delete', record: 'unpublish-and-delete', cliVerb: 'unpublish-delete', cliOptions: '[--remark R]', help: 'take offline and delete', recordKind: 'submit', asks: true, onRow: true },
  { key: 'deleteTasks', label: 'Delete', shortLabel: 'Delete', record: 'delete', cliVerb: 'delete', cliOptions: '--remark R', help: 'delete unpublished tasks', recordKind: 'submit', asks: true, onRow: true },
  { key: 'modifyProjectOwnership', label: 'Modify Project Ownership', shortLabel: 'Project Ownership', record: 'modify-project-ownership', cliVerb: 'project', cliOptions: '--to <project> [--target-folder F] [--template name:version] [--name N]', help: 'move to another project of the same mode and engine', recordKind: 'other', asks: true, onRow: false },
] as const satisfies readonly OperationDescriptor[];

export type OperationKey = (typeof OPERATIONS)[number]['key'];
export type CliVerb = (typeof OPERATIONS)[number]['cliVerb'];

export const OPERATION_KEYS = OPERATIONS.map((o) => o.key) as readonly OperationKey[];

export function operation(key: OperationKey): OperationDescriptor {
  return OPERATIONS.find((o) => o.key === key)!;
}

export function operationByVerb(verb: string): OperationDescriptor | undefined {
  return OPERATIONS.find((o) => o.cliVerb === verb);
}

/** The command palette's title: the console's label, with "…" when the command asks before it runs. */
export function commandTitle(d: OperationDescriptor): string {
  return d.asks ? `${d.label}…` : d.label;
}

/** What a batch record says of an operation: its name and which tab of the records it belongs to. */
export function recordIdentity(key: OperationKey): { name: string; recordKind: 'submit' | 'other' } {
  const d = operation(key);
  return { name: d.record, recordKind: d.recordKind };
}
