import { isMap, isSeq, parseDocument, visit, type Document } from 'yaml';
import { readsOtherwiseInYaml11 } from '../yaml/yaml11Readings';

/**
 * Rewrites a task file through yaml's document model, so the user's comments, key order, quoting and
 * unknown fields survive; only the nodes an operation sets change.
 */
export function editYaml(text: string, edit: (doc: Document) => void): string {
  return editYamlValue(text, edit).text;
}

/** Like editYaml, also giving the edited value (to validate it without parsing the text again). */
export function editYamlValue(text: string, edit: (doc: Document) => void): { text: string; value: unknown } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(`the file is not valid YAML: ${doc.errors[0]!.message}`);
  edit(doc);
  return { text: doc.toString({ lineWidth: 0, flowCollectionPadding: false }), value: doc.toJS() };
}

/** Sets a value, creating the maps on the way; a flow sequence the user wrote stays in flow style. */
export function setIn(doc: Document, path: readonly (string | number)[], value: unknown): void {
  const existing = doc.getIn(path, true);
  const node = doc.createNode(value);
  // Clock times and yes/no words quoted, so that YAML 1.1 readers get strings too.
  visit(node, {
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && readsOtherwiseInYaml11(scalar.value)) scalar.type = 'QUOTE_DOUBLE';
    },
  });
  if (isSeq(existing) && isSeq(node)) node.flow = existing.flow;
  if (isMap(existing) && isMap(node)) node.flow = existing.flow;
  doc.setIn(path, node);
}

/** One change to a task document, as data: set a value at a path, or delete what is there. */
export type DocEdit = { path: readonly (string | number)[]; value: unknown; delete?: undefined } | { path: readonly (string | number)[]; delete: true };

export function applyDocEdits(doc: Document, edits: readonly DocEdit[]): void {
  for (const e of edits) {
    if (e.delete) deleteIn(doc, e.path);
    else setIn(doc, e.path, e.value);
  }
}

export function deleteIn(doc: Document, path: readonly (string | number)[]): void {
  if (doc.hasIn(path)) doc.deleteIn(path);
}

/** The `updatedAt` an operation writes (the console stamps every change), to the second. */
export function timestamp(now: Date): string {
  // A batch stamps every task with the same moment.
  const ms = now.getTime();
  if (ms !== lastStamp.ms) lastStamp = { ms, text: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  return lastStamp.text;
}

let lastStamp = { ms: Number.NaN, text: '' };
