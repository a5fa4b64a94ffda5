// Preview benchmark (issue: scheduling engine). Prints, in one run, on the same generated files:
//   floor   — list the files, read them and YAML-parse them, nothing else;
//   preview — what `nightshift preview` does: index (parse, validate, checks), prepare the scheduling
//             graph, generate the day's instances, their upstream edges and every parameter value;
//   peak memory of a fresh process running one preview.
// Usage: npm run bench:preview -- [--tasks 10000] [--dir DIR] [--runs 5] [--date 2026-11-21]
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { planDay, type DayPlan } from '../src/core/engine/dayPlan';
import { buildSchedulingGraph } from '../src/core/engine/schedulingGraph';
import { loadWorkspace } from '../src/core/workspace/diskWorkspace';
import { findIndexedFiles } from '../src/core/workspace/workspaceWalk';
import { benchWorkspace, gc, median, parseFloor } from './benchSupport';

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '10000' },
    dir: { type: 'string' },
    runs: { type: 'string', default: '5' },
    date: { type: 'string', default: '2026-11-21' },
    once: { type: 'boolean' },
  },
});
const date = values.date!;

function preview(dir: string): { plan: DayPlan; phases: Record<string, number> } {
  const t0 = performance.now();
  const ws = loadWorkspace(dir);
  ws.diagnostics();
  const t1 = performance.now();
  const graph = buildSchedulingGraph(ws);
  const plan = planDay(graph, date);
  const t2 = performance.now();
  return { plan, phases: { index: t1 - t0, engine: t2 - t1 } };
}

if (values.once) {
  // Child mode: one preview in a fresh process, for its peak memory.
  const { plan } = preview(values.dir!);
  process.stdout.write(JSON.stringify({ instances: plan.instances.length, maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0);
}

const runs = Number(values.runs);
const { dir, cleanup } = benchWorkspace(values);
const floor = () => parseFloor(dir);

floor();
let last = preview(dir);
const floors: number[] = [];
const previews: number[] = [];
const engines: number[] = [];
for (let i = 0; i < runs; i++) {
  gc();
  let start = performance.now();
  floor();
  floors.push(performance.now() - start);
  gc();
  start = performance.now();
  last = preview(dir);
  previews.push(performance.now() - start);
  engines.push(last.phases.engine!);
}

const plan = last.plan;
const cycles = new Map<string, number>();
for (const [, own] of plan.byTask) {
  const cycle = own[0]!.task.calendar.cycle;
  cycles.set(cycle, (cycles.get(cycle) ?? 0) + 1);
}
let edges = 0;
let params = 0;
for (const i of plan.instances) {
  edges += i.upstream.length;
  params += Object.keys(i.params).length;
}
const child = spawnSync(process.execPath, ['--import=tsx', __filename, '--once', '--dir', dir, '--date', date], { encoding: 'utf8' });
const peak = child.status === 0 ? (JSON.parse(child.stdout) as { maxRssKb: number }).maxRssKb / 1024 : Number.NaN;

const f = median(floors);
const p = median(previews);
console.log(`workspace: ${findIndexedFiles(dir).length} files; ${date}: ${plan.instances.length} instances of ${plan.byTask.size} tasks (${[...cycles].map(([c, n]) => `${n} ${c}`).join(', ')}), ${edges} upstream edges, ${params} parameter values; median of ${runs} runs`);
console.log(`floor (read + yaml parse):             ${f.toFixed(0)} ms`);
console.log(`preview (index + instances + edges + parameters): ${p.toFixed(0)} ms = ${(p / f).toFixed(2)}x the floor (target <= 2x) ${p / f <= 2 ? 'OK' : 'OVER'}`);
console.log(`  of which the engine (graph + day plan): ${median(engines).toFixed(0)} ms`);
console.log(`peak memory of one preview (fresh process, max RSS): ${peak.toFixed(0)} MB (target <= 400 MB) ${peak <= 400 ? 'OK' : 'OVER'}`);
cleanup();
