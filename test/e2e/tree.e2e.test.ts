import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
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

  it('the pending-publish list shows who submitted what and why; publishing the ticked entries applies them', async () => {
    const { page, workspace } = wb;
    mkdirSync(join(workspace, 'finance_dw/.nightshift'), { recursive: true });
    const entry = (task: string, name: string, remark: string) => `  - {task: "${task}", name: ${name}, action: unpublish, remark: ${remark}, by: bob, at: "2026-11-20T09:15:00Z"}\n`;
    writeFileSync(join(workspace, 'finance_dw/.nightshift/pending-publish.yaml'), `pending:\n${entry('10011', 'ads_quarter_close', 'retired with the old close')}${entry('10010', 'ads_revenue_monthly', 'replaced by the weekly report')}`);
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input').fill('>Nightshift: Publish Pending Objects');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Publish Pending Objects' }).first().waitFor();
    await page.keyboard.press('Enter');
    const row = (name: string) => page.locator('.quick-input-list .monaco-list-row', { hasText: name });
    await row('ads_revenue_monthly').waitFor({ timeout: 15_000 });
    assert.match(await row('ads_revenue_monthly').innerText(), /Unpublish · 10010 · by bob at 2026-11-20 09:15[\s\S]*replaced by the weekly report/);
    await row('ads_quarter_close').locator('.monaco-checkbox').click();
    await page.locator('.quick-input-list .monaco-list-row[aria-checked=false]', { hasText: 'ads_quarter_close' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-pending-publish.png') });
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Publish' }).click();
    const file = join(workspace, 'finance_dw/tasks/ads/ads_revenue_monthly.task.yaml');
    const pending = () => readFileSync(join(workspace, 'finance_dw/.nightshift/pending-publish.yaml'), 'utf8');
    for (let i = 0; i < 100 && (!/published: false/.test(readFileSync(file, 'utf8')) || pending().includes('10010')); i++) await page.waitForTimeout(100);
    assert.match(readFileSync(file, 'utf8'), /published: false/);
    assert.match(readFileSync(join(workspace, 'finance_dw/tasks/ads/ads_quarter_close.task.yaml'), 'utf8'), /published: true/);
    assert.deepEqual((parse(pending()) as { pending: { task: string }[] }).pending.map((e) => e.task), ['10011']);
  });
});
