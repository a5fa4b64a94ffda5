import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, expandTreeRow, openWorkbench, panelFrame, treeRow, type Workbench } from './workbench';

/**
 * A folder of 5,000 tasks in the real tree: a page of them, then "Load more…", and the UI stays
 * usable; on the timeline, its 120,000 instances come by chunk as they scroll into view.
 */
describe('a 5,000-task folder in the tree and on the timeline', function () {
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
          // Hourly, each waiting for the task 500 before it: 120,000 instances in a day, in a dozen
          // chunks of the timeline, with edges between chunks.
          const upstream = i >= 500 ? `dependencies: [{task: "9${String(i - 500).padStart(4, '0')}0"}]\n` : '';
          writeFileSync(join(dir, `bulk_${n}.task.yaml`), `id: "9${n}0"\nname: bulk_${n}\ntype: SQL\nowner: alice\nschedule: {cycle: hour, start: "00:00", end: "23:59", interval: 1}\n${upstream}`);
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

  it('draws the day\'s 120,000 instances by chunk: the lanes on screen first, more as they scroll in, and a link to a far instance loads its chunk', async () => {
    const { page } = wb;
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget input.input').fill(">Nightshift: Show Day's Schedule");
    await page.locator('.quick-input-list .monaco-list-row', { hasText: "Show Day's Schedule" }).first().click();
    const frame = panelFrame(page);
    await frame.locator('.timeline-status', { hasText: /^120,\d{3} instances of 5,\d{3} tasks · 108,\d{3} edges/ }).waitFor({ timeout: 120_000 });
    const canvas = frame.locator('.timeline-canvas');
    await frame.locator('.timeline-canvas[data-complete="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    const chunks = async () => (await canvas.getAttribute('data-chunks'))!.split('/').map(Number) as [number, number];
    const [first, total] = await chunks();
    assert.ok(total >= 12 && first < total / 2, `${first} of ${total} chunks loaded at first`);
    // To the last lanes: their chunk comes, and they are drawn.
    await frame.locator('.timeline-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await frame.locator('.timeline-canvas[data-complete="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    assert.ok((await chunks())[0] > first);
    await frame.locator('.timeline-scroller').focus();
    await page.keyboard.press('ArrowRight');
    const detail = frame.locator('.instance-detail');
    await detail.locator('h2', { hasText: /^bulk_4\d{3}$/ }).waitFor({ timeout: 30_000 });
    const name = await detail.locator('h2').innerText();
    // Its upstream instance is 500 lanes up, in a chunk not loaded: following the link loads it and selects it.
    const upstream = `bulk_${String(Number(name.slice(5)) - 500).padStart(4, '0')}`;
    await detail.locator('.upstream a', { hasText: upstream }).click();
    await detail.locator('h2', { hasText: upstream }).waitFor({ timeout: 30_000 });
    await frame.locator('.timeline-canvas[data-complete="true"]').waitFor({ state: 'attached', timeout: 30_000 });
    await shot('e2e-timeline-chunks.png');
  });
});
