// XSS vectors in otherwise normal articles (tests/e2e/pages/hostile/xss.html): none may fire when
// the overlay opens, is used (outline, copy, links, hover) and closes. Every vector requests
// /trap/NAME when it fires; the server logs those requests. Some vectors fire on page load by
// the page's own doing, so only requests made after load count.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchWithExtension, openOverlay, pageState, serve } from './helpers.mjs';

const PAGE = '/tests/e2e/pages/hostile/xss.html';
// Image loads the page itself makes (its <base> points into /trap/base/, and one srcset): the
// overlay may show the same images again. Anything else under /trap/ is a vector firing.
const PAGE_IMAGES = /^\/trap\/(base\/|srcset$)/;

let server, browser, page;
const traps = [];

before(async () => {
  server = await serve({ onRequest: (path) => { if (path.startsWith('/trap/')) traps.push(path); } });
  browser = await launchWithExtension();
  page = browser.page;
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('') });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('XSS vectors: nothing fires on open, use and close; the page is restored', async () => {
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await page.goto(server.url(PAGE));
  await page.waitForTimeout(500); // the page's own loads and handlers
  const onLoad = new Set(traps);
  const before = await pageState(page);
  const from = traps.length;

  assert.equal(await openOverlay(browser, page), 'open');
  // What the overlay holds: no active content, no script URL, no handler attribute.
  const found = await page.evaluate(() => {
    const root = document.getElementById('broadsheet-host').shadowRoot;
    const bad = [];
    for (const el of root.querySelectorAll('*')) {
      if (/^(script|iframe|object|embed|frame|form|input|button:not([data-action])|math|template|noscript|meta|base|link)$/i.test(el.localName)
        && !(el.localName === 'button')) bad.push(el.localName);
      if (el.localName === 'svg' && el.children.length && !el.closest('button')) bad.push('svg with children');
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name)) bad.push(`${el.localName}[${name}]`);
        if (/^(href|src|action|formaction|poster|cite|data|srcset|xlink:href)$/i.test(name)
          && /^\s*(javascript|vbscript|data:(?!image\/(png|jpe?g|gif|webp|avif)))/i.test(value.replace(/[\u0000-\u0020]/g, '')))
          bad.push(`${el.localName}[${name}=${value.slice(0, 30)}]`);
      }
    }
    return { bad, text: root.querySelector('[data-part=article]').textContent.length };
  });
  assert.deepEqual(found.bad, [], 'no active content in the overlay');
  assert.ok(found.text > 2000, `the article is there (${found.text} chars)`);

  // Use it: every link and button in the article, the outline, copy, hovers.
  const host = page.locator('#broadsheet-host');
  const links = host.locator('[data-part=article] a, [data-part=sources] a');
  for (let i = 0; i < (await links.count()); i++) {
    const href = (await links.nth(i).getAttribute('href')) || '';
    if (/^https?:/i.test(href) || href.startsWith('/')) continue; // a real link would navigate away
    await links.nth(i).click({ timeout: 1000 }).catch(() => {});
  }
  const outline = host.locator('[data-part=outline] button');
  if (await outline.count()) await outline.first().click();
  const copy = host.locator('[data-action=copy-quotes]');
  if (await copy.count()) await copy.click();
  for (const selector of ['[data-part=article] img', '[data-part=article] figcaption', '[data-part=article] p']) {
    const el = host.locator(selector).first();
    if (await el.count()) await el.hover({ timeout: 1000 }).catch(() => {});
  }
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('broadsheet-host'), null, { timeout: 2000 });
  await page.waitForTimeout(500);

  const fired = traps.slice(from).filter((p) => !(PAGE_IMAGES.test(p) && onLoad.has(p)));
  assert.deepEqual(fired, [], 'no vector fired and no trap URL was requested');
  assert.deepEqual(dialogs, []);
  assert.equal(page.url(), server.url(PAGE), 'no navigation');
  assert.equal((await pageState(page)).html, before.html, 'the page is restored exactly');
});
