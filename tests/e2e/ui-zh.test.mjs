// The overlay in a Chinese browser: its own strings come from _locales/zh_CN through chrome.i18n.
// Chromium takes its UI language from --lang (set here on a browser launched like helpers.mjs does).
// Saves tests/e2e/artifacts/seed-zh.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, openOverlay, ROOT, serve } from './helpers.mjs';

const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

let server, browser;

/** helpers.mjs's launchWithExtension, with the browser's language set to Simplified Chinese. */
async function launchInChinese() {
  const profile = await mkdtemp(join(tmpdir(), 'broadsheet-e2e-zh-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: [...CHROMIUM_ARGS, '--lang=zh-CN', `--disable-extensions-except=${ROOT}`, `--load-extension=${ROOT}`, '--enable-unsafe-extension-debugging'],
  });
  await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => route.abort());
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  const page = context.pages()[0] || (await context.newPage());
  return {
    context, page, worker, extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serve();
  browser = await launchInChinese();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a Chinese browser gets the overlay in Chinese', async () => {
  const zh = JSON.parse(await readFile(join(ROOT, '_locales', 'zh_CN', 'messages.json'), 'utf8'));
  const { page } = browser;
  await page.goto(server.url('/tests/fixtures/seed/page.html'));
  assert.equal(await openOverlay(browser, page), 'open');
  const words = await page.evaluate(() => {
    const root = document.getElementById('broadsheet-host').shadowRoot;
    return {
      outline: root.getElementById('bs-h-outline').textContent,
      copyQuotes: root.querySelector('[data-action=copy-quotes]').textContent,
      close: root.querySelector('[data-action=close]').getAttribute('aria-label'),
    };
  });
  assert.deepEqual(words, { outline: zh.outline.message, copyQuotes: zh.copyQuotes.message, close: zh.closeHint.message });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(ARTIFACTS, 'seed-zh.png') });
  await page.keyboard.press('Escape');
});
