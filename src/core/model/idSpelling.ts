import * as l10n from '@vscode/l10n';
import type { YamlPath, YamlSource } from '../yaml/yamlSource';
import type { FieldProblem } from './fieldProblem';

/** How a number must be written to stand for the id spelled the same: digits without a leading zero. */
const PLAIN_DECIMAL = /^(0|[1-9]\d*)$/;
/** A UTF-16 surrogate without its partner: no file name, lock name or URL can hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Ids are text, and users write them unquoted. YAML reads `001`, `0x1F` and `1e3` as the numbers 1, 31
 * and 1000, so the id would silently become another one: those must be quoted. An id with a lone
 * surrogate cannot name its lock file. Checks the task's id and every id it refers to.
 */
export function idSpellingProblems(source: YamlSource): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const check = (path: YamlPath, value: unknown) => {
    const field = path.join('.');
    if (typeof value === 'number') {
      const written = source.scalarSource(path) ?? String(value);
      if (PLAIN_DECIMAL.test(written) && Number.isSafeInteger(value)) return;
      problems.push({ path, severity: 'error', code: 'numeric-id', message: `${field}: ${l10n.t('YAML reads {0} as the number {1}, not as the id "{0}"; quote it: "{0}"', written, value)}` });
    } else if (typeof value === 'string' && LONE_SURROGATE.test(value)) {
      problems.push({ path, severity: 'error', code: 'schema', message: `${field}: ${l10n.t('{0} holds a lone surrogate (half of a UTF-16 character), which no file name can hold', JSON.stringify(value))}` });
    }
  };
  const file = source.value as { id?: unknown; dependencies?: unknown; schedule?: { crossCycle?: unknown } } | undefined;
  check(['id'], file?.id);
  if (Array.isArray(file?.dependencies)) {
    file.dependencies.forEach((dep: unknown, i) => check(['dependencies', i, 'task'], (dep as { task?: unknown } | null)?.task));
  }
  const cross = file?.schedule?.crossCycle;
  if (Array.isArray(cross)) cross.forEach((id: unknown, i) => check(['schedule', 'crossCycle', i], id));
  return problems;
}
