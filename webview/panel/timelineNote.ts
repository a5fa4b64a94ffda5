import * as l10n from '@vscode/l10n';
import type { CompareMark } from '../../src/core/panel/panelProtocol';
import { baselineStateText } from '../../src/core/engine/baselineStateText';
import { formatCount } from './countText';
import type { TimelineStore } from './timelineStore';
import { clock } from './timelineViewport';

/** The status line over the timeline: what the day holds, the focus, the baselines, and a comparison. */
export function timelineNote(data: TimelineStore, compare?: CompareMark): string {
  const note = [l10n.t('{0} instances of {1} tasks', formatCount(data.instanceCount), formatCount(data.laneCount)), l10n.t('{0} edges', formatCount(data.edgeCount))];
  if (data.edgesOutside) note.push(l10n.t('{0} to instances not shown', formatCount(data.edgesOutside)));
  if (data.focusNote) note.push(data.focusNote);
  for (const d of data.deadlines) note.push(l10n.t('baseline {0} {1}: {2}', d.name, clock(d.minute), baselineStateText(d.state)));
  if (compare) note.unshift(compare.label);
  return note.join(' · ');
}
