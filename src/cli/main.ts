import { runBackfill } from './backfillCommand';
import { runParam } from './paramCommand';
import { runPreview } from './previewCommand';
import { runTree } from './treeCommand';
import { runValidate } from './validateCommand';
import { UsageError } from './usageError';

const USAGE = `Usage: nightshift <command> [options]

Commands:
  validate <dir>          Check every project and task file; exit 1 when there are errors.
  tree <dir> [--json]     Print the project > folder > task hierarchy.
  preview <dir> [--date YYYY-MM-DD | --bizdate YYYY-MM-DD] [--task <ids>] [--upstream] [--downstream]
          [--depth N] [--json]
                          The instances a day runs, their upstream instances and parameters
                          (default: today in the first project's time zone).
  param --at YYYY-MM-DDTHH:mm[:ss] <expression>...
                          Evaluate scheduling parameters for an instance scheduled at that time.
  backfill <dir> --task <id> --from <bizdate> [--to <bizdate>] [--downstream] [--exclude <ids>] [--json]
                          The instances a data backfill over those business dates runs, in order.

Options:
  --task-root <folder>    Override every project's taskRoot.
  -h, --help              Show this help.
`;

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return runValidate(rest);
      case 'tree':
        return runTree(rest);
      case 'preview':
        return runPreview(rest);
      case 'param':
        return runParam(rest);
      case 'backfill':
        return runBackfill(rest);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`nightshift: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    process.stderr.write(`nightshift: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
