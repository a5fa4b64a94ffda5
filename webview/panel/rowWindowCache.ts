/** Rows arrive from the extension in pages; requests are made in whole pages. */
export const PAGE_SIZE = 100;

/**
 * The rows of the current query the webview has seen, by position: a sparse cache that never holds
 * more than was shown, forgets everything when the query changes (`seq`), and names the pages a
 * visible range still needs, each once.
 */
export class RowWindowCache<Row> {
  seq = -1;
  total = 0;
  private rows = new Map<number, Row>();
  private requested = new Set<number>();

  reset(seq: number, total: number, start: number, rows: readonly Row[]): void {
    this.seq = seq;
    this.total = total;
    this.rows = new Map();
    this.requested = new Set();
    this.put(seq, start, rows);
  }

  /** Rows of an older query are dropped. Returns whether they were kept. */
  put(seq: number, start: number, rows: readonly Row[]): boolean {
    if (seq !== this.seq) return false;
    rows.forEach((row, i) => this.rows.set(start + i, row));
    return true;
  }

  get(index: number): Row | undefined {
    return this.rows.get(index);
  }

  /** Pages overlapping [from, to) that are neither held nor already asked for; marks them asked. */
  pagesToRequest(from: number, to: number): { start: number; count: number }[] {
    const pages: { start: number; count: number }[] = [];
    const last = Math.min(to, this.total) - 1;
    for (let page = Math.floor(Math.max(0, from) / PAGE_SIZE); page * PAGE_SIZE <= last; page++) {
      const start = page * PAGE_SIZE;
      if (this.requested.has(page)) continue;
      const end = Math.min(start + PAGE_SIZE, this.total);
      let complete = true;
      for (let i = start; i < end && complete; i++) complete = this.rows.has(i);
      if (complete) continue;
      this.requested.add(page);
      pages.push({ start, count: end - start });
    }
    return pages;
  }
}
