import { fstatSync, readSync, writeSync } from 'node:fs';
import type { ParsedFile } from '../model/parseTaskFile';
import type { TaskFile } from '../model/taskSchema';
import type { ProjectFile } from '../model/projectSchema';
import type { FieldSpans } from '../yaml/fieldSpans';
import type { LockHolder } from './lockFile';
import type { FolderListing } from './folderListings';
import { CheckedReader, CheckedWriter } from './checkedFileIO';

/** What the cache keeps of one file. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  text: string;
  /** A task file's parse (without its spans' text, which is `text`). */
  task?: { diagnostics: ParsedFile<TaskFile>['diagnostics']; data?: TaskFile; spans?: Omit<FieldSpans, 'text'> };
  /** A project file's parse. */
  project?: ParsedFile<ProjectFile>;
  /** A lock file's holder, when it locks a task. */
  lock?: LockHolder;
}

export interface CacheFile {
  format: string;
  root: string;
  options: string;
  writtenAt: number;
  entries: Map<string, CacheEntry>;
  /** The walk's folder listings, for the roots and exclude globs `key` names (folderListings.ts). */
  folders?: { key: string; listings: Map<string, FolderListing> };
}

/**
 * The cache file, laid out so that a warm open reads it in order through one small buffer and makes
 * few objects (the serializer of node:v8 made one per object, and wanted the whole file in one new
 * buffer: at 100,000 tasks that was 2.4-3.4 s of a 7-8 s open):
 *
 *   CRC-32 of the rest (4 bytes, big-endian)
 *   columns, each at a multiple of 8: sizes, mtimes (Float64); each entry's path and text as
 *     (chunk, start, length), its span offsets' end, every entry's span offsets one after the other (Int32)
 *   string chunks: the paths, then the texts, joined a few thousand characters a chunk, in Latin-1 or
 *     (a chunk holding any other character) UTF-16: both keep every JS string as it is; a path or text
 *     is read back as a slice of its chunk, which copies nothing
 *   the parses as JSON, some tens of entries a piece, in Latin-1 or UTF-16 likewise
 *   the trailer: JSON of what the rest needs to be read (below), then its byte length (4 bytes)
 *
 * Numbers are in the machine's byte order: a cache is only read where it was written. Chunks and
 * pieces stay under V8's large-object size (a longer text gets a chunk of its own), so reading them
 * uses memory the young generation reuses.
 */
interface Trailer {
  format: string;
  root: string;
  options: string;
  writtenAt: number;
  folders?: { key: string; listings: [string, FolderListing][] };
  count: number;
  spanLength: number;
  /** The distinct lists of top-level keys (a workspace has a handful); a parse's `keys` is a place in it. */
  keyLists: string[][];
  /** Each string chunk's byte length and whether it is UTF-16. */
  chunks: [number, 0 | 1][];
  /** Each JSON piece's byte length, whether it is UTF-16, and how many entries it holds. */
  pieces: [number, 0 | 1, number][];
}

interface PackedParse {
  task?: { diagnostics: ParsedFile<TaskFile>['diagnostics']; data?: TaskFile; keys?: number; appendAt?: number };
  project?: ParsedFile<ProjectFile>;
  lock?: LockHolder;
}

/** Characters per chunk or piece: 64 KB in UTF-16, below V8's large objects (128 KB). */
const CHUNK_CHARS = 1 << 15;
// eslint-disable-next-line no-control-regex
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * The columns in file order, each a typed array of this length: sizes, mtimes, each entry's path and
 * text as (chunk, start, length), each entry's end in the span offsets, then every span offset.
 */
function columnShapes(count: number, spanLength: number): { type: Float64ArrayConstructor | Int32ArrayConstructor; length: number }[] {
  return [
    { type: Float64Array, length: count },
    { type: Float64Array, length: count },
    { type: Int32Array, length: count * 6 },
    { type: Int32Array, length: count },
    { type: Int32Array, length: spanLength },
  ];
}

/** The columns, new and zeroed. */
function newColumns(count: number, spanLength: number): [Float64Array, Float64Array, Int32Array, Int32Array, Int32Array] {
  return columnShapes(count, spanLength).map(({ type, length }) => new type(length)) as [Float64Array, Float64Array, Int32Array, Int32Array, Int32Array];
}

