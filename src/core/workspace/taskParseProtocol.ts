import type { ParsedFile } from '../model/parseTaskFile';
import type { TaskFile } from '../model/taskSchema';
import type { Language } from '../text/language';
import type { FieldSpans } from '../yaml/fieldSpans';

/**
 * What the parsing helper thread and the thread indexing share. A job's files are cut into blocks that
 * either thread claims by one atomic add on `state[0]`, so neither waits for the other to hand work
 * out, and a helper that starts late (or never) only leaves more blocks to the indexing thread.
 * `state[1 + b]` says who has block `b` and whether the helper's parse of it has been posted.
 */
export const BLOCK_FILES = 32;
export const BLOCK_HELPER = 1;
export const BLOCK_POSTED = 2;
export const BLOCK_MINE = 3;

export interface ParseJob {
  id: number;
  language: Language;
  /** Int32Array over it: [next block, then each block's state]. */
  shared: SharedArrayBuffer;
  paths: string[];
  texts: string[];
}

/** A task file's parse without its spans' text, which is the file's text the indexing thread holds already. */
export type PostedParse = Omit<ParsedFile<TaskFile>, 'spans'> & { spans?: Omit<FieldSpans, 'text'> };

export interface ParsedBlock {
  job: number;
  block: number;
  /** Per file of the block; undefined where parsing threw (the indexing thread parses it again and says why). */
  parses: (PostedParse | undefined)[];
}

export const blockCount = (files: number): number => Math.ceil(files / BLOCK_FILES);

export function withoutSpanText(parsed: ParsedFile<TaskFile>): PostedParse {
  if (!parsed.spans) return parsed;
  const { text: _text, ...spans } = parsed.spans;
  return { ...parsed, spans };
}
