// The parsing helper thread's entry (bundled as dist/taskParseWorker.js): it parses the blocks of each
// job it can claim and posts their parses back; see taskParseProtocol.ts.
import { workerData, type MessagePort } from 'node:worker_threads';
import { parseTaskFile } from '../model/parseTaskFile';
import { currentLanguage, useLanguage } from '../text/language';
import { BLOCK_FILES, BLOCK_HELPER, BLOCK_POSTED, blockCount, withoutSpanText, type ParseJob, type ParsedBlock } from './taskParseProtocol';

const port = (workerData as { port: MessagePort }).port;

port.on('message', (job: ParseJob) => {
  // Messages are written when made: the helper's must be in the language the index is read in.
  if (job.language !== currentLanguage()) useLanguage(job.language);
  const state = new Int32Array(job.shared);
  const blocks = blockCount(job.paths.length);
  for (let block = Atomics.add(state, 0, 1); block < blocks; block = Atomics.add(state, 0, 1)) {
    Atomics.store(state, 1 + block, BLOCK_HELPER);
    const parses: ParsedBlock['parses'] = [];
    for (let i = block * BLOCK_FILES; i < Math.min(job.paths.length, (block + 1) * BLOCK_FILES); i++) {
      try {
        parses.push(withoutSpanText(parseTaskFile(job.paths[i]!, job.texts[i]!)));
      } catch {
        parses.push(undefined);
      }
    }
    // Posted before the block is marked, so the indexing thread finds the message once it sees the mark.
    port.postMessage({ job: job.id, block, parses } satisfies ParsedBlock);
    Atomics.store(state, 1 + block, BLOCK_POSTED);
    Atomics.notify(state, 1 + block);
  }
});
