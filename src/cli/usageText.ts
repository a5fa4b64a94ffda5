import * as l10n from '@vscode/l10n';
import stringWidth from 'string-width';
import { OPERATIONS } from '../core/operations/operationCatalog';
import { operationHelp, operationLabel } from '../core/operations/operationNames';

/** Where a command's description starts, and how wide the help is. */
const DESCRIPTION_COLUMN = 26;
const WIDTH = 104;

/**
 * `nightshift --help` in the user's language. The command lines (names, flags, placeholders) are
 * what the user types and stay as they are; the descriptions are translated and wrapped by display
 * width, since a Chinese character takes two columns.
 */
export function usageText(): string {
  const out = [l10n.t('Usage: nightshift <command> [options]'), '', l10n.t('Commands:')];
  const entry = (syntax: string[], description: string) => out.push(...described(syntax, description));
  entry(['validate <dir>'], l10n.t('Check every project and task file; exit 1 when there are errors.'));
  entry(['tree <dir> [--json]'], l10n.t('Print the project > folder > task hierarchy.'));
  entry(
    [
      'list <dir> [--search S] [--mine --as U] [--type T,..] [--method M,..] [--owner U,..]',
      '        [--submission S,..] [--output-table T] [--created FROM..TO] [--template N,..] [--status S,..]',
      '        [--cycle C,..] [--ops-owner U,..] [--published yes|no] [--conditional yes|no]',
      '        [--modified 3d|7d|1m|FROM..TO] [--tag T,..] [--folder <project>/<path> [--recursive]]',
      '        [--sort <column>[:asc|desc]] [--json]',
    ],
    l10n.t('The task list with the console\'s filters, as the panel shows it.'),
  );
  entry(
    ['preview <dir> [--date YYYY-MM-DD | --bizdate YYYY-MM-DD] [--task <ids>] [--upstream] [--downstream]', '        [--depth N] [--json]'],
    l10n.t('The instances a day runs, their upstream instances and parameters (default: today in the first project\'s time zone).'),
  );
  entry(['param --at YYYY-MM-DDTHH:mm[:ss] [--scheduler dataworks|dataphin] <expression>...'], l10n.t('Evaluate scheduling parameters for an instance scheduled at that time.'));
  entry(
    ['diff <dir> [--base <git rev>] [--date D | --from D --to D] [--json]'],
    l10n.t('What the files\' changes do to the schedule against a Git revision (default HEAD): instances, edges, parameters, predicted times, downstream closures and baselines that move. Exit 0 either way.'),
  );
  entry(
    ['baselines <dir> [--date YYYY-MM-DD] [--pessimistic] [--json]'],
    l10n.t('Each baseline (baselines: in nightshift.yaml) predicted safe, warning or breached, with its critical path, and again with every task at its p90 minutes; exit 1 when one breaches (--pessimistic: or its p90 case does).'),
  );
  entry(
    ['durations <dir> --from-file <csv|json> --as <user> [--dry-run] [--json]'],
    l10n.t('Observed runs (task, scheduledAt, start, end), as an operation center exports them, set each task\'s expectedMinutes (median) and expectedP90Minutes, as one recorded batch (revert undoes it).'),
  );
  entry(['backfill <dir> --task <id> --from <bizdate> [--to <bizdate>] [--downstream] [--exclude <ids>] [--json]'], l10n.t('The instances a data backfill over those business dates runs, in order.'));
  out.push('');
  entry(
    ['create <dir> --project <p> [--folder <path>] --name <n> --type <t> --as <user> [--owner <user>]', '        [--cycle C and the schedule flags of `schedule`] [--template name:version] [--json]'],
    l10n.t('Create a compute task (and its code file); prints its id and file.'),
  );
  out.push('');
  entry(
    ['import <file-or-dir> --to <workspace> --project <p> [--folder <path>] [--format flowspec|dolphinscheduler]', '        [--update] [--dry-run] [--json] [--as <user>]'],
    l10n.t('DataWorks FlowSpec (YAML or JSON, shapes 1.1 and 1.2) or a DolphinScheduler workflow export as new tasks, one batch (revert undoes it), with a report of what was not carried exactly (the format is detected when not given).'),
  );
  entry(
    ['export <workspace> --format flowspec|dolphinscheduler [--flowspec-version 1.1|1.2] [--project <p>]', '        [--tasks <ids>] --out <file-or-dir> [--json]'],
    l10n.t('The tasks as FlowSpec (one workflow per project) or as DolphinScheduler workflows (one per shared schedule), with the same report.'),
  );
  out.push('', l10n.t('Task operations (the Dataphin task list\'s, single and batch):'));
  out.push('  <operation> <dir> (--tasks <ids> | --folder <project>/<folder> [--recursive]) --as <user>', '          [--dry-run] [--json] [--lock-dir <shared lock folder>] [operation options]');
  for (const o of OPERATIONS) out.push(`    ${`${o.cliVerb} ${o.cliOptions}`.trimEnd()}`, ...wrapped(l10n.t('{0}: {1}', operationLabel(o.key), operationHelp(o.key)), 8));
  out.push(
    ...wrapped(l10n.t('Exit 0 when nothing failed, 1 when a task failed or was refused, 2 on bad usage, 3 when the system refused (a full disk, a permission) or on an internal error (please report it).'), 2),
  );
  entry(['records <dir> [--kind submit|other] [--json]'], l10n.t('The batch operation records.'));
  entry(['revert <dir> (--record <id> | --last) --as <user> [--dry-run]'], l10n.t('Undo a batch from its record (--dry-run lists every path it would write).'));
  entry(['recover <dir> (--finish | --revert) [--record <id>] --as <user>'], l10n.t('Finish or revert batches a kill interrupted.'));
  entry(['unlock <dir> --tasks <ids> --as <user> [--force]'], l10n.t('Release edit locks (--force: someone else\'s, recorded).'));
  entry(['pending <dir> [--json]'], l10n.t('The pending-publish lists.'));
  entry(['publish <dir> --project <name> --as <user> [--tasks <id,...>]'], l10n.t('Publish a project\'s pending list (or only these tasks\' entries).'));
  out.push('', l10n.t('Options:'));
  entry(['--task-root <folder>'], l10n.t('Override every project\'s taskRoot.'));
  entry(
    ['--cache-dir <folder>'],
    l10n.t('Where the index cache lives (default $XDG_CACHE_HOME/nightshift/index, or ~/.cache/nightshift/index): what each file parsed to, keyed by path, size and mtime, so an unchanged workspace is not parsed again.'),
  );
  entry(['--no-cache'], l10n.t('Read and parse every file; neither read nor write the cache.'));
  entry(['--lang en|zh-cn'], l10n.t('The language of messages (default: from LC_ALL, LC_MESSAGES or LANG; zh_CN.UTF-8 is Chinese). --json output stays English: scripts read it.'));
  entry(['-h, --help'], l10n.t('Show this help.'));
  return `${out.join('\n')}\n`;
}

