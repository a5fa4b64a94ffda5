import { YamlSource, type YamlPath } from '../yaml/yamlSource';
import type { Project, Task } from '../workspace/workspaceModel';
import type { Diagnostic, Severity } from './diagnostic';
import { cyclePath, findCycles } from './dependencyCycles';

export interface CheckInput {
  projects: readonly Project[];
  tasks: readonly Task[];
  tasksById: ReadonlyMap<string, readonly Task[]>;
  textOf(file: string): string;
}

/** Problems that need more than one file to see: duplicates, references, ownership, cycles. */
export function workspaceChecks(input: CheckInput): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const sources = new Map<string, YamlSource>();
  // Positions are only needed for files with problems, so their YAML is parsed again only then.
  const locate = (file: string, path: YamlPath) => {
    let source = sources.get(file);
    if (!source) {
      source = new YamlSource(input.textOf(file));
      sources.set(file, source);
    }
    return source.locate(path);
  };
  const report = (file: string, path: YamlPath, code: string, message: string, severity: Severity = 'error', related?: Diagnostic['related']) => {
    const d: Diagnostic = { file, ...locate(file, path), severity, code, message, ...(related ? { related } : {}) };
    const list = out.get(file);
    if (list) list.push(d);
    else out.set(file, [d]);
  };

  const projectsByName = new Map<string, Project[]>();
  for (const p of input.projects) projectsByName.set(p.config.project, [...(projectsByName.get(p.config.project) ?? []), p]);
  for (const [name, same] of projectsByName) {
    if (same.length < 2) continue;
    for (const p of same) {
      const others = same.filter((o) => o !== p);
      report(p.file, ['project'], 'duplicate-project', `project: the name "${name}" is also used by ${others.map((o) => o.file).join(', ')}`, 'error',
        others.map((o) => ({ file: o.file, line: 1, message: 'same project name' })));
    }
  }

  for (const [id, same] of input.tasksById) {
    if (same.length < 2) continue;
    for (const t of same) {
      const others = same.filter((o) => o !== t);
      report(t.file, ['id'], 'duplicate-id', `id: "${id}" is also the id of ${others.map((o) => o.file).join(', ')}; task ids must be unique in the workspace`, 'error',
        others.map((o) => ({ file: o.file, line: 1, message: `also id ${id}` })));
    }
  }

  const projects = new Map(input.projects.map((p) => [p.dir, p]));
  const namesByProject = new Map<string, Map<string, Task[]>>();
  for (const task of input.tasks) {
    const project = task.projectDir ? projects.get(task.projectDir) : undefined;
    if (!project) {
      report(task.file, ['id'], 'outside-project', 'this task file is not inside the task root of any project (no nightshift.yaml above it, or outside its taskRoot)', 'warning');
      continue;
    }
    let names = namesByProject.get(project.dir);
    if (!names) namesByProject.set(project.dir, (names = new Map()));
    names.set(task.data.name, [...(names.get(task.data.name) ?? []), task]);
    checkAgainstProject(task, project, report);
    checkReferences(task, input.tasksById, report);
  }
  for (const names of namesByProject.values()) {
    for (const [name, same] of names) {
      if (same.length < 2) continue;
      for (const t of same) {
        const others = same.filter((o) => o !== t);
        report(t.file, ['name'], 'duplicate-name', `name: "${name}" is also the name of task ${others.map((o) => o.data.id).join(', ')} in this project`);
      }
    }
  }

  checkCycles(input, report);
  return out;
}

type Report = (file: string, path: YamlPath, code: string, message: string, severity?: Severity, related?: Diagnostic['related']) => void;

function checkAgainstProject(task: Task, project: Project, report: Report): void {
  const { config } = project;
  const t = task.data;
  if (!config.taskTypes.includes(t.type)) {
    report(task.file, ['type'], 'unknown-task-type', `type: "${t.type}" is not a task type of project ${config.project} (${config.taskTypes.join(', ')})`);
  }
  if (config.users.length > 0) {
    for (const field of ['owner', 'opsOwner'] as const) {
      const user = t[field];
      if (user !== undefined && !config.users.includes(user)) {
        report(task.file, [field], 'unknown-owner', `${field}: "${user}" is not a user of project ${config.project} (${config.users.join(', ')})`);
      }
    }
  }
  if (t.template) {
    const template = config.templates.find((tp) => tp.name === t.template?.name);
    if (!template) {
      report(task.file, ['template', 'name'], 'unknown-template', `template.name: "${t.template.name}" is not a template of project ${config.project}`);
    } else {
      if (!template.versions.includes(t.template.version)) {
        report(task.file, ['template', 'version'], 'unknown-template-version', `template.version: ${template.name} has no version ${t.template.version} (versions ${template.versions.join(', ')})`);
      }
      if (template.taskType !== t.type) {
        report(task.file, ['template', 'name'], 'template-type-mismatch', `template.name: ${template.name} is a ${template.taskType} template; this task is ${t.type}`);
      }
    }
  }
}

function checkReferences(task: Task, tasksById: ReadonlyMap<string, readonly Task[]>, report: Report): void {
  const seen = new Set<string>();
  task.data.dependencies.forEach((dep, i) => {
    if (dep.task === task.data.id) {
      report(task.file, ['dependencies', i, 'task'], 'self-dependency', `dependencies.${i}.task: a task cannot depend on itself; use schedule.crossCycle: self to depend on its previous cycle`);
    } else if (!tasksById.has(dep.task)) {
      report(task.file, ['dependencies', i, 'task'], 'unknown-dependency', `dependencies.${i}.task: no task has the id "${dep.task}"`);
    }
    const key = `${dep.task}/${dep.cycle}`;
    if (seen.has(key)) report(task.file, ['dependencies', i], 'duplicate-dependency', `dependencies.${i}: the dependency on ${dep.task} is listed twice`, 'warning');
    seen.add(key);
  });
  const cross = task.data.schedule.crossCycle;
  if (Array.isArray(cross)) {
    cross.forEach((id, i) => {
      if (!tasksById.has(id)) report(task.file, ['schedule', 'crossCycle', i], 'unknown-dependency', `schedule.crossCycle.${i}: no task has the id "${id}"`);
    });
  }
}

/** Same-cycle dependencies must form a DAG; previous-cycle ones point back in time and cannot loop. */
function checkCycles(input: CheckInput, report: Report): void {
  const edges = (id: string): readonly string[] => {
    const task = input.tasksById.get(id)?.[0];
    if (!task) return [];
    return task.data.dependencies.filter((d) => d.cycle === 'same' && d.task !== id && input.tasksById.has(d.task)).map((d) => d.task);
  };
  for (const component of findCycles([...input.tasksById.keys()], edges)) {
    const members = new Set(component);
    for (const id of component) {
      const task = input.tasksById.get(id)![0]!;
      const loop = cyclePath(id, members, edges);
      const next = loop[1];
      const index = task.data.dependencies.findIndex((d) => d.task === next && d.cycle === 'same');
      report(task.file, index >= 0 ? ['dependencies', index, 'task'] : ['dependencies'], 'dependency-cycle', `dependencies: dependency cycle ${loop.join(' → ')}`);
    }
  }
}
