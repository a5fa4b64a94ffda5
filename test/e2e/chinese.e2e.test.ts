import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { ARTIFACTS, clickMenuItem, openWorkbench, panelFrame, treeRow, type Workbench } from './workbench';

/**
 * The workbench with display language zh-cn, Nightshift installed as a user has it: its manifest
 * (package.nls.zh-cn.json), its run-time strings and the panel's (l10n/bundle.l10n.zh-cn.json) in the
 * consoles' terms. code-server takes --locale zh-cn only with a zh-cn language pack; the test installs
 * a stand-in that translates none of VS Code's own strings (test/e2e/zhCnLanguagePack).
 */
describe('Nightshift in Chinese (display language zh-cn, end to end)', function () {
  this.timeout(240_000);
  let wb: Workbench;
  const shot = (name: string) => wb.page.screenshot({ path: join(ARTIFACTS, name) });

  before(async () => {
    wb = await openWorkbench({ asInstalled: true, locale: 'zh-cn' });
    await wb.page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    await treeRow(wb.page, 'finance_dw').waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await shot(`e2e-zh-failed-${this.currentTest.title.slice(0, 30).replace(/\W+/g, '-')}.png`);
  });
  after(async () => {
    await wb?.close();
  });

  it('the tree is titled 计算任务 and a folder\'s context menu offers the console\'s operations', async () => {
    const { page } = wb;
    // One view in its container: the sidebar's title bar carries the view's name.
    await page.locator('#workbench\\.parts\\.sidebar .title-label', { hasText: '计算任务' }).first().waitFor({ timeout: 30_000 });
    await treeRow(page, 'ods').click({ button: 'right' });
    const menu = page.locator('.context-view .monaco-menu');
    for (const label of ['获取编辑锁', '修改开发负责人…', '修改标签…', '移动到文件夹…', '下线…', '修改所属项目…']) {
      await menu.locator('.action-label', { hasText: label }).first().waitFor({ timeout: 15_000 });
    }
    await shot('e2e-zh-folder-menu.png');
  });

  it('a batch preview counts and explains in Chinese', async () => {
    const { page } = wb;
    await clickMenuItem(page, '修改开发负责人…');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'finance_dw/ods：选择哪些任务？' }).waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '包含子文件夹中的任务' }).click();
    await page.locator('.quick-input-widget .quick-input-title', { hasText: '新的开发负责人' }).waitFor({ timeout: 15_000 });
    await page.locator('.quick-input-widget input').fill('bob');
    await page.keyboard.press('Enter');
    const title = page.locator('.quick-input-widget .quick-input-title', { hasText: '修改开发负责人' });
    await title.waitFor({ timeout: 15_000 });
    assert.equal(await title.innerText(), '修改开发负责人 (finance_dw/ods 及其子文件夹 中的 7 个任务): 6 个将变更，1 个跳过，0 个拒绝');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '将变更（6）' }).first().waitFor();
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '已跳过: ' }).first().waitFor();
    await shot('e2e-zh-batch-preview.png');
    await page.keyboard.press('Escape');
  });

  it('the task list\'s toolbar, filters and column headers use the console\'s terms', async () => {
    const { page } = wb;
    const frame = panelFrame(page);
    await page.locator('#workbench\\.parts\\.sidebar .action-label[aria-label="打开任务列表"]').first().click();
    await frame.locator('.grid-row[data-task]').first().waitFor({ timeout: 60_000 });
    await frame.locator('.task-list .count', { hasText: '41 / 41 个任务' }).waitFor();
    const headers = (await frame.locator('[role=columnheader]').allInnerTexts()).map((h) => h.trim());
    for (const header of ['任务名称', '任务ID', '任务类型', '调度周期', '调度方式', '开发负责人', '任务状态']) assert.ok(headers.includes(header), `${header} in ${headers.join(' | ')}`);
    await frame.locator('vscode-button', { hasText: '筛选' }).click();
    for (const label of ['调度方式', '开发负责人', '最近提交状态', '引用模板', '运维负责人', '所在文件夹']) {
      await frame.locator('.filters vscode-label', { hasText: label }).first().waitFor({ timeout: 15_000 });
    }
    await frame.locator('vscode-checkbox[label="我开发的"]').waitFor();
    // The multi-select writes its badge itself ("0 Selected"): in the user's words too.
    const badge = frame.locator('.filters vscode-multi-select').first().locator('.select-face-badge');
    assert.equal((await badge.innerText()).trim(), '已选 0 项');
    await shot('e2e-zh-task-list.png');
  });

  it('the instance timeline draws with its toolbar and legend in Chinese (the page carries the webview\'s own strings)', async () => {
    const { page } = wb;
    const frame = panelFrame(page);
    await frame.locator('vscode-tab-header', { hasText: '实例时间轴' }).click();
    const legend = frame.locator('.legend');
    await legend.waitFor({ timeout: 60_000 });
    assert.equal(await legend.getAttribute('aria-label'), '图例');
    const text = await legend.innerText();
    for (const word of ['正常调度', '空跑调度', '暂停调度', '阻塞', '跨周期', '基线']) assert.ok(text.includes(word), `${word} in ${text}`);
    await frame.locator('canvas').first().waitFor();
    await shot('e2e-zh-timeline.png');
  });
});
