import * as l10n from '@vscode/l10n';
import { parse as parseYaml } from 'yaml';
import type { TaskFile } from '../model/taskSchema';
import { InterchangeError, InterchangeReport } from './interchangeReport';
import { cronToSchedule } from './quartzCron';

/** A task read from a document, before it is placed in a project: its file's fields and its code. */
export interface ImportedTask {
  data: Partial<TaskFile> & { id: string; name: string; type: string };
  /** Folder below the project's task root, from the script's path. */
  folder: string;
  code: string;
  /** Where it is in the document, for errors (`spec.workflows[0].nodes[2]`). */
  at: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `{{…}}` references of FlowSpec (`{{scripts.script_file1}}`, `{{variables.bizdate}}`, `{{node_1}}`)
 * replaced by what they name: an entry of that list of `spec`, or any entry with that id.
 */
function resolveReferences(spec: Json): Json {
  const byList = new Map<string, Map<string, unknown>>();
  const byId = new Map<string, unknown>();
  const collect = (name: string, list: unknown) => {
    if (!Array.isArray(list)) return;
    const ids = new Map<string, unknown>();
    for (const item of list) {
      if (isObject(item) && typeof item.id === 'string') {
        ids.set(item.id, item);
        if (!byId.has(item.id)) byId.set(item.id, item);
      }
    }
    byList.set(name, ids);
  };
  for (const [key, value] of Object.entries(spec)) {
    if (Array.isArray(value)) collect(key, value);
    else if (isObject(value)) for (const [inner, list] of Object.entries(value)) collect(`${key}.${inner}`, list);
  }
  const seen = new Set<unknown>();
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const ref = /^\{\{\s*([\w.-]+)\s*\}\}$/.exec(value);
      if (!ref) return value;
      const path = ref[1]!;
      const dot = path.lastIndexOf('.');
      const found = dot > 0 ? byList.get(path.slice(0, dot))?.get(path.slice(dot + 1)) : byId.get(path);
      if (found === undefined) return value;
      if (seen.has(found)) return found;
      seen.add(found);
      return resolve(found);
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    return value;
  };
  return resolve(spec) as Json;
}

const TYPE_BY_COMMAND: [RegExp, string][] = [
  [/sql|odps_sql|hive|spark_sql|holo/i, 'SQL'],
  [/py|python/i, 'Python'],
  [/shell|bash|sh$/i, 'Shell'],
];

function typeOf(script: Json | undefined): string | undefined {
  const runtime = isObject(script?.runtime) ? script!.runtime : {};
  const keys = [runtime.command, script?.language].filter((v): v is string => typeof v === 'string');
  for (const key of keys) for (const [re, type] of TYPE_BY_COMMAND) if (re.test(key)) return type;
  return undefined;
}

const METHOD: Record<string, 'normal' | 'paused' | 'dry-run'> = { Normal: 'normal', Pause: 'paused', Skip: 'dry-run' };

/**
 * A FlowSpec document (YAML or JSON; shape 1.1 with `spec.nodes` and `spec.flow`, or 1.2 with
 * `spec.workflows[].nodes` and `dependencies`) as tasks. Nodes that only reference a node elsewhere
 * (`reference`) are not tasks. A dependency on a node neither in the file nor in `known` is left out,
 * with a line in the report.
 */
