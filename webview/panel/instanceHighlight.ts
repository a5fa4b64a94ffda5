import * as l10n from '@vscode/l10n';
import { dayNumber, stampOf } from '../../src/core/time/civilTime';
import { BLOCKED, KIND_CODES, KIND_MASK } from '../../src/core/timeline/timelineLayout';
import type { Highlight } from './timelineRenderer';
import type { TimelineStore } from './timelineStore';
import { clock } from './timelineViewport';

/** Kind names by their code in an instance's flags. */
const KIND_NAMES = Object.fromEntries(Object.entries(KIND_CODES).map(([name, code]) => [code, name]));

/**
 * A selected instance and the drawn instances its edges reach, up and down (the critical path comes
 * later). Its chunk is loaded, and with it every edge it has.
 */
export function highlightOf(data: TimelineStore, index: number): Highlight {
  const upstream = new Set<number>();
  const downstream = new Set<number>();
  for (let e = 0; e < data.edgeFrom.length; e++) {
    if (data.edgeTo[e] === index) upstream.add(data.edgeFrom[e]!);
    if (data.edgeFrom[e] === index) downstream.add(data.edgeTo[e]!);
  }
  return { selected: index, upstream, downstream, critical: new Set() };
}

/** What a screen reader says of a selected instance: task, time, kind, and when it runs. */
export function instanceAnnouncement(data: TimelineStore, index: number): string {
  const flags = data.flags[index]!;
  return l10n.t('{0} at {1}, {2}{3}, runs {4} to {5}', data.laneName[data.lane[index]!] ?? '', clock(data.scheduled[index]!), KIND_NAMES[flags & KIND_MASK] ?? '', flags & BLOCKED ? l10n.t(', blocked') : '', clock(data.start[index]!), clock(data.end[index]!));
}

/** `YYYY-MM-DDTHH:mm` of an instance's scheduled time, as its id ends. */
export function scheduledStamp(data: TimelineStore, index: number): string {
  return stampOf(dayNumber(data.date), data.scheduled[index]!);
}

/** A saved selection (`<task id>@<YYYY-MM-DDTHH:mm>`) as the timeline request names it; ids may hold an `@`. */
export function savedSelection(saved: string | undefined): { task: string; at: string } | undefined {
  const at = saved?.lastIndexOf('@') ?? -1;
  return saved && at > 0 ? { task: saved.slice(0, at), at: saved.slice(at + 1) } : undefined;
}
