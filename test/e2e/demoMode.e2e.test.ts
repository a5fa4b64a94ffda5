import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, clickMenuItem, openWorkbench, treeRow, type Workbench } from './workbench';

// The demo's mode: Nightshift installed, no smoke-test driver. What a user sees after a batch is a
// notification toast; the test mode's driver suppresses toasts, so only this mode can show them.
describe('Nightshift as the demo runs it (installed extension, notifications shown)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench({ asInstalled: true });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.page.screenshot({ path: join(ARTIFACTS, 'e2e-demo-failed.png') });
  });
  after(async () => {
    await wb?.close();
  });

  it('a batch operation from the tree ends with a toast saying what happened', async () => {
    const { page, workspace } = wb;
    await page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await treeRow(page, 'finance_dw').waitFor({ timeout: 60_000 });
    await treeRow(page, 'ods').click();
    await treeRow(page, 'orders').first().click();
    const task = treeRow(page, 'ods_orders_sync_30min');
    await task.waitFor();
    await task.click({ button: 'right' });
    await clickMenuItem(page, 'Acquire Edit Lock');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Acquire Edit Lock (1 task): 1 will change' }).waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Acquire Edit Lock: 1 succeeded, 0 skipped, 0 failed.' });
    await toast.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-demo-toast.png') });
    assert.ok(await toast.locator('.monaco-button', { hasText: 'Show Details' }).isVisible());
    assert.ok(existsSync(join(workspace, 'finance_dw/.nightshift/locks')));
  });
});
