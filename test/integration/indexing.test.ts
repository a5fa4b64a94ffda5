import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NightshiftApi } from '../../src/extension/extension';
import { TaskTreeProvider } from '../../src/extension/taskTreeProvider';
import { WorkspaceIndexer } from '../../src/extension/workspaceIndexer';
import { nightshift, waitFor } from './harness';

/** The full index pass: the exclude settings as the walk applies them, and the persistent index cache. */
describe('indexing a window in a real VS Code', () => {
  let api: NightshiftApi;
  const inFolder = (name: string) => [...api.indexer.index.tasks()].filter((t) => t.folder === name || t.folder.startsWith(`${name}/`)).length;

  before(async () => {
    api = await nightshift();
  });
  after(async () => {
    await vscode.workspace.getConfiguration('nightshift').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => inFolder('sandbox') > 0 && inFolder('campaigns') > 0, 'every folder indexed again', 30_000);
  });

  it('the tree tells when it first gave its projects from a whole pass (what the activation benchmark measures to)', async () => {
    await vscode.commands.executeCommand('nightshift.tasks.focus');
    const shownAt = await Promise.race([api.tree.firstShown, new Promise<undefined>((resolve) => setTimeout(resolve, 30_000))]);
    assert.ok(typeof shownAt === 'number' && shownAt > 0 && shownAt <= performance.now(), `firstShown: ${shownAt}`);
    assert.ok(api.indexer.lastPass, 'shown from a finished pass');
  });

  it("the tree's first ask, opening from a cache, waits for the first pass; a first pass superseded by another answers it without one, and the next pass's refresh shows the projects", async () => {
    // A window's own indexer and tree, from before any pass, opening from a cache file (here a damaged
    // one, rebuilt): the first pass is superseded at once.
    const cacheFile = join(mkdtempSync(join(tmpdir(), 'nightshift-first-ask-')), 'index-cache.bin');
    writeFileSync(cacheFile, 'damaged');
    const indexer = new WorkspaceIndexer(cacheFile);
    const tree = new TaskTreeProvider(indexer, () => 'alice');
    try {
      const asked = tree.getChildren();
      assert.ok(asked instanceof Promise, 'before any pass, the ask waits');
      const first = indexer.reindex();
      const second = indexer.reindex();
      const answer = await Promise.race([asked, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000))]);
      assert.notEqual(answer, 'hung');
      await Promise.all([first, second]);
      const after = tree.getChildren();
      assert.ok(Array.isArray(after) && after.length === 2, `the projects after the pass: ${JSON.stringify(after)}`);
    } finally {
      indexer.dispose();
    }
  });

  it('a pass tells the tree first, then works out the problems once and tells the Problems panel, before it is done', async () => {
    const told: string[] = [];
    const subscriptions = [api.indexer.onDidChange((c) => told.push(c === 'all' ? 'all' : 'change')), api.indexer.onDidCheck(() => told.push('checked'))];
    try {
      await vscode.commands.executeCommand('nightshift.refresh');
      await api.indexer.whenReady();
    } finally {
      subscriptions.forEach((s) => s.dispose());
    }
    const all = told.indexOf('all');
    assert.ok(all >= 0 && told.indexOf('checked', all) > all, told.join(', '));
    assert.ok(api.indexer.lastPass?.checksMs !== undefined, 'the pass timed its checks');
  });

  it('nightshift.exclude and files.exclude leave folders out, a folder glob everything below it', async () => {
    assert.ok(inFolder('sandbox') > 0 && inFolder('campaigns') > 0);
    await vscode.workspace.getConfiguration('nightshift').update('exclude', ['**/node_modules/**', '**/sandbox/**'], vscode.ConfigurationTarget.Workspace);
    await waitFor(() => inFolder('sandbox') === 0, 'the sandbox folder left out', 30_000);
    assert.ok(inFolder('campaigns') > 0);
    // files.exclude names the folder itself; what lies below it goes too.
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/campaigns': true }, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => inFolder('campaigns') === 0, 'the campaigns folder left out', 30_000);
  });

  it('a second pass takes unchanged task files from the cache in the workspace storage, and reads the same', async () => {
    const before = JSON.stringify([...api.indexer.index.tasks()].map((t) => [t.file, t.data]).sort());
    // Files change in the tests before this one: wait out the cache's 2 s of doubt, and pass twice.
    await new Promise((r) => setTimeout(r, 2200));
    await vscode.commands.executeCommand('nightshift.refresh');
    await new Promise((r) => setTimeout(r, 100));
    await vscode.commands.executeCommand('nightshift.refresh');
    const pass = api.indexer.lastPass!;
    assert.ok(pass.cached > 0, JSON.stringify(pass));
    assert.equal(JSON.stringify([...api.indexer.index.tasks()].map((t) => [t.file, t.data]).sort()), before);
  });
});
