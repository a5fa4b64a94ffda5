import * as l10n from '@vscode/l10n';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { isMultiCycle } from '../model/dependencyWindow';
import type { Project, Task } from '../workspace/workspaceModel';
import { InterchangeReport } from './interchangeReport';
import { taskCodeText } from './taskCode';
import { sameWindow, scheduleToCron } from './quartzCron';

/**
 * Tasks as DataWorks FlowSpec (aliyun/dataworks-spec: `SpecNode`, `SpecScript`, `SpecTrigger`,
 * `SpecFlowDepend`, and the enums `NodeRecurrenceType` Normal|Pause|Skip, `NodeRerunModeType`,
 * `NodeInstanceModeType` T+1, `DependencyType`). One workflow per project. Shape 1.2 (the default):
 * `spec.workflows[{id, name, nodes, dependencies}]`, dependencies by output (each node's default
 * `outputs.nodeOutputs` data is its id); shape 1.1: `spec.nodes` and `spec.flow` by node id.
 */
export type FlowSpecVersion = '1.1' | '1.2';

const LANGUAGE: Record<string, { language: string; engine: string; command: string }> = {
  SQL: { language: 'odps-sql', engine: 'MaxCompute', command: 'ODPS_SQL' },
  Python: { language: 'python3', engine: 'MaxCompute', command: 'PY_ODPS3' },
  Shell: { language: 'shell-script', engine: 'General', command: 'DIDE_SHELL' },
};

const RECURRENCE: Record<string, string> = { normal: 'Normal', paused: 'Pause', 'dry-run': 'Skip' };

