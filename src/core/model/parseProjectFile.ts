import * as l10n from '@vscode/l10n';
import { IANAZone } from 'luxon';
import type { FieldProblem } from './fieldProblem';
import { schemaProblems } from './schemaProblems';
import { type ParsedFile, parseYamlFile } from './parseTaskFile';
import { projectFileSchema, type ProjectFile } from './projectSchema';

export function parseProjectFile(file: string, text: string): ParsedFile<ProjectFile> {
  return parseYamlFile(file, text, (source) => {
    const result = projectFileSchema.safeParse(source.value, { reportInput: true });
    if (!result.success) return { problems: schemaProblems(result.error) };
    const project = result.data;
    const problems: FieldProblem[] = [];
    if (!IANAZone.isValidZone(project.timezone)) {
      problems.push({ path: ['timezone'], severity: 'error', code: 'schema', message: `timezone: ${l10n.t('"{0}" is not an IANA time zone (e.g. Asia/Shanghai, UTC)', project.timezone)}` });
    }
    if (/(^|[\\/])\.\.([\\/]|$)/.test(project.taskRoot) || project.taskRoot.startsWith('/')) {
      problems.push({ path: ['taskRoot'], severity: 'error', code: 'schema', message: `taskRoot: ${l10n.t('must be a folder inside the project folder')}` });
    }
    project.templates.forEach((t, i) => {
      if (!project.taskTypes.includes(t.taskType)) {
        problems.push({ path: ['templates', i, 'taskType'], severity: 'error', code: 'unknown-task-type', message: `templates.${i}.taskType: ${l10n.t('"{0}" is not one of the project\'s taskTypes ({1})', t.taskType, project.taskTypes.join(', '))}` });
      }
    });
    // A project with a wrong zone or task root would mislead every task in it: it is not used until fixed.
    return problems.length ? { problems } : { data: project, problems };
  });
}