/** The chunks strings go to: Latin-1 strings and the others apart, so one wide text widens no other. */
function planChunks(strings: readonly string[], places: Int32Array, at: number, chunks: [number, 0 | 1][], members: string[][]): void {
  const open = [-1, -1];
  const chars: number[] = [];
  strings.forEach((text, i) => {
    const wide = BEYOND_LATIN1.test(text) ? 1 : 0;
    let chunk = open[wide]!;
    if (chunk < 0 || (chars[chunk]! > 0 && chars[chunk]! + text.length > CHUNK_CHARS)) {
      chunk = open[wide] = chunks.push([0, wide]) - 1;
      members.push([]);
      chars[chunk] = 0;
    }
    places[i * 6 + at] = chunk;
    places[i * 6 + at + 1] = chars[chunk]!;
    places[i * 6 + at + 2] = text.length;
    chars[chunk]! += text.length;
    chunks[chunk]![0] += wide ? text.length * 2 : text.length;
    members[chunk]!.push(text);
  });
}

/** Writes the cache to `fd`, a new empty file. */
export function writeCacheFile(fd: number, cache: CacheFile): void {
  const { entries } = cache;
  const count = entries.size;
  let spanLength = 0;
  for (const entry of entries.values()) spanLength += entry.task?.spans?.at.length ?? 0;
  const columns = newColumns(count, spanLength);
  const [sizes, mtimes, places, spanEnds, spanOffsets] = columns;
  const keyLists: string[][] = [];
  const keyListAt = new Map<string, number>();
  const parses: PackedParse[] = [];
  let i = 0;
  for (const entry of entries.values()) {
    sizes[i] = entry.size;
    mtimes[i] = entry.mtimeMs;
    const spans = entry.task?.spans;
    let keys: number | undefined;
    if (spans) {
      const joined = JSON.stringify(spans.keys);
      keys = keyListAt.get(joined);
      if (keys === undefined) keyListAt.set(joined, (keys = keyLists.push([...spans.keys]) - 1));
      spanOffsets.set(spans.at, spanEnds[i - 1] ?? 0);
    }
    spanEnds[i] = (spanEnds[i - 1] ?? 0) + (spans?.at.length ?? 0);
    const task = entry.task;
    parses.push(task ? { task: { diagnostics: task.diagnostics, ...(task.data ? { data: task.data } : {}), ...(spans ? { keys, appendAt: spans.appendAt } : {}) } } : entry.project ? { project: entry.project } : entry.lock ? { lock: entry.lock } : {});
    i++;
  }
  const chunks: [number, 0 | 1][] = [];
  const members: string[][] = [];
  planChunks([...entries.keys()], places, 0, chunks, members);
  planChunks([...entries.values()].map((e) => e.text), places, 3, chunks, members);

  const out = new CheckedWriter(fd, 4);
  for (const column of columns) {
    out.align(8);
    out.bytes(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
  }
  members.forEach((strings, c) => strings.forEach((s) => out.text(s, chunks[c]![1] ? 'utf16le' : 'latin1')));
  const pieces: [number, 0 | 1, number][] = [];
  for (let from = 0; from < parses.length; ) {
    const items: string[] = [];
    let chars = 0;
    while (from < parses.length && (items.length === 0 || chars < CHUNK_CHARS / 2)) {
      const item = JSON.stringify(parses[from++]);
      items.push(item);
      chars += item.length;
    }
    const piece = `[${items.join(',')}]`;
    const wide = BEYOND_LATIN1.test(piece) ? 1 : 0;
    pieces.push([out.text(piece, wide ? 'utf16le' : 'latin1'), wide, items.length]);
  }
  const { format, root, options, writtenAt, folders } = cache;
  const trailer: Trailer = { format, root, options, writtenAt, ...(folders ? { folders: { key: folders.key, listings: [...folders.listings] } } : {}), count, spanLength, keyLists, chunks, pieces };
  const trailerBytes = Buffer.from(JSON.stringify(trailer), 'utf8');
  out.bytes(trailerBytes);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(trailerBytes.length);
  out.bytes(length);
  out.flush();
  const check = Buffer.alloc(4);
  check.writeUInt32BE(out.crc >>> 0);
  writeSync(fd, check, 0, 4, 0);
}

/**
 * The cache in `fd`, when it is of this format, root and options and its CRC holds; undefined for
 * anything else. A damaged file may throw on the way (caught by the caller): no length it names is
 * believed beyond the file's size, so it cannot make this allocate more than the file holds.
 */
export function readCacheFile(fd: number, expected: { format: string; root: string; options: string }): CacheFile | undefined {
  const size = fstatSync(fd).size;
  if (size < 8) return undefined;
  const head = Buffer.alloc(4);
  readSync(fd, head, 0, 4, size - 4);
  const trailerLength = head.readUInt32BE(0);
  if (trailerLength > size - 8) return undefined;
  const trailerBytes = Buffer.alloc(trailerLength);
  readSync(fd, trailerBytes, 0, trailerLength, size - 4 - trailerLength);
  const trailer = JSON.parse(trailerBytes.toString('utf8')) as Trailer;
  if (trailer?.format !== expected.format || trailer.root !== expected.root || trailer.options !== expected.options) return undefined;
  const { count, spanLength, chunks, pieces } = trailer;
  const counts = [count, spanLength, ...chunks.map((c) => c[0]), ...pieces.flatMap((p) => [p[0], p[2]])];
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0 && n <= size)) return undefined;
  if (chunks.some(([bytes, wide]) => wide && bytes % 2) || pieces.some(([bytes, wide]) => wide && bytes % 2)) return undefined;
  let end = 4;
  for (const { type, length } of columnShapes(count, spanLength)) end = Math.ceil(end / 8) * 8 + length * type.BYTES_PER_ELEMENT;
  for (const [bytes] of [...chunks, ...pieces]) end += bytes;
  if (end + trailerLength + 4 !== size || pieces.reduce((sum, p) => sum + p[2], 0) !== count) return undefined;

  const input = new CheckedReader(fd, 4, size);
  // Allocated only now that the trailer's lengths are known to fit the file.
  const columns = newColumns(count, spanLength);
  for (const column of columns) {
    input.take((8 - ((size - input.left) % 8)) % 8);
    input.into(new Uint8Array(column.buffer));
  }
  const [sizes, mtimes, places, spanEnds, spanOffsets] = columns;
  const strings = chunks.map(([bytes, wide]) => input.take(bytes).toString(wide ? 'utf16le' : 'latin1'));
  const slice = (i: number, at: number) => {
    const start = places[i * 6 + at + 1]!;
    return strings[places[i * 6 + at]!]!.slice(start, start + places[i * 6 + at + 2]!);
  };
  const entries = new Map<string, CacheEntry>();
  let i = 0;
  for (const [bytes, wide, held] of pieces) {
    const parses = JSON.parse(input.take(bytes).toString(wide ? 'utf16le' : 'latin1')) as PackedParse[];
    if (!Array.isArray(parses) || parses.length !== held) return undefined;
    for (const parse of parses) {
      const entry: CacheEntry = { size: sizes[i]!, mtimeMs: mtimes[i]!, text: slice(i, 3) };
      const task = parse.task;
      if (task) {
        const keys = task.keys === undefined ? undefined : trailer.keyLists[task.keys];
        const spans = keys && { keys, at: spanOffsets.subarray(spanEnds[i - 1] ?? 0, spanEnds[i]), appendAt: task.appendAt! };
        entry.task = { diagnostics: task.diagnostics, ...(task.data ? { data: task.data } : {}), ...(spans ? { spans } : {}) };
      } else if (parse.project) entry.project = parse.project;
      else if (parse.lock) entry.lock = parse.lock;
      entries.set(slice(i, 0), entry);
      i++;
    }
  }
  input.take(trailerLength + 4);
  const check = Buffer.alloc(4);
  readSync(fd, check, 0, 4, 0);
  if ((input.crc >>> 0) !== check.readUInt32BE(0) || entries.size !== count) return undefined;
  const { format, root, options, writtenAt, folders } = trailer;
  return { format, root, options, writtenAt, entries, ...(folders ? { folders: { key: folders.key, listings: new Map(folders.listings) } } : {}) };
}
