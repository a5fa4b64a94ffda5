import * as l10n from '@vscode/l10n';
import type { z } from 'zod';
import type { FieldProblem } from './fieldProblem';

/** zod issues as field problems whose messages name the field and say what was expected. */
export function schemaProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = path.length ? path.join('.') : '(file)';
    return { path, severity: 'error', code: 'schema', message: `${field}: ${describeIssue(issue)}` };
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) return l10n.t('is required');
  if (issue.code === 'invalid_value') return l10n.t('must be one of {0}', issue.values.map((v) => JSON.stringify(v)).join(', '));
  if (issue.code === 'invalid_union' && issue.input !== undefined) return l10n.t('has an unexpected value {0}', preview(issue.input));
  return issue.message.replace(/^Invalid input: |^无效输入：/, '');
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** Keys the schema does not know: kept in the file, but usually a typo worth a warning. */
export function unknownKeyProblems(value: unknown, known: ReadonlySet<string>, prefix: (string | number)[]): FieldProblem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const problems: FieldProblem[] = [];
  for (const key of Object.keys(value)) {
    if (known.has(key) || key.startsWith('x-')) continue;
    const field = [...prefix, key].join('.');
    problems.push({ path: [...prefix, key], severity: 'warning', code: 'unknown-field', message: `${field}: ${l10n.t('unknown field (kept as is; prefix custom fields with x-)')}` });
  }
  return problems;
}
