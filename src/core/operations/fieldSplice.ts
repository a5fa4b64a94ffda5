import { Document, isSeq, stringify } from 'yaml';
import { readsOtherwiseInYaml11 } from '../yaml/yaml11Readings';
import { spanOf, type FieldSpans, type SpanStyle } from '../yaml/fieldSpans';
import { BoundedMemo } from './boundedMemo';

const STRING_TYPE = { plain: 'PLAIN', single: 'QUOTE_SINGLE', double: 'QUOTE_DOUBLE' } as const;

/**
 * The text with top-level `fields` replaced where they stand (a missing one added at the end, on one
 * line), every other byte kept; undefined when a value is not simple enough to splice, and the caller
 * then edits through yaml's document model. This is what makes a batch over thousands of files cost
 * little more than writing them: no parse, no print.
 */
export function spliceFields(spans: FieldSpans, fields: Readonly<Record<string, unknown>>): string | undefined {
  const { text } = spans;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edits: { start: number; end: number; replacement: string; order: number }[] = [];
  for (const [key, value] of Object.entries(fields)) {
    const span = spanOf(spans, key);
    if (span === 'complex') return undefined;
    if (span) {
      const column = span.start - (text.lastIndexOf('\n', span.start - 1) + 1);
      const replacement = render(value, span.style, column, eol);
      if (replacement === undefined) return undefined;
      edits.push({ start: span.start, end: span.end, replacement, order: edits.length });
    } else {
      // A new field goes last, on one line (a list in flow style).
      const line = render(value, 'flow', 0, eol);
      if (spans.appendAt < 0 || line === undefined || !isBareWord(key)) return undefined;
      edits.push({ start: spans.appendAt, end: spans.appendAt, replacement: `${eol}${key}: ${line}`, order: edits.length });
    }
  }
  // Last first, so earlier offsets stay valid; new fields at the same place keep their given order.
  edits.sort((a, b) => b.start - a.start || b.order - a.order);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.replacement + out.slice(e.end);
  return out;
}

function render(value: unknown, style: SpanStyle, column: number, eol: string): string | undefined {
  if (!Array.isArray(value)) return style === 'block' ? undefined : renderScalar(value, style);
  if (value.every(isBareWord)) {
    if (style !== 'block') return `[${value.join(', ')}]`;
    return value.length === 0 ? undefined : value.map((item) => `- ${item}`).join(eol + ' '.repeat(column));
  }
  if (value.some((item) => renderScalar(item, 'plain') === undefined)) return undefined;
  const doc = new Document(value);
  if (style !== 'block') {
    if (isSeq(doc.contents)) doc.contents.flow = true;
    return oneLine(doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
  }
  // An empty list has no block form; the document model writes it as `key: []`.
  if (value.length === 0) return undefined;
  const lines = doc.toString({ lineWidth: 0 }).replace(/\n$/, '').split('\n');
  return lines.join(eol + ' '.repeat(column));
}

/**
 * Words that read back as the same string when written bare, in block and flow context alike (YAML 1.2
 * core schema): a letter or underscore, then letters, digits and `_ . / -`. The few such words that
 * read as something else are RESERVED. Anything else is left to yaml to quote.
 */
const PLAIN_SAFE = /^[A-Za-z_][\w./-]*$/;
const RESERVED = /^(null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** Words asked about already: a batch asks about the same few tags in every file. */
const bareWords = new BoundedMemo<boolean>(4096);

function isBareWord(value: unknown): value is string {
  return typeof value === 'string' && bareWords.get(value, () => PLAIN_SAFE.test(value) && !RESERVED.test(value) && !readsOtherwiseInYaml11(value));
}

let memo = { value: undefined as unknown, style: '', line: undefined as string | undefined };

/** A scalar as one line in the given quoting (yaml still quotes a plain string that needs it). */
function renderScalar(value: unknown, style: SpanStyle): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  if (style === 'plain' && isBareWord(value)) return value;
  // A batch writes the same stamp into every file.
  if (memo.value === value && memo.style === style) return memo.line;
  // A string YAML 1.1 would read as a number or a boolean is quoted even where the old value was bare.
  const type = style === 'single' || style === 'double' ? STRING_TYPE[style] : typeof value === 'string' && readsOtherwiseInYaml11(value) ? STRING_TYPE.double : STRING_TYPE.plain;
  const line = oneLine(stringify(value, { lineWidth: 0, defaultStringType: type, defaultKeyType: 'PLAIN' }));
  memo = { value, style, line };
  return line;
}

function oneLine(printed: string): string | undefined {
  const line = printed.replace(/\n$/, '');
  return line.includes('\n') ? undefined : line;
}
