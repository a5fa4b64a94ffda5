import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { checkedRecord, readRecord, recordFileNames, recordsDir, type BatchRecord } from './batchRecords';
import { CHUNK, QUOTE, RecordScan } from './recordFields';

/** A record as a listing shows it: everything but its changes, and how many there are. */
export type RecordSummary = Omit<BatchRecord, 'changes'> & { changeCount: number };

/**
 * A record read for a listing, without its "changes": they hold every file's old text (15 MB for a
 * batch over 10,000 tasks), and parsing them is most of reading a record. The file is copied as it is
 * read, the changes' array left out (its strings skipped to their next quote at once), and the rest
 * parsed. A record the scan cannot read so (changes that are not a list, a file cut short) is parsed
 * whole, and `onMalformed` hears why it does not read. What is inside the changes is not checked
 * here: a record whose changes were damaged by hand lists, and is named as not a record when it is
 * read whole to be shown or reverted.
 */
export function readRecordSummary(file: string, onMalformed?: (file: string, reason: string) => void): RecordSummary | undefined {
  const scanned = withoutChanges(file);
  if (scanned) {
    let value: unknown;
    try {
      value = JSON.parse(scanned.text);
    } catch {
      value = undefined;
    }
    const record = value === undefined ? undefined : checkedRecord(file, value);
    if (record) return summaryOf(record, scanned.count);
  }
  const whole = readRecord(file, onMalformed);
  return whole ? summaryOf(whole, whole.changes.length) : undefined;
}

function summaryOf(record: BatchRecord, changeCount: number): RecordSummary {
  const { changes: _changes, ...rest } = record;
  return { ...rest, changeCount };
}

/** The file's text with its top-level "changes" as [] (and how many it held); undefined when the scan cannot tell. */
function withoutChanges(file: string): { text: string; count: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buffer = Buffer.allocUnsafe(CHUNK);
    const scan = new ChangesCut();
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return scan.result();
      if (!scan.feed(buffer, n)) return undefined;
    }
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A byte scanner of JSON's structure that copies all but the top-level "changes" list, counting its items. */
class ChangesCut extends RecordScan {
  private readonly pieces: Buffer[] = [];
  private depth = 0;
  private keyNext = false;
  private readingKey = false;
  /** The key just read was "changes": its list comes next. */
  private atChanges = false;
  private cutting = false;
  private cutDone = false;
  private count = 0;
  /** Whether the list being cut has shown an item yet. */
  private sawItem = false;
  private ended = false;

  /** False when the text is not one the cut can read (the caller parses the whole file). */
  feed(bytes: Buffer, length: number): boolean {
    let from = 0;
    for (let i = 0; i < length; i++) {
      if (this.inString) {
        i = this.readString(bytes, i, length);
        if (i === length) break;
        if (this.readingKey) this.atChanges = !this.cutDone && this.keptText() === 'changes';
        this.readingKey = false;
        continue;
      }
      const c = bytes[i]!;
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.ended) return false;
      if (this.cutting && this.depth === 2 && !this.sawItem && c !== 0x5d) {
        this.sawItem = true;
        this.count = 1;
      }
      if (this.atChanges && c !== 0x3a) {
        if (c !== 0x5b) return false;
        // The list starts: keep what came before it, and [] in its place.
        this.pieces.push(Buffer.from(bytes.subarray(from, i)), Buffer.from('[]'));
        this.atChanges = false;
        this.cutting = true;
        this.depth++;
        continue;
      }
      if (c === QUOTE) {
        this.readingKey = this.depth === 1 && this.keyNext;
        this.openString(this.readingKey);
      } else if (c === 0x7b || c === 0x5b) {
        if (this.depth === 0 && c !== 0x7b) return false;
        this.depth++;
        this.keyNext = this.depth === 1;
      } else if (c === 0x7d || c === 0x5d) {
        this.depth--;
        if (this.cutting && this.depth === 1) {
          this.cutting = false;
          this.cutDone = true;
          from = i + 1;
        } else if (this.depth === 0) this.ended = true;
        else if (this.depth < 0) return false;
      } else if (this.cutting) {
        if (this.depth === 2 && c === 0x2c) this.count++;
      } else if (this.depth === 1) {
        if (c === 0x2c) this.keyNext = true;
        else if (c === 0x3a) this.keyNext = false;
      } else if (this.depth === 0) return false;
    }
    if (!this.cutting) this.pieces.push(Buffer.from(bytes.subarray(from, length)));
    return true;
  }

  result(): { text: string; count: number } | undefined {
    return this.ended && this.cutDone ? { text: Buffer.concat(this.pieces).toString('utf8'), count: this.count } : undefined;
  }
}

/** Every record as a listing shows it, oldest first; `kind` keeps the console's split between submit and other operations. */
export function listRecordSummaries(root: string, kind?: 'submit' | 'other', onMalformed?: (file: string, reason: string) => void): RecordSummary[] {
  const summaries: RecordSummary[] = [];
  for (const name of recordFileNames(root)) {
    const summary = readRecordSummary(join(recordsDir(root), name), onMalformed);
    if (summary && (!kind || summary.kind === kind)) summaries.push(summary);
  }
  return summaries;
}
