import type { HostMessage, WebviewMessage } from '../../src/core/panel/panelProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The typed link to the extension and the webview's saved state (kept across hiding and reloads). */
export interface HostChannel {
  post(message: WebviewMessage): void;
  on(listener: (message: HostMessage) => void): void;
  loadState(): unknown;
  saveState(state: unknown): void;
}

export function hostChannel(): HostChannel {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    on: (listener) => window.addEventListener('message', (event: MessageEvent<HostMessage>) => listener(event.data)),
    loadState: () => api.getState(),
    saveState: (state) => api.setState(state),
  };
}
