import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The panel's page: a strict Content Security Policy (scripts only by nonce, styles, fonts and images
 * only from the extension's bundle folder) and no inline script or style. The icons' stylesheet has
 * no `href` yet, only `data-href`: VS Code shows a webview, and hands it its messages, only at the
 * page's load event, which loading it (and the copy each icon makes in its shadow root) would hold
 * back; the script links it once the page has been painted (iconStylesheet.ts).
 */
export function panelHtml(webview: vscode.Webview, bundle: vscode.Uri, data: { defaultQuery: unknown; initial: unknown; lang: string; strings?: Readonly<Record<string, string>> }): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(bundle, name)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${data.lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<script nonce="${nonce}" defer src="${asset('panel.js')}"></script>
<link rel="stylesheet" data-href="${asset('codicon.css')}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${asset('panel.css')}">
<title>Nightshift Tasks</title>
</head>
<body>
${data.lang === 'zh-CN' ? '<div class="font-warmup" aria-hidden="true">任务名称调度周期</div>\n' : ''}<main id="app" aria-busy="true" data-default-query="${escapeAttribute(JSON.stringify(data.defaultQuery))}" data-initial="${escapeAttribute(JSON.stringify(data.initial))}"${data.strings ? ` data-l10n="${escapeAttribute(JSON.stringify(data.strings))}"` : ''}></main>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
