// Panel benchmark (issue: the webview panel), in the real VS Code test host (code-server + Chromium)
// on a generated workspace. Prints:
//   first rows   — from clicking "Open Task List" to the first rows painted in the webview (they come
//                  written into the page, computed while the webview starts), on the first open of
//                  the window's session and, at the end, opened again five times;
//   keystroke    — per character typed in the search box, from the query leaving the webview to the
//                  matching rows drawn (filtering and sorting run in the extension host);
//   timeline     — time to first draw of a day's instances: from the request to the canvas drawn,
//                  for the default day (planned in the background after the list opened) and for a
//                  day planned on request (engine included).
// Usage: npm run bench:panel -- [--tasks 10000] [--dir DIR] [--date 2026-11-22] [--locale zh-cn]
//   --locale zh-cn runs the workbench in Chinese (the test's stand-in language pack): the panel's page
//   then carries the zh-cn bundle, whose cost the first rows include.
import { parseArgs } from 'node:util';
import type { Browser, Frame, Page } from 'playwright-core';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper shared with the test runner
import { ensureTestHost } from '../test/host/installTestHost.mjs';
// @ts-expect-error plain ESM helper shared with the test runner
import { launchChromium, startCodeServer } from '../test/host/testHost.mjs';
import { benchWorkspace, median } from './benchSupport';

const { values } = parseArgs({ options: { tasks: { type: 'string', default: '10000' }, dir: { type: 'string' }, other: { type: 'string', default: '2026-11-25' }, locale: { type: 'string', default: 'en' } } });
const ZH = values.locale === 'zh-cn';
/** What the workbench's controls are called in the language of the run. */
const OPEN_TASK_LIST = ZH ? '打开任务列表' : 'Open Task List';
const TIMELINE_TAB = ZH ? '实例时间轴' : 'Instance Timeline';
const PANEL_TAB = ZH ? 'Nightshift 计算任务' : 'Nightshift Tasks';
const REPO = join(__dirname, '..');

async function bodyData(frame: Frame, key: string): Promise<string | undefined> {
  return frame.evaluate((k) => document.body.dataset[k], key);
}

async function waitForData(frame: Frame, key: string, differentFrom?: string): Promise<string> {
  for (let i = 0; i < 1200; i++) {
    const value = await bodyData(frame, key);
    if (value !== undefined && value !== differentFrom) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${key}`);
}

/** The webview's inner frame (webviews are an iframe holding the active frame), once its app is up. */
async function panelFrame(page: Page): Promise<Frame> {
  const outer = await (await page.locator('iframe.webview').first().elementHandle({ timeout: 60_000 }))!.contentFrame();
  const inner = await (await outer!.locator('#active-frame').elementHandle({ timeout: 60_000 }))!.contentFrame();
  await inner!.locator('#app').waitFor({ state: 'attached', timeout: 60_000 });
  return inner!;
}

interface Opened {
  frame: Frame;
  total: number;
  workbench: number;
  rowsMs: number;
  loading: number;
  script: number;
}

/** Clicks "Open Task List" and times it to the first rows painted, split into where the time went. */
async function openList(page: Page): Promise<Opened> {
  // The click is timed by the page itself: Playwright first waits for the button to be stable over
  // animation frames, which is not the user's time.
  await page.evaluate(() => {
    const w = window as unknown as { nightshiftClickAt?: number };
    w.nightshiftClickAt = undefined;
    document.addEventListener('mousedown', () => (w.nightshiftClickAt ??= performance.timeOrigin + performance.now()), { capture: true, once: true });
  });
  await page.locator(`#workbench\\.parts\\.sidebar .action-label[aria-label="${OPEN_TASK_LIST}"]`).first().click();
  const clickedAt = await page.evaluate(() => (window as unknown as { nightshiftClickAt: number }).nightshiftClickAt);
  const frame = await panelFrame(page);
  // Painted: the later of the rows' frame and the page's first contentful paint (which a frame
  // callback can run ahead of).
  const rowsAt = Number(await waitForData(frame, 'listDrawnAt'));
  const paintAt = await frame.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      if (fcp) return performance.timeOrigin + fcp.startTime;
      await new Promise((r) => setTimeout(r, 20));
    }
    return 0;
  });
  const drawnAt = Math.max(rowsAt, paintAt);
  const scriptAt = Number(await bodyData(frame, 'scriptAt'));
  const navigationAt = await frame.evaluate(() => performance.timeOrigin);
  const rowsMs = await frame.evaluate(() => (JSON.parse(document.getElementById('app')!.dataset.initial!) as { ms: number }).ms);
  return { frame, total: drawnAt - clickedAt, workbench: navigationAt - clickedAt, rowsMs, loading: scriptAt - navigationAt, script: drawnAt - scriptAt };
}

