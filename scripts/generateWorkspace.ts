// Writes a large synthetic Nightshift workspace for benchmarks, realistic in its mix:
//   npm run generate -- --tasks 10000 --out /tmp/ws [--seed 1]
// Several projects; folders layer/domain/subject; cycles: ~5% minute, ~25% hour, ~57% day, the rest
// week/month/year; ~10% dry-run, paused or one-time; self-dependent minute/hour tasks; a layered DAG
// (ods → dwd → dws → ads) of same-cycle dependencies plus a few previous-cycle ones. The second project
// follows Dataphin's scheduler: dependency policies, last-24-hours and N-days-back windows, and
// Java-style parameters.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const LAYERS = ['ods', 'dwd', 'dws', 'ads'] as const;
const DOMAINS = ['orders', 'payments', 'users', 'logistics', 'inventory', 'marketing', 'risk', 'finance', 'search', 'ads', 'crm', 'iot'];
const SUBJECTS = ['core', 'detail', 'summary', 'daily', 'realtime'];
const USERS = Array.from({ length: 24 }, (_, i) => `user${String(i + 1).padStart(2, '0')}`);
const TAGS = ['kpi', 'finance', 'pii', 'gdpr', 'critical', 'legacy', 'experiment', 'board', 'daily-report', 'sla'];

export interface GenerateOptions {
  tasks: number;
  out: string;
  seed?: number;
}

