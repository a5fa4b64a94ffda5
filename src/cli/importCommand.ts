import * as l10n from '@vscode/l10n';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { scopeOf } from '../core/operations/changeScope';
import { countByStatus } from '../core/operations/countByStatus';
import { LockStore } from '../core/operations/lockStore';
import { planImportFiles, writeImport } from '../core/interchange/importTasks';
import { InterchangeError, InterchangeReport } from '../core/interchange/interchangeReport';
import { loadWorkspace } from '../core/workspace/diskWorkspace';
import { UsageError } from './usageError';
import { parseCommandArgs } from './workspaceArgs';

const DOCUMENT = /\.(json|ya?ml)$/i;

/**
 * `nightshift import <file-or-dir> --to <workspace> --project <p> [--folder <path>] [--format flowspec|dolphinscheduler]
 * [--update] [--dry-run] [--json]`: FlowSpec documents or DolphinScheduler workflow exports as new tasks (with --update, tasks whose ids the workspace has replace them), written as one batch (revert undoes it).
 * Bad input (not FlowSpec, an unknown node type, an id or name the workspace has) is exit 2, naming
 * the file and the path inside it; nothing is written then.
 */
export function runImport(args: string[]): number {
  const parsed = parseCommandArgs(args, {
    to: { type: 'string' },
    project: { type: 'string' },
    folder: { type: 'string' },
    format: { type: 'string' },
    update: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    as: { type: 'string' },
  });
  const v = parsed.values;
  const [source, ...extra] = parsed.positionals;
  if (!source) throw new UsageError(l10n.t('missing the file or folder to import'));
  if (extra.length) throw new UsageError(l10n.t('unexpected argument "{0}"', extra[0]!));
  if (!v.to) throw new UsageError(l10n.t('missing --to <workspace>'));
  if (!v.project) throw new UsageError(l10n.t('missing --project <project>'));
  if (v.format !== undefined && v.format !== 'flowspec' && v.format !== 'dolphinscheduler') throw new UsageError(l10n.t('--format "{0}": write flowspec or dolphinscheduler', v.format));
  let files: string[];
  try {
    files = statSync(source).isDirectory() ? readdirSync(source).filter((f) => DOCUMENT.test(f)).sort().map((f) => join(source, f)) : [source];
  } catch {
    throw new UsageError(l10n.t('"{0}" is not a file or folder', source));
  }
  const index = loadWorkspace(v.to);
  const project = index.projectNamed(v.project);
  if (!project) throw new UsageError(l10n.t('--project "{0}": no such project in {1} ({2})', v.project, v.to, index.projects().map((p) => p.config.project).join(', ')));
  const report = new InterchangeReport();
  let items;
  try {
    items = planImportFiles(files, project, v.folder ?? '', index, { ...(v.format ? { format: v.format } : {}), update: !!v.update, now: new Date() }, report);
  } catch (error) {
    if (error instanceof InterchangeError) throw new UsageError(error.message);
    throw error;
  }
  const user = v.as ?? process.env.USER ?? userInfo().username;
  const record = v['dry-run'] ? undefined : writeImport(files[0]!, items, { user, now: new Date() }, resolve(v.to), scopeOf(index, new LockStore()));
  const results = record?.results ?? items.map((i) => ({ task: i.change.task, name: i.name, status: 'succeeded', reason: i.change.created ? l10n.t('would create {0}', i.change.before) : l10n.t('would replace {0}', i.change.before) }));
  if (v.json) {
    process.stdout.write(`${JSON.stringify({ tasks: results.map((r) => ({ task: r.task, name: r.name, status: r.status, reason: r.reason })), report: report.entries, ...(v['dry-run'] ? { dryRun: true } : {}) })}\n`);
  } else {
    const ok = countByStatus(results).succeeded;
    const where = `${project.config.project}${v.folder ? `/${v.folder}` : ''}`;
    process.stdout.write(`${v['dry-run'] ? l10n.t('Import (dry run: nothing written): {0} of {1} task(s) into {2}', ok, results.length, where) : l10n.t('Import: {0} of {1} task(s) into {2}', ok, results.length, where)}\n`);
    for (const r of results) process.stdout.write(`${r.task}  ${r.status.padEnd(9)}  ${r.reason}\n`);
    process.stdout.write(`${report.printed().join('\n')}\n`);
  }
  return results.some((r) => r.status === 'failed') ? 1 : 0;
}
