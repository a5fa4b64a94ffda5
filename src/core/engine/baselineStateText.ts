import * as l10n from '@vscode/l10n';
import type { BaselineState } from './baselineStatus';

/** A baseline's predicted state as the consoles' baseline pages name it (安全, 预警, 破线). */
export function baselineStateText(state: BaselineState | string): string {
  switch (state) {
    case 'safe': return l10n.t('safe');
    case 'warning': return l10n.t('warning');
    case 'breached': return l10n.t('breached');
    default: return state;
  }
}
