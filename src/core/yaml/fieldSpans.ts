import { isCollection, isMap, isScalar, isSeq, Scalar, type Document } from 'yaml';

/** How a top-level value is written: a one-line scalar (by quoting), a flow sequence, a block sequence. */
export const SPAN_STYLES = ['plain', 'single', 'double', 'flow', 'block'] as const;
export type SpanStyle = (typeof SPAN_STYLES)[number];

/**
 * Where the simple top-level values of a YAML mapping file sit in its text: one-line scalars and
 * sequences of them, with no anchor, tag, alias or comment inside. An edit that only replaces such
 * values can splice the text instead of parsing and printing the whole file again (which also keeps
 * every byte around them as the user wrote it). Kept small: one typed array per file.
 */
export interface FieldSpans {
  /** The text the offsets index into; an edit must splice exactly this text. */
  readonly text: string;
  /** Every top-level key, simple value or not. */
  readonly keys: readonly string[];
  /** start, end and style index (-1: not simple) per key, in the order of `keys`. */
  readonly at: Int32Array;
  /** Where a new top-level field can go (the end of the last value), or -1 when the file ends otherwise. */
  readonly appendAt: number;
}

export interface FieldSpan {
  start: number;
  end: number;
  style: SpanStyle;
}

/** The key's value span; 'complex' when its value is not simple; undefined when the key is absent. */
export function spanOf(spans: FieldSpans, key: string): FieldSpan | 'complex' | undefined {
  const i = spans.keys.indexOf(key);
  if (i < 0) return undefined;
  if (spans.at[i * 3 + 2]! < 0) return 'complex';
  return { start: spans.at[i * 3]!, end: spans.at[i * 3 + 1]!, style: SPAN_STYLES[spans.at[i * 3 + 2]!]! };
}

/** Spans of a parsed document without errors; undefined unless it is a plain YAML 1.2 block mapping. */
export function fieldSpans(doc: Document.Parsed, text: string): FieldSpans | undefined {
  const map = doc.contents;
  if (!isMap(map) || map.flow || doc.directives?.yaml.explicit || text.startsWith('%')) return undefined;
  const items = map.items;
  const keys: string[] = [];
  const at: number[] = [];
  for (const { key, value } of items) {
    if (!isScalar(key) || typeof key.value !== 'string' || key.anchor || key.tag) return undefined;
    const span = simpleSpan(value, text);
    keys.push(key.value);
    at.push(span?.start ?? 0, span?.end ?? 0, span ? SPAN_STYLES.indexOf(span.style) : -1);
  }
  // Only after a scalar or flow value does the value's range end where its text does.
  const last = items.at(-1)?.value;
  const lastEnd = isScalar(last) || (isCollection(last) && last.flow) ? last.range?.[1] : undefined;
  const appendAt = lastEnd !== undefined && /^[ \t]*(\r?\n[ \t]*)*$/.test(text.slice(lastEnd)) ? lastEnd : -1;
  return { text, keys, at: Int32Array.from(at), appendAt };
}

function simpleSpan(value: unknown, text: string): FieldSpan | undefined {
  if (isScalar(value)) {
    const style = scalarStyle(value);
    const [start, end] = value.range ?? [0, 0];
    if (!style || start === end || has(text, '\n', start, end)) return undefined;
    return { start, end, style };
  }
  if (!isSeq(value) || value.anchor || value.tag || value.commentBefore) return undefined;
  for (const item of value.items) {
    if (!isScalar(item) || !scalarStyle(item) || item.commentBefore || item.comment) return undefined;
    const [s, e] = item.range ?? [0, 0];
    if (s === e || has(text, '\n', s, e)) return undefined;
  }
  const start = value.range![0];
  if (value.flow) {
    const end = value.range![1];
    return has(text, '\n', start, end) || has(text, '#', start, end) ? undefined : { start, end, style: 'flow' };
  }
  // A block sequence's own range runs on over trailing comments and blank lines; its last item does not.
  return { start, end: (value.items.at(-1) as Scalar).range![1], style: 'block' };
}

function scalarStyle(node: Scalar): SpanStyle | undefined {
  if (node.anchor || node.tag) return undefined;
  const v = node.value;
  if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  if (node.type === Scalar.PLAIN) return 'plain';
  if (node.type === Scalar.QUOTE_SINGLE) return 'single';
  if (node.type === Scalar.QUOTE_DOUBLE) return 'double';
  return undefined;
}

/** Whether `char` occurs in text[start, end), without copying the slice (this runs for every value of every file indexed). */
function has(text: string, char: string, start: number, end: number): boolean {
  const at = text.indexOf(char, start);
  return at >= 0 && at < end;
}
