import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/**
 * The panel's page: a strict Content Security Policy (scripts only by nonce, styles, fonts and images
 * only from the extension's bundle folder) and no inline script or style. The icons' stylesheet starts
 * as `print`: VS Code shows a webview, and hands it its messages, only at the page's load event, which
 * fetching the icon font would hold back; the script switches it on once the page has loaded.
 */
export function panelHtml(webview: vscode.Webview, bundle: vscode.Uri, data: { defaultQuery: unknown; initial: unknown }): string {
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
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<script nonce="${nonce}" defer src="${asset('panel.js')}"></script>
<link rel="stylesheet" href="${asset('codicon.css')}" id="vscode-codicon-stylesheet" media="print">
<link rel="stylesheet" href="${asset('panel.css')}">
<title>Nightshift Tasks</title>
</head>
<body>
<main id="app" aria-busy="true" data-default-query="${escapeAttribute(JSON.stringify(data.defaultQuery))}" data-initial="${escapeAttribute(JSON.stringify(data.initial))}"></main>
</body>
</html>`;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
