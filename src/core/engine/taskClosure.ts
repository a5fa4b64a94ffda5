import type { SchedulingGraph } from './schedulingGraph';

export interface ClosureOptions {
  upstream?: boolean;
  downstream?: boolean;
  /** Levels to follow from the seeds; unlimited when absent. */
  depth?: number;
  /** Most tasks to return; what lies beyond is cut and reported. */
  cap?: number;
}

export interface Closure {
  ids: Set<string>;
  /** Tasks reachable within the depth that the cap left out. */
  cut: number;
  /** Tasks beyond the depth limit that were not followed. */
  beyondDepth: number;
}

/** The seed tasks with their upstream and/or downstream tasks, breadth first (nearest kept first). */
export function taskClosure(graph: SchedulingGraph, seeds: Iterable<string>, options: ClosureOptions = {}): Closure {
  const ids = new Set<string>();
  const cap = options.cap ?? Infinity;
  const depth = options.depth ?? Infinity;
  let frontier: string[] = [];
  let cut = 0;
  for (const id of seeds) {
    if (ids.has(id)) continue;
    if (ids.size >= cap) cut++;
    else (ids.add(id), frontier.push(id));
  }
  const seen = new Set(ids);
  let beyondDepth = 0;
  for (let level = 0; frontier.length > 0; level++) {
    const next: string[] = [];
    for (const id of frontier) {
      const neighbours = [
        ...(options.upstream ? (graph.tasks.get(id)?.links.map((l) => l.task) ?? []) : []),
        ...(options.downstream ? (graph.dependents.get(id) ?? []) : []),
      ];
      for (const n of neighbours) {
        if (seen.has(n) || !graph.tasks.has(n)) continue;
        seen.add(n);
        if (level >= depth) beyondDepth++;
        else if (ids.size >= cap) cut++;
        else (ids.add(n), next.push(n));
      }
    }
    frontier = next;
  }
  return { ids, cut, beyondDepth };
}
