import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openByQuickOpen, openWorkbench, panelFrame, treeRow, type Workbench } from './workbench';

/** Review before publishing, as a person does it: edit a task, save, Compare Schedule with HEAD, open the changed instance. */
describe('Compare Schedule with HEAD in the browser', function () {
  this.timeout(240_000);
  let wb: Workbench;
  const shot = (name: string) => wb.page.screenshot({ path: join(ARTIFACTS, name) });
  const input = (page: Page) => page.locator('.quick-input-widget input.input');
  const row = (page: Page, text: string | RegExp) => page.locator('.quick-input-list .monaco-list-row', { hasText: text });
  const changesRow = (page: Page, label: string) => page.locator('.part.panel .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });

  before(async () => {
    wb = await openWorkbench();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], { cwd: wb.workspace });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'base');
    await wb.page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await treeRow(wb.page, 'marketing_dw').waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(`e2e-review-failed-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}.png`);
  });
  after(async () => {
    await wb?.close();
  });

  it('after an edit in the editor, the Schedule Changes view shows the moved instance, and the timeline opens on it beside its old run', async () => {
    const { page, workspace } = wb;
    await openByQuickOpen(page, 'dwd_payments_di.task.yaml');
    // Find the time, type over the selected match, save: the edit a person makes.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+F');
    await page.keyboard.type('01:10');
    await page.keyboard.press('Escape');
    await page.keyboard.type('03:40');
    await page.keyboard.press('Control+S');
    const file = join(workspace, 'finance_dw/tasks/dwd/orders/dwd_payments_di.task.yaml');
    for (let i = 0; i < 100 && !readFileSync(file, 'utf8').includes('time: "03:40"'); i++) await page.waitForTimeout(100);
    assert.match(readFileSync(file, 'utf8'), /time: "03:40"/);

    await page.keyboard.press('F1');
    await input(page).fill('>Nightshift: Compare Schedule with HEAD');
    await row(page, 'Compare Schedule with HEAD').first().click();
    await changesRow(page, 'dwd_payments_di').waitFor({ timeout: 30_000 });
    await changesRow(page, '03:40').waitFor();
    await changesRow(page, '01:10').waitFor();
    // The downstream task that now waits for the new instance is listed too.
    await changesRow(page, 'dws_revenue_daily').waitFor();
    await shot('e2e-review-schedule-changes.png');

    await changesRow(page, '03:40').click();
    const frame = panelFrame(page);
    await frame.locator('.timeline-status', { hasText: 'Compared with HEAD: dwd_payments_di instance 03:40 (normal); instead of 01:10' }).waitFor({ timeout: 60_000 });
    await frame.locator('.instance-detail h2', { hasText: 'dwd_payments_di' }).waitFor({ timeout: 30_000 });
    await frame.locator('.timeline-status', { hasText: 'baseline revenue_report 00:30 +1d: warning' }).waitFor();
    await shot('e2e-review-timeline-compare.png');
  });
});
