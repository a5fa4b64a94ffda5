/** Canvas colours, read from VS Code's theme variables so light, dark and high-contrast themes all hold. */
export interface ThemeColors {
  background: string;
  foreground: string;
  muted: string;
  grid: string;
  header: string;
  stripe: string;
  normal: string;
  dryRun: string;
  paused: string;
  blocked: string;
  edge: string;
  upstream: string;
  downstream: string;
  critical: string;
  selection: string;
  safe: string;
  warning: string;
  breached: string;
  border: string;
  font: string;
}

export function readThemeColors(): ThemeColors {
  const style = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const highContrast = document.body.classList.contains('vscode-high-contrast') || document.body.classList.contains('vscode-high-contrast-light');
  return {
    background: v('--vscode-editor-background', '#1e1e1e'),
    foreground: v('--vscode-editor-foreground', v('--vscode-foreground', '#cccccc')),
    muted: v('--vscode-descriptionForeground', '#999999'),
    grid: v('--vscode-editorIndentGuide-background1', v('--vscode-panel-border', '#80808040')),
    header: v('--vscode-sideBarSectionHeader-background', v('--vscode-editorGroupHeader-tabsBackground', '#25252680')),
    stripe: v('--vscode-list-hoverBackground', '#80808014'),
    normal: v('--vscode-charts-blue', '#3794ff'),
    dryRun: v('--vscode-charts-yellow', '#cca700'),
    paused: v('--vscode-charts-red', '#f14c4c'),
    blocked: v('--vscode-errorForeground', '#f48771'),
    edge: v('--vscode-charts-lines', '#80808080'),
    upstream: v('--vscode-charts-orange', '#d18616'),
    downstream: v('--vscode-charts-green', '#89d185'),
    critical: v('--vscode-charts-purple', '#b180d7'),
    selection: v('--vscode-focusBorder', '#007fd4'),
    safe: v('--vscode-testing-iconPassed', '#73c991'),
    warning: v('--vscode-editorWarning-foreground', '#cca700'),
    breached: v('--vscode-editorError-foreground', '#f14c4c'),
    border: highContrast ? v('--vscode-contrastBorder', '#6fc3df') : '',
    font: `${v('--vscode-font-size', '13px')} ${v('--vscode-font-family', 'sans-serif')}`,
  };
}
