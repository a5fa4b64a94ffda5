import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, openByQuickOpen, openWorkbench, treeRow, type Workbench } from './workbench';

/** The operation dialogs as a person answers them, from the palette, on the active editor's task. */
describe('operation dialogs say what the core can', function () {
  this.timeout(180_000);
  let wb: Workbench;

  const input = (page: Page) => page.locator('.quick-input-widget input.input');
  const row = (page: Page, text: string | RegExp) => page.locator('.quick-input-list .monaco-list-row', { hasText: text });
  const title = (page: Page, text: string) => page.locator('.quick-input-widget .quick-input-title', { hasText: text }).waitFor({ timeout: 15_000 });

  async function palette(page: Page, command: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await input(page).fill(`>Nightshift: ${command}`);
      await row(page, command).first().waitFor();
      await page.keyboard.press('Enter');
      // The extension host hears of a newly active editor a moment after the workbench shows its tab: a
      // command run in between has no editor and asks which tasks. Asked again, it must find the task.
      const heading = page.locator('.quick-input-widget .quick-input-title', { hasText: /\S/ });
      await heading.waitFor({ timeout: 15_000 });
      if (!/Choose the compute tasks/.test((await heading.textContent()) ?? '')) return;
      if (attempt === 3) throw new Error(`${command}: the active editor's task was never found`);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(500);
    }
  }
  async function answer(page: Page, heading: string, text: string): Promise<void> {
    await title(page, heading);
    await input(page).fill(text);
    await page.keyboard.press('Enter');
  }
  async function tick(page: Page, heading: string, labels: string[]): Promise<void> {
    await title(page, heading);
    // Filter to each label first: a long list renders only the rows in view.
    for (const label of labels) {
      await input(page).fill(label);
      await row(page, new RegExp(`^${label}`)).first().locator('.monaco-checkbox').click();
    }
    await input(page).fill('');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
  }
  /** The task's file as the active editor: the palette acts on it. */
  async function openTask(page: Page, workspace: string, rel: string): Promise<string> {
    await openByQuickOpen(page, rel.split('/').at(-1)!);
    return join(workspace, rel);
  }

  before(async () => {
    wb = await openWorkbench();
    await wb.page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    // Indexed before the first command: a command on a cold workbench finds no task for its editor.
    await treeRow(wb.page, 'finance_dw').waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.page.screenshot({ path: join(ARTIFACTS, `e2e-dialog-failed-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}.png`) });
    await wb?.page.keyboard.press('Escape');
  });
  after(async () => {
    await wb?.close();
  });

  /** Scheduling Configuration from the palette on the open task: basic scheduling, normal, `cycle`, its own question, a time; OK. */
  async function schedule(page: Page, workspace: string, cycle: string, own: [string, string[]], time: string, shot?: string): Promise<string> {
    const file = await openTask(page, workspace, 'finance_dw/tasks/dws/daily/dws_log_daily.task.yaml');
    await palette(page, 'Scheduling Configuration');
    await title(page, 'what to change');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    await answer(page, 'Scheduling method', 'normal');
    await answer(page, 'Recurrence', cycle);
    await tick(page, ...own);
    await answer(page, 'At what time of day', time);
    await title(page, 'Batch Scheduling Configuration (1 task): 1 will change');
    if (shot) await page.screenshot({ path: join(ARTIFACTS, shot) });
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    for (let i = 0; i < 60 && !new RegExp(`cycle: ${cycle}`).test(readFileSync(file, 'utf8')); i++) await page.waitForTimeout(250);
    return readFileSync(file, 'utf8');
  }

  it('Scheduling Configuration on a week cycle asks for the weekdays and the time, and succeeds', async () => {
    const text = await schedule(wb.page, wb.workspace, 'week', ['On which weekdays', ['Monday', 'Friday']], '02:30', 'e2e-dialog-schedule-week.png');
    assert.match(text, /cycle: week/);
    assert.match(text, /weekdays:\s*\[?\s*1,?\s*(- )?5\]?|weekdays:\n\s+- 1\n\s+- 5/);
    assert.match(text, /time: "02:30"/);
  });

  it('a month cycle asks for the days of the month, L among them', async () => {
    const text = await schedule(wb.page, wb.workspace, 'month', ['On which days of the month', ['1', 'L']], '03:00');
    assert.match(text, /cycle: month[\s\S]*days:[\s\S]*L/);
  });

  it('Move to Folder offers the project\'s folders and a new one, created on the way', async () => {
    const { page, workspace } = wb;
    const file = await openTask(page, workspace, 'finance_dw/tasks/ods/ods_ticks_5min.task.yaml');
    await palette(page, 'Move to Folder');
    await title(page, 'Move to a folder of finance_dw');
    assert.ok(await row(page, '/dws/daily').first().isVisible());
    await input(page).fill('New Folder');
    await row(page, 'New Folder').first().click();
    await answer(page, 'New folder in finance_dw', 'dws/weekly');
    await title(page, 'Batch Move (1 task): 1 will change');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    const moved = join(workspace, 'finance_dw/tasks/dws/weekly/ods_ticks_5min.task.yaml');
    for (let i = 0; i < 60 && !existsSync(moved); i++) await page.waitForTimeout(250);
    assert.ok(existsSync(moved) && !existsSync(file));
    // The editor followed the file to its new place.
    await page.locator('.tabs-container .tab.active', { hasText: 'ods_ticks_5min.task.yaml' }).waitFor();
    await page.locator('.breadcrumbs-control', { hasText: 'weekly' }).first().waitFor({ timeout: 15_000 });
  });

  it('Parameter Configuration refuses "abc" with a message', async () => {
    const { page, workspace } = wb;
    await openTask(page, workspace, 'finance_dw/tasks/dws/daily/dws_log_daily.task.yaml');
    await palette(page, 'Parameter Configuration');
    await title(page, 'Parameters');
    await input(page).fill('abc');
    await page.locator('.quick-input-widget .quick-input-message', { hasText: '"abc": write name=value' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    // Still asking: the bad answer was not taken.
    await page.locator('.quick-input-widget .quick-input-message', { hasText: '"abc": write name=value' }).waitFor();
    await page.keyboard.press('Escape');
  });

  it('Dependency Configuration previews which upstream instances each instance would wait for, then applies it', async () => {
    const { page, workspace } = wb;
    const file = await openTask(page, workspace, 'finance_dw/tasks/dws/daily/dws_log_daily.task.yaml');
    await palette(page, 'Dependency Configuration');
    await title(page, 'Upstream dependencies common to the 1 selected task(s)');
    await row(page, 'Add Dependency').first().click();
    await answer(page, 'Upstream task', 'ods_fx_rates_di');
    await answer(page, 'Dependency cycle on ods_fx_rates_di', 'Same cycle');
    await title(page, 'Dependency preview: dws_log_daily on ods_fx_rates_di');
    await row(page, /waits for ods_fx_rates_di \d\d:\d\d/).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-dialog-dependency-preview.png') });
    await row(page, 'Apply this dependency').first().click();
    await title(page, 'Batch Dependency Configuration (1 task): 1 will change');
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    for (let i = 0; i < 60 && !readFileSync(file, 'utf8').includes('"10016"'); i++) await page.waitForTimeout(250);
    assert.match(readFileSync(file, 'utf8'), /- task: "10016"/);
  });
});
