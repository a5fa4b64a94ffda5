import { LineCounter, parseDocument, isMap, isSeq, isPair, type Document, type Node } from 'yaml';
import { fieldSpans, type FieldSpans } from './fieldSpans';

export type YamlPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlProblem extends Position {
  message: string;
}

/** A parsed YAML file that can say where a value sits (for diagnostics) without keeping anything else. */
export class YamlSource {
  readonly value: unknown;
  readonly errors: YamlProblem[];
  /** Where its simple top-level values sit, for edits that splice the text (none when it has errors). */
  readonly spans: FieldSpans | undefined;
  private readonly doc: Document.Parsed;
  private readonly lines: LineCounter;

  constructor(text: string) {
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
    this.errors = this.doc.errors.map((e) => ({ ...this.positionAt(e.pos[0]), message: firstLine(e.message) }));
    this.value = this.errors.length > 0 ? undefined : this.doc.toJS({ maxAliasCount: 100 });
    this.spans = this.errors.length > 0 ? undefined : fieldSpans(this.doc, text);
  }

  /** The position of the deepest node of `path` that exists: a missing field points at its parent's key. */
  locate(path: YamlPath): Position {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
        if (!pair) break;
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        offset = rangeStart(item) ?? offset;
        node = item;
      } else {
        break;
      }
    }
    return this.positionAt(offset);
  }

  private positionAt(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function keyText(key: unknown): string | undefined {
  if (key && typeof key === 'object' && 'value' in key) return String((key as { value: unknown }).value);
  return key === null || key === undefined ? undefined : String(key);
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
