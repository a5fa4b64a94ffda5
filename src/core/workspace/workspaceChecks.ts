import * as l10n from '@vscode/l10n';
import { YamlSource, type YamlPath } from '../yaml/yamlSource';
import type { Project, Task } from './workspaceModel';
import type { Diagnostic, Severity } from '../model/diagnostic';
import { cyclePath, findCycles, loopText } from './dependencyCycles';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';
import { codeFilePath, codePathProblem } from '../model/codePath';
import { isMultiCycle, windowHoldsSeveral } from '../model/dependencyWindow';
import type { ParameterDialect } from '../model/parameterExpression';
import { checkParameters } from '../model/parameterRules';

type TasksById = ReadonlyMap<string, readonly Task[]>;

/**
 * Collects cross-file problems, locating each at its line. Files are parsed again only when they have
 * a problem to locate, so a clean workspace costs no second parse.
 */
export class ProblemSink {
  readonly byFile = new Map<string, Diagnostic[]>();
  private readonly sources = new Map<string, YamlSource>();

  constructor(private readonly textOf: (file: string) => string) {}

  report(file: string, path: YamlPath, code: string, message: string, severity: Severity = 'error', related?: Diagnostic['related']): void {
    let source = this.sources.get(file);
    if (!source) {
      source = new YamlSource(this.textOf(file));
      this.sources.set(file, source);
    }
    const d: Diagnostic = { file, ...source.locate(path), severity, code, message, ...(related ? { related } : {}) };
    const list = this.byFile.get(file);
    if (list) list.push(d);
    else this.byFile.set(file, [d]);
  }
}

/** What one task's file gets wrong against its project and the ids that exist. */
export function checkTask(task: Task, project: Project | undefined, tasksById: TasksById, sink: ProblemSink): void {
  // Parameters follow the project's scheduler, so they are checked here, where the project is known.
  for (const p of checkParameters(task.data.parameters, project ? parameterDialect(project) : undefined)) sink.report(task.file, p.path, p.code, p.message, p.severity);
  if (!project) {
    sink.report(task.file, ['id'], 'outside-project', l10n.t('this task file is not inside the task root of any project (no nightshift.yaml above it, or outside its taskRoot)'), 'warning');
    return;
  }
  checkAgainstProject(task, project, sink);
  checkReferences(task, tasksById, sink);
  checkDialect(task, project, sink);
  checkCode(task, sink);
}

/**
 * `code:` must name a file in the task's folder or below (delete and move act on it), and that file
 * should exist: a task whose code file went missing, or was separated from it, is noticed here.
 */
function checkCode(task: Task, sink: ProblemSink): void {
  if (task.data.code === undefined) return;
  const problem = codePathProblem(task.data.code);
  if (problem) return sink.report(task.file, ['code'], 'code-path-outside', problem);
  const file = codeFilePath(task.file, task.data.code)!;
  if (!existsSync(file)) return sink.report(task.file, ['code'], 'code-file-missing', `code: ${l10n.t('the code file "{0}" does not exist beside this task', task.data.code)}`, 'warning');
  if (!realPathInside(file, dirname(task.file))) sink.report(task.file, ['code'], 'code-path-outside', `code: ${l10n.t('"{0}" leads through a link out of the task\'s folder', task.data.code)}`);
}

/** Whether `path`, links resolved, lies in `dir` (links resolved too). */
function realPathInside(path: string, dir: string): boolean {
  try {
    const rel = relative(realpathSync.native(dir), realpathSync.native(path));
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  } catch {
    return true;
  }
}

/**
 * Duplicate project names, duplicate task ids in the workspace, and duplicate task names in a project
 * (`sameNames`: the groups of tasks of one project that share a name).
 */
export function checkDuplicates(projects: readonly Project[], sameNames: Iterable<readonly Task[]>, tasksById: TasksById, sink: ProblemSink): void {
  const projectsByName = new Map<string, Project[]>();
  for (const p of projects) projectsByName.set(p.config.project, [...(projectsByName.get(p.config.project) ?? []), p]);
  for (const [name, same] of projectsByName) {
    if (same.length < 2) continue;
    for (const p of same) {
      const others = same.filter((o) => o !== p);
      sink.report(p.file, ['project'], 'duplicate-project', `project: ${l10n.t('the name "{0}" is also used by {1}', name, others.map((o) => o.file).join(', '))}`, 'error',
        others.map((o) => ({ file: o.file, line: 1, message: l10n.t('same project name') })));
    }
  }

  for (const [id, same] of tasksById) {
    if (same.length < 2) continue;
    for (const t of same) {
      const others = same.filter((o) => o !== t);
      sink.report(t.file, ['id'], 'duplicate-id', `id: ${l10n.t('"{0}" is also the id of {1}; task ids must be unique in the workspace', id, others.map((o) => o.file).join(', '))}`, 'error',
        others.map((o) => ({ file: o.file, line: 1, message: l10n.t('also id {0}', id) })));
    }
  }

  for (const group of sameNames) {
    const same = [...group].sort((a, b) => (a.file < b.file ? -1 : 1));
    for (const t of same) {
      const others = same.filter((o) => o !== t);
      sink.report(t.file, ['name'], 'duplicate-name', `name: ${l10n.t('"{0}" is also the name of task {1} in this project', t.data.name, others.map((o) => o.data.id).join(', '))}`);
    }
  }
}

