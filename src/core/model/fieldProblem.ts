import type { YamlPath } from '../yaml/yamlSource';
import type { Severity } from './diagnostic';

/** A problem at a field of one file, by its YAML path; the index turns it into a Diagnostic at its line. */
export interface FieldProblem {
  path: YamlPath;
  severity: Severity;
  code: string;
  message: string;
}
