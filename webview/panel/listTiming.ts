/**
 * Where the list's timings go once a result's rows are painted: data attributes on the page's body,
 * which the panel benchmark reads (query to paint, filtering in the host, drawing here, and when).
 */
export function publishListTiming(seq: number, timing: { queried: number; drawn: number }, received: number, hostMs: number): void {
  const data = document.body.dataset;
  data.listDrawnMs = String(timing.drawn - timing.queried);
  data.listHostMs = String(hostMs);
  data.listRenderMs = String(timing.drawn - received);
  data.listDrawnAt = String(performance.timeOrigin + timing.drawn);
  data.listSeq = String(seq);
}
