import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error plain ESM helper shared with the test runner
import { launchChromium, startCodeServer } from '../host/testHost.mjs';

export const REPO = join(__dirname, '../..');
export const ARTIFACTS = join(REPO, '.test-artifacts');

export interface Workbench {
  page: Page;
  workspace: string;
  close(): Promise<void>;
}

/**
 * A real VS Code workbench in headless Chromium, on a scratch copy of the samples, with Nightshift loaded.
 * `asInstalled` opens it as the demo does: the built extension installed, no smoke-test driver (which
 * hides every notification toast, but is what makes the workbench load an extension from the URL).
 */
export async function openWorkbench(options: { theme?: string; asInstalled?: boolean; prepare?: (workspace: string) => void; locale?: string } = {}): Promise<Workbench> {
  const workspace = join(mkdtempSync(join(tmpdir(), 'nightshift-e2e-')), 'warehouse');
  cpSync(join(REPO, 'samples/warehouse'), workspace, { recursive: true });
  options.prepare?.(workspace);
  const server = await startCodeServer({
    workspace,
    settings: { 'nightshift.user': 'alice', 'workbench.colorTheme': options.theme ?? 'Default Dark Modern' },
    ...(options.asInstalled ? { installExtension: REPO, smokeTestDriver: false } : {}),
    // code-server takes --locale zh-cn only with a zh-cn language pack installed; the tests carry one.
    ...(options.locale ? { locale: options.locale, ...(options.locale === 'zh-cn' ? { languagePack: join(REPO, 'test/e2e/zhCnLanguagePack') } : {}) } : {}),
  });
  const browser: Browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(options.asInstalled ? server.url(workspace) : server.url(workspace, [['extensionDevelopmentPath', REPO]]));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    page,
    workspace,
    async close() {
      await browser.close();
      await server.stop();
      rmSync(server.scratch, { recursive: true, force: true });
      rmSync(join(workspace, '..'), { recursive: true, force: true });
    },
  };
}

/** The row of the Compute Tasks tree whose label is `label`. */
export function treeRow(page: Page, label: string) {
  return page.locator('#workbench\\.parts\\.sidebar .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) });
}

/** The Nightshift panel's page: webviews are an iframe holding the active frame. */
export function panelFrame(page: Page) {
  return page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

/**
 * Clicks an entry of the open context menu. A click while the menu still lays itself out is lost
 * (the menu stays open), so it hovers the entry, lets it settle, then clicks.
 */
export async function clickMenuItem(page: Page, label: string): Promise<void> {
  const item = page.locator('.context-view .monaco-menu .action-label', { hasText: label }).first();
  await item.waitFor();
  await item.hover();
  await page.waitForTimeout(300);
  await item.click();
}

/** Opens a folder or project row of the Compute Tasks tree (a click toggles it, so only while it is closed). */
export async function expandTreeRow(page: Page, label: string): Promise<void> {
  const item = treeRow(page, label).first();
  await item.waitFor({ timeout: 30_000 });
  for (let i = 0; i < 5 && (await item.getAttribute('aria-expanded')) !== 'true'; i++) {
    await item.click();
    await page.waitForTimeout(300);
  }
}

/**
 * Makes a file the active editor by Quick Open, clicking its row; once more if the editor did not
 * switch (a keypress that arrived while the previous dialog was still closing is lost).
 */
export async function openByQuickOpen(page: Page, name: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input.input').fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
    try {
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 5_000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`could not make ${name} the active editor`);
}
