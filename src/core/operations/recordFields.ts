import { closeSync, openSync, readSync } from 'node:fs';

/**
 * A record file's top-level string fields, read only as far as the one asked for. Why: every command
 * looks for interrupted batches, and "Undo Last Batch" for the newest one not undone yet; parsing every
 * record for that cost seconds once a workspace held some batches over 10,000 tasks (a record keeps
 * each file's old text: 15 MB each). Records put "state" first since this was written, and "operation"
 * comes before the results and changes in every layout, so a scan reads a few bytes of most records.
 * A hand-edited record with a key twice reads as its first one here, where JSON.parse takes the last.
 */

/**
 * What a record's "state" says: 'intent', 'complete', 'none' (an object without one: a record from
 * before the field, or an action's record, all complete), or 'unknown' (not a JSON object as scanned,
 * a state that is neither of those strings, an unreadable file): the caller then parses the whole file.
 */
export type RecordState = 'intent' | 'complete' | 'none' | 'unknown';

export const CHUNK = 64 * 1024;
let buffer: Buffer | undefined;

export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/**
 * The longest key or value read, as written: longer than any spelling of the keys and values asked
 * for with every character escaped (\u0063...).
 */
const MAX_COLLECTED = 128;

/** A JSON string's text from its bytes between the quotes; undefined when they are not one. */
function decoded(bytes: number[]): string | undefined {
  const raw = Buffer.from(bytes).toString('utf8');
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}

/** The first quote or backslash in bytes[from, length), or length. */
function nextQuoteOrBackslash(bytes: Buffer, from: number, length: number): number {
  const quote = bytes.indexOf(QUOTE, from);
  const end = quote < 0 || quote > length ? length : quote;
  for (let i = from; i < end; i++) if (bytes[i] === BACKSLASH) return i;
  return end;
}

export function recordStateOf(file: string): RecordState {
  const state = topLevelString(file, 'state');
  return state === null ? 'none' : state === 'intent' || state === 'complete' ? state : 'unknown';
}

/**
 * A record's "operation" ('revert', 'tags', ...): null when it has none, undefined when the scan cannot
 * tell (the whole file is then to be parsed).
 */
export function recordOperationOf(file: string): string | null | undefined {
  return topLevelString(file, 'operation');
}

/**
 * The string value of a top-level key of the JSON object in `file`: null when the object has no such
 * key, undefined when the value is not a string (or a long one), or the file not an object as scanned.
 */
function topLevelString(file: string, key: string): string | null | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    buffer ??= Buffer.allocUnsafe(CHUNK);
    const scan = new KeyScan(key);
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return undefined;
      const found = scan.feed(buffer, n);
      if (found !== NOT_YET) return found;
    }
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const NOT_YET = Symbol('not yet');

/**
 * What every record scan shares: reading a JSON string from its opening quote to its closing one,
 * escapes followed. A string that is kept (a top-level key, a value asked for) has its bytes gathered;
 * any other (most of a record) is skipped to its next quote or backslash at once.
 */
export abstract class RecordScan {
  protected inString = false;
  private escaped = false;
  private keeping = false;
  /** The kept string's bytes as written (escapes included), up to MAX_COLLECTED and one more. */
  private collected: number[] = [];

  /** At an opening quote. */
  protected openString(keep: boolean): void {
    this.inString = true;
    this.keeping = keep;
    this.collected = [];
  }

  /** Reads the string on from `i`: the index of its closing quote, or `length` when the chunk ends first. */
  protected readString(bytes: Buffer, i: number, length: number): number {
    for (; i < length; i++) {
      if (!this.keeping && !this.escaped) {
        i = nextQuoteOrBackslash(bytes, i, length);
        if (i === length) return length;
      }
      const c = bytes[i]!;
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) {
        this.inString = false;
        return i;
      }
      if (this.keeping && this.collected.length <= MAX_COLLECTED) this.collected.push(c);
    }
    return length;
  }

  /** The string just read, when it was kept: its text, or undefined when too long or not a JSON string. */
  protected keptText(): string | undefined {
    return this.collected.length > MAX_COLLECTED ? undefined : decoded(this.collected);
  }
}

/** A byte scanner of JSON's structure (depth, strings, escapes) that stops at one top-level key's value. */
class KeyScan extends RecordScan {
  private depth = 0;
  /** At depth 1, where the next string is a key. */
  private keyNext = false;
  /** The string being read is a key at depth 1, or the value asked for. */
  private collecting: 'key' | 'value' | undefined;
  /** The key just read was the one asked for: its value comes next. */
  private atKey = false;

  constructor(private readonly key: string) {
    super();
  }

  feed(bytes: Buffer, length: number): string | null | undefined | typeof NOT_YET {
    for (let i = 0; i < length; i++) {
      if (this.inString) {
        i = this.readString(bytes, i, length);
        if (i === length) break;
        const done = this.endString();
        if (done !== NOT_YET) return done;
        continue;
      }
      const c = bytes[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.atKey && c !== 0x3a && c !== QUOTE) return undefined;
      if (c === QUOTE) {
        this.collecting = this.atKey ? 'value' : this.depth === 1 && this.keyNext ? 'key' : undefined;
        this.openString(this.collecting !== undefined);
      } else if (c === 0x7b || c === 0x5b) {
        if (this.depth === 0 && c !== 0x7b) return undefined;
        this.depth++;
        this.keyNext = this.depth === 1;
      } else if (c === 0x7d || c === 0x5d) {
        if (--this.depth === 0) return null;
        if (this.depth < 0) return undefined;
      } else if (this.depth === 1) {
        if (c === 0x2c) this.keyNext = true;
        else if (c === 0x3a) this.keyNext = false;
      } else if (this.depth === 0) return undefined;
    }
    return NOT_YET;
  }

  private endString(): string | undefined | typeof NOT_YET {
    const kind = this.collecting;
    this.collecting = undefined;
    if (kind === undefined) return NOT_YET;
    const text = this.keptText();
    if (kind === 'key') {
      this.atKey = text === this.key;
      return NOT_YET;
    }
    return text;
  }
}
