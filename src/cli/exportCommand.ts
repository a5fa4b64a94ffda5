import * as l10n from '@vscode/l10n';
import { exportDolphin } from '../core/interchange/dolphinExport';
import { exportFlowSpec, type FlowSpecVersion } from '../core/interchange/flowspecExport';
import { writeExportFiles } from '../core/interchange/exportFiles';
import { InterchangeReport } from '../core/interchange/interchangeReport';
import { UsageError } from './usageError';
import { commaList, parseWorkspaceArgs } from './workspaceArgs';

/**
 * `nightshift export <workspace> --format flowspec [--flowspec-version 1.1|1.2] [--project <p>]
 * [--tasks <ids>] --out <file-or-dir> [--json]`: one FlowSpec document per project (a file when
 * there is one, `<dir>/<project>.flowspec.json` each otherwise), and a report of what did not map.
 */
export function runExport(args: string[]): number {
  const parsed = parseWorkspaceArgs(args, {
    format: { type: 'string' },
    'flowspec-version': { type: 'string' },
    project: { type: 'string' },
    tasks: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  });
  const v = parsed.values;
  if (v.format !== 'flowspec' && v.format !== 'dolphinscheduler') throw new UsageError(v.format === undefined ? l10n.t('missing --format flowspec|dolphinscheduler') : l10n.t('--format "{0}": write flowspec or dolphinscheduler', v.format));
  const version = (v['flowspec-version'] ?? '1.2') as FlowSpecVersion;
  if (version !== '1.1' && version !== '1.2') throw new UsageError(l10n.t('--flowspec-version must be 1.1 or 1.2'));
  if (!v.out) throw new UsageError(l10n.t('missing --out <file-or-dir>'));
  const index = parsed.load();
  let tasks = [...index.tasks()];
  if (v.project) {
    const project = index.projectNamed(v.project);
    if (!project) throw new UsageError(l10n.t('--project "{0}": no such project', v.project));
    tasks = tasks.filter((t) => t.projectDir === project.dir);
  }
  if (v.tasks) {
    const ids = new Set(commaList(v.tasks));
    const unknown = [...ids].filter((id) => !index.task(id));
    if (unknown.length) throw new UsageError(l10n.t('--tasks: no task has the id {0}', unknown.join(', ')));
    tasks = tasks.filter((t) => ids.has(t.data.id));
  }
  const report = new InterchangeReport();
  const documents = v.format === 'dolphinscheduler' ? exportDolphin(index, tasks, report) : exportFlowSpec(index, tasks, version, report);
  const written = writeExportFiles(documents, v.out, v.format);
  if (v.json) process.stdout.write(`${JSON.stringify({ files: written, tasks: tasks.length, report: report.entries })}\n`);
  else {
    const as = v.format === 'dolphinscheduler' ? l10n.t('DolphinScheduler workflows') : `FlowSpec ${version}`;
    process.stdout.write(`${l10n.t('Exported {0} task(s) as {1}: {2}', tasks.length, as, written.join(', '))}\n`);
    process.stdout.write(`${report.printed().join('\n')}\n`);
  }
  return 0;
}
