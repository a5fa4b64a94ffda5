import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, expandTreeRow, openWorkbench, treeRow, type Workbench } from './workbench';

/** A folder of 5,000 tasks in the real tree: a page of them, then "Load more…", and the UI stays usable. */
describe('a 5,000-task folder in the tree', function () {
  this.timeout(240_000);
  let wb: Workbench;
  const shot = (name: string) => wb.page.screenshot({ path: join(ARTIFACTS, name) });

  before(async () => {
    wb = await openWorkbench({
      prepare: (workspace) => {
        const dir = join(workspace, 'marketing_dw/tasks/bulk');
        mkdirSync(dir, { recursive: true });
        for (let i = 0; i < 5000; i++) {
          const n = String(i).padStart(4, '0');
          writeFileSync(join(dir, `bulk_${n}.task.yaml`), `id: "9${n}0"\nname: bulk_${n}\ntype: SQL\nowner: alice\nschedule: {cycle: day, time: "03:00"}\n`);
        }
      },
    });
    await wb.page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await treeRow(wb.page, 'marketing_dw').waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(`e2e-paging-failed-${this.currentTest.title.slice(0, 24).replace(/\W+/g, '-')}.png`);
  });
  after(async () => {
    await wb?.close();
  });

  it('opens the folder on its first 500 tasks and "Load 500 more…", which shows the next page', async () => {
    const { page } = wb;
    await treeRow(page, 'bulk').waitFor({ timeout: 90_000 });
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row', { hasText: /bulk\s*5000/ }).waitFor({ timeout: 90_000 });
    const started = Date.now();
    await expandTreeRow(page, 'bulk');
    const more = treeRow(page, 'Load 500 more…');
    await treeRow(page, 'bulk_0000').waitFor({ timeout: 30_000 });
    const opened = Date.now() - started;
    // The list is virtual: scroll to its end, where the page ends with "Load more…".
    await treeRow(page, 'bulk_0000').click();
    await page.keyboard.press('End');
    await more.waitFor({ timeout: 30_000 });
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row', { hasText: '4,500 of 5,000 tasks not shown' }).waitFor();
    assert.equal(await treeRow(page, 'bulk_0500').count(), 0, 'the second page is not shown yet');
    await shot('e2e-tree-paging-first-page.png');
    await more.click();
    // The next page comes in where "Load more…" stood; its end holds the next "Load more…".
    await treeRow(page, 'bulk_0500').waitFor({ timeout: 30_000 });
    await treeRow(page, 'bulk_0500').click();
    await page.keyboard.press('End');
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row', { hasText: '4,000 of 5,000 tasks not shown' }).waitFor({ timeout: 30_000 });
    await treeRow(page, 'bulk_0999').waitFor({ timeout: 30_000 });
    // Still responsive: the filter-on-type finds a task of the shown pages at once.
    await treeRow(page, 'bulk_0999').click();
    await page.keyboard.press('Home');
    await treeRow(page, 'marketing_dw').waitFor({ timeout: 10_000 });
    await shot('e2e-tree-paging-second-page.png');
    console.log(`      (the 5,000-task folder opened in ${opened} ms)`);
  });
});
