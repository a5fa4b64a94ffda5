import { runBackfill } from './backfillCommand';
import { runBaselines } from './baselinesCommand';
import { runCreate } from './createCommand';
import { runDiff } from './diffCommand';
import { runDurations } from './durationsCommand';
import { runExport } from './exportCommand';
import { runImport } from './importCommand';
import { stopQuietlyWhenReaderCloses } from './closedPipe';
import { OPERATION_COMMANDS, runOperation } from './operationCommand';
import { runList } from './listCommand';
import { runParam } from './paramCommand';
import { runPending, runPublish, runRecords, runRevert } from './recordsCommand';
import { runRecover } from './recoverCommand';
import { runUnlock } from './unlockCommand';
import { runPreview } from './previewCommand';
import { runTree } from './treeCommand';
import { runValidate } from './validateCommand';
import { UsageError } from './usageError';
import { OPERATIONS } from '../core/operations/operationCatalog';
import { chooseLanguage } from './cliLanguage';

/** The operations' lines of the help, from the catalog: verb, options, then what it does. */
function operationHelp(): string {
  return OPERATIONS.map((o) => `    ${`${o.cliVerb} ${o.cliOptions}`.trimEnd()}\n        ${o.label}: ${o.help}`).join('\n');
}


const USAGE = `Usage: nightshift <command> [options]

Commands:
  validate <dir>          Check every project and task file; exit 1 when there are errors.
  tree <dir> [--json]     Print the project > folder > task hierarchy.
  list <dir> [--search S] [--mine --as U] [--type T,..] [--method M,..] [--owner U,..]
          [--submission S,..] [--output-table T] [--created FROM..TO] [--template N,..] [--status S,..]
          [--cycle C,..] [--ops-owner U,..] [--published yes|no] [--conditional yes|no]
          [--modified 3d|7d|1m|FROM..TO] [--tag T,..] [--folder <project>/<path> [--recursive]]
          [--sort <column>[:asc|desc]] [--json]
                          The task list with the console's filters, as the panel shows it.
  preview <dir> [--date YYYY-MM-DD | --bizdate YYYY-MM-DD] [--task <ids>] [--upstream] [--downstream]
          [--depth N] [--json]
                          The instances a day runs, their upstream instances and parameters
                          (default: today in the first project's time zone).
  param --at YYYY-MM-DDTHH:mm[:ss] [--scheduler dataworks|dataphin] <expression>...
                          Evaluate scheduling parameters for an instance scheduled at that time.
  diff <dir> [--base <git rev>] [--date D | --from D --to D] [--json]
                          What the files' changes do to the schedule against a Git revision (default
                          HEAD): instances, edges, parameters, predicted times, downstream closures and
                          baselines that move. Exit 0 either way.
  baselines <dir> [--date YYYY-MM-DD] [--pessimistic] [--json]
                          Each baseline (baselines: in nightshift.yaml) predicted safe, warning or
                          breached, with its critical path, and again with every task at its p90
                          minutes; exit 1 when one breaches (--pessimistic: or its p90 case does).
  durations <dir> --from-file <csv|json> --as <user> [--dry-run] [--json]
                          Observed runs (task, scheduledAt, start, end), as an operation center
                          exports them, set each task's expectedMinutes (median) and
                          expectedP90Minutes, as one recorded batch (revert undoes it).
  backfill <dir> --task <id> --from <bizdate> [--to <bizdate>] [--downstream] [--exclude <ids>] [--json]
                          The instances a data backfill over those business dates runs, in order.

  create <dir> --project <p> [--folder <path>] --name <n> --type <t> --as <user> [--owner <user>]
          [--cycle C and the schedule flags of \`schedule\`] [--template name:version] [--json]
                          Create a compute task (and its code file); prints its id and file.

  import <file-or-dir> --to <workspace> --project <p> [--folder <path>] [--format flowspec|dolphinscheduler]
          [--update] [--dry-run] [--json] [--as <user>]
                          DataWorks FlowSpec (YAML or JSON, shapes 1.1 and 1.2) or a DolphinScheduler
                          workflow export as new tasks, one batch (revert undoes it), with a report of
                          what was not carried exactly (the format is detected when not given).
  export <workspace> --format flowspec|dolphinscheduler [--flowspec-version 1.1|1.2] [--project <p>]
          [--tasks <ids>] --out <file-or-dir> [--json]
                          The tasks as FlowSpec (one workflow per project) or as DolphinScheduler
                          workflows (one per shared schedule), with the same report.

Task operations (the Dataphin task list's, single and batch):
  <operation> <dir> (--tasks <ids> | --folder <project>/<folder> [--recursive]) --as <user>
          [--dry-run] [--json] [--lock-dir <shared lock folder>] [operation options]
${operationHelp()}
  Exit 0 when nothing failed, 1 when a task failed or was refused, 2 on bad usage, 3 when the
  system refused (a full disk, a permission) or on an internal error (please report it).
  records <dir> [--kind submit|other] [--json]      the batch operation records
  revert <dir> (--record <id> | --last) --as <user> [--dry-run]
                                                    undo a batch from its record (--dry-run lists
                                                    every path it would write)
  recover <dir> (--finish | --revert) [--record <id>] --as <user>
                                                    finish or revert batches a kill interrupted
  unlock <dir> --tasks <ids> --as <user> [--force]  release edit locks (--force: someone else's,
                                                    recorded)
  pending <dir> [--json]                            the pending-publish lists
  publish <dir> --project <name> --as <user>        publish a project's pending list
          [--tasks <id,...>]                        (or only these tasks' entries)

Options:
  --task-root <folder>    Override every project's taskRoot.
  --cache-dir <folder>    Where the index cache lives (default $XDG_CACHE_HOME/nightshift/index, or
                          ~/.cache/nightshift/index): what each file parsed to, keyed by path, size
                          and mtime, so an unchanged workspace is not parsed again.
  --no-cache              Read and parse every file; neither read nor write the cache.
  --lang en|zh-cn         The language of messages (default: from LC_ALL, LC_MESSAGES or LANG;
                          zh_CN.UTF-8 is Chinese). --json output stays English: scripts read it.
  -h, --help              Show this help.
`;

