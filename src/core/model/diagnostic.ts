export type Severity = 'error' | 'warning';

/** A problem at a place in a file; lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable machine-readable kind, e.g. "duplicate-id"; tests and quick fixes key on it. */
  code: string;
  message: string;
  related?: { file: string; line: number; message: string }[];
}

export function formatDiagnostic(d: Diagnostic, displayPath: (file: string) => string = (f) => f): string {
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${displayPath(d.file)}:${d.line}: ${prefix}${d.message}`;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

/** A problem of a whole file (unreadable, misnamed), at its first line. */
export function wholeFileProblem(file: string, severity: Severity, code: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, severity, code, message };
}
