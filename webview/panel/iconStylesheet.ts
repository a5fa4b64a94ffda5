/**
 * Links the icon font's stylesheet once the page has been painted. panelHtml leaves it unlinked:
 * loading it would hold back the load event, which is when VS Code shows the panel, and a stylesheet
 * still loading holds back the first paint. vscode-icon copies the page's stylesheet link into its
 * shadow root when it is drawn, so the icons drawn before now, inside other components' shadow roots
 * too, are told the address and drawn again.
 */
export function linkIconStylesheetAfterPaint(): void {
  const link = document.getElementById('vscode-codicon-stylesheet') as HTMLLinkElement | null;
  const href = link?.dataset.href;
  if (!link || !href) return;
  const apply = () => {
    link.href = href;
    const Icon = customElements.get('vscode-icon') as (CustomElementConstructor & { stylesheetHref?: string }) | undefined;
    if (Icon) Icon.stylesheetHref = href;
    for (const icon of deepQuery(document, 'vscode-icon')) (icon as HTMLElement & { requestUpdate?: () => void }).requestUpdate?.();
  };
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    apply();
  };
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length) once();
  });
  observer.observe({ type: 'paint', buffered: true });
  // A panel restored behind another tab is not painted until shown; its icons need not wait for that.
  setTimeout(once, 3000);
}

function deepQuery(root: Document | ShadowRoot, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepQuery(el.shadowRoot, selector));
  return found;
}
