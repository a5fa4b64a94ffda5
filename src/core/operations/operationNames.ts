import * as l10n from '@vscode/l10n';
import type { OperationDescriptor, OperationKey } from './operationCatalog';

/**
 * The operations' names in the user's language, for what is shown (buttons, menus, previews). The
 * catalog and the batch records keep the English ones: records are files, read by scripts too.
 */
export function operationLabel(key: OperationKey): string {
  switch (key) {
    case 'submitTasks': return l10n.t('Submit');
    case 'acquireLock': return l10n.t('Acquire Edit Lock');
    case 'changeOwner': return l10n.t('Change Development Owner');
    case 'modifyTags': return l10n.t('Modify Tags');
    case 'moveTasks': return l10n.t('Move to Folder');
    case 'configureSchedule': return l10n.t('Scheduling Configuration');
    case 'configureDependencies': return l10n.t('Dependency Configuration');
    case 'configureParameters': return l10n.t('Parameter Configuration');
    case 'configureRun': return l10n.t('Run Configuration');
    case 'modifyTemplateVersion': return l10n.t('Modify Referenced Template Version');
    case 'unpublish': return l10n.t('Unpublish');
    case 'unpublishAndDelete': return l10n.t('Unpublish and Delete');
    case 'deleteTasks': return l10n.t('Delete');
    case 'modifyProjectOwnership': return l10n.t('Modify Project Ownership');
  }
}

/** What the operation does, in the help's words (the CLI's `--help`). */
export function operationHelp(key: OperationKey): string {
  switch (key) {
    case 'submitTasks': return l10n.t('check each task as the server would and submit it (published at once in a basic project; pending publish in dev-prod)');
    case 'acquireLock': return l10n.t('acquire the edit lock');
    case 'changeOwner': return l10n.t('change the development owner');
    case 'modifyTags': return l10n.t('replace the tags or append to them');
    case 'moveTasks': return l10n.t('move to a folder of the project (folders are created on the way)');
    case 'configureSchedule': return l10n.t('basic and conditional scheduling, effective dates');
    case 'configureDependencies': return l10n.t('add, remove or edit upstream dependencies');
    case 'configureParameters': return l10n.t('only on tasks that already have the parameter');
    case 'configureRun': return l10n.t('run timeout and auto-rerun');
    case 'modifyTemplateVersion': return l10n.t('the computing template version the tasks reference');
    case 'unpublish': return l10n.t('take published tasks offline (pending publish in dev-prod)');
    case 'unpublishAndDelete': return l10n.t('take offline and delete');
    case 'deleteTasks': return l10n.t('delete unpublished tasks');
    case 'modifyProjectOwnership': return l10n.t('move to another project of the same mode and engine');
  }
}

/** The short name a selection bar's button carries. */
export function operationShortLabel(key: OperationKey): string {
  switch (key) {
    case 'submitTasks': return l10n.t('Submit');
    case 'acquireLock': return l10n.t('Acquire Lock');
    case 'changeOwner': return l10n.t('Change Owner');
    case 'modifyTags': return l10n.t('Modify Tags');
    case 'moveTasks': return l10n.t('Move');
    case 'configureSchedule': return l10n.t('Scheduling');
    case 'configureDependencies': return l10n.t('Dependencies');
    case 'configureParameters': return l10n.t('Parameters');
    case 'configureRun': return l10n.t('Run Configuration');
    case 'modifyTemplateVersion': return l10n.t('Template Version');
    case 'unpublish': return l10n.t('Unpublish');
    case 'unpublishAndDelete': return l10n.t('Unpublish and Delete');
    case 'deleteTasks': return l10n.t('Delete');
    case 'modifyProjectOwnership': return l10n.t('Project Ownership');
  }
}

/** A menu's title for the operation: "…" when it asks before it runs. */
export function localCommandTitle(d: OperationDescriptor & { key: OperationKey }): string {
  return d.asks ? `${operationLabel(d.key)}…` : operationLabel(d.key);
}

/** A batch's title (as its record has it, in English) in the user's language, where it is one of ours. */
export function localBatchTitle(title: string): string {
  switch (title) {
    case 'Acquire Edit Lock': return l10n.t('Acquire Edit Lock');
    case 'Change Development Owner': return l10n.t('Change Development Owner');
    case 'Replace Tags': return l10n.t('Replace Tags');
    case 'Append Tags': return l10n.t('Append Tags');
    case 'Batch Move': return l10n.t('Batch Move');
    case 'Batch Scheduling Configuration': return l10n.t('Batch Scheduling Configuration');
    case 'Batch Dependency Configuration': return l10n.t('Batch Dependency Configuration');
    case 'Batch Parameter Configuration': return l10n.t('Batch Parameter Configuration');
    case 'Batch Run Configuration': return l10n.t('Batch Run Configuration');
    case 'Modify Referenced Template Version': return l10n.t('Modify Referenced Template Version');
    case 'Modify Project Ownership': return l10n.t('Modify Project Ownership');
    case 'Submit': return l10n.t('Submit');
    case 'Unpublish': return l10n.t('Unpublish');
    case 'Unpublish and Delete': return l10n.t('Unpublish and Delete');
    case 'Delete': return l10n.t('Delete');
    case 'Publish Pending Objects': return l10n.t('Publish Pending Objects');
    case 'Import Observed Durations': return l10n.t('Import Observed Durations');
    case 'Release Edit Lock': return l10n.t('Release Edit Lock');
    case 'Release Edit Lock (forced)': return l10n.t('Release Edit Lock (forced)');
    case 'Create Compute Task': return l10n.t('Create Compute Task');
    default: return namedBatchTitle(title) ?? title;
  }
}

/** The titles that name what they act on: a revert or recovery (of another batch), a clone, an import. */
function namedBatchTitle(title: string): string | undefined {
  let m = /^Revert "(.*)" of (\S+)$/.exec(title);
  if (m) return l10n.t('Revert "{0}" of {1}', localBatchTitle(m[1]!), m[2]!);
  m = /^(Finish|Revert) interrupted "(.*)" of (\S+)$/.exec(title);
  if (m) return m[1] === 'Finish' ? l10n.t('Finish interrupted "{0}" of {1}', localBatchTitle(m[2]!), m[3]!) : l10n.t('Revert interrupted "{0}" of {1}', localBatchTitle(m[2]!), m[3]!);
  m = /^"(.*)" of (\S+) was already recovered$/.exec(title);
  if (m) return l10n.t('"{0}" of {1} was already recovered', localBatchTitle(m[1]!), m[2]!);
  m = /^Clone Task (.+)$/.exec(title);
  if (m) return l10n.t('Clone Task {0}', m[1]!);
  m = /^Import (.+)$/.exec(title);
  if (m) return l10n.t('Import {0}', m[1]!);
  return undefined;
}
