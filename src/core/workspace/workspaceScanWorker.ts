// The scanning helper thread's entry (bundled as dist/workspaceScanWorker.js): it walks and stats a
// workspace while the thread that asked opens the index cache; see scanAhead.ts.
import { workerData, type MessagePort } from 'node:worker_threads';
import { SCAN_DONE, SCAN_PROGRESS, type ScanRequest } from './scanAhead';
import { scanWorkspace, type WorkspaceScan } from './workspaceScan';

const port = (workerData as { port: MessagePort }).port;

port.once('message', (request: ScanRequest) => {
  const state = new Int32Array(request.shared);
  let scan: WorkspaceScan | undefined;
  try {
    scan = scanWorkspace(request.roots, request.excludeGlobs, () => void Atomics.add(state, SCAN_PROGRESS, 1));
  } catch {
    // The asking thread scans itself.
  }
  // Posted before the flag is set, so the asking thread finds the message once it sees the flag.
  port.postMessage(scan ?? null, scan ? [scan.size.buffer as ArrayBuffer, scan.mtimeMs.buffer as ArrayBuffer, scan.kind.buffer as ArrayBuffer] : []);
  Atomics.store(state, SCAN_DONE, 1);
  Atomics.notify(state, SCAN_DONE);
});
