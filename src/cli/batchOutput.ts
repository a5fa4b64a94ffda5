export interface ResultLine {
  task: string;
  status: string;
  reason: string;
}

/**
 * Prints a batch's per-task results, as `{"operation", "results"}` JSON or as a summary line and one
 * row per task, and returns the exit code: 1 when a task failed or was refused, else 0.
 */
export function writeBatchResults(operation: string, title: string, results: readonly ResultLine[], options: { json: boolean; dryRun?: boolean }): number {
  if (options.json) {
    const rows = results.map(({ task, status, reason }) => ({ task, status, reason }));
    process.stdout.write(`${JSON.stringify({ operation, ...(options.dryRun ? { dryRun: true } : {}), results: rows })}\n`);
  } else {
    // A loop, not Math.max(...): a batch over 100,000 tasks would overflow the stack with its arguments.
    let width = 4;
    for (const r of results) width = Math.max(width, r.task.length);
    const counts = ['succeeded', 'skipped', 'failed'].map((s) => `${results.filter((r) => r.status === s).length} ${s}`).join(', ');
    process.stdout.write(`${title}${options.dryRun ? ' (dry run: nothing changed)' : ''}: ${counts}\n`);
    for (const r of results) process.stdout.write(`${r.task.padEnd(width)}  ${r.status.padEnd(9)}  ${r.reason}\n`);
  }
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}