/** A command's lines: its syntax, then its description at DESCRIPTION_COLUMN (beside a short syntax). */
function described(syntax: string[], description: string): string[] {
  const lines = syntax.map((s) => `  ${s}`);
  const text = wrapped(description, DESCRIPTION_COLUMN);
  const last = lines[lines.length - 1]!;
  if (lines.length === 1 && stringWidth(last) < DESCRIPTION_COLUMN - 1) {
    lines[0] = last.padEnd(DESCRIPTION_COLUMN) + text[0]!.trimStart();
    return [...lines, ...text.slice(1)];
  }
  return [...lines, ...text];
}

const CLOSING = '，。、；：！？）》」』】”’';
const OPENING = '（《「『【“‘';

/** Words (and each Chinese character) wrapped to WIDTH columns, each line indented by `indent`. */
function wrapped(text: string, indent: number): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]+|\s+/g) ?? [];
  const lines: string[] = [];
  let line = '';
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line) line += ' ';
      continue;
    }
    // A Chinese line never starts with closing punctuation (it stays on the line before, a column
    // over) nor ends with an opening bracket (it moves down with what it opens).
    if (line && indent + stringWidth(line + token) > WIDTH && !CLOSING.includes(token)) {
      const opening = OPENING.includes(line.at(-1)!) ? line.at(-1)! : '';
      lines.push(line.slice(0, line.length - opening.length).trimEnd());
      line = opening;
    }
    line += token;
  }
  if (line) lines.push(line.trimEnd());
  return lines.map((l) => ' '.repeat(indent) + l);
}
