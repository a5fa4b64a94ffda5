import * as l10n from '@vscode/l10n';
/**
 * Strongly connected components of more than one node, or with a self-edge: each is a dependency cycle.
 * Iterative Tarjan, linear in nodes plus edges, safe for deep chains. Nodes are numbered and the
 * bookkeeping kept in typed arrays: with string-keyed maps and sets it took 0.6 s at 100,000 tasks.
 * An edge to a node not in `nodes` is ignored.
 */
export function findCycles(nodes: readonly string[], edges: (node: string) => readonly string[]): string[][] {
  const count = nodes.length;
  const number = new Map<string, number>();
  for (let i = 0; i < count; i++) if (!number.has(nodes[i]!)) number.set(nodes[i]!, i);
  /** Each node's out-edges as numbers, made when the walk first reaches it. */
  const out: (Int32Array | undefined)[] = new Array(count);
  const outOf = (node: number): Int32Array => {
    let list = out[node];
    if (!list) {
      const targets = edges(nodes[node]!);
      list = new Int32Array(targets.length);
      let used = 0;
      for (const target of targets) {
        const n = number.get(target);
        if (n !== undefined) list[used++] = n;
      }
      list = out[node] = used === targets.length ? list : list.subarray(0, used);
    }
    return list;
  };
  // 0: not reached; otherwise the order of reaching it, counted from 1.
  const index = new Int32Array(count);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack = new Int32Array(count);
  let stackTop = 0;
  // The walk's frames: a node and how many of its edges it has followed.
  const frameNode = new Int32Array(count);
  const frameNext = new Int32Array(count);
  let frames = 0;
  const cycles: string[][] = [];
  let counter = 0;
  const open = (node: number) => {
    index[node] = low[node] = ++counter;
    stack[stackTop++] = node;
    onStack[node] = 1;
    frameNode[frames] = node;
    frameNext[frames++] = 0;
  };

  for (let start = 0; start < count; start++) {
    if (index[start] || number.get(nodes[start]!) !== start) continue;
    open(start);
    while (frames > 0) {
      const node = frameNode[frames - 1]!;
      const targets = outOf(node);
      const next = frameNext[frames - 1]!;
      if (next < targets.length) {
        frameNext[frames - 1] = next + 1;
        const target = targets[next]!;
        if (!index[target]) open(target);
        else if (onStack[target]) low[node] = Math.min(low[node]!, index[target]!);
        continue;
      }
      frames--;
      if (frames > 0) {
        const parent = frameNode[frames - 1]!;
        low[parent] = Math.min(low[parent]!, low[node]!);
      }
      if (low[node] === index[node]) {
        const component: string[] = [];
        let member: number;
        do {
          member = stack[--stackTop]!;
          onStack[member] = 0;
          component.push(nodes[member]!);
        } while (member !== node);
        if (component.length > 1 || targets.includes(node)) cycles.push(component.reverse());
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
