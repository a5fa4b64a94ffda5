import * as l10n from '@vscode/l10n';
import type { WorkspaceIndex } from './workspaceIndex';

export type ProjectFolder = { projectDir: string; folder: string };

/**
 * `<project name>/<folder path>`, as the command line names a folder, resolved to the project's folder
 * and the path below its task root. A name that two projects share (itself a validation error) names
 * neither: picking one would act on tasks the user may not have meant.
 */
export function resolveProjectFolder(index: WorkspaceIndex, argument: string): ProjectFolder | { error: string } {
  const [name = '', ...rest] = argument.replace(/^\/+|\/+$/g, '').split('/');
  const dirs = index.projects().filter((p) => p.config.project === name).map((p) => p.dir);
  if (dirs.length === 0) return { error: l10n.t('no project is named "{0}" (write <project>/<folder>)', name) };
  if (dirs.length > 1) return { error: l10n.t('{0} projects are named "{1}" ({2}); rename all but one in its nightshift.yaml', dirs.length, name, dirs.join(', ')) };
  return { projectDir: dirs[0]!, folder: rest.join('/') };
}
