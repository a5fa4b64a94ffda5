import * as l10n from '@vscode/l10n';
import { changedSinceSubmission } from './submittedContent';
import type { FieldSpans } from '../yaml/fieldSpans';
import { YamlSource } from '../yaml/yamlSource';
import type { Diagnostic } from './diagnostic';
import { idSpellingProblems } from './idSpelling';
import { checkSchedule } from './scheduleRules';
import type { FieldProblem } from './fieldProblem';
import { schemaProblems, unknownKeyProblems } from './schemaProblems';
import { DEFAULT_EXPECTED_MINUTES, KNOWN_SCHEDULE_KEYS, KNOWN_TASK_KEYS, taskFileSchema, type TaskFile } from './taskSchema';

export interface ParsedFile<T> {
  /**
   * Undefined when the file cannot be read as one (bad YAML or a schema error). A task whose schedule
   * is impossible still has data, so it stays in the tree while its diagnostic says what is wrong.
   */
  data?: T;
  diagnostics: Diagnostic[];
  spans?: FieldSpans;
}

export function parseTaskFile(file: string, text: string): ParsedFile<TaskFile> {
  return parseYamlFile(file, text, (source) => {
    const result = taskFileSchema.safeParse(source.value, { reportInput: true });
    const loose = [
      ...unknownKeyProblems(source.value, KNOWN_TASK_KEYS, []),
      ...unknownKeyProblems((source.value as { schedule?: unknown } | undefined)?.schedule, KNOWN_SCHEDULE_KEYS, ['schedule']),
    ];
    // An id YAML read as another one (001 → "1") would reach the index as a different task: no data.
    const ids = idSpellingProblems(source);
    if (!result.success || ids.length) {
      // One problem per field: the id's own says more than the schema's ("Too big: expected int").
      const flagged = new Set(ids.map((p) => p.path.join('.')));
      const schema = result.success ? [] : schemaProblems(result.error).filter((p) => !flagged.has(p.path.join('.')));
      return { problems: [...schema, ...ids, ...loose] };
    }
    const data = result.data;
    const edited: FieldProblem[] = [];
    if (changedSinceSubmission(data)) {
      // As in the console: an edit makes a submitted task developing until it is submitted again.
      data.status = 'developing';
      edited.push({ path: ['status'], severity: 'warning', code: 'changed-since-submit', message: `status: ${l10n.t('changed since it was submitted (submittedHash); it reads as developing until it is submitted again')}` });
    }
    if (data.expectedP90Minutes !== undefined && data.expectedP90Minutes < (data.expectedMinutes ?? DEFAULT_EXPECTED_MINUTES)) {
      edited.push({ path: ['expectedP90Minutes'], severity: 'warning', code: 'p90-below-expected', message: `expectedP90Minutes: ${l10n.t('{0} is below expectedMinutes ({1}); the 90th percentile of durations is at least their median', data.expectedP90Minutes, data.expectedMinutes ?? DEFAULT_EXPECTED_MINUTES)}` });
    }
    return { data, problems: [...checkSchedule(data.schedule), ...loose, ...edited] };
  });
}

/** Parses YAML, then lets `check` turn the value into data and field problems located in the file. */
export function parseYamlFile<T>(
  file: string,
  text: string,
  check: (source: YamlSource) => { data?: T; problems: FieldProblem[] },
): ParsedFile<T> {
  const source = new YamlSource(text);
  if (source.errors.length > 0) {
    return {
      diagnostics: source.errors.map((e) => ({ file, line: e.line, column: e.column, severity: 'error', code: e.code, message: e.message })),
    };
  }
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', code: 'schema', message: l10n.t('the file must hold a YAML mapping (key: value lines)') }] };
  }
  const { data, problems } = check(source);
  const diagnostics = problems.map((p): Diagnostic => ({ file, ...source.locate(p.path), severity: p.severity, code: p.code, message: p.message }));
  if (data === undefined) return { diagnostics };
  return source.spans ? { data, diagnostics, spans: source.spans } : { data, diagnostics };
}
