import { compileParameter, type ParameterDialect } from './parameterExpression';
import type { FieldProblem } from './fieldProblem';

/** Parameter values whose expressions the project's scheduler would reject, each at its own line. */
export function checkParameters(parameters: Readonly<Record<string, string>>, dialect?: ParameterDialect): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    const result = compileParameter(value, dialect);
    if (!result.ok) problems.push({ path: ['parameters', name], severity: 'error', code: 'invalid-parameter', message: `parameters.${name}: ${result.error}` });
  }
  return problems;
}
