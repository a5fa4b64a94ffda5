import * as l10n from '@vscode/l10n';
import type { TaskFile } from '../model/taskSchema';
import { fromDolphin } from './dolphinParameters';
import type { ImportedTask } from './flowspecImport';
import { InterchangeError, type InterchangeReport } from './interchangeReport';
import { cronToSchedule } from './quartzCron';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const TYPE: Record<string, string> = { SQL: 'SQL', PYTHON: 'Python', SHELL: 'Shell' };

/** Whether a parsed document looks like DolphinScheduler's workflow export. */
export function isDolphinDocument(doc: unknown): boolean {
  const first = Array.isArray(doc) ? doc[0] : doc;
  return isObject(first) && isObject(first.processDefinition) && Array.isArray(first.taskDefinitionList);
}

/**
 * DolphinScheduler's workflow export as tasks: each task with its workflow's schedule, relations as
 * same-cycle dependencies, DEPENDENT tasks as dependencies of the task after them (a `last…` date
 * window as the previous cycle), local params as parameters in DataWorks' syntax.
 */
export function importDolphin(file: string, text: string, known: (id: string) => boolean, report: InterchangeReport): ImportedTask[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new InterchangeError(file, '', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const workflows = Array.isArray(doc) ? doc : [doc];
  if (!isDolphinDocument(workflows)) throw new InterchangeError(file, '[0]', l10n.t('not a DolphinScheduler workflow export (no processDefinition and taskDefinitionList)'));
  const tasks = new Map<string, ImportedTask>();
  const gates = new Map<string, { at: string; items: Json[] }>();
  const relations: { at: string; pre: string; post: string }[] = [];
  workflows.forEach((w, wi) => {
    const at = `[${wi}]`;
    if (!isObject(w) || !isObject(w.processDefinition) || !Array.isArray(w.taskDefinitionList)) throw new InterchangeError(file, at, l10n.t('a workflow needs processDefinition and taskDefinitionList'));
    const schedule = isObject(w.schedule) ? w.schedule : undefined;
    let basic: Partial<TaskFile['schedule']> = { method: 'one-time' };
    if (schedule && typeof schedule.crontab === 'string') {
      const read = cronToSchedule(schedule.crontab);
      if ('error' in read) throw new InterchangeError(file, `${at}.schedule.crontab`, read.error);
      const from = typeof schedule.startTime === 'string' && !schedule.startTime.startsWith('1970') ? schedule.startTime.slice(0, 10) : undefined;
      const to = typeof schedule.endTime === 'string' && !/^(2099-12-31|9999)/.test(schedule.endTime) ? schedule.endTime.slice(0, 10) : undefined;
      basic = { method: 'normal', ...read.schedule, ...(from || to ? { effective: { ...(from ? { from } : {}), ...(to ? { to } : {}) } } : {}) };
    }
    w.taskDefinitionList.forEach((t, ti) => {
      const tat = `${at}.taskDefinitionList[${ti}]`;
      if (!isObject(t)) throw new InterchangeError(file, tat, l10n.t('a task definition must be an object'));
      const code = String(t.code);
      const params = isObject(t.taskParams) ? t.taskParams : {};
      if (t.taskType === 'DEPENDENT') {
        const dependence = isObject(params.dependence) ? params.dependence : {};
        const items = (Array.isArray(dependence.dependTaskList) ? dependence.dependTaskList : []).flatMap((g) => (isObject(g) && Array.isArray(g.dependItemList) ? g.dependItemList.filter(isObject) : []));
        gates.set(code, { at: tat, items });
        return;
      }
      const type = TYPE[String(t.taskType)];
      if (!type) throw new InterchangeError(file, `${tat}.taskType`, l10n.t('unknown node type {0}; known: {1}', JSON.stringify(t.taskType) ?? 'undefined', 'SQL, PYTHON, SHELL, DEPENDENT'));
      const name = String(t.name ?? code).replace(/[^\p{L}\p{N}_-]+/gu, '_');
      const parameters: Record<string, string> = {};
      for (const p of Array.isArray(params.localParams) ? params.localParams : []) {
        if (!isObject(p) || typeof p.prop !== 'string') continue;
        const converted = fromDolphin(String(p.value ?? ''));
        if (!converted.exact) report.note(code, name, l10n.t('parameter {0} ({1}) is read as {2}, the nearest DataWorks expression', p.prop, String(p.value), converted.value));
        parameters[p.prop] = converted.value;
      }
      const retry = Number(t.failRetryTimes ?? 0);
      const data: ImportedTask['data'] = {
        id: code,
        name,
        type,
        status: 'developing',
        published: false,
        ...(typeof t.description === 'string' && t.description ? { description: t.description } : {}),
        schedule: { ...basic, method: t.flag === 'NO' && basic.method === 'normal' ? 'paused' : basic.method, crossCycle: 'none' } as TaskFile['schedule'],
        ...(Object.keys(parameters).length ? { parameters } : {}),
        run: {
          ...(t.timeoutFlag === 'OPEN' && Number(t.timeout) > 0 ? { timeoutMinutes: Number(t.timeout) } : {}),
          ...(retry > 0 ? { autoRerun: { times: Math.min(10, retry), intervalMinutes: Math.max(1, Math.min(30, Number(t.failRetryInterval ?? 1))) } } : {}),
        },
      };
      if (t.flag === 'NO') report.note(code, name, l10n.t('flag NO (not run) is read as the paused method'));
      const script = typeof params.rawScript === 'string' ? params.rawScript : typeof params.sql === 'string' ? params.sql : '';
      if (tasks.has(code)) throw new InterchangeError(file, `${tat}.code`, l10n.t('the code {0} is in the file twice', code));
      tasks.set(code, { data, folder: '', code: script, at: tat });
    });
    (Array.isArray(w.processTaskRelationList) ? w.processTaskRelationList : []).forEach((r, ri) => {
      if (isObject(r) && String(r.preTaskCode) !== '0') relations.push({ at: `${at}.processTaskRelationList[${ri}]`, pre: String(r.preTaskCode), post: String(r.postTaskCode) });
    });
  });
  const addDependency = (down: ImportedTask, dep: { task: string; cycle: 'same' | 'previous' }) => {
    const list = (down.data.dependencies ??= [] as TaskFile['dependencies']);
    if (!list.some((d) => d.task === dep.task && d.cycle === dep.cycle)) list.push(dep as TaskFile['dependencies'][number]);
  };
  for (const r of relations) {
    const down = tasks.get(r.post);
    if (!down) continue;
    const gate = gates.get(r.pre);
    if (gate) {
      for (const item of gate.items) {
        const target = String(item.depTaskCode);
        const previous = /^last/.test(String(item.dateValue));
        if (!tasks.has(target) && !known(target)) {
          report.note(down.data.id, down.data.name, l10n.t('its DEPENDENT task waits for {0} ({1}), which is neither in the file nor in the workspace: left out', target, gate.at));
          continue;
        }
        if (!['today', 'currentHour', 'thisWeek', 'thisMonth', 'last1Days', 'last1Hour', 'lastWeek', 'lastMonth'].includes(String(item.dateValue))) report.note(down.data.id, down.data.name, previous ? l10n.t('the date window {0} is read as the previous cycle', String(item.dateValue)) : l10n.t('the date window {0} is read as the same cycle', String(item.dateValue)));
        addDependency(down, { task: target, cycle: previous ? 'previous' : 'same' });
      }
      continue;
    }
    if (!tasks.has(r.pre)) throw new InterchangeError(file, `${r.at}.preTaskCode`, l10n.t('no task has the code {0}', r.pre));
    addDependency(down, { task: r.pre, cycle: 'same' });
  }
  return [...tasks.values()];
}
