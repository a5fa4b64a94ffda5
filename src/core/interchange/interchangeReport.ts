import * as l10n from '@vscode/l10n';
/** What an import or export could not carry exactly, per task: nothing is dropped without a line here. */
export interface ReportEntry {
  task: string;
  name: string;
  notes: string[];
}

export class InterchangeReport {
  private readonly byTask = new Map<string, ReportEntry>();

  note(task: string, name: string, note: string): void {
    let entry = this.byTask.get(task);
    if (!entry) this.byTask.set(task, (entry = { task, name, notes: [] }));
    entry.notes.push(note);
  }

  get entries(): ReportEntry[] {
    return [...this.byTask.values()];
  }

  /** `task name: note` lines, for the terminal and the editor's output. */
  lines(): string[] {
    return this.entries.flatMap((e) => e.notes.map((n) => l10n.t('{0} {1}: {2}', e.task, e.name, n)));
  }

  /** The report as printed: a heading with the count, then each line indented; or that nothing was lost. */
  printed(): string[] {
    const lines = this.lines();
    return lines.length ? [l10n.t('Not carried exactly ({0}):', lines.length), ...lines.map((l) => `  ${l}`)] : [l10n.t('Everything was carried exactly.')];
  }
}

/** A problem with the input, at its place: the file and the path inside it (`spec.nodes[2].script`). */
export class InterchangeError extends Error {
  constructor(
    readonly file: string,
    readonly path: string,
    message: string,
  ) {
    super(`${file}: ${path ? `${path}: ` : ''}${message}`);
  }
}
