import { strict as assert } from 'node:assert';
import { planDay, type DayPlan } from '../../src/core/engine/dayPlan';
import type { SchedulingGraph } from '../../src/core/engine/schedulingGraph';
import { buildTimeline } from '../../src/core/engine/timelineModel';
import { graphOf, lcg, type TaskSpec } from './engineFixtures';

/** A random acyclic workspace: each task depends only on tasks created before it. */
function randomWorkspace(random: () => number): TaskSpec[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const clock = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  const tasks: TaskSpec[] = [];
  const n = 3 + Math.floor(random() * 14);
  for (let i = 0; i < n; i++) {
    const cycle = pick(['minute', 'hour', 'hour', 'day', 'day', 'week', 'month', 'year'] as const);
    const schedule: Record<string, unknown> = { cycle, method: random() < 0.1 ? pick(['dry-run', 'paused', 'one-time']) : 'normal' };
    if (cycle === 'minute' || cycle === 'hour') {
      const startH = random() < 0.5 ? 0 : Math.floor(random() * 12);
      schedule.start = clock(startH, pick([0, 0, 5, 15, 31]));
      schedule.end = random() < 0.6 ? '23:59' : clock(12 + Math.floor(random() * 12), 0);
      schedule.interval = cycle === 'minute' ? pick([5, 10, 15, 20, 30, 45]) : pick([1, 1, 2, 3, 4, 6, 8]);
    } else {
      schedule.time = clock(Math.floor(random() * 24), pick([0, 30]));
      if (cycle === 'week') schedule.weekdays = [1 + Math.floor(random() * 7)];
      if (cycle === 'month' || cycle === 'year') schedule.days = [pick([1, 15, 28, 31, 'L'])];
      if (cycle === 'year') schedule.months = [1 + Math.floor(random() * 12)];
    }
    const cross = random();
    if (cross < 0.3) schedule.crossCycle = 'self';
    else if (cross < 0.35) schedule.crossCycle = 'children';
    else if (cross < 0.4 && i > 0) schedule.crossCycle = [String(Math.floor(random() * i))];
    if (random() < 0.1) schedule.effective = { from: '2025-11-02' };
    const dependencies: TaskSpec['dependencies'] = [];
    for (let j = 0; j < i; j++) {
      if (random() < 0.25) dependencies.push({ task: String(j), cycle: random() < 0.15 ? 'previous' : 'same' });
    }
    tasks.push({ id: String(i), schedule, dependencies });
  }
  return tasks;
}

describe('engine properties over random workspaces', function () {
  this.timeout(60_000);
  it('upstream ids exist, days are acyclic, and each rule\'s invariant holds (300 workspaces)', () => {
    const random = lcg(2026);
    let cyclicGraphs = 0;
    for (let round = 0; round < 300; round++) {
      const specs = randomWorkspace(random);
      const graph = graphOf(...specs);
      const date = `2025-11-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
      const today = planDay(graph, date);
      const yesterday: DayPlan = planDay(graph, new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10));
      const context = `round ${round}, ${date}: ${JSON.stringify(specs)}`;

      for (const instance of today.instances) {
        const ids = instance.upstream.map((e) => e.id);
        assert.equal(new Set(ids).size, ids.length, `duplicate upstream in ${instance.id}; ${context}`);
        for (const edge of instance.upstream) {
          const other = edge.minute < 0 ? yesterday : today;
          assert.ok(other.byId.has(edge.id), `${instance.id} names ${edge.id}, which does not exist; ${context}`);
          assert.ok(edge.id.startsWith(`${edge.task}@`), context);
        }
      }

      // Same-cycle dependencies only point at earlier tasks, but crossCycle children point back at
      // downstream tasks; wherever the whole task graph is acyclic, so must the instance graph be.
      const timeline = buildTimeline(graph, today);
      const cyclic = timeline.byPosition.timings.some((t) => t.blocked === 'dependency-cycle');
      if (taskGraphAcyclic(graph)) assert.equal(cyclic, false, `instance cycle in an acyclic task graph; ${context}`);
      else cyclicGraphs++;

      for (const [downId, own] of today.byTask) {
        const down = graph.tasks.get(downId)!;
        for (const link of down.links) {
          // Judge each rule alone: skip pairs that a previous-cycle link also joins.
          if (link.previous || down.links.some((l) => l.task === link.task && l.previous)) continue;
          const up = graph.tasks.get(link.task);
          const ups = today.byTask.get(link.task);
          if (!up || !ups) continue;
          const sets = own.map((i) => i.upstream.filter((e) => e.task === up.id && e.minute >= 0).map((e) => ups.findIndex((u) => u.id === e.id)));
          for (const s of sets) assert.ok(s.every((j) => j >= 0), context);
          const multi = (c: string) => c === 'minute' || c === 'hour';
          if (multi(down.calendar.cycle) && multi(up.calendar.cycle) && !(down.calendar.cycle === up.calendar.cycle && own.length === ups.length)) {
            if (up.selfDependent) {
              // Nearest at or before: exactly one upstream instance each.
              for (const s of sets) assert.equal(s.length, 1, context);
            } else {
              // Claimed sets are disjoint; a downstream instance with nothing left to claim shares one.
              const claimed = new Set<number>();
              sets.forEach((s, k) => {
                const fresh = s.filter((j) => !claimed.has(j));
                if (fresh.length !== s.length) assert.equal(s.length, 1, `shared set of ${own[k]!.id} is not a single instance; ${context}`);
                for (const j of s) {
                  if (fresh.length === s.length) claimed.add(j);
                  if (j > 0) assert.ok(ups[j]!.minute <= own[k]!.minute, `${own[k]!.id} claims a later instance; ${context}`);
                }
              });
            }
          } else if (multi(down.calendar.cycle) && multi(up.calendar.cycle)) {
            sets.forEach((s, k) => assert.deepEqual(s, [k], `ordinal mapping broken; ${context}`));
          } else if (!multi(down.calendar.cycle) && multi(up.calendar.cycle)) {
            assert.equal(sets[0]!.length, up.selfDependent ? 1 : ups.length, context);
          } else if (!multi(down.calendar.cycle)) {
            assert.equal(sets[0]!.length, 1, context);
          } else {
            sets.forEach((s, k) => assert.equal(s.length, down.selfDependent && k > 0 ? 0 : 1, context));
          }
        }
      }
    }
    assert.ok(cyclicGraphs < 150, 'most random workspaces should have an acyclic task graph');
  });
});

function taskGraphAcyclic(graph: SchedulingGraph): boolean {
  const state = new Map<string, 1 | 2>();
  const visit = (id: string): boolean => {
    if (state.get(id) === 2) return true;
    if (state.get(id) === 1) return false;
    state.set(id, 1);
    for (const link of graph.tasks.get(id)?.links ?? []) if (!visit(link.task)) return false;
    state.set(id, 2);
    return true;
  };
  return [...graph.tasks.keys()].every(visit);
}
