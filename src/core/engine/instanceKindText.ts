import * as l10n from '@vscode/l10n';
import type { InstanceKind } from './taskCalendar';

/** An instance's kind as the consoles name its schedule type (正常调度, 空跑调度, 暂停调度). */
export function instanceKindText(kind: InstanceKind | string): string {
  switch (kind) {
    case 'normal': return l10n.t('normal');
    case 'dry-run': return l10n.t('dry-run');
    case 'paused': return l10n.t('paused');
    default: return kind;
  }
}

/** Why an instance will not run, in words (the O&M view), from the timeline's `blocked` code. */
export function blockedText(blocked: string): string {
  switch (blocked) {
    case 'paused': return l10n.t('paused');
    case 'upstream-paused': return l10n.t('upstream paused');
    case 'dependency-cycle': return l10n.t('dependency cycle');
    default: return blocked.replace('-', ' ');
  }
}

/** The same reason as a baseline's notes write it: in English the code itself, as before. */
export function blockedCodeText(blocked: string): string {
  switch (blocked) {
    case 'paused': return l10n.t('paused');
    case 'upstream-paused': return l10n.t('upstream-paused');
    case 'dependency-cycle': return l10n.t('dependency-cycle');
    default: return blocked;
  }
}
