import { isDolphinDocument } from './dolphinImport';

export type InterchangeFormat = 'flowspec' | 'dolphinscheduler';

/** The format given, or the one the file has: DolphinScheduler's export is a JSON array of workflows. */
export function formatOf(file: string, text: string, given: string | undefined): InterchangeFormat {
  if (given === 'flowspec' || given === 'dolphinscheduler') return given;
  if (!file.endsWith('.json')) return 'flowspec';
  try {
    return isDolphinDocument(JSON.parse(text)) ? 'dolphinscheduler' : 'flowspec';
  } catch {
    return 'flowspec';
  }
}
