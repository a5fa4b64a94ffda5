/**
 * Answers worked out once per key, for a batch that asks the same few questions of every task (the
 * same tags, the same stamp). Bounded: past `limit` keys it starts again, so a batch of all-different
 * values only pays what it would without it.
 */
export class BoundedMemo<V> {
  private readonly answers = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    if (this.answers.has(key)) return this.answers.get(key)!;
    const answer = compute();
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(key, answer);
    return answer;
  }
}
