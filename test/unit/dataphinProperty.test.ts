import { strict as assert } from 'node:assert';
import { dateOfDay, dayNumber } from '../../src/core/time/civilTime';
import { planDay, type DayPlan } from '../../src/core/engine/dayPlan';
import { buildTimeline } from '../../src/core/engine/timelineModel';
import { graphIn, lcg, type TaskSpec } from './engineFixtures';
import { PROJECT_YAML } from './fixtures';

const DATAPHIN_YAML = `${PROJECT_YAML}\nscheduler: dataphin\n`;
const POLICIES = ['all', 'first', 'last', 'nearest-after', 'last-before'] as const;

/** A random acyclic Dataphin workspace: every cycle, window and policy, on earlier tasks only. */
function randomWorkspace(random: () => number): TaskSpec[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const clock = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  const tasks: TaskSpec[] = [];
  const n = 3 + Math.floor(random() * 10);
  for (let i = 0; i < n; i++) {
    const cycle = pick(['minute', 'hour', 'hour', 'hour', 'day', 'day', 'week'] as const);
    const schedule: Record<string, unknown> = { cycle };
    if (cycle === 'minute' || cycle === 'hour') {
      schedule.start = clock(random() < 0.5 ? 0 : Math.floor(random() * 6), pick([0, 5, 15, 31]));
      schedule.end = '23:59';
      schedule.interval = cycle === 'minute' ? pick([15, 30]) : pick([1, 2, 4]);
    } else {
      schedule.time = clock(Math.floor(random() * 24), pick([0, 1, 30]));
      if (cycle === 'week') schedule.weekdays = [1 + Math.floor(random() * 7)];
    }
    if (random() < 0.3) schedule.crossCycle = 'self';
    const dependencies: TaskSpec['dependencies'] = [];
    for (let j = 0; j < i; j++) {
      if (random() >= 0.3) continue;
      const window = pick(['same', 'same', 'previous', 'last24h'] as const);
      const dep: NonNullable<TaskSpec['dependencies']>[number] = { task: String(j), cycle: window };
      if (window === 'previous' && random() < 0.3) dep.daysBack = 1 + Math.floor(random() * 7);
      if (random() < 0.5) dep.policy = pick(POLICIES);
      dependencies.push(dep);
    }
    tasks.push({ id: String(i), schedule, dependencies });
  }
  return tasks;
}

describe("Dataphin's rules: properties over random workspaces", function () {
  this.timeout(60_000);
  it('upstream ids exist, days are acyclic, and each policy picks what it says (300 workspaces)', () => {
    const random = lcg(2027);
    for (let round = 0; round < 300; round++) {
      const specs = randomWorkspace(random);
      const graph = graphIn(DATAPHIN_YAML, specs);
      const date = `2025-11-${String(10 + Math.floor(random() * 18)).padStart(2, '0')}`;
      const plans = new Map<number, DayPlan>();
      const planOf = (offset: number) => {
        let p = plans.get(offset);
        if (!p) plans.set(offset, (p = planDay(graph, dateOfDay(dayNumber(date) + offset))));
        return p;
      };
      const today = planOf(0);
      const context = `round ${round}, ${date}: ${JSON.stringify(specs)}`;
      for (const instance of today.instances) {
        const ids = instance.upstream.map((e) => e.id);
        assert.equal(new Set(ids).size, ids.length, `duplicate upstream in ${instance.id}; ${context}`);
        for (const edge of instance.upstream) {
          const offset = Math.floor(edge.minute / 1440);
          assert.ok(offset <= 0, context);
          assert.ok(planOf(offset).byId.has(edge.id), `${instance.id} names ${edge.id}, which does not exist; ${context}`);
        }
      }
      // Every dependency points at an earlier task or back in time: a day can never wait on itself.
      const timeline = buildTimeline(graph, today);
      assert.ok(!timeline.byPosition.timings.some((t) => t.blocked === 'dependency-cycle'), `instance cycle; ${context}`);

      for (const spec of specs) {
        const own = today.byTask.get(spec.id) ?? [];
        for (const dep of spec.dependencies ?? []) {
          // Judge a dependency alone: skip a task that names the same upstream twice.
          if ((spec.dependencies ?? []).filter((d) => d.task === dep.task).length > 1 || !dep.policy) continue;
          const up = graph.tasks.get(dep.task)!;
          if (!up.calendar.multi) continue;
          const downMulti = graph.tasks.get(spec.id)!.calendar.multi;
          if (dep.cycle === 'previous' && dep.daysBack === undefined && downMulti) continue;
          for (const instance of own) {
            const picked = instance.upstream.filter((e) => e.task === dep.task);
            const t = instance.minute;
            if (picked.length === 0) continue;
            if (dep.policy !== 'all') assert.equal(picked.length, 1, `${dep.policy} picked ${picked.length} for ${instance.id}; ${context}`);
            const m = picked[0]!.minute;
            if (dep.cycle === 'last24h') for (const e of picked) assert.ok(e.minute > t - 1440 && e.minute <= t, `outside the last 24 hours: ${e.id} for ${instance.id}; ${context}`);
            if (dep.cycle === 'same') for (const e of picked) assert.ok(e.minute >= 0 && e.minute < 1440, context);
            if (dep.policy === 'nearest-after' && dep.cycle === 'same') {
              const later = (today.byTask.get(dep.task) ?? []).filter((u) => u.minute >= t);
              assert.equal(m, later.length ? later[0]!.minute : today.byTask.get(dep.task)!.at(-1)!.minute, context);
            }
            if (dep.policy === 'last-before' && dep.cycle === 'same') {
              const earlier = (today.byTask.get(dep.task) ?? []).filter((u) => u.minute <= t);
              assert.equal(m, earlier.length ? earlier.at(-1)!.minute : today.byTask.get(dep.task)![0]!.minute, context);
            }
          }
        }
      }
    }
  });
});
