import * as l10n from '@vscode/l10n';
import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadWorkspace } from '../core/workspace/diskWorkspace';
import { defaultIndexCacheDir, loadWorkspaceCached } from '../core/workspace/indexCache';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { warnInterrupted } from './interruptedWarning';
import { UsageError } from './usageError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** node's parseArgs, with its complaints turned into usage errors (exit 2). */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * Parses `<dir> [options]`, with the options every workspace command shares. Loading the workspace
 * warns of any batch a kill interrupted there (`recover` itself, which deals with them, does not).
 */
export function parseWorkspaceArgs<O extends Options>(args: string[], options: O, { warnOfInterrupted = true } = {}) {
  const parsed = parseCommandArgs(args, { ...options, 'task-root': { type: 'string' }, 'cache-dir': { type: 'string' }, 'no-cache': { type: 'boolean' } });
  const [dir, ...extra] = parsed.positionals;
  if (!dir) throw new UsageError(l10n.t('missing the workspace folder'));
  if (extra.length) throw new UsageError(l10n.t('unexpected argument "{0}"', extra[0]!));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(l10n.t('"{0}" is not a folder', dir));
  const raw = parsed.values as Record<string, unknown>;
  const taskRoot = raw['task-root'];
  if (raw['no-cache'] && raw['cache-dir'] !== undefined) throw new UsageError(l10n.t('give --cache-dir or --no-cache, not both'));
  const load = (): WorkspaceIndex => {
    if (warnOfInterrupted) warnInterrupted(dir);
    const options = typeof taskRoot === 'string' ? { taskRootOverride: taskRoot } : {};
    // The persistent index cache: what each file parsed to, so an unchanged workspace is not parsed again.
    if (raw['no-cache']) return loadWorkspace(dir, options);
    return loadWorkspaceCached(dir, typeof raw['cache-dir'] === 'string' ? raw['cache-dir'] : defaultIndexCacheDir(), options).index;
  };
  return { dir, values: parsed.values as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }, load };
}

/** A comma-separated option (`--tasks 1,2,3`) as its non-empty items; undefined when it was not given. */
export function commaList(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map((s) => s.trim()).filter(Boolean);
}