/**
 * A Dataphin policy needs a window that can hold several upstream instances: an hourly or minute
 * upstream, and not the previous cycle of one from an hourly or minute task (one instance back). It
 * depends on the upstream's cycle, so it is checked with the graph, not with the task alone.
 */
export function checkPolicyWindows(tasksById: TasksById, isDataphin: (task: Task) => boolean, sink: ProblemSink): void {
  for (const [, tasks] of tasksById) {
    const task = tasks[0]!;
    if (!isDataphin(task)) continue;
    task.data.dependencies.forEach((dep, i) => {
      if (dep.policy === undefined) return;
      const up = tasksById.get(dep.task)?.[0];
      const upCycle = up?.data.schedule.cycle;
      if (!upCycle) return;
      if (windowHoldsSeveral(upCycle, task.data.schedule.cycle, dep)) return;
      sink.report(task.file, ['dependencies', i, 'policy'], 'policy-without-choice', `dependencies.${i}.policy: ${isMultiCycle(upCycle) ? l10n.t('the window holds one instance of {0} (the previous cycle of an hourly or minute task), so a policy chooses nothing; remove it', up!.data.name) : l10n.t('the window holds one instance of {0} (a {1} task), so a policy chooses nothing; remove it', up!.data.name, upCycle)}`);
    });
  }
}

/** Same-cycle dependencies must form a DAG; previous-cycle ones point back in time and cannot loop. */
export function checkCycles(tasksById: TasksById, sink: ProblemSink): void {
  const edges = (id: string): readonly string[] => {
    const task = tasksById.get(id)?.[0];
    if (!task) return [];
    const out: string[] = [];
    for (const d of task.data.dependencies) if (d.cycle === 'same' && d.task !== id && tasksById.has(d.task)) out.push(d.task);
    return out;
  };
  // One message per cycle, at the dependency that closes the loop from its smallest id: a message per
  // member, each spelling out the whole loop, grew with the square of its length.
  for (const component of findCycles([...tasksById.keys()], edges)) {
    const start = component.reduce((a, b) => (b < a ? b : a));
    const loop = cyclePath(start, new Set(component), edges);
    const closing = tasksById.get(loop[loop.length - 2]!)![0]!;
    const index = closing.data.dependencies.findIndex((d) => d.task === start && d.cycle === 'same');
    sink.report(closing.file, index >= 0 ? ['dependencies', index, 'task'] : ['dependencies'], 'dependency-cycle', `dependencies: ${l10n.t('this dependency closes the cycle {0}', loopText(loop))}`);
  }
}

function checkAgainstProject(task: Task, project: Project, sink: ProblemSink): void {
  const { config } = project;
  const t = task.data;
  if (!config.taskTypes.includes(t.type)) {
    sink.report(task.file, ['type'], 'unknown-task-type', `type: ${l10n.t('"{0}" is not a task type of project {1} ({2})', t.type, config.project, config.taskTypes.join(', '))}`);
  }
  if (config.users.length > 0) {
    for (const field of ['owner', 'opsOwner'] as const) {
      const user = t[field];
      if (user !== undefined && !config.users.includes(user)) {
        sink.report(task.file, [field], 'unknown-owner', `${field}: ${l10n.t('"{0}" is not a user of project {1} ({2})', user, config.project, config.users.join(', '))}`);
      }
    }
  }
  if (t.template) {
    const template = config.templates.find((tp) => tp.name === t.template?.name);
    if (!template) {
      sink.report(task.file, ['template', 'name'], 'unknown-template', `template.name: ${l10n.t('"{0}" is not a template of project {1}', t.template.name, config.project)}`);
    } else {
      if (!template.versions.includes(t.template.version)) {
        sink.report(task.file, ['template', 'version'], 'unknown-template-version', `template.version: ${l10n.t('{0} has no version {1} (versions {2})', template.name, t.template.version, template.versions.join(', '))}`);
      }
      if (template.taskType !== t.type) {
        sink.report(task.file, ['template', 'name'], 'template-type-mismatch', `template.name: ${l10n.t('{0} is a {1} template; this task is {2}', template.name, template.taskType, t.type)}`);
      }
    }
  }
}

/** The project's parameter syntax and its global variables. */
export function parameterDialect(project: Project): ParameterDialect {
  return { scheduler: project.config.scheduler, globals: project.config.globals };
}

