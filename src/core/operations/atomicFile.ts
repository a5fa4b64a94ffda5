import * as l10n from '@vscode/l10n';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeFully } from '../workspace/checkedFileIO';

/** A write that would overwrite what someone else changed since we read it. */
export class ConflictError extends Error {}

let counter = 0;
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.tmp`);
}

/**
 * Writes the text to a new temporary file beside `path`. No fsync: the rename that follows makes the
 * change atomic against a crashed or killed process (what matters for a batch stopped mid-way); ext4
 * and similar file systems also order a rename-over after its data. An fsync per file would make a
 * batch over thousands of tasks many times slower.
 */
function writeTemp(path: string, text: FileText): string {
  const temp = tempPathFor(path);
  try {
    writeNew(temp, text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    writeNew(temp, text);
  }
  return temp;
}

/**
 * A file's text, whole or in pieces written one after the other: a batch record is its head and its
 * changes, made apart, and joining them first would copy several megabytes into a new string.
 */
export type FileText = string | readonly string[];

/** Creates `temp` with the text; a write that fails half-way (a full disk) leaves no file behind. */
function writeNew(temp: string, text: FileText): void {
  try {
    if (typeof text === 'string' && text.length < LARGE) writeFileSync(temp, text, { flag: 'wx' });
    else writeLarge(temp, typeof text === 'string' ? [text] : text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && (error as NodeJS.ErrnoException).code !== 'ENOENT') unlinkQuietly(temp);
    throw error;
  }
}

/** From this many characters on, a text is encoded a slice at a time (writeLarge). */
const LARGE = 1 << 16;

/**
 * The UTF-8 of a large text goes through one buffer kept for the process, a slice at a time: encoding
 * a record of 15 MB into a new buffer of its size cost more than writing it (50-60 ms of fresh pages
 * against 5-8 ms into pages already there).
 */
let scratch: Buffer | undefined;

function writeLarge(temp: string, pieces: readonly string[]): void {
  scratch ??= Buffer.allocUnsafe(1 << 20);
  const buffer = scratch;
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units), so a slice always fits.
  const span = Math.floor(buffer.length / 3);
  const fd = openSync(temp, 'wx');
  try {
    // A pair split between two pieces is joined again: its first half goes on with the next piece.
    let carry = '';
    for (const [n, whole] of pieces.entries()) {
      let piece = carry + whole;
      carry = '';
      if (n < pieces.length - 1 && isHighSurrogate(piece.charCodeAt(piece.length - 1))) {
        carry = piece.slice(-1);
        piece = piece.slice(0, -1);
      }
      for (let start = 0; start < piece.length; ) {
        let end = Math.min(piece.length, start + span);
        // Never between the two halves of a surrogate pair: each half alone would encode as U+FFFD.
        if (end < piece.length && isHighSurrogate(piece.charCodeAt(end - 1))) end--;
        const length = buffer.write(piece.slice(start, end), 0, 'utf8');
        writeFully(fd, buffer.subarray(0, length));
        start = end;
      }
    }
  } finally {
    closeSync(fd);
  }
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

/** Replaces a file's content in one step: a reader (or a crash) sees the old text or the new, never half. */
export function writeFileAtomic(path: string, text: FileText): void {
  const temp = writeTemp(path, text);
  try {
    renameSync(temp, path);
  } catch (error) {
    unlinkQuietly(temp);
    throw error;
  }
}

/**
 * Creates a file with its full content only if nothing exists at `path` yet: the content goes to a
 * temporary file first, then a hard link claims the name, which fails if another process got there
 * first. Returns false when the file already exists.
 */
export function createFileExclusive(path: string, text: string): boolean {
  const temp = writeTemp(path, text);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(temp);
  }
}

/** The file's current text, provided it is still `expected` (what was read before deciding a change). */
export function readUnchanged(path: string, expected: string | undefined): string {
  let current: string;
  try {
    current = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ConflictError(l10n.t('the file was deleted or moved on disk since it was read'));
    throw error;
  }
  if (expected !== undefined && current !== expected) throw new ConflictError(l10n.t('the file changed on disk since it was read; not overwritten'));
  return current;
}

export function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