export async function main(argv: string[]): Promise<number> {
  let args = argv;
  try {
    args = chooseLanguage(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`nightshift: ${error.message}\n`);
    return 2;
  }
  const [command, ...rest] = args;
  try {
    switch (command) {
      case 'import':
        return runImport(rest);
      case 'export':
        return runExport(rest);
      case 'baselines':
        return runBaselines(rest);
      case 'diff':
        return runDiff(rest);
      case 'durations':
        return await runDurations(rest);
      case 'create':
        return await runCreate(rest);
      case 'validate':
        return runValidate(rest);
      case 'tree':
        return runTree(rest);
      case 'list':
        return runList(rest);
      case 'preview':
        return runPreview(rest);
      case 'param':
        return runParam(rest);
      case 'backfill':
        return runBackfill(rest);
      case 'records':
        return runRecords(rest);
      case 'revert':
        return runRevert(rest);
      case 'recover':
        return runRecover(rest);
      case 'unlock':
        return runUnlock(rest);
      case 'pending':
        return runPending(rest);
      case 'publish':
        return await runPublish(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        if (OPERATION_COMMANDS.includes(command)) return await runOperation(command, rest);
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`nightshift: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Not the user's usage: the system said no (a full disk, a permission), or a defect of ours.
    const system = error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(system ? `nightshift: ${message}\n` : `nightshift: internal error: ${message}\nThis is a defect of Nightshift: please report it with the command you ran.\n${error instanceof Error ? (error.stack ?? '') : ''}\n`);
    return 3;
  }
}

stopQuietlyWhenReaderCloses(process.stdout, process.stderr);
void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
