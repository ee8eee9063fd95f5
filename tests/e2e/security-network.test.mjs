// Nothing sent: while the overlay is opened, used and closed, every network request the browser
// makes (Playwright's request log, plus the test server's own log) is one the page itself made
// when it loaded, or an image the page's markup names (the overlay shows the article's images,
// lazy ones included) — and nothing else.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, openOverlay, serve } from './helpers.mjs';

const SEED = '/tests/fixtures/seed/page.html';
let server, browser, page;
const served = [];

before(async () => {
  server = await serve({ onRequest: (path) => served.push(path) });
  browser = await launchWithExtension();
  page = browser.page;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('') });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the extension makes no network request of its own', async () => {
  const requests = [];
  const log = (request) => requests.push(request.url());
  browser.context.on('request', log);
  await page.goto(server.url(SEED));
  await page.waitForLoadState('networkidle');
  const pageLoads = new Set(requests.filter((u) => /^https?:/.test(u)));
  const servedOnLoad = new Set(served);
  // Every URL the page's images name, lazy-loading attributes included, resolved against the page.
  const pageImages = new Set(await page.evaluate(() => [...document.querySelectorAll('img, source')].flatMap((el) =>
    [...el.attributes].flatMap((a) => a.value.split(',').map((part) => part.trim().split(/\s+/)[0]))
      .filter(Boolean).map((v) => { try { return new URL(v, document.baseURI).href; } catch { return null; } })
      .filter(Boolean))));
  const from = requests.length, servedFrom = served.length;

  assert.equal(await openOverlay(browser, page), 'open');
  const host = page.locator('#broadsheet-host');
  await host.locator('[data-part=outline] button').first().click();
  await host.locator('[data-action=copy-quotes]').click();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(500);
  browser.context.off('request', log);

  const network = requests.slice(from).filter((u) => /^(https?|wss?):/.test(u));
  const extra = network.filter((u) => !pageLoads.has(u) && !pageImages.has(u));
  // (The extension's own files load from chrome-extension:// URLs, never from the network.)
  assert.deepEqual(extra, [], 'every request during use was a page load or one of its images');
  const newOnServer = served.slice(servedFrom).filter((p) => !servedOnLoad.has(p) && !pageImages.has(server.url(p)));
  assert.deepEqual(newOnServer, [], 'the server saw nothing new');
});
