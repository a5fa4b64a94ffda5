import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, clickMenuItem, expandTreeRow, openWorkbench, treeRow, type Workbench } from './workbench';

/** Import… on a folder, from a FlowSpec file, in the real workbench: the tasks join the tree. */
describe('FlowSpec import in the browser', function () {
  this.timeout(180_000);
  let wb: Workbench;

  before(async () => {
    wb = await openWorkbench();
    await wb.page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await treeRow(wb.page, 'marketing_dw').waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await wb?.page.screenshot({ path: join(ARTIFACTS, 'e2e-interchange-failed.png') });
  });
  after(async () => {
    await wb?.close();
  });

  const expand = expandTreeRow;

  it('Import… on a folder reads a FlowSpec file and adds its tasks to the tree there', async () => {
    const { page, workspace } = wb;
    const file = join(mkdtempSync(join(tmpdir(), 'nightshift-e2e-flowspec-')), 'from_dataworks.json');
    writeFileSync(file, JSON.stringify({
      version: '1.2.0',
      kind: 'CycleWorkflow',
      spec: {
        workflows: [
          {
            nodes: [
              { id: '99001', name: 'dw_imported_daily', owner: 'erin', script: { path: 'etl/dw_imported_daily', language: 'odps-sql', runtime: { command: 'ODPS_SQL' }, content: 'select 1;' }, trigger: { type: 'Scheduler', cron: '00 30 02 * * ?' } },
              { id: '99002', name: 'dw_imported_hourly', script: { path: 'etl/dw_imported_hourly', language: 'python3', runtime: { command: 'PY_ODPS3' } }, trigger: { type: 'Scheduler', cron: '00 00 00-23/1 * * ?' } },
            ],
            dependencies: [{ nodeId: '99001', depends: [{ type: 'Normal', output: '99002' }] }],
          },
        ],
      },
    }));
    await expand(page, 'marketing_dw');
    await treeRow(page, 'sandbox').click({ button: 'right' });
    await clickMenuItem(page, 'Import…');
    // code-server's file dialog is a quick input holding a path.
    const input = page.locator('.quick-input-widget input.input');
    await input.waitFor();
    // Let the dialog put in its starting folder first, or it overwrites what is typed.
    for (let i = 0; i < 50 && !(await input.inputValue()); i++) await page.waitForTimeout(100);
    await page.waitForTimeout(300);
    await input.fill(file);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'from_dataworks.json' }).first().waitFor();
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
    await expand(page, 'sandbox');
    await expand(page, 'etl');
    await treeRow(page, 'dw_imported_daily').waitFor({ timeout: 30_000 });
    await treeRow(page, 'dw_imported_hourly').waitFor();
    assert.ok(existsSync(join(workspace, 'marketing_dw/tasks/sandbox/etl/dw_imported_daily.task.yaml')));
    assert.ok(existsSync(join(workspace, 'marketing_dw/tasks/sandbox/etl/dw_imported_daily.sql')));
    await page.screenshot({ path: join(ARTIFACTS, 'e2e-interchange-imported.png') });
  });
});