export function importFlowSpec(file: string, text: string, known: (id: string) => boolean, report: InterchangeReport): ImportedTask[] {
  let doc: unknown;
  try {
    doc = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new InterchangeError(file, '', `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  if (!isObject(doc) || !isObject(doc.spec)) throw new InterchangeError(file, 'spec', l10n.t('not a FlowSpec document (no "spec" object)'));
  const spec = resolveReferences(doc.spec);
  const groups: { path: string; nodes: unknown[]; flow: unknown[] }[] = Array.isArray(spec.workflows)
    ? spec.workflows.map((w, i) => ({ path: `spec.workflows[${i}]`, nodes: isObject(w) && Array.isArray(w.nodes) ? w.nodes : [], flow: isObject(w) && Array.isArray(w.dependencies) ? w.dependencies : [] }))
    : [{ path: 'spec', nodes: Array.isArray(spec.nodes) ? spec.nodes : [], flow: Array.isArray(spec.flow) ? spec.flow : [] }];
  const tasks = new Map<string, ImportedTask>();
  const outputs = new Map<string, string>();
  for (const group of groups) {
    group.nodes.forEach((raw, i) => {
      const at = `${group.path}.nodes[${i}]`;
      if (!isObject(raw)) throw new InterchangeError(file, at, l10n.t('a node must be an object'));
      if (raw.reference && !raw.script) return;
      const id = raw.id === undefined ? undefined : String(raw.id);
      if (!id) throw new InterchangeError(file, `${at}.id`, l10n.t('a node needs an id'));
      const script = isObject(raw.script) ? raw.script : undefined;
      const type = typeOf(script);
      if (!type) throw new InterchangeError(file, `${at}.script`, l10n.t('unknown node type {0}; known: {1}', `(${JSON.stringify((script?.runtime as Json | undefined)?.command ?? script?.language ?? null)})`, l10n.t('SQL, Python and Shell runtimes')));
      const name = String(raw.name ?? script?.name ?? id).replace(/[^\p{L}\p{N}_-]+/gu, '_');
      const note = (text: string) => report.note(id, name, text);
      const extra = isObject(raw.metadata) && isObject(raw.metadata.nightshift) ? raw.metadata.nightshift : {};
      const trigger = isObject(raw.trigger) ? raw.trigger : undefined;
      const data: ImportedTask['data'] = { id, name, type, status: 'developing', published: false };
      if (typeof raw.owner === 'string' || typeof raw.owner === 'number') data.owner = String(raw.owner);
      if (typeof raw.description === 'string' && raw.description) data.description = raw.description;
      const method = METHOD[String(raw.recurrence ?? trigger?.recurrence ?? 'Normal')] ?? 'normal';
      if (!trigger || trigger.type === 'Manual') {
        data.schedule = { method: 'one-time', crossCycle: 'none' } as TaskFile['schedule'];
      } else {
        const cron = typeof trigger.cron === 'string' ? cronToSchedule(trigger.cron) : { error: 'no cron' };
        if ('error' in cron) throw new InterchangeError(file, `${at}.trigger.cron`, cron.error);
        const effective = {
          ...(typeof trigger.startTime === 'string' && !trigger.startTime.startsWith('1970-01-01') ? { from: trigger.startTime.slice(0, 10) } : {}),
          ...(typeof trigger.endTime === 'string' && !trigger.endTime.startsWith('9999') ? { to: trigger.endTime.slice(0, 10) } : {}),
        };
        data.schedule = { method, ...cron.schedule, crossCycle: 'none', ...(Object.keys(effective).length ? { effective } : {}) } as TaskFile['schedule'];
        if (isObject(extra.window)) Object.assign(data.schedule, extra.window);
        if (isObject(extra.conditional)) data.schedule.conditional = extra.conditional as TaskFile['schedule']['conditional'];
        if (typeof trigger.delaySeconds === 'number' && trigger.delaySeconds > 0) note(l10n.t('a start delay of {0} s has no task field; not carried', trigger.delaySeconds));
      }
      const rerunTimes = Number(raw.rerunTimes ?? 0);
      const rerunInterval = Number(raw.rerunInterval ?? 0);
      const timeoutHours = Number(raw.timeout ?? 0);
      data.run = {
        ...(typeof extra.timeoutMinutes === 'number' ? { timeoutMinutes: extra.timeoutMinutes } : timeoutHours > 0 ? { timeoutMinutes: timeoutHours * 60 } : {}),
        ...(rerunTimes > 0 ? { autoRerun: { times: Math.min(10, rerunTimes), intervalMinutes: Math.max(1, Math.min(30, Math.round(rerunInterval / 60_000) || 1)) } } : {}),
      };
      if (rerunTimes > 0 && (rerunInterval % 60_000 !== 0 || rerunInterval / 60_000 > 30 || rerunTimes > 10)) note(l10n.t('auto-rerun {0}× every {1} s is bounded to the console\'s 10 times and 1 to 30 whole minutes', rerunTimes, rerunInterval / 1000));
      if (raw.rerunMode && raw.rerunMode !== 'Allowed') note(l10n.t('{0} {1} has no task field; not carried', 'rerunMode', String(raw.rerunMode)));
      if (raw.instanceMode && raw.instanceMode !== 'T+1') note(l10n.t('{0} {1} has no task field; not carried', 'instanceMode', String(raw.instanceMode)));
      const parameters: Record<string, string> = {};
      for (const p of Array.isArray(script?.parameters) ? script!.parameters : []) {
        if (isObject(p) && typeof p.name === 'string' && p.value !== undefined) parameters[p.name] = String(p.value);
        else note(l10n.t('a script parameter that names no variable ({0}) is left out', JSON.stringify(p)));
      }
      if (Object.keys(parameters).length) data.parameters = parameters;
      const outs = isObject(raw.outputs) ? raw.outputs : {};
      const tables = [
        ...(Array.isArray(outs.tables) ? outs.tables.map((t) => (isObject(t) ? String(t.guid ?? '') : '')) : []),
      ].filter(Boolean);
      if (tables.length) data.outputTables = tables;
      for (const o of Array.isArray(outs.nodeOutputs) ? outs.nodeOutputs : []) if (isObject(o) && o.data !== undefined) outputs.set(String(o.data), id);
      outputs.set(id, id);
      for (const key of ['opsOwner', 'tags', 'template', 'expectedMinutes', 'expectedP90Minutes'] as const) if (extra[key] !== undefined) (data as Record<string, unknown>)[key] = extra[key];
      if (typeof extra.status === 'string') data.status = extra.status as TaskFile['status'];
      if (typeof extra.published === 'boolean') data.published = extra.published;
      const path = typeof script?.path === 'string' ? script.path.replace(/^\/+/, '').split('/').slice(0, -1) : [];
      // An export writes <project>/<folder>/<name>: the project part is not a folder.
      const folder = (path.length && extra.status !== undefined ? path.slice(1) : path).join('/');
      const code = typeof script?.content === 'string' ? script.content : typeof script?.code === 'string' ? script.code : '';
      if (tasks.has(id)) throw new InterchangeError(file, `${at}.id`, l10n.t('the id {0} is in the document twice', id));
      tasks.set(id, { data, folder, code, at });
      if (isObject(extra) && Array.isArray(extra.dependencies)) (tasks.get(id)!.data as Record<string, unknown>).dependencies = extra.dependencies;
      if (Array.isArray(extra.crossCycle)) tasks.get(id)!.data.schedule = { ...tasks.get(id)!.data.schedule!, crossCycle: extra.crossCycle as string[] };
    });
  }
  for (const group of groups) {
    group.flow.forEach((raw, i) => {
      const at = `${group.path}.${Array.isArray(spec.workflows) ? 'dependencies' : 'flow'}[${i}]`;
      if (!isObject(raw)) throw new InterchangeError(file, at, l10n.t('a flow entry must be an object'));
      const downId = String(isObject(raw.nodeId) ? raw.nodeId.id : raw.nodeId);
      const down = tasks.get(downId);
      if (!down) {
        if (groups.some((g) => g.nodes.some((n) => isObject(n) && String(n.id) === downId))) return;
        throw new InterchangeError(file, `${at}.nodeId`, l10n.t('no node has the id {0}', downId));
      }
      const keepsSettings = Array.isArray(down.data.dependencies);
      const deps: { task: string; cycle: 'same' | 'previous' }[] = [];
      const crossIds: string[] = [];
      (Array.isArray(raw.depends) ? raw.depends : []).forEach((d, j) => {
        if (!isObject(d)) throw new InterchangeError(file, `${at}.depends[${j}]`, l10n.t('a dependency must be an object'));
        const type = String(d.type ?? 'Normal');
        if (type === 'CrossCycleDependsOnSelf') return void (down.data.schedule = { ...down.data.schedule!, crossCycle: 'self' });
        if (type === 'CrossCycleDependsOnChildren') return void (down.data.schedule = { ...down.data.schedule!, crossCycle: 'children' });
        if (type !== 'Normal' && type !== 'CrossCycleDependsOnOtherNode') throw new InterchangeError(file, `${at}.depends[${j}].type`, l10n.t('unknown dependency type {0}', String(type)));
        const target = d.output !== undefined ? outputs.get(String(d.output)) ?? String(d.output) : String(isObject(d.nodeId) ? d.nodeId.id : d.nodeId);
        if (!tasks.has(target) && !known(target)) {
          report.note(down.data.id, down.data.name, l10n.t('depends on {0} ({1}), which is neither in the file nor in the workspace: left out', target, `${at}.depends[${j}]`));
          return;
        }
        if (type === 'Normal') deps.push({ task: target, cycle: 'same' });
        else crossIds.push(target);
      });
      if (keepsSettings) return;
      // Other nodes' previous cycles are crossCycle: [ids], unless crossCycle already says self or
      // children: then they are previous-cycle dependencies, which the engine follows the same way.
      const own = down.data.schedule?.crossCycle;
      if (crossIds.length && (own === 'self' || own === 'children')) deps.push(...crossIds.map((task) => ({ task, cycle: 'previous' as const })));
      else if (crossIds.length) down.data.schedule = { ...down.data.schedule!, crossCycle: crossIds };
      if (deps.length) down.data.dependencies = deps as TaskFile['dependencies'];
    });
  }
  return [...tasks.values()];
}
