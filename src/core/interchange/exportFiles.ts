import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../operations/atomicFile';

/**
 * Exported documents written atomically: to `out` itself when there is one document and `out` names a
 * file, else one `<out>/<project>.<suffix>.json` each. Returns the paths written.
 */
export function writeExportFiles(documents: readonly { project: string; document: unknown }[], out: string, suffix: string): string[] {
  const single = documents.length === 1 && /\.(json|ya?ml)$/i.test(out);
  return documents.map((d) => {
    const path = single ? out : join(out, `${d.project}.${suffix}.json`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileAtomic(path, `${JSON.stringify(d.document, null, 2)}\n`);
    return path;
  });
}
