import * as l10n from '@vscode/l10n';
import type { z } from 'zod';
import { taskFileSchema } from '../model/taskSchema';
import type { FieldSpans } from '../yaml/fieldSpans';
import { YamlSource } from '../yaml/yamlSource';
import { ConflictError } from './atomicFile';
import { spliceFields } from './fieldSplice';
import { applyDocEdits, editYamlValue, setIn, type DocEdit } from './taskDocument';
import { BoundedMemo } from './boundedMemo';

/** What an edit sets, as data: top-level fields and document edits. `updatedAt` is among `fields`. */
export interface TextEdit {
  fields: Readonly<Record<string, unknown>>;
  edits?: readonly DocEdit[];
}

/** How the new text was made: spliced into the old text, or printed through yaml's document model. */
export type TextVia = 'splice' | 'document';

/**
 * The task file after the change, never one that would no longer read as a task. Top-level fields are
 * spliced into the text the index parsed when their values are simple (only those values are then
 * checked: the rest of the file is as it was, and it read as a task); anything else goes through
 * yaml's document model and the whole result is checked.
 */
export function editedText(current: string, spans: FieldSpans | undefined, edit: TextEdit): { text: string; via: TextVia } {
  const spliced = !edit.edits?.length && spans?.text === current ? spliceFields(spans, edit.fields) : undefined;
  if (spliced !== undefined) {
    for (const [key, value] of Object.entries(edit.fields)) refuseInvalid(fieldCheck(key, value), key);
    return { text: spliced, via: 'splice' };
  }
  const { text, value } = editYamlValue(current, (doc) => {
    for (const [key, value] of Object.entries(edit.fields)) setIn(doc, [key], value);
    if (edit.edits) applyDocEdits(doc, edit.edits);
  });
  refuseInvalid(taskFileSchema.safeParse(value));
  return { text, via: 'document' };
}

/**
 * The same text again, from the old text and the recorded edit, for finishing an interrupted batch.
 * The caller compares its hash with the recorded one: a derivation that differs is refused, not guessed.
 */
export function rederivedText(before: string, edit: TextEdit, via: TextVia): string {
  if (via === 'splice') {
    const spans = new YamlSource(before).spans;
    const spliced = spans ? spliceFields(spans, edit.fields) : undefined;
    if (spliced === undefined) throw new ConflictError(l10n.t('the recorded edit can no longer be spliced into the old text'));
    return spliced;
  }
  return editedText(before, undefined, edit).text;
}

/**
 * A field's value checked against its schema, remembered for a string or a list of strings (a batch
 * sets the same stamp in every file, and mostly the same few tag lists). Other values are checked each
 * time: their JSON could not tell them apart (NaN and null, a Date and its text).
 */
const checked = new BoundedMemo<ReturnType<typeof checkField>>(1024);

function fieldCheck(key: string, value: unknown): ReturnType<typeof checkField> {
  const plain = typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
  return plain ? checked.get(`${key}\0${JSON.stringify(value)}`, () => checkField(key, value)) : checkField(key, value);
}

function checkField(key: string, value: unknown): { success: boolean; error?: z.ZodError } | undefined {
  return taskFileSchema.shape[key as keyof typeof taskFileSchema.shape]?.safeParse(value);
}

function refuseInvalid(check: { success: boolean; error?: z.ZodError } | undefined, field?: string): void {
  if (!check || check.success || !check.error) return;
  const issue = check.error.issues[0];
  const path = [field, ...(issue?.path ?? [])].filter((p) => p !== undefined).join('.');
  throw new ConflictError(l10n.t('the change would make the file invalid: {0}', `${path} ${issue?.message ?? ''}`.trim()));
}
