// Schedule diff benchmark (issue: review before publishing). Prints, in one run, on the same files:
//   preview — what `nightshift preview` does for one day: index, scheduling graph, the day's instances
//             with edges and parameters, and their predicted times;
//   diff    — what `nightshift diff --date D` does: the workspace at HEAD read from Git's objects and
//             as it is on disk, both planned and timed, compared by instance, edge, parameter, timing,
//             downstream closure and baseline. Target: within about 2x one preview.
// The workspace is generated, committed, then 1% of its tasks get another time of day.
// Usage: npm run bench:diff -- [--tasks 10000] [--runs 5] [--date 2026-11-21]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { planDay } from '../src/core/engine/dayPlan';
import { buildSchedulingGraph } from '../src/core/engine/schedulingGraph';
import { buildTimeline } from '../src/core/engine/timelineModel';
import { loadWorkspaceAtRevision } from '../src/core/review/gitWorkspace';
import { scheduleDiff } from '../src/core/review/scheduleDiff';
import { loadWorkspace } from '../src/core/workspace/diskWorkspace';
import { findIndexedFiles } from '../src/core/workspace/workspaceWalk';
import { benchWorkspace, gc, median } from './benchSupport';

const { values } = parseArgs({ options: { tasks: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' }, date: { type: 'string', default: '2026-11-21' } } });
const date = values.date!;
const { dir, cleanup } = benchWorkspace({ tasks: values.tasks! });
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: dir, maxBuffer: 1 << 30 });
git('init', '-q');
git('add', '-A');
git('commit', '-qm', 'base');
const tasks = findIndexedFiles(dir).filter((f) => f.endsWith('.task.yaml'));
let edited = 0;
for (let i = 0; i < tasks.length; i += 100) {
  const text = readFileSync(tasks[i]!, 'utf8');
  const next = text.replace(/time: "(\d\d):(\d\d)"/, (_m, h: string, m: string) => `time: "${String((Number(h) + 2) % 24).padStart(2, '0')}:${m}"`);
  if (next !== text) {
    writeFileSync(tasks[i]!, next);
    edited++;
  }
}

function preview(): number {
  const index = loadWorkspace(dir);
  index.diagnostics();
  const graph = buildSchedulingGraph(index);
  const plan = planDay(graph, date);
  return buildTimeline(graph, plan).byPosition.timings.length;
}

function diff(): number {
  const after = loadWorkspace(dir);
  const before = loadWorkspaceAtRevision(dir, 'HEAD', undefined, after).index;
  return scheduleDiff(before, after, date, date).changes.length;
}

preview();
let changes = diff();
const previews: number[] = [];
const diffs: number[] = [];
for (let i = 0; i < Number(values.runs); i++) {
  gc();
  let start = performance.now();
  preview();
  previews.push(performance.now() - start);
  gc();
  start = performance.now();
  changes = diff();
  diffs.push(performance.now() - start);
}
const p = median(previews);
const d = median(diffs);
console.log(`workspace: ${tasks.length} tasks, ${edited} with another time of day since HEAD; ${date}: ${changes} changes; median of ${values.runs} runs`);
console.log(`one preview (index + plan + timing):   ${p.toFixed(0)} ms`);
console.log(`nightshift diff --date (HEAD and disk): ${d.toFixed(0)} ms = ${(d / p).toFixed(2)}x one preview (target <= 2x) ${d / p <= 2 ? 'OK' : 'OVER'}`);
cleanup();
