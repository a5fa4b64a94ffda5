import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadWorkspace } from '../core/workspace/diskWorkspace';
import type { WorkspaceIndex } from '../core/workspace/workspaceIndex';
import { UsageError } from './usageError';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `<dir> [options]`, with the options every workspace command shares. */
export function parseWorkspaceArgs<O extends Options>(args: string[], options: O) {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { ...options, 'task-root': { type: 'string' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [dir, ...extra] = parsed.positionals;
  if (!dir) throw new UsageError('missing the workspace folder');
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`"${dir}" is not a folder`);
  const taskRoot = (parsed.values as Record<string, unknown>)['task-root'];
  const load = (): WorkspaceIndex => loadWorkspace(dir, typeof taskRoot === 'string' ? { taskRootOverride: taskRoot } : {});
  return { dir, values: parsed.values as { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string }, load };
}
