import { compileParameter } from '../engine/parameterExpression';
import type { FieldProblem } from './scheduleRules';

/** Parameter values whose expressions the scheduler would reject, each at its own line. */
export function checkParameters(parameters: Readonly<Record<string, string>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(parameters)) {
    const result = compileParameter(value);
    if (!result.ok) problems.push({ path: ['parameters', name], severity: 'error', code: 'invalid-parameter', message: `parameters.${name}: ${result.error}` });
  }
  return problems;
}
