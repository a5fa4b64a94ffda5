/**
 * What `promise` resolves to, or undefined once `ms` have passed without it: for waiting on the
 * workbench (a view that is never shown is never asked). The timer goes when the promise wins.
 */
export async function withinTime<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  // A number too: the type check also sees the DOM's setTimeout.
  let timer: ReturnType<typeof setTimeout> | number | undefined;
  try {
    return await Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
