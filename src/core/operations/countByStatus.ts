/** How many of a batch's results succeeded, were skipped and failed. */
export function countByStatus(results: readonly { status: string }[]): { succeeded: number; skipped: number; failed: number } {
  const counts = { succeeded: 0, skipped: 0, failed: 0 };
  for (const r of results) if (r.status === 'succeeded' || r.status === 'skipped' || r.status === 'failed') counts[r.status]++;
  return counts;
}
