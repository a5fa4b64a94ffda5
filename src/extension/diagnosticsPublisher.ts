import * as vscode from 'vscode';
import type { Diagnostic } from '../core/model/diagnostic';
import type { WorkspaceIndexer } from './workspaceIndexer';

/** Mirrors the index's problems into the Problems panel, file by file. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nightshift');
  private published = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(private readonly indexer: WorkspaceIndexer) {
    this.subscription = indexer.onDidCheck(() => this.publish());
  }

  publish(): void {
    const current = this.indexer.index.diagnostics();
    for (const file of this.published) {
      if (!current.has(file)) this.collection.delete(this.indexer.uriOf(file));
    }
    for (const [file, list] of current) this.collection.set(this.indexer.uriOf(file), list.map((d) => this.toVscode(d)));
    this.published = new Set(current.keys());
  }

  private toVscode(d: Diagnostic): vscode.Diagnostic {
    const line = Math.max(0, d.line - 1);
    const range = new vscode.Range(line, Math.max(0, d.column - 1), line, Number.MAX_SAFE_INTEGER);
    const severity = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning;
    const out = new vscode.Diagnostic(range, d.message, severity);
    out.source = 'nightshift';
    out.code = d.code;
    if (d.related?.length) {
      out.relatedInformation = d.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(this.indexer.uriOf(r.file), new vscode.Position(Math.max(0, r.line - 1), 0)), r.message),
      );
    }
    return out;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
