const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * How long ago a timestamp was, as a tooltip says it ("3 h", "12 min", "4 days"); undefined when the
 * timestamp is not one. A time in the future (another machine's clock) counts as just now.
 */
export function elapsedText(since: string, now: number): string | undefined {
  const at = Date.parse(since);
  if (Number.isNaN(at)) return undefined;
  const ms = Math.max(0, now - at);
  if (ms < MINUTE_MS) return 'less than a minute';
  if (ms < HOUR_MS) return `${Math.floor(ms / MINUTE_MS)} min`;
  if (ms < 48 * HOUR_MS) return `${Math.floor(ms / HOUR_MS)} h`;
  return `${Math.floor(ms / (24 * HOUR_MS))} days`;
}
