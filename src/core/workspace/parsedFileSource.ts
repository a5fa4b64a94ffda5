import type { ParsedFile } from '../model/parseTaskFile';
import type { ProjectFile } from '../model/projectSchema';
import type { TaskFile } from '../model/taskSchema';
import type { LockHolder } from './lockFile';

/** Where a file's parse may come from instead of parsing it again: another index, a persistent cache. */
export interface ParsedFileSource {
  /** The parse of `text` at `path`, when this source holds that very text there; else undefined. */
  parsedTask(path: string, text: string): ParsedFile<TaskFile> | undefined;
  /** A project file's, likewise (a warm open then never loads the YAML parser, 0.1 s in a new process). */
  parsedProject?(path: string, text: string): ParsedFile<ProjectFile> | undefined;
  /** A lock file's holder, likewise. */
  parsedLock?(path: string, text: string): LockHolder | undefined;
  /**
   * Whether the strings its task parses repeat are one copy each already, so the index need not
   * intern them: JSON.parse (the persistent cache's) keeps one copy of each short string it reads.
   */
  stringsShared?: boolean;
}
