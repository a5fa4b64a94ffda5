import { runTree } from './treeCommand';
import { runValidate } from './validateCommand';
import { UsageError } from './usageError';

const USAGE = `Usage: nightshift <command> [options]

Commands:
  validate <dir>          Check every project and task file; exit 1 when there are errors.
  tree <dir> [--json]     Print the project > folder > task hierarchy.

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
