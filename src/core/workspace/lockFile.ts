import { parse, stringify } from 'yaml';

/** Who a lock names when its file cannot be read as one: the task is still locked, by someone. */
export const UNREADABLE_LOCK_HOLDER = 'someone (unreadable lock file)';

/** Who holds a lock, and since when, as its file says. */
export interface LockHolder {
  holder: string;
  acquiredAt?: string;
}

/**
 * The one format of an edit lock file (`<task id>.lock`): YAML `{holder, acquiredAt}`. Read by the
 * index (the tree and the list show locks) and by the lock store (which takes and releases them); a
 * half-written or foreign lock file still means the task is locked.
 */
export function readLockText(text: string): LockHolder {
  try {
    const value = parse(text) as { holder?: unknown; acquiredAt?: unknown } | null;
    return {
      holder: typeof value?.holder === 'string' ? value.holder : UNREADABLE_LOCK_HOLDER,
      ...(typeof value?.acquiredAt === 'string' ? { acquiredAt: value.acquiredAt } : {}),
    };
  } catch {
    return { holder: UNREADABLE_LOCK_HOLDER };
  }
}

export function lockText(holder: string, acquiredAt: Date): string {
  return stringify({ holder, acquiredAt: acquiredAt.toISOString() });
}
