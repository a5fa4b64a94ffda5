import { closeSync, openSync, readSync } from 'node:fs';

/**
 * What a record file's top-level "state" says, read only as far as that key: 'intent', 'complete',
 * 'none' (an object without one: a record from before the field, or an action's record, all complete),
 * or 'unknown' (not a JSON object as scanned, a state that is neither of those strings, an unreadable
 * file): the caller then parses the whole file.
 *
 * Why: every command looks for interrupted batches, and parsing every record for it cost seconds once
 * a workspace held some batches over 10,000 tasks (a record keeps each file's old text: 15 MB each).
 * Records put "state" first since this was written, so the scan reads a few bytes of them; in older
 * ones it comes before the changes whenever those were written as their own piece.
 * A hand-edited record with "state" twice reads as its first one here, where JSON.parse takes the last.
 */
export type RecordState = 'intent' | 'complete' | 'none' | 'unknown';

const CHUNK = 64 * 1024;
let buffer: Buffer | undefined;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Longer than any spelling of "state", "intent" or "complete", every character escaped (\u0063...) included. */
const MAX_COLLECTED = 64;

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
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    buffer ??= Buffer.allocUnsafe(CHUNK);
    const scan = new StateScan();
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return 'unknown';
      const found = scan.feed(buffer, n);
      if (found) return found;
    }
  } catch {
    return 'unknown';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A byte scanner of JSON's structure (depth, strings, escapes) that stops at the top-level "state". */
class StateScan {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** At depth 1, where the next string is a key. */
  private keyNext = false;
  /** The string being read is a key at depth 1, or the value of "state". */
  private collecting: 'key' | 'value' | undefined;
  /** The string's bytes as written (escapes included), up to MAX_COLLECTED and one more. */
  private collected: number[] = [];
  /** The key just read was "state": its value comes next. */
  private stateKey = false;

  feed(bytes: Buffer, length: number): RecordState | undefined {
    for (let i = 0; i < length; i++) {
      // Inside a string no one reads (most of a record), on to its next quote or backslash at once.
      if (this.inString && this.collecting === undefined && !this.escaped) {
        i = nextQuoteOrBackslash(bytes, i, length);
        if (i === length) break;
      }
      const c = bytes[i]!;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) {
          this.inString = false;
          const done = this.endString();
          if (done) return done;
          continue;
        }
        if (this.collecting && this.collected.length <= MAX_COLLECTED) this.collected.push(c);
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.stateKey && c !== 0x3a && c !== QUOTE) return 'unknown';
      if (c === QUOTE) {
        this.inString = true;
        this.collecting = this.stateKey ? 'value' : this.depth === 1 && this.keyNext ? 'key' : undefined;
        this.collected = [];
      } else if (c === 0x7b || c === 0x5b) {
        if (this.depth === 0 && c !== 0x7b) return 'unknown';
        this.depth++;
        this.keyNext = this.depth === 1;
      } else if (c === 0x7d || c === 0x5d) {
        if (--this.depth === 0) return 'none';
        if (this.depth < 0) return 'unknown';
      } else if (this.depth === 1) {
        if (c === 0x2c) this.keyNext = true;
        else if (c === 0x3a) this.keyNext = false;
      } else if (this.depth === 0) return 'unknown';
    }
    return undefined;
  }

  private endString(): RecordState | undefined {
    const kind = this.collecting;
    this.collecting = undefined;
    if (kind === undefined) return undefined;
    const text = this.collected.length > MAX_COLLECTED ? undefined : decoded(this.collected);
    if (kind === 'key') {
      this.stateKey = text === 'state';
      return undefined;
    }
    return text === 'intent' || text === 'complete' ? text : 'unknown';
  }
}
