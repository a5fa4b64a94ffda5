import * as l10n from '@vscode/l10n';
import { LineCounter, parseDocument, isMap, isSeq, isPair, isScalar, visit, type Document, type Node } from 'yaml';
import { fieldSpans, type FieldSpans } from './fieldSpans';

/**
 * How many aliases a file may expand. The yaml library refuses more (a file of nested aliases can
 * expand to gigabytes); naming the limit lets the message say what to change. Task and project files
 * need no aliases at all.
 */
export const MAX_YAML_ALIASES = 100;

export type YamlPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlProblem extends Position {
  /** 'yaml': the text is not YAML; 'yaml-limit': it is, but building its value was refused. */
  code: 'yaml' | 'yaml-limit';
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
    const errors: YamlProblem[] = this.doc.errors.map((e) => ({ ...this.positionAt(e.pos[0]), code: 'yaml', message: l10n.t('malformed YAML: {0}', firstLine(e.message)) }));
    let value: unknown;
    let spans: FieldSpans | undefined;
    if (errors.length === 0) {
      // Building the value can still fail (too many aliases, or anything the library refuses): that is
      // a problem of this file, never an exception that stops the files after it from being read.
      try {
        value = this.doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
        spans = fieldSpans(this.doc, text);
      } catch (error) {
        errors.push({ ...this.positionAt(this.firstAliasOffset() ?? 0), code: 'yaml-limit', message: valueErrorMessage(error) });
        value = undefined;
      }
    }
    this.errors = errors;
    this.value = value;
    this.spans = spans;
  }

  /** The text of the scalar at `path` as written in the file (`0x1F`, `001`), or undefined. */
  scalarSource(path: YamlPath): string | undefined {
    const { node, complete } = this.walk(path);
    return complete && isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  }

  /** The position of the deepest node of `path` that exists: a missing field points at its parent's key. */
  locate(path: YamlPath): Position {
    return this.positionAt(this.walk(path).offset);
  }

  /** Follows `path` as far as it exists: the node reached, where it starts, whether the whole path was found. */
  private walk(path: YamlPath): { node: unknown; offset: number; complete: boolean } {
    let node: unknown = this.doc.contents;
    let offset = rangeStart(node) ?? 0;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
        if (!pair) return { node, offset, complete: false };
        offset = rangeStart(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) return { node, offset, complete: false };
        offset = rangeStart(item) ?? offset;
        node = item;
      } else {
        return { node, offset, complete: false };
      }
    }
    return { node, offset, complete: true };
  }

  private firstAliasOffset(): number | undefined {
    let offset: number | undefined;
    visit(this.doc, {
      Alias: (_key, node) => {
        offset = rangeStart(node);
        return visit.BREAK;
      },
    });
    return offset;
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

function valueErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/alias/i.test(message)) {
    return l10n.t('more than {0} YAML aliases (the limit), which could expand without bound; write the values out instead of repeating *aliases', MAX_YAML_ALIASES);
  }
  return l10n.t('cannot be read as YAML: {0}', firstLine(message));
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