/** Dataphin reserves the prefix dp_glb_ for its own global variables; globals are Dataphin's. */
export function checkProjectGlobals(project: Project, sink: ProblemSink): void {
  for (const name of Object.keys(project.config.globals)) {
    if (project.config.scheduler !== 'dataphin') sink.report(project.file, ['globals', name], 'dialect', `globals.${name}: ${l10n.t('global variables are Dataphin\'s; project {0} follows DataWorks (set scheduler: dataphin)', project.config.project)}`);
    else if (name.startsWith('dp_glb_')) sink.report(project.file, ['globals', name], 'reserved-variable', `globals.${name}: ${l10n.t('the prefix dp_glb_ is reserved for Dataphin\'s own global variables')}`);
  }
}

/**
 * A dependency's cycle and policy as the project's scheduler has them: policies, `last24h` and
 * `daysBack` are Dataphin's, and a policy on a window that holds one upstream instance means nothing.
 */
function checkDialect(task: Task, project: Project, sink: ProblemSink): void {
  const dataphin = project.config.scheduler === 'dataphin';
  const conditional = task.data.schedule.conditional;
  if (conditional && conditional.conditions.length > 0) {
    const at = ['schedule', 'conditional', 'conditions'];
    if (!dataphin) sink.report(task.file, at, 'dialect', `schedule.conditional.conditions: ${l10n.t('conditions on the business date are Dataphin\'s; project {0} follows DataWorks', project.config.project)}`);
    else {
      if (conditional.enabled && !conditional.then) sink.report(task.file, ['schedule', 'conditional'], 'conditional-without-then', `schedule.conditional.then: ${l10n.t('say what an instance becomes when the conditions hold (dry-run or paused)')}`);
      conditional.conditions.forEach((c, i) => {
        if (c.calendar !== undefined && !project.config.calendars[c.calendar]) {
          sink.report(task.file, [...at, i, 'calendar'], 'unknown-calendar', `schedule.conditional.conditions.${i}.calendar: ${l10n.t('project {0} has no public calendar "{1}" (calendars: {2})', project.config.project, c.calendar, Object.keys(project.config.calendars).join(', ') || l10n.t('none'))}`);
        }
      });
    }
  }
  task.data.dependencies.forEach((dep, i) => {
    const at = (field: string) => ['dependencies', i, field];
    if (!dataphin) {
      if (dep.policy !== undefined) sink.report(task.file, at('policy'), 'dialect', `dependencies.${i}.policy: ${l10n.t('a dependency policy is Dataphin\'s; project {0} follows DataWorks (set scheduler: dataphin in nightshift.yaml)', project.config.project)}`);
      if (dep.daysBack !== undefined) sink.report(task.file, at('daysBack'), 'dialect', `dependencies.${i}.daysBack: ${l10n.t('"N days back" is Dataphin\'s; project {0} follows DataWorks', project.config.project)}`);
      if (dep.cycle === 'last24h') sink.report(task.file, at('cycle'), 'dialect', `dependencies.${i}.cycle: ${l10n.t('last24h (最近24小时) is Dataphin\'s; project {0} follows DataWorks (same or previous)', project.config.project)}`);
      return;
    }
    if (dep.daysBack !== undefined && dep.cycle !== 'previous') sink.report(task.file, at('daysBack'), 'dialect', `dependencies.${i}.daysBack: ${l10n.t('goes with cycle: previous (the window of day D-N)')}`);
  });
}

function checkReferences(task: Task, tasksById: TasksById, sink: ProblemSink): void {
  const seen = new Set<string>();
  task.data.dependencies.forEach((dep, i) => {
    if (dep.task === task.data.id) {
      sink.report(task.file, ['dependencies', i, 'task'], 'self-dependency', `dependencies.${i}.task: ${l10n.t('a task cannot depend on itself; use schedule.crossCycle: self to depend on its previous cycle')}`);
    } else if (!tasksById.has(dep.task)) {
      sink.report(task.file, ['dependencies', i, 'task'], 'unknown-dependency', `dependencies.${i}.task: ${l10n.t('no task has the id "{0}"', dep.task)}`);
    }
    const key = `${dep.task}/${dep.cycle}`;
    if (seen.has(key)) sink.report(task.file, ['dependencies', i], 'duplicate-dependency', `dependencies.${i}: ${l10n.t('the dependency on {0} is listed twice', dep.task)}`, 'warning');
    seen.add(key);
  });
  const cross = task.data.schedule.crossCycle;
  if (Array.isArray(cross)) {
    cross.forEach((id, i) => {
      if (!tasksById.has(id)) sink.report(task.file, ['schedule', 'crossCycle', i], 'unknown-dependency', `schedule.crossCycle.${i}: ${l10n.t('no task has the id "{0}"', id)}`);
    });
  }
}