function node(task: Task, project: Project, report: InterchangeReport): Record<string, unknown> {
  const t = task.data;
  const s = t.schedule;
  const note = (text: string) => report.note(t.id, t.name, text);
  const runtime = LANGUAGE[t.type] ?? (note(l10n.t('task type {0} has no FlowSpec runtime here; written as SQL', t.type)), LANGUAGE.SQL!);
  const cron = s.cycle && s.method !== 'one-time' ? scheduleToCron(s) : undefined;
  for (const n of cron?.notes ?? []) note(n);
  // What FlowSpec has no field for travels in the node's metadata, which Nightshift reads back and
  // DataWorks ignores: the report says so.
  const extra: Record<string, unknown> = {
    ...(t.opsOwner ? { opsOwner: t.opsOwner } : {}),
    ...(t.tags.length ? { tags: t.tags } : {}),
    ...(t.template ? { template: t.template } : {}),
    ...(t.expectedMinutes !== undefined ? { expectedMinutes: t.expectedMinutes } : {}),
    ...(t.expectedP90Minutes !== undefined ? { expectedP90Minutes: t.expectedP90Minutes } : {}),
    ...(s.conditional ? { conditional: s.conditional } : {}),
    ...(t.run.timeoutMinutes !== undefined ? { timeoutMinutes: t.run.timeoutMinutes } : {}),
    ...(t.dependencies.some((d) => d.cycle !== 'same' || d.policy) ? { dependencies: t.dependencies } : {}),
    ...(Array.isArray(s.crossCycle) ? { crossCycle: s.crossCycle } : {}),
    // A window the cron can only approximate: its exact times, for a round trip.
    ...(isMultiCycle(s.cycle) && cron && !sameWindow(cron.cron, s) ? { window: { start: s.start, end: s.end, interval: s.interval } } : {}),
    status: t.status,
    published: t.published,
  };
  const carried = ['opsOwner', 'tags', 'template', 'expectedMinutes', 'expectedP90Minutes', 'conditional'].filter((k) => k in extra);
  if (carried.length) note(l10n.t('{0}: no FlowSpec field; carried in metadata.nightshift, which DataWorks does not read', carried.join(', ')));
  const timeout = t.run.timeoutMinutes;
  if (timeout !== undefined && timeout % 60 !== 0) note(l10n.t('a timeout of {0} min is written as {1} h (FlowSpec counts hours)', timeout, Math.ceil(timeout / 60)));
  const rerun = t.run.autoRerun;
  return {
    id: t.id,
    name: t.name,
    metadata: { nightshift: extra },
    ...(t.owner ? { owner: t.owner } : {}),
    ...(t.description ? { description: t.description } : {}),
    recurrence: RECURRENCE[s.method] ?? 'Normal',
    timeout: timeout !== undefined ? Math.ceil(timeout / 60) : 0,
    instanceMode: 'T+1',
    rerunMode: 'Allowed',
    rerunTimes: rerun?.times ?? 0,
    rerunInterval: (rerun?.intervalMinutes ?? 0) * 60_000,
    script: {
      id: `${t.id}_script`,
      path: [project.config.project, task.folder, t.name].filter(Boolean).join('/'),
      language: runtime.language,
      runtime: { engine: runtime.engine, command: runtime.command },
      content: taskCodeText(task) ?? '',
      parameters: Object.entries(t.parameters).map(([name, value]) => ({ id: `${t.id}_${name}`, name, scope: 'NodeParameter', type: /\$[{[]|\$[a-z]/.test(value) ? 'System' : 'Constant', value })),
    },
    trigger: {
      id: `${t.id}_trigger`,
      type: s.method === 'one-time' ? 'Manual' : 'Scheduler',
      ...(cron ? { cron: cron.cron } : {}),
      startTime: `${s.effective?.from ?? '1970-01-01'} 00:00:00`,
      endTime: s.effective?.to ? `${s.effective.to} 23:59:59` : '9999-01-01 00:00:00',
      timezone: project.config.timezone,
    },
    outputs: {
      nodeOutputs: [{ data: t.id, artifactType: 'NodeOutput', refTableName: t.outputTables[0] ?? t.name, isDefault: true }],
      ...(t.outputTables.length ? { tables: t.outputTables.map((guid) => ({ guid, artifactType: 'Table' })) } : {}),
    },
  };
}

/** A task's upstream as FlowSpec `depends` entries (by output in 1.2, by node id in 1.1). */
function depends(task: Task, index: WorkspaceIndex, version: FlowSpecVersion, report: InterchangeReport): Record<string, unknown>[] {
  const t = task.data;
  const ref = (id: string) => (version === '1.2' ? { output: id } : { nodeId: id });
  const out: Record<string, unknown>[] = [];
  for (const d of t.dependencies) {
    if (d.policy || d.daysBack !== undefined || d.cycle === 'last24h') report.note(t.id, t.name, l10n.t('the dependency on {0} has Dataphin settings ({1}) that FlowSpec cannot say; written as {2}', d.task, [d.cycle !== 'same' ? d.cycle : '', d.policy ?? '', d.daysBack !== undefined ? `daysBack ${d.daysBack}` : ''].filter(Boolean).join(', '), d.cycle === 'same' ? 'Normal' : 'CrossCycleDependsOnOtherNode'));
    if (!index.task(d.task)) report.note(t.id, t.name, l10n.t('depends on {0}, which is not in the workspace', d.task));
    out.push({ type: d.cycle === 'same' ? 'Normal' : 'CrossCycleDependsOnOtherNode', ...ref(d.task) });
  }
  const cross = t.schedule.crossCycle;
  if (cross === 'self') out.push({ type: 'CrossCycleDependsOnSelf', ...ref(t.id) });
  else if (cross === 'children') out.push({ type: 'CrossCycleDependsOnChildren' });
  else if (Array.isArray(cross)) for (const id of cross) out.push({ type: 'CrossCycleDependsOnOtherNode', ...ref(id) });
  return out;
}

export interface FlowSpecDocument {
  project: string;
  document: Record<string, unknown>;
}

/** One FlowSpec document per project of the chosen tasks; the report says what did not map. */
export function exportFlowSpec(index: WorkspaceIndex, tasks: readonly Task[], version: FlowSpecVersion, report: InterchangeReport): FlowSpecDocument[] {
  const byProject = new Map<string, Task[]>();
  for (const task of tasks) {
    if (!task.projectDir) continue;
    const list = byProject.get(task.projectDir);
    if (list) list.push(task);
    else byProject.set(task.projectDir, [task]);
  }
  const documents: FlowSpecDocument[] = [];
  for (const [dir, list] of byProject) {
    const project = index.project(dir)!;
    if (project.config.scheduler === 'dataphin') for (const t of list) report.note(t.data.id, t.data.name, l10n.t('the project follows Dataphin\'s scheduler; FlowSpec is DataWorks\' and has no dialect'));
    const nodes = list.map((t) => node(t, project, report));
    const flow = list.map((t) => ({ nodeId: t.data.id, depends: depends(t, index, version, report) })).filter((f) => f.depends.length);
    const metadata = { owner: list[0]?.data.owner ?? '', description: `Exported by Nightshift from project ${project.config.project}` };
    const spec = version === '1.2' ? { workflows: [{ id: project.config.project, name: project.config.project, type: 'CycleWorkflow', nodes, dependencies: flow }] } : { nodes, flow };
    documents.push({ project: project.config.project, document: { version: version === '1.2' ? '1.2.0' : '1.1.0', kind: 'CycleWorkflow', metadata, spec } });
  }
  return documents;
}
