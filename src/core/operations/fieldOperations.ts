import * as l10n from '@vscode/l10n';
import { compileParameter } from '../model/parameterExpression';
import { parameterDialect } from '../workspace/workspaceChecks';
import { change, fail, skip, type TaskOperation } from './taskOperation';
import { recordIdentity } from './operationCatalog';

export function acquireLockOperation(): TaskOperation {
  return {
    ...recordIdentity('acquireLock'),
    title: 'Acquire Edit Lock',
    parameters: {},
    decide: () => change('acquire the edit lock', { kind: 'lock' }),
  };
}

export function changeOwnerOperation(owner: string): TaskOperation {
  return {
    ...recordIdentity('changeOwner'),
    title: 'Change Development Owner',
    parameters: { owner },
    decide(task, { index }) {
      const project = task.projectDir ? index.project(task.projectDir) : undefined;
      if (!project) return fail(l10n.t('the task is not inside a project'));
      if (project.config.users.length > 0 && !project.config.users.includes(owner)) return fail(l10n.t('{0} is not a user of project {1} (users: {2})', owner, project.config.project, project.config.users.join(', ')));
      if (task.data.owner === owner) return skip(l10n.t('{0} already owns it', owner));
      return change(`owner ${task.data.owner ?? '(none)'} → ${owner}`, { kind: 'edit', fields: { owner } });
    },
  };
}

export function modifyTagsOperation(mode: 'replace' | 'append', tags: readonly string[]): TaskOperation {
  const wanted = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  return {
    ...recordIdentity('modifyTags'),
    title: mode === 'replace' ? 'Replace Tags' : 'Append Tags',
    parameters: { mode, tags: wanted },
    decide(task) {
      const current = task.data.tags;
      const next = mode === 'replace' ? wanted : [...current, ...wanted.filter((t) => !current.includes(t))];
      if (next.length === current.length && next.every((t, i) => t === current[i])) return skip(l10n.t('the tags are already so'));
      return change(`tags [${current.join(', ')}] → [${next.join(', ')}]`, { kind: 'edit', fields: { tags: next } });
    },
  };
}

export function configureParametersOperation(values: Readonly<Record<string, string>>): TaskOperation {
  // A value is checked against each task's own project: DataWorks and Dataphin read them differently.
  return {
    ...recordIdentity('configureParameters'),
    title: 'Batch Parameter Configuration',
    parameters: { values },
    decide(task, { index }) {
      const project = task.projectDir ? index.project(task.projectDir) : undefined;
      const dialect = project ? parameterDialect(project) : undefined;
      for (const [name, value] of Object.entries(values)) {
        const compiled = compileParameter(value, dialect);
        if (!compiled.ok) return fail(l10n.t('parameter {0}: {1} (the {2} syntax of its project)', name, compiled.error, dialect?.scheduler ?? 'dataworks'));
      }
      // Only the task's own (local) parameters, and only those it already has.
      const present = Object.keys(values).filter((name) => name in task.data.parameters);
      const missing = Object.keys(values).filter((name) => !(name in task.data.parameters));
      if (present.length === 0) return skip(l10n.t('the task has no parameter {0}', missing.join(', ')));
      const changed = present.filter((name) => task.data.parameters[name] !== values[name]);
      if (changed.length === 0) return skip(l10n.t('the parameters already have these values'));
      const note = missing.length ? ` (it has no ${missing.join(', ')})` : '';
      return change(`${changed.map((n) => `${n}=${values[n]}`).join(', ')}${note}`, {
        kind: 'edit',
        edits: changed.map((name) => ({ path: ['parameters', name], value: values[name] })),
      });
    },
  };
}

export interface RunSettings {
  timeoutMinutes?: number;
  autoRerun?: { times: number; intervalMinutes: number } | null;
}

export function configureRunOperation(settings: RunSettings): TaskOperation {
  if (settings.timeoutMinutes !== undefined && !(Number.isInteger(settings.timeoutMinutes) && settings.timeoutMinutes > 0 && settings.timeoutMinutes <= 168 * 60)) {
    throw new Error('the run timeout must be 1 to 10080 minutes (168 hours)');
  }
  if (settings.autoRerun) {
    const { times, intervalMinutes } = settings.autoRerun;
    if (!(Number.isInteger(times) && times >= 0 && times <= 10)) throw new Error('auto-rerun times must be 0 to 10');
    if (!(Number.isInteger(intervalMinutes) && intervalMinutes >= 1 && intervalMinutes <= 30)) throw new Error('the auto-rerun interval must be 1 to 30 minutes');
  }
  return {
    ...recordIdentity('configureRun'),
    title: 'Batch Run Configuration',
    parameters: { ...settings },
    decide() {
      return change(
        [settings.timeoutMinutes !== undefined ? `timeout ${settings.timeoutMinutes} min` : '', settings.autoRerun === null ? 'no auto-rerun' : settings.autoRerun ? `auto-rerun ${settings.autoRerun.times}× every ${settings.autoRerun.intervalMinutes} min` : '']
          .filter(Boolean)
          .join(', '),
        {
          kind: 'edit',
          edits: [
            ...(settings.timeoutMinutes !== undefined ? [{ path: ['run', 'timeoutMinutes'], value: settings.timeoutMinutes }] : []),
            ...(settings.autoRerun === null ? [{ path: ['run', 'autoRerun'], delete: true as const }] : settings.autoRerun ? [{ path: ['run', 'autoRerun'], value: settings.autoRerun }] : []),
          ],
        },
      );
    },
  };
}

export function modifyTemplateVersionOperation(version: number): TaskOperation {
  return {
    ...recordIdentity('modifyTemplateVersion'),
    title: 'Modify Referenced Template Version',
    parameters: { version },
    checkBatch(tasks) {
      if (tasks.some((t) => !t.data.template)) return 'every selected task must reference a computing template';
      const names = new Set(tasks.map((t) => t.data.template!.name));
      if (names.size > 1) return `a batch change of template version needs tasks that all reference the same computing template (these reference ${[...names].join(', ')})`;
      const projects = new Set(tasks.map((t) => t.projectDir ?? ''));
      // The same name in two projects is two templates, each with its own versions.
      if (projects.size > 1) return `the tasks reference template ${[...names][0]} of ${projects.size} different projects, each its own template; change each project's tasks separately`;
      return undefined;
    },
    decide(task, { index }) {
      const ref = task.data.template;
      if (!ref) return fail(l10n.t('the task references no computing template'));
      const template = (task.projectDir ? index.project(task.projectDir) : undefined)?.config.templates.find((t) => t.name === ref.name);
      if (!template) return fail(l10n.t('template {0} does not exist in the project', ref.name));
      if (!template.versions.includes(version)) return fail(l10n.t('template {0} has no version {1} (versions: {2})', ref.name, version, template.versions.join(', ')));
      if (ref.version === version) return skip(l10n.t('already on version {0}', version));
      return change(`template ${ref.name} v${ref.version} → v${version}; takes effect after submit and publish`, {
        kind: 'edit',
        edits: [
          { path: ['template', 'version'], value: version },
          // A changed task must be submitted and published again before the new version runs.
          ...(task.data.status === 'submitted' ? [{ path: ['status'], value: 'developing' }] : []),
        ],
      });
    },
  };
}
