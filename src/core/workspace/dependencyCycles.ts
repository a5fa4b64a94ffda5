import * as l10n from '@vscode/l10n';
/**
 * Strongly connected components of more than one node, or with a self-edge: each is a dependency cycle.
 * Iterative Tarjan, linear in nodes plus edges, safe for deep chains.
 */
export function findCycles(nodes: readonly string[], edges: (node: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  for (const start of nodes) {
    if (index.has(start)) continue;
    const work: { node: string; next: number; out: readonly string[] }[] = [];
    const open = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: 0, out: edges(node) });
    };
    open(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.out.length) {
        const target = frame.out[frame.next++]!;
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        if (component.length > 1 || frame.out.includes(frame.node)) cycles.push(component.reverse());
      }
    }
  }
  return cycles;
}

/** One concrete loop through a cycle's members, starting and ending at `from`, for a readable message. */
export function cyclePath(from: string, members: ReadonlySet<string>, edges: (node: string) => readonly string[]): string[] {
  const previous = new Map<string, string>();
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const node = queue[i]!;
    for (const next of edges(node)) {
      if (!members.has(next)) continue;
      if (next === from) {
        const path = [from];
        for (let at = node; at !== from; at = previous.get(at)!) path.splice(1, 0, at);
        path.push(from);
        return path;
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [from, from];
}

/** Loops up to this many tasks are spelled out; a longer one is named by its ends and its length. */
const SPELLED_LOOP = 8;
const SHOWN_AT_START = 4;
const SHOWN_AT_END = 2;

/**
 * A loop (`[a, b, …, a]`) as a message names it: `a → b → c → a`, or for a long loop its first and last
 * few ids and its length, so a message stays short however many tasks the loop holds.
 */
export function loopText(loop: readonly string[]): string {
  const tasks = loop.length - 1;
  if (tasks <= SPELLED_LOOP) return loop.join(' → ');
  const head = loop.slice(0, SHOWN_AT_START);
  const tail = loop.slice(loop.length - 1 - SHOWN_AT_END);
  return l10n.t('{0} (a loop of {1} tasks)', [...head, '…', ...tail].join(' → '), tasks);
}