async function main() {
  ensureTestHost();
  const { dir, cleanup } = benchWorkspace(values);
  const server = await startCodeServer({
    workspace: dir,
    settings: { 'nightshift.user': 'alice', 'workbench.colorTheme': 'Default Dark Modern' },
    ...(ZH ? { locale: 'zh-cn', languagePack: join(REPO, 'test/e2e/zhCnLanguagePack') } : {}),
  });
  const browser: Browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(server.url(dir, [['extensionDevelopmentPath', REPO]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await page.locator('.activitybar [aria-label^="Nightshift"]').first().click();
    // The index is complete when the tree shows the projects.
    const started = Date.now();
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row').first().waitFor({ timeout: 300_000 });
    await page.locator('#workbench\\.parts\\.sidebar .monaco-list-row .label-description', { hasText: ZH ? /个任务/ : /tasks/ }).first().waitFor({ timeout: 300_000 });
    console.log(`workspace: ${dir}; display language ${values.locale}; indexed in the extension host in about ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const firstOpen = await openList(page);
    const frame = firstOpen.frame;
    console.log(`first rows: ${firstOpen.total.toFixed(0)} ms from the click (target <= 500 ms); ${await frame.locator('.task-list .count').innerText()}`);
    console.log(`  the workbench creating the webview until its page starts loading: ${firstOpen.workbench.toFixed(0)} ms (of which the extension computing the first rows: ${firstOpen.rowsMs.toFixed(0)} ms); the page and its script loading: ${firstOpen.loading.toFixed(0)} ms; script start to the first rows painted: ${firstOpen.script.toFixed(0)} ms`);

    // Every task, as the count says ("10,000 of 10,000 tasks"): the last row to scroll to.
    const rowCount = Number((await frame.locator('.task-list .count').innerText()).match(/[\d,]+/g)!.pop()!.replace(/,/g, ''));
    const search = frame.locator('.search input');
    const keystrokes: number[] = [];
    const hostTimes: number[] = [];
    const renderTimes: number[] = [];
    for (const text of ['o', 'od', 'ods', 'ods_', 'ods_1', 'ods_12', 'ods_1', 'ods_', 'ods', 'od', 'o', '']) {
      const seq = await bodyData(frame, 'listSeq');
      await search.fill(text);
      await waitForData(frame, 'listSeq', seq);
      keystrokes.push(Number(await bodyData(frame, 'listDrawnMs')));
      hostTimes.push(Number(await bodyData(frame, 'listHostMs')));
      renderTimes.push(Number(await bodyData(frame, 'listRenderMs')));
    }
    console.log(`keystroke: median ${median(keystrokes).toFixed(0)} ms, max ${Math.max(...keystrokes).toFixed(0)} ms over ${keystrokes.length} keystrokes (target <= 50 ms)`);
    console.log(`  of which filtering in the extension host: median ${median(hostTimes).toFixed(1)} ms; drawing the rows in the webview: median ${median(renderTimes).toFixed(1)} ms; the rest is messaging`);

    // Scrolling to the end asks for the last page of rows: they must come, as rows, not placeholders.
    const scrolledAt = Date.now();
    await frame.locator('.grid-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await frame.locator(`.grid-row[aria-rowindex="${rowCount + 1}"][data-task]`).waitFor({ timeout: 30_000 });
    console.log(`scroll to the last of ${rowCount.toLocaleString('en-US')} rows: rows shown after ${Date.now() - scrolledAt} ms`);

    await page.waitForTimeout(5000);
    await frame.locator('vscode-tab-header', { hasText: TIMELINE_TAB }).click();
    const first = Number(await waitForData(frame, 'timelineDrawnMs'));
    const instances = await bodyData(frame, 'timelineInstances');
    const engine = await bodyData(frame, 'timelineEngineMs');
    const draw = Number(await bodyData(frame, 'timelineDrawMs'));
    console.log(`timeline, default day: first draw ${first.toFixed(0)} ms for ${instances} instances (target <= 1000 ms); of which engine (layout, day planned ahead) ${engine} ms, canvas ${draw.toFixed(0)} ms`);

    // Lanes further down come by chunk as they scroll into view.
    const scroller = frame.locator('.timeline-scroller');
    const chunksBefore = await frame.locator('.timeline-canvas').getAttribute('data-chunks');
    const scrolledTo = Date.now();
    await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await frame.locator(`.timeline-canvas[data-complete="true"]:not([data-chunks="${chunksBefore}"])`).waitFor({ state: 'attached', timeout: 60_000 });
    console.log(`timeline, scrolled half way down: its lanes drawn after ${Date.now() - scrolledTo} ms (chunks loaded: ${await frame.locator('.timeline-canvas').getAttribute('data-chunks')})`);

    const dateInput = frame.locator('.timeline vscode-textfield[type=date] input');
    const defaultDay = await dateInput.inputValue();
    const pick = async (date: string) => {
      const seq = await bodyData(frame, 'timelineSeq');
      await dateInput.fill(date);
      await waitForData(frame, 'timelineSeq', seq);
      return Number(await waitForData(frame, 'timelineDrawnMs'));
    };
    const cold = await pick(values.other!);
    console.log(`timeline, ${values.other} planned on request: first draw ${cold.toFixed(0)} ms for ${await bodyData(frame, 'timelineInstances')} instances; of which engine (plan, timing, layout) ${await bodyData(frame, 'timelineEngineMs')} ms`);
    const kept = await pick(defaultDay);
    console.log(`timeline, default day again (its layout kept): first draw ${kept.toFixed(0)} ms (target <= 1000 ms); of which engine ${await bodyData(frame, 'timelineEngineMs')} ms; the day's head came after ${Number(await bodyData(frame, 'timelineHeadMs')).toFixed(0)} ms, the rest is the lanes on screen by chunk`);
    await page.screenshot({ path: join(REPO, '.test-artifacts', 'bench-panel-timeline.png') });

    // Opened again in the same window: VS Code's webview machinery (its service worker) is warm.
    const again: Opened[] = [];
    for (let i = 0; i < 5; i++) {
      await page.locator('.tabs-container .tab', { hasText: PANEL_TAB }).click({ button: 'middle' });
      await page.locator('iframe.webview').first().waitFor({ state: 'detached', timeout: 30_000 });
      again.push(await openList(page));
    }
    const m = (pick: (o: Opened) => number) => median(again.map(pick)).toFixed(0);
    console.log(`first rows, opened again (${again.length} times): median ${m((o) => o.total)} ms, range ${Math.min(...again.map((o) => o.total)).toFixed(0)}-${Math.max(...again.map((o) => o.total)).toFixed(0)} ms; of which the workbench ${m((o) => o.workbench)} ms, the page and its script loading ${m((o) => o.loading)} ms, script start to the rows painted ${m((o) => o.script)} ms`);
  } finally {
    await browser.close();
    await server.stop();
    cleanup();
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

