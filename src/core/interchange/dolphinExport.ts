import * as l10n from '@vscode/l10n';
import { createHash } from 'node:crypto';
import { isMultiCycle } from '../model/dependencyWindow';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import type { Task } from '../workspace/workspaceModel';
import { toDolphin } from './dolphinParameters';
import type { InterchangeReport } from './interchangeReport';
import { taskCodeText } from './taskCode';
import { sameWindow, scheduleToCron } from './quartzCron';

/**
 * Tasks as DolphinScheduler's workflow export (the JSON its UI's Import Workflow reads: an array of
 * `{processDefinition, processTaskRelationList, taskDefinitionList, schedule}`). DolphinScheduler
 * schedules workflows, not tasks: the tasks of a project that share a schedule become one workflow,
 * their dependencies on each other become relations, and a dependency on a task of another workflow
 * (or on a previous cycle) becomes a DEPENDENT task in front of it, checking the nearest date window
 * DolphinScheduler has. That is lossy by design, and the report says where.
 */
const TASK_TYPE: Record<string, string> = { SQL: 'SQL', Python: 'PYTHON', Shell: 'SHELL' };
const CYCLE: Record<string, string> = { minute: 'hour', hour: 'hour', day: 'day', week: 'week', month: 'month', year: 'month' };
const SAME_WINDOW: Record<string, string> = { hour: 'currentHour', day: 'today', week: 'thisWeek', month: 'thisMonth' };
const PREVIOUS_WINDOW: Record<string, string> = { hour: 'last1Hour', day: 'last1Days', week: 'lastWeek', month: 'lastMonth' };

/** A numeric code, as DolphinScheduler's entities have: the id when it is a number, else a stable hash. */
export function dolphinCode(text: string): number {
  if (/^\d{1,15}$/.test(text)) return Number(text);
  return Number.parseInt(createHash('sha256').update(text).digest('hex').slice(0, 12), 16);
}