/** Deterministic PRNG so a seed always gives the same workspace. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Planned {
  id: string;
  name: string;
  project: number;
  layer: number;
  folder: string;
  cycle: 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year' | undefined;
  text?: string;
}

export function generateWorkspace({ tasks: count, out, seed = 1 }: GenerateOptions): { files: number; projects: number } {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const projects = Math.max(1, Math.round(count / 2500));
  rmSync(out, { recursive: true, force: true });

  for (let p = 0; p < projects; p++) {
    const dir = join(out, `project_${p + 1}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'nightshift.yaml'), [
      `# Synthetic project ${p + 1} of ${projects}`,
      `project: project_${p + 1}`,
      `mode: ${p % 2 ? 'dev-prod' : 'basic'}`,
      'engine: maxcompute',
      'timezone: Asia/Shanghai',
      ...(p === 1 ? ['scheduler: dataphin', 'globals: {region: cn-hangzhou}'] : []),
      'taskRoot: tasks',
      'taskTypes: [SQL, Python, Shell]',
      `users: [${USERS.join(', ')}]`,
      'templates:',
      '  - {name: sync_tpl, taskType: SQL, versions: [1, 2, 3]}',
      '  - {name: py_tpl, taskType: Python, versions: [1, 2]}',
      '',
    ].join('\n'));
  }

  const planned: Planned[] = [];
  for (let i = 0; i < count; i++) {
    const layer = Math.min(3, Math.floor((i / count) * 4));
    const r = random();
    const method = r < 0.03 ? 'one-time' : undefined;
    let cycle: Planned['cycle'];
    if (!method) {
      const c = random();
      // Minute and hour tasks sit mostly in the ods/dwd layers, as ingestion does.
      const fast = layer <= 1 ? 1.6 : 0.4;
      cycle = c < 0.05 * fast ? 'minute' : c < 0.28 * fast ? 'hour' : c < 0.88 ? 'day' : c < 0.94 ? 'week' : c < 0.98 ? 'month' : 'year';
    }
    const domain = pick(DOMAINS);
    const name = `${LAYERS[layer]}_${domain}_${cycle ?? 'once'}_${String(i + 1).padStart(6, '0')}`;
    planned.push({ id: String(100000 + i), name, project: i % projects, layer, folder: `${LAYERS[layer]}/${domain}/${pick(SUBJECTS)}`, cycle });
  }

  const byLayerAndProject = new Map<string, Planned[]>();
  for (const t of planned) {
    const key = `${t.project}/${t.layer}`;
    byLayerAndProject.set(key, [...(byLayerAndProject.get(key) ?? []), t]);
  }

  let files = projects;
  for (const [i, t] of planned.entries()) {
    const lines: string[] = [];
    if (i % 7 === 0) lines.push(`# ${t.name}: generated for benchmarks`);
    const type = random() < 0.75 ? 'SQL' : random() < 0.7 ? 'Python' : 'Shell';
    lines.push(`id: "${t.id}"`, `name: ${t.name}`, `type: ${type}`, `owner: ${pick(USERS)}`, `opsOwner: ${pick(USERS)}`);
    lines.push(`description: "${t.layer === 0 ? 'Ingests' : 'Builds'} ${t.name.replace(/_/g, ' ')}"`);
    const status = pick(['draft', 'developing', 'submitted', 'submitted', 'submitted', 'submitting'] as const);
    lines.push(`status: ${status}`, `published: ${status === 'submitted' && random() < 0.9}`);
    lines.push(`lastSubmission: ${status === 'draft' ? 'none' : pick(['succeeded', 'succeeded', 'succeeded', 'failed', 'warning'])}`);
    const created = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 600) * 86_400_000);
    lines.push(`createdAt: ${created.toISOString().replace('.000', '')}`);
    lines.push(`updatedAt: ${new Date(created.getTime() + Math.floor(random() * 60) * 86_400_000).toISOString().replace('.000', '')}`);
    lines.push(`tags: [${Array.from({ length: Math.floor(random() * 3) }, () => pick(TAGS)).filter((v, k, a) => a.indexOf(v) === k).join(', ')}]`);
    lines.push(`outputTables: [${LAYERS[t.layer]}.${t.name.slice(4)}]`);
    if (type !== 'Shell' && random() < 0.2) lines.push(`template: {name: ${type === 'SQL' ? 'sync_tpl' : 'py_tpl'}, version: ${1 + Math.floor(random() * 2)}}`);

    lines.push('schedule:');
    const m = random();
    const method = !t.cycle ? 'one-time' : m < 0.04 ? 'dry-run' : m < 0.07 ? 'paused' : 'normal';
    lines.push(`  method: ${method}`);
    if (t.cycle) lines.push(`  cycle: ${t.cycle}`);
    const time = () => `"${String(Math.floor(random() * 6)).padStart(2, '0')}:${String(Math.floor(random() * 12) * 5).padStart(2, '0')}"`;
    if (t.cycle === 'minute') {
      lines.push(`  interval: ${pick([5, 10, 10, 15, 30])}`);
      if (random() < 0.2) lines.push('  start: "08:00"', '  end: "20:00"');
    } else if (t.cycle === 'hour') {
      lines.push(`  interval: ${pick([1, 1, 1, 1, 1, 2, 3, 6])}`);
      if (random() < 0.15) lines.push('  start: "06:00"', '  end: "22:00"');
    } else if (t.cycle === 'day') {
      lines.push(`  time: ${time()}`);
    } else if (t.cycle === 'week') {
      lines.push(`  time: ${time()}`, `  weekdays: [${pick(['1', '1, 4', '5', '1, 3, 5'])}]`);
    } else if (t.cycle === 'month') {
      lines.push(`  time: ${time()}`, `  days: [${pick(['1', '1, 15', 'L', '10'])}]`);
    } else if (t.cycle === 'year') {
      lines.push(`  time: ${time()}`, `  months: [${pick(['1', '1, 4, 7, 10', '12'])}]`, `  days: [${pick(['1', 'L', '1, L'])}]`);
    }
    const fast = t.cycle === 'minute' || t.cycle === 'hour';
    if ((fast && random() < 0.3) || (t.cycle === 'day' && random() < 0.05)) lines.push('  crossCycle: self');

    // Upstreams come from earlier layers of the same project (rarely another project): a DAG by construction.
    const deps: string[] = [];
    if (t.layer > 0 && t.cycle) {
      const wanted = 1 + Math.floor(random() * 3);
      for (let k = 0; k < wanted; k++) {
        const project = random() < 0.03 ? Math.floor(random() * projects) : t.project;
        const pool = byLayerAndProject.get(`${project}/${Math.floor(random() * t.layer)}`) ?? [];
        const upstream = pool.length ? pick(pool) : undefined;
        if (upstream?.cycle && !deps.includes(upstream.id)) deps.push(upstream.id);
      }
    }
    const dataphin = t.project === 1;
    if (deps.length) {
      lines.push('dependencies:');
      for (const d of deps) {
        lines.push(`  - task: "${d}"`);
        const upMulti = ['minute', 'hour'].includes(planned[Number(d) - 100000]!.cycle ?? '');
        const w = random();
        if (dataphin && upMulti && w < 0.05) lines.push('    cycle: last24h');
        else if (dataphin && w < 0.08) lines.push('    cycle: previous', `    daysBack: ${1 + Math.floor(random() * 7)}`);
        else if (w < 0.11) lines.push('    cycle: previous');
        const window = lines[lines.length - 1]!;
        const onePrevious = window === '    cycle: previous' && fast;
        if (dataphin && upMulti && !onePrevious && random() < 0.3) lines.push(`    policy: ${pick(['all', 'first', 'last', 'nearest-after', 'last-before'])}`);
      }
    }
    lines.push('parameters:');
    if (dataphin) {
      lines.push(fast ? `  slot: $[yyyy-MM-dd HH:mm-${t.cycle === 'minute' ? '30/24/60' : '1/24'}]` : '  bizdate: ${bizdate}');
      if (random() < 0.3) lines.push('  last_week: ${yyyyMMdd-7}', '  region: ${region}');
    } else {
      lines.push(fast ? `  slot: $[yyyy-mm-dd-hh24:mi-${t.cycle === 'minute' ? '30/24/60' : '1/24'}]` : '  bizdate: ${bdp.system.bizdate}');
      if (random() < 0.3) lines.push('  last_week: ${yyyymmdd-7}');
    }
    lines.push('run:', `  timeoutMinutes: ${pick([30, 60, 120, 180])}`);
    if (random() < 0.3) lines.push(`  autoRerun: {times: ${1 + Math.floor(random() * 3)}, intervalMinutes: ${pick([2, 5, 10])}}`);
    lines.push(`expectedMinutes: ${t.cycle === 'minute' ? 2 : t.cycle === 'hour' ? 8 : 5 + Math.floor(random() * 40)}`);

    const dir = join(out, `project_${t.project + 1}`, 'tasks', t.folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${t.name}.task.yaml`), `${lines.join('\n')}\n`);
    files++;
  }
  return { files, projects };
}

if (require.main === module) {
  const { values } = parseArgs({ options: { tasks: { type: 'string', default: '10000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  if (!values.out) {
    process.stderr.write('usage: generateWorkspace --tasks N --out DIR [--seed S]\n');
    process.exit(2);
  }
  const started = performance.now();
  const { files, projects } = generateWorkspace({ tasks: Number(values.tasks), out: resolve(values.out), seed: Number(values.seed) });
  process.stdout.write(`wrote ${files} files (${projects} projects, ${values.tasks} tasks) to ${values.out} in ${Math.round(performance.now() - started)} ms\n`);
}
