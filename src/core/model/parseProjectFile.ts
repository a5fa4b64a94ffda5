import { IANAZone } from 'luxon';
import type { FieldProblem } from '../validation/scheduleRules';
import { schemaProblems } from '../validation/schemaProblems';
import { type ParsedFile, parseYamlFile } from './parseTaskFile';
import { projectFileSchema, type ProjectFile } from './projectSchema';

export function parseProjectFile(file: string, text: string): ParsedFile<ProjectFile> {
  return parseYamlFile(file, text, (source) => {
    const result = projectFileSchema.safeParse(source.value, { reportInput: true });
    if (!result.success) return { problems: schemaProblems(result.error) };
    const project = result.data;
    const problems: FieldProblem[] = [];
    if (!IANAZone.isValidZone(project.timezone)) {
      problems.push({ path: ['timezone'], severity: 'error', code: 'schema', message: `timezone: "${project.timezone}" is not an IANA time zone (e.g. Asia/Shanghai, UTC)` });
    }
    if (/(^|[\\/])\.\.([\\/]|$)/.test(project.taskRoot) || project.taskRoot.startsWith('/')) {
      problems.push({ path: ['taskRoot'], severity: 'error', code: 'schema', message: 'taskRoot: must be a folder inside the project folder' });
    }
    project.templates.forEach((t, i) => {
      if (!project.taskTypes.includes(t.taskType)) {
        problems.push({ path: ['templates', i, 'taskType'], severity: 'error', code: 'unknown-task-type', message: `templates.${i}.taskType: "${t.taskType}" is not one of the project's taskTypes (${project.taskTypes.join(', ')})` });
      }
    });
    // A project with a wrong zone or task root would mislead every task in it: it is not used until fixed.
    return problems.length ? { problems } : { data: project, problems };
  });
}
