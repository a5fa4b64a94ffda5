import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openWorkbench, treeRow, type Workbench } from './workbench';

describe('Nightshift in the browser (end to end)', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  it('opens the Nightshift view from the activity bar and shows both projects', async () => {
    const { page } = wb;
    await page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await treeRow(page, 'finance_dw').waitFor({ timeout: 60_000 });
    await treeRow(page, 'marketing_dw').waitFor();
    assert.match(await treeRow(page, 'marketing_dw').innerText(), /dev-prod · maxcompute · 16 tasks/);
  });

  it('expands folders down to a task, showing its cycle and owner', async () => {
    const { page } = wb;
    await treeRow(page, 'ods').click();
    await treeRow(page, 'orders').first().click();
    const task = treeRow(page, 'ods_orders_sync_30min');
    await task.waitFor();
    assert.match(await task.innerText(), /every 30 min · bob/);
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-tree-expanded.png') });
  });

  it('opens the task YAML on click', async () => {
    const { page } = wb;
    await treeRow(page, 'ods_orders_sync_30min').click();
    await page.locator('.tabs-container .tab', { hasText: 'ods_orders_sync_30min.task.yaml' }).waitFor();
    await page.locator('.view-lines', { hasText: 'crossCycle: self' }).waitFor();
  });

  it('right-click on a folder offers the task operations for all its tasks', async () => {
    const { page } = wb;
    await treeRow(page, 'ods').click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    for (const label of ['Acquire Edit Lock', 'Change Development Owner…', 'Modify Tags…', 'Move to Folder…', 'Unpublish…', 'Modify Project Ownership…']) {
      await menu.locator('.action-label', { hasText: label }).first().waitFor({ timeout: 15_000 });
    }
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-folder-menu.png') });
    await page.keyboard.press('Escape');
  });

  it('shows a broken task in the tree\'s badge and in the Problems panel', async () => {
    const { page, workspace } = wb;
    writeFileSync(join(workspace, 'finance_dw/tasks/ods/orders/broken.task.yaml'), 'id: "777"\nname: broken_one\ntype: SQL\nowner: alice\nschedule:\n  cycle: minute\n  interval: 1\n');
    await treeRow(page, 'broken_one').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'a minute interval must be 5 to 59 minutes, not 1' });
    await problem.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-problems.png') });
  });
});
