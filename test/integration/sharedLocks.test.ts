import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { NightshiftApi } from '../../src/extension/extension';
import { nightshift, pathNode, waitFor } from './harness';

/** A team's shared lock folder (nightshift.lockDirectory), outside the workspace as on a network drive. */
describe('locks in a shared lock folder', () => {
  let api: NightshiftApi;
  let dir: string;

  before(async () => {
    api = await nightshift();
    dir = mkdtempSync(join(tmpdir(), 'nightshift-shared-locks-'));
    await vscode.workspace.getConfiguration('nightshift').update('lockDirectory', dir, vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await api.indexer.settled(), true), 'the reindex');
  });
  after(async () => {
    await vscode.workspace.getConfiguration('nightshift').update('lockDirectory', undefined, vscode.ConfigurationTarget.Global);
    await api.indexer.whenReady();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a lock file appearing there shows in the tree, and goes when it is removed', async () => {
    writeFileSync(join(dir, '10001.lock'), 'holder: bob\nacquiredAt: "2026-11-30T08:00:00.000Z"\n');
    await waitFor(() => api.indexer.index.lock('10001')?.holder === 'bob', 'the shared lock to reach the index');
    const item = api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'ods', 'logs', 'ods_log_hourly'));
    assert.match(String(item.contextValue), /\+locked\b/);
    rmSync(join(dir, '10001.lock'));
    await waitFor(() => api.indexer.index.lock('10001') === undefined, 'the lock to go');
  });

  it('a lock taken through Nightshift lands there and shows as yours', async () => {
    const node = await pathNode(api, 'finance_dw', 'ods', 'logs', 'ods_log_hourly');
    const record = (await vscode.commands.executeCommand('nightshift.acquireLock', node, [node], { confirm: false })) as { results: { status: string }[] };
    assert.equal(record.results[0]!.status, 'succeeded');
    await waitFor(() => api.indexer.index.lock('10001')?.holder === api.user(), 'our lock in the index');
    assert.match(String(api.tree.getTreeItem(await pathNode(api, 'finance_dw', 'ods', 'logs', 'ods_log_hourly')).contextValue), /\+lockedByMe\b/);
    rmSync(join(dir, '10001.lock'));
    await waitFor(() => api.indexer.index.lock('10001') === undefined, 'the lock to go');
  });
});
