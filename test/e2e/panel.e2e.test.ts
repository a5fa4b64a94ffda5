import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, openWorkbench, panelFrame, type Workbench } from './workbench';

describe('Task list and timeline panel in the browser (end to end)', function () {
  this.timeout(180_000);
  let wb: Workbench;
  let frame: ReturnType<typeof panelFrame>;
  const rowNames = async () => (await frame.locator('.grid-spacer .grid-row[data-task] .cell.name').allInnerTexts()).map((s) => s.trim());
  const count = () => frame.locator('.task-list .count');
  const shot = (name: string) => wb.page.screenshot({ path: join(ARTIFACTS, name) });
  /** Preferences: Color Theme (Ctrl+K Ctrl+T), then the theme by name. */
  async function switchTheme(name: string): Promise<void> {
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+T');
    await wb.page.locator('.quick-input-widget input').fill(name);
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await wb.page.keyboard.press('Enter');
  }

  before(async () => {
    wb = await openWorkbench();
    frame = panelFrame(wb.page);
    await wb.page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await wb.page.locator('#workbench\\.parts\\.sidebar .monaco-list-row', { hasText: 'finance_dw' }).first().waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(`e2e-panel-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}.png`);
  });
  after(async () => {
    await wb?.close();
  });

  it('opens the task list from the tree\'s title bar with every task', async () => {
    await wb.page.locator('#workbench\\.parts\\.sidebar .action-label[aria-label="Open Task List"]').first().click();
    await frame.locator('.grid-row[data-task]').first().waitFor({ timeout: 60_000 });
    await frame.locator('.task-list .count', { hasText: '41 of 41 tasks' }).waitFor();
    assert.equal(await frame.locator('.grid').getAttribute('aria-rowcount'), '42');
  });

  it('links the icon font once shown, for the page and for icons inside components', async () => {
    // The icons' stylesheet is linked only after the first paint (so that it cannot delay it).
    const loaded = await frame.locator('body').evaluate(async () => {
      for (let i = 0; i < 300; i++) {
        if ([...document.fonts].some((f) => f.family.replace(/"/g, '') === 'codicon' && f.status === 'loaded')) return true;
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    });
    assert.ok(loaded, 'the icon font never loaded');
    const links = await frame.locator('body').evaluate(() => {
      const page = document.getElementById('vscode-codicon-stylesheet') as HTMLLinkElement;
      const icon = document.querySelector('.search vscode-icon')?.shadowRoot?.querySelector('link');
      return { address: page.dataset.href, page: page.getAttribute('href'), icon: icon?.getAttribute('href') };
    });
    assert.match(links.address ?? '', /codicon\.css$/);
    assert.deepEqual(links, { address: links.address, page: links.address, icon: links.address });
    const family = await frame.locator('.row-action').first().evaluate((el) => getComputedStyle(el).fontFamily);
    assert.match(family, /codicon/);
  });

  it('filters by search, "Developed by me" and recurrence, and Reset brings every task back', async () => {
    await frame.locator('.search input').fill('orders');
    await count().filter({ hasText: '4 of 41 tasks' }).waitFor();
    assert.deepEqual((await rowNames()).sort(), ['dq_orders_check', 'dwd_orders_di', 'dws_orders_stats_6h', 'ods_orders_sync_30min']);
    await frame.locator('.search input').fill('');
    await frame.locator('vscode-checkbox[label="Developed by me"]').click();
    await count().filter({ hasText: '9 of 41 tasks' }).waitFor();
    await frame.locator('vscode-button', { hasText: 'Filter' }).click();
    await frame.locator('#filter-cycles').click();
    await frame.locator('#filter-cycles li[role=option]', { hasText: 'Hour' }).click();
    await wb.page.keyboard.press('Escape');
    await count().filter({ hasText: '2 of 41 tasks' }).waitFor();
    assert.deepEqual((await rowNames()).sort(), ['ads_spend_hourly', 'ods_log_hourly']);
    await shot('e2e-panel-list-dark.png');
    await frame.locator('vscode-button', { hasText: 'Reset' }).click();
    await count().filter({ hasText: '41 of 41 tasks' }).waitFor();
  });

  it('configures the columns: one hidden leaves the header and the rows, Default columns brings it back', async () => {
    const headers = () => frame.locator('[role=columnheader]').allInnerTexts();
    const cellsOfFirstRow = () => frame.locator('.grid-row[data-task]').first().locator('[data-column]').count();
    assert.ok((await headers()).some((t) => t.startsWith('Type')));
    const before = await cellsOfFirstRow();
    await frame.locator('vscode-toolbar-button[label="Configure columns"]').click();
    await frame.locator('.columns-menu vscode-checkbox[label="Type"]').click();
    await frame.locator('[role=columnheader]', { hasText: /^Type/ }).waitFor({ state: 'detached' });
    assert.equal(await cellsOfFirstRow(), before - 1);
    await frame.locator('.columns-menu vscode-button', { hasText: 'Default columns' }).click();
    await frame.locator('[role=columnheader]', { hasText: /^Type/ }).waitFor();
    assert.equal(await cellsOfFirstRow(), before);
    await frame.locator('vscode-toolbar-button[label="Configure columns"]').click();
    assert.equal(await frame.locator('.columns-menu').isHidden(), true);
  });

  it('sorts by a column header and selects with the keyboard', async () => {
    await frame.locator('button.sort', { hasText: 'ID' }).click();
    await frame.locator('.grid-row[aria-rowindex="2"] .cell.name', { hasText: 'ods_log_hourly' }).waitFor();
    assert.equal(await frame.locator('[role=columnheader][aria-sort="ascending"]').innerText(), 'ID');
    await frame.locator('.grid').focus();
    await wb.page.keyboard.press('ArrowDown');
    await wb.page.keyboard.press('Space');
    await frame.locator('.selected-count', { hasText: '1 selected' }).waitFor();
    assert.equal(await frame.locator('.grid-row[aria-selected="true"] .cell.name').innerText(), 'dws_log_daily');
    await frame.locator('vscode-button', { hasText: 'Clear Selection' }).click();
    await frame.locator('.selection-bar').waitFor({ state: 'hidden' });
  });

  it('row actions: the actions menu, and locate in the tree', async () => {
    const row = frame.locator('.grid-row[data-task="10001"]');
    await row.locator('button[data-action="more"]').click();
    const menu = frame.locator('vscode-context-menu');
    for (const label of ['Change Development Owner…', 'Modify Referenced Template Version…', 'Unpublish…', 'Unpublish and Delete…', 'Delete…']) {
      await menu.locator('vscode-context-menu-item', { hasText: label }).first().waitFor();
    }
    await shot('e2e-panel-row-menu-dark.png');
    await wb.page.keyboard.press('Escape');
    await row.locator('button[data-action="reveal"]').click();
    await wb.page.locator('#workbench\\.parts\\.sidebar .monaco-list-row.selected', { hasText: 'ods_log_hourly' }).waitFor({ timeout: 30_000 });
    await wb.page.locator('.tabs-container .tab', { hasText: 'Nightshift Tasks' }).click();
  });

  it('runs a batch action from the selection bar and the files change', async () => {
    await frame.locator('.search input').fill('ads_spend');
    await count().filter({ hasText: '2 of 41 tasks' }).waitFor();
    await frame.locator('.grid-header vscode-checkbox').click();
    await frame.locator('.selected-count', { hasText: '2 selected' }).waitFor();
    await shot('e2e-panel-selection-dark.png');
    // A narrower search hides one of them: the bar says so, as the batch acts on both.
    await frame.locator('.search input').fill('ads_spend_hourly');
    await frame.locator('.selected-count', { hasText: '2 selected · 1 hidden by the filters' }).waitFor({ timeout: 15_000 });
    await frame.locator('.selection-bar vscode-button[data-action="changeOwner"]').click();
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'frank' }).click();
    // The preview lists each task with its change, ticked, and names the one the filters hide; unticking one leaves it out.
    const row = (name: string) => wb.page.locator('.quick-input-list .monaco-list-row', { hasText: name });
    await wb.page.locator('.quick-input-widget .quick-input-title', { hasText: "Change Development Owner (2 tasks): 2 will change, 0 skipped, 0 refused · 1 hidden by the list's filters" }).waitFor({ timeout: 15_000 });
    assert.match(await row('ads_spend_hourly').innerText(), /owner \w+ → frank/);
    assert.doesNotMatch(await row('ads_spend_hourly').innerText(), /hidden/);
    assert.match(await row('ads_spend_sync_10min').innerText(), /hidden by the list's filters/);
    await row('ads_spend_sync_10min').locator('.monaco-checkbox').click();
    await wb.page.locator('.quick-input-list .monaco-list-row[aria-checked=false]', { hasText: 'ads_spend_sync_10min' }).waitFor();
    await shot('e2e-panel-preview-dark.png');
    const file = (name: string) => readFileSync(join(wb.workspace, 'marketing_dw/tasks/campaigns/ads', name), 'utf8');
    const untouched = file('ads_spend_sync_10min.task.yaml');
    await wb.page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    for (let i = 0; i < 60 && !file('ads_spend_hourly.task.yaml').includes('owner: frank'); i++) await wb.page.waitForTimeout(250);
    assert.match(file('ads_spend_hourly.task.yaml'), /^owner: frank$/m);
    assert.equal(file('ads_spend_sync_10min.task.yaml'), untouched);
    await frame.locator('.search input').fill('ads_spend');
    await frame.locator('.selected-count', { hasText: /^2 selected$/ }).waitFor({ timeout: 15_000 });
    // The list follows the files.
    await frame.locator('.grid-row[data-task] .cell.owner', { hasText: 'frank' }).first().waitFor({ timeout: 30_000 });
    // A selected task deleted on disk leaves the selection; restored, it is back in the list, unselected.
    const path = join(wb.workspace, 'marketing_dw/tasks/campaigns/ads/ads_spend_hourly.task.yaml');
    const text = readFileSync(path, 'utf8');
    rmSync(path);
    await frame.locator('.selected-count', { hasText: '1 selected' }).waitFor({ timeout: 30_000 });
    await count().filter({ hasText: '1 of 40 tasks' }).waitFor();
    writeFileSync(path, text);
    await count().filter({ hasText: '2 of 41 tasks' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('.grid-row[aria-selected="true"]').count(), 1);
  });

  it('shows the seed\'s scenarios on the timeline of 2017-01-11, focused on the six-hourly task', async () => {
    await frame.locator('vscode-tab-header', { hasText: 'Instance Timeline' }).click();
    await frame.locator('.timeline-status', { hasText: /instances of/ }).waitFor({ timeout: 60_000 });
    await frame.locator('.timeline vscode-textfield[type=date] input').fill('2017-01-11');
    await frame.locator('.timeline-status', { hasText: '490 instances of 38 tasks' }).waitFor({ timeout: 30_000 });
    await frame.locator('.focus-task input').fill('dws_orders_stats_6h');
    await frame.locator('.depth input').fill('1');
    await frame.locator('.timeline vscode-button', { hasText: 'Focus' }).click();
    await frame.locator('.timeline-status', { hasText: '52 instances of 2 tasks · 51 edges' }).waitFor();
    await frame.locator('.timeline-status', { hasText: 'dws_orders_stats_6h: 2 tasks within 1 level up and down' }).waitFor();
    // The lanes on screen come by chunk after the day's head.
    await frame.locator('.timeline-canvas[data-complete="true"]').waitFor({ state: 'attached' });
    assert.equal(await frame.locator('.timeline-canvas').getAttribute('data-edges-drawn'), '51');
    // Keyboard: the first instance of the first lane, then the next one along it.
    await frame.locator('.timeline-scroller').focus();
    await wb.page.keyboard.press('ArrowRight');
    await wb.page.keyboard.press('ArrowRight');
    const detail = frame.locator('.instance-detail');
    await detail.locator('h2', { hasText: 'dws_orders_stats_6h' }).waitFor();
    await detail.locator('.meta', { hasText: '2017-01-11 06:00 · normal' }).waitFor();
    assert.match(await detail.locator('.params').innerText(), /window_end\s+2017-01-11-06:00/);
    // Instances by task name and time, never by id; the start explained along the critical path.
    assert.equal(await detail.locator('.upstream li').innerText(), 'ods_orders_sync_30min · 2017-01-11 06:00');
    assert.deepEqual(await detail.locator('.critical li').allInnerTexts(), ['ods_orders_sync_30min · 2017-01-11 06:00', 'dws_orders_stats_6h · 2017-01-11 06:00']);
    assert.match(await detail.locator('.why').innerText(), /^dws_orders_stats_6h starts at \d\d:\d\d, not at its scheduled 06:00: it waits for ods_orders_sync_30min \(scheduled 06:00\)/);
    // Following the upstream link selects the half-hourly instance, self-dependent (cross-cycle) on the one before.
    await detail.locator('.upstream a').click();
    await detail.locator('h2', { hasText: 'ods_orders_sync_30min' }).waitFor();
    assert.equal(await detail.locator('.upstream li').innerText(), 'ods_orders_sync_30min · 2017-01-11 05:30 · cross-cycle');
    await shot('e2e-panel-timeline-dark.png');
  });

  it('keeps its state when hidden and shown again', async () => {
    await frame.locator('.instance-detail vscode-button', { hasText: 'Open Task' }).click();
    await wb.page.locator('.tabs-container .tab', { hasText: 'ods_orders_sync_30min.task.yaml' }).waitFor();
    await wb.page.locator('.tabs-container .tab', { hasText: 'Nightshift Tasks' }).click();
    await frame.locator('.timeline-status', { hasText: '52 instances of 2 tasks' }).waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('.focus-task input').inputValue(), '10004');
    await frame.locator('.instance-detail h2', { hasText: 'ods_orders_sync_30min' }).waitFor();
  });

  it('comes back with its state after the window reloads', async () => {
    await wb.page.keyboard.press('F1');
    await wb.page.locator('.quick-input-widget input').fill('>Developer: Reload Window');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor();
    await wb.page.keyboard.press('Enter');
    await wb.page.waitForTimeout(1000);
    await wb.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await frame.locator('.timeline-status', { hasText: '52 instances of 2 tasks' }).waitFor({ timeout: 60_000 });
    await frame.locator('.instance-detail h2', { hasText: 'ods_orders_sync_30min' }).waitFor();
    await frame.locator('vscode-tab-header', { hasText: 'Task List' }).click();
    await frame.locator('.task-list .count', { hasText: '2 of 41 tasks' }).waitFor();
    assert.equal(await frame.locator('.search input').inputValue(), 'ads_spend');
    await frame.locator('vscode-tab-header', { hasText: 'Instance Timeline' }).click();
  });

  it('follows a switch to the light theme', async () => {
    await switchTheme('Light Modern');
    await wb.page.locator('.monaco-workbench.vs').waitFor();
    await frame.locator('body.vscode-light').waitFor();
    await wb.page.waitForTimeout(500);
    await shot('e2e-panel-timeline-light.png');
    await frame.locator('vscode-tab-header', { hasText: 'Task List' }).click();
    await frame.locator('.search input').fill('');
    await count().filter({ hasText: '41 of 41 tasks' }).waitFor();
    const filter = frame.locator('vscode-button', { hasText: 'Filter' });
    if ((await filter.getAttribute('aria-expanded')) !== 'true') await filter.click();
    await frame.locator('#filter-folder').waitFor();
    await shot('e2e-panel-list-light.png');
  });

  it('follows a switch to a high-contrast theme', async () => {
    await switchTheme('Dark High Contrast');
    await frame.locator('body.vscode-high-contrast').waitFor();
    await shot('e2e-panel-list-high-contrast.png');
    await frame.locator('vscode-tab-header', { hasText: 'Instance Timeline' }).click();
    await frame.locator('.timeline-status', { hasText: '52 instances of 2 tasks' }).waitFor();
    await wb.page.waitForTimeout(300);
    await shot('e2e-panel-timeline-high-contrast.png');
  });
});