export function exportDolphin(index: WorkspaceIndex, tasks: readonly Task[], report: InterchangeReport): { project: string; document: unknown[] }[] {
  const byProject = new Map<string, Task[]>();
  for (const t of tasks) if (t.projectDir) byProject.set(t.projectDir, [...(byProject.get(t.projectDir) ?? []), t]);
  const out: { project: string; document: unknown[] }[] = [];
  for (const [dir, list] of byProject) {
    const project = index.project(dir)!;
    const workflowOf = new Map<string, string>();
    const groups = new Map<string, Task[]>();
    for (const t of list) {
      const s = t.data.schedule;
      const written = s.method === 'one-time' || !s.cycle ? undefined : scheduleToCron(s);
      const cron = written?.cron ?? 'manual';
      for (const n of written?.notes ?? []) report.note(t.data.id, t.data.name, n);
      if (isMultiCycle(s.cycle) && written && !written.notes.length && !sameWindow(cron, s)) report.note(t.data.id, t.data.name, l10n.t('the window {0}–{1} reads back from the cron as other bounds with the same times of day', s.start ?? '00:00', s.end ?? '23:59'));
      const key = `${cron}|${s.effective?.from ?? ''}|${s.effective?.to ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), t]);
      workflowOf.set(t.data.id, key);
    }
    const workflowCode = (key: string) => dolphinCode(`${project.config.project}\u0000${key}`);
    const document: unknown[] = [];
    for (const [key, members] of groups) {
      const [cron] = key.split('|');
      const first = members[0]!.data.schedule;
      const code = workflowCode(key);
      const definitions: Record<string, unknown>[] = [];
      const relations: Record<string, unknown>[] = [];
      for (const t of members) {
        const d = t.data;
        const note = (text: string) => report.note(d.id, d.name, text);
        const taskCode = dolphinCode(d.id);
        const localParams = Object.entries(d.parameters).map(([prop, value]) => {
          const converted = toDolphin(value);
          if (!converted.exact) note(l10n.t('parameter {0} ({1}) has no DolphinScheduler time expression; kept as written', prop, value));
          return { prop, direct: 'IN', type: 'VARCHAR', value: converted.value };
        });
        if (d.type === 'SQL') note(l10n.t('a SQL task needs a DolphinScheduler datasource; none is set'));
        if (d.schedule.method !== 'normal' && d.schedule.method !== 'one-time') note(l10n.t('the {0} method has no DolphinScheduler equivalent per task; the task is written with flag NO (not run)', d.schedule.method));
        if (d.schedule.crossCycle === 'self') note(l10n.t('its own previous cycle (crossCycle: self) has no task-level equivalent; set the workflow to serial wait in DolphinScheduler'));
        if (d.schedule.crossCycle === 'children') note(l10n.t('crossCycle: children has no DolphinScheduler equivalent; not carried'));
        const rerun = d.run.autoRerun;
        const script = taskCodeText(t) ?? '';
        definitions.push({
          code: taskCode,
          name: d.name,
          version: 1,
          description: d.description,
          taskType: TASK_TYPE[d.type] ?? 'SHELL',
          taskParams: d.type === 'SQL' ? { localParams, resourceList: [], type: 'HIVE', datasource: 0, sql: script, sqlType: '0' } : { localParams, resourceList: [], rawScript: script },
          flag: d.schedule.method === 'normal' || d.schedule.method === 'one-time' ? 'YES' : 'NO',
          taskPriority: 'MEDIUM',
          workerGroup: 'default',
          failRetryTimes: rerun?.times ?? 0,
          failRetryInterval: rerun?.intervalMinutes ?? 1,
          timeoutFlag: d.run.timeoutMinutes ? 'OPEN' : 'CLOSE',
          timeoutNotifyStrategy: d.run.timeoutMinutes ? 'FAILED' : null,
          timeout: d.run.timeoutMinutes ?? 0,
          delayTime: 0,
        });
        const inside = d.dependencies.filter((dep) => dep.cycle === 'same' && workflowOf.get(dep.task) === key);
        const outside = [
          ...d.dependencies.filter((dep) => !inside.includes(dep)).map((dep) => ({ task: dep.task, previous: dep.cycle !== 'same' })),
          ...(Array.isArray(d.schedule.crossCycle) ? d.schedule.crossCycle.map((task) => ({ task, previous: true })) : []),
        ];
        for (const dep of inside) relations.push({ name: '', preTaskCode: dolphinCode(dep.task), preTaskVersion: 1, postTaskCode: taskCode, postTaskVersion: 1, conditionType: 'NONE', conditionParams: {} });
        if (outside.length) {
          // A DEPENDENT task in front, checking each upstream's date window.
          const gate = dolphinCode(`${d.id}\u0000depends`);
          const items = outside.map((o) => {
            const up = index.task(o.task);
            const upCycle = CYCLE[up?.data.schedule.cycle ?? 'day'] ?? 'day';
            const dateValue = (o.previous ? PREVIOUS_WINDOW : SAME_WINDOW)[upCycle]!;
            note(l10n.t('waits for {0} through a DEPENDENT task checking {1} {2}; DolphinScheduler has no nearest-instance rule', up?.data.name ?? o.task, upCycle, dateValue));
            return { projectCode: dolphinCode(project.config.project), definitionCode: up ? workflowCode(workflowOf.get(o.task) ?? '') : 0, depTaskCode: dolphinCode(o.task), cycle: upCycle, dateValue, state: null };
          });
          definitions.push({
            code: gate,
            name: `${d.name}__depends`,
            version: 1,
            description: `Nightshift: ${d.name} waits for ${outside.map((o) => o.task).join(', ')}`,
            taskType: 'DEPENDENT',
            taskParams: { localParams: [], resourceList: [], dependence: { checkInterval: 10, failurePolicy: 'DEPENDENT_FAILURE_FAILURE', relation: 'AND', dependTaskList: [{ relation: 'AND', dependItemList: items }] } },
            flag: 'YES',
            taskPriority: 'MEDIUM',
            workerGroup: 'default',
            failRetryTimes: 0,
            failRetryInterval: 1,
            timeoutFlag: 'CLOSE',
            timeout: 0,
            delayTime: 0,
          });
          relations.push({ name: '', preTaskCode: 0, preTaskVersion: 0, postTaskCode: gate, postTaskVersion: 1, conditionType: 'NONE', conditionParams: {} });
          relations.push({ name: '', preTaskCode: gate, preTaskVersion: 1, postTaskCode: taskCode, postTaskVersion: 1, conditionType: 'NONE', conditionParams: {} });
        } else if (!inside.length) {
          relations.push({ name: '', preTaskCode: 0, preTaskVersion: 0, postTaskCode: taskCode, postTaskVersion: 1, conditionType: 'NONE', conditionParams: {} });
        }
      }
      document.push({
        processDefinition: { code, name: `${project.config.project}_${cron === 'manual' ? 'manual' : cron!.replace(/[^0-9A-Za-z,*/-]+/g, '_')}`, version: 1, releaseState: 'OFFLINE', projectCode: dolphinCode(project.config.project), description: `Nightshift: tasks of ${project.config.project} scheduled ${cron}`, globalParams: '[]', globalParamList: [], locations: '[]', timeout: 0, executionType: 'PARALLEL', flag: 'YES' },
        processTaskRelationList: relations.map((r) => ({ ...r, processDefinitionCode: code, processDefinitionVersion: 1, projectCode: dolphinCode(project.config.project) })),
        taskDefinitionList: definitions.map((t) => ({ ...t, projectCode: dolphinCode(project.config.project) })),
        schedule:
          cron === 'manual'
            ? null
            : { processDefinitionCode: code, startTime: `${first.effective?.from ?? '1970-01-01'} 00:00:00`, endTime: `${first.effective?.to ?? '2099-12-31'} 23:59:59`, timezoneId: project.config.timezone, crontab: `${cron} *`, failureStrategy: 'CONTINUE', warningType: 'NONE', releaseState: 'OFFLINE', processInstancePriority: 'MEDIUM', workerGroup: 'default' },
      });
    }
    out.push({ project: project.config.project, document });
  }
  return out;
}
