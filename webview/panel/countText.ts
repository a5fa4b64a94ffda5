/**
 * A count with thousands separators, as the panel's English text writes it. Not toLocaleString: its
 * first call loads the browser's locale data, about 10 ms on the way to the list's first paint.
 */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
