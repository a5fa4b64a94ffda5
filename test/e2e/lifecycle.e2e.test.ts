import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { ARTIFACTS, clickMenuItem, expandTreeRow, openWorkbench, REPO, treeRow, type Workbench } from './workbench';

/** The console's lifecycle as a person clicks it: create, submit, publish, O&M and backfill. */
describe('the lifecycle in the browser', function () {
  this.timeout(240_000);
  let wb: Workbench;
  const shot = (name: string) => wb.page.screenshot({ path: join(ARTIFACTS, name) });
  const input = (page: Page) => page.locator('.quick-input-widget input.input');
  const row = (page: Page, text: string | RegExp) => page.locator('.quick-input-list .monaco-list-row', { hasText: text });
  const title = (page: Page, text: string) => page.locator('.quick-input-widget .quick-input-title', { hasText: text }).first().waitFor({ timeout: 15_000 });
  async function answer(page: Page, heading: string, text: string): Promise<void> {
    await title(page, heading);
    await input(page).fill(text);
    await page.keyboard.press('Enter');
  }
  const menu = clickMenuItem;
  const expand = expandTreeRow;
  const toast = (page: Page, text: string | RegExp) => page.locator('.notifications-toasts .notification-toast', { hasText: text });

  before(async () => {
    // As installed: without the smoke-test driver, which hides the notification toasts this test reads.
    wb = await openWorkbench({ asInstalled: true });
    await wb.page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await treeRow(wb.page, 'marketing_dw').waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(`e2e-lifecycle-failed-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}.png`);
    await wb?.page.keyboard.press('Escape');
  });
  after(async () => {
    await wb?.close();
  });

  it('creates a compute task from a folder\'s menu: the task file and its code file exist, the tree shows it, validate is clean', async () => {
    const { page, workspace } = wb;
    await expand(page, 'marketing_dw');
    await treeRow(page, 'sandbox').click({ button: 'right' });
    await menu(page, 'Create Compute Task…');
    await answer(page, 'task type', 'SQL');
    await title(page, 'Create Compute Task: name');
    // The name is checked as it is typed.
    await input(page).fill('sandbox_exploration');
    await page.locator('.quick-input-message', { hasText: 'already has a task named sandbox_exploration' }).waitFor();
    await input(page).fill('e2e_created');
    await page.keyboard.press('Enter');
    await answer(page, 'development owner', 'erin');
    await answer(page, 'scheduling method', 'normal');
    await answer(page, 'recurrence', 'day');
    await answer(page, 'At what time of day', '02:00');
    await answer(page, 'computing template', 'No template');
    const file = join(workspace, 'marketing_dw/tasks/sandbox/e2e_created.task.yaml');
    await page.locator('.tabs-container .tab', { hasText: 'e2e_created.sql' }).waitFor({ timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'e2e_created.task.yaml' }).waitFor();
    assert.ok(existsSync(file) && existsSync(join(workspace, 'marketing_dw/tasks/sandbox/e2e_created.sql')));
    assert.deepEqual(parse(readFileSync(file, 'utf8')).schedule, { method: 'normal', cycle: 'day', time: '02:00' });
    await expand(page, 'sandbox');
    await treeRow(page, 'e2e_created').waitFor({ timeout: 30_000 });
    await shot('e2e-lifecycle-created.png');
    const validate = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), 'validate', workspace], { encoding: 'utf8', cwd: REPO });
    assert.equal(validate.status, 0, validate.stdout + validate.stderr);
    assert.match(validate.stdout, /0 errors, 0 warnings/);
  });

  it('submits a batch in which one task succeeds and one fails with the reason shown, then publishes it', async () => {
    const { page, workspace } = wb;
    const file = join(workspace, 'marketing_dw/tasks/sandbox/e2e_created.task.yaml');
    // It now depends on a draft nobody submits with it: the server would refuse it.
    writeFileSync(file, readFileSync(file, 'utf8').replace('dependencies: []', 'dependencies:\n  - task: "20012"'));
    await page.locator('.view-lines', { hasText: 'task: "20012"' }).waitFor({ timeout: 30_000 });
    await expand(page, 'reports');
    await expand(page, 'monthly');
    await treeRow(page, 'yearly_budget_review').click();
    await treeRow(page, 'e2e_created').click({ modifiers: ['Control'] });
    await treeRow(page, 'e2e_created').click({ button: 'right' });
    await menu(page, 'Submit…');
    await answer(page, 'Remark', 'e2e release');
    await title(page, 'Submit (2 tasks): 2 will change (1 of them fails, and record why)');
    assert.match(await row(page, 'e2e_created').innerText(), /submission failed: upstream sandbox_exploration \(20012\) is draft/);
    assert.match(await row(page, 'yearly_budget_review').innerText(), /submitted; pending publish/);
    await shot('e2e-lifecycle-submit-preview.png');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    await toast(page, /Submit: 1 succeeded, 0 skipped, 1 failed\. e2e_created: submission failed: upstream sandbox_exploration \(20012\) is draft/).waitFor({ timeout: 30_000 });
    await shot('e2e-lifecycle-submitted.png');
    const yearly = join(workspace, 'marketing_dw/tasks/reports/monthly/yearly_budget_review.task.yaml');
    assert.equal(parse(readFileSync(yearly, 'utf8')).status, 'submitted');
    assert.equal(parse(readFileSync(file, 'utf8')).lastSubmission, 'failed');
    // Publish: the pending list, every entry ticked; then the console's confirmation.
    await page.keyboard.press('F1');
    await input(page).fill('>Nightshift: Publish Pending Objects');
    await row(page, 'Publish Pending Objects').first().waitFor();
    await page.keyboard.press('Enter');
    await title(page, 'Pending Publish: marketing_dw');
    await row(page, 'yearly_budget_review').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Publish' }).click();
    await toast(page, 'Publish Pending Objects: 1 published.').waitFor({ timeout: 30_000 });
    assert.equal(parse(readFileSync(yearly, 'utf8')).published, true);
  });

  it('Go to O&M shows a task\'s instances over two weeks; Backfill previews three business dates with its downstream tasks', async () => {
    const { page } = wb;
    await expand(page, 'finance_dw');
    await expand(page, 'ods');
    await expand(page, 'logs');
    await treeRow(page, 'ods_log_hourly').click({ button: 'right' });
    // A menu reads a lone & as a mnemonic: the menu's command is titled "O&&M", and must read "O&M".
    await menu(page, 'Go to O&M');
    // The O&M view sits in the bottom panel, as the console's O&M page sits apart from development.
    const ops = page.locator('#workbench\\.parts\\.panel');
    await ops.getByText(/ods_log_hourly · \d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2} \(scheduled dates/).filter({ visible: true }).first().waitFor({ timeout: 30_000 });
    // Fifteen days, today's open: its hourly instances, each with its predicted run.
    await ops.locator('.monaco-list-row', { hasText: 'business date' }).first().waitFor();
    const range = /ods_log_hourly · (\d{4}-\d{2}-\d{2}) → (\d{4}-\d{2}-\d{2})/.exec(await ops.innerText())!;
    assert.ok(range, 'the view names the task and its range');
    assert.equal((Date.parse(range[2]!) - Date.parse(range[1]!)) / 86_400_000, 14);
    await ops.locator('.monaco-list-row', { hasText: /\(today\)/ }).waitFor();
    await ops.locator('.monaco-list-row', { hasText: /normal · predicted \d\d:\d\d – \d\d:\d\d · waits for/ }).first().waitFor();
    await shot('e2e-lifecycle-ops.png');
    await ops.locator('.action-label[aria-label="Backfill…"]').first().click();
    await answer(page, 'first business date', '2017-01-08');
    await answer(page, 'last business date', '2017-01-10');
    await answer(page, 'which tasks', 'With its downstream tasks');
    await title(page, 'tasks to exclude');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    const preview = ops.locator('.monaco-list-row', { hasText: /^Backfill preview: 2017-01-08 → 2017-01-10, with \d+ downstream task\(s\): \d+ instance\(s\)/ });
    await preview.waitFor({ timeout: 30_000 });
    await ops.locator('.monaco-list-row', { hasText: /^1\. ods_log_hourly/ }).first().waitFor();
    await ops.locator('.monaco-list-row', { hasText: /^\d+\. dws_log_daily/ }).first().waitFor();
    await shot('e2e-lifecycle-backfill.png');
  });
});
