// The scroll lock and classic scrollbars (desktop Linux and Windows; headless hides them unless
// asked). Hiding the page's scrollbar would widen the page and make Chromium lay all of it out
// again, on opening and on closing: the lock gives <html> the scrollbar's width as padding instead
// (src/web/page.rs, `scrollbar_compensation`), so the page's content keeps its width, the overlay
// covers the whole window, and closing puts the `style` attribute back byte for byte.
// One browser for the whole file.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeWithButton, inShadowRoot, launchWithExtension, openOverlay, pageState, serve } from './helpers.mjs';

const paragraph = (i) => `<p>Paragraph ${i}: the council voted on Tuesday to rebuild the old harbour wall, ending a debate `
  + 'that has run for a decade, and the mayor said the work would start in spring, weather permitting. '.repeat(3) + '</p>';
const page = (dir, htmlStyle) => `<!DOCTYPE html><html lang="${dir === 'rtl' ? 'ar' : 'en'}" dir="${dir}"${htmlStyle ? ` style="${htmlStyle}"` : ''}>
<head><meta charset="utf-8"><title>Harbour wall to be rebuilt</title></head>
<body><article><h1>Harbour wall to be rebuilt after a decade of debate</h1><p class="byline">By Ann Writer</p>
${Array.from({ length: 30 }, (_, i) => paragraph(i)).join('\n')}</article></body></html>`;

let server, browser;
before(async () => {
  server = await serve({
    pages: {
      '/ltr.html': { body: page('ltr', 'padding-right: 3px') },
      '/rtl.html': { body: page('rtl') },
    },
  });
  browser = await launchWithExtension({ scrollbars: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** The page's scrollbar width, its article's width and <html>'s `style` attribute. */
const measure = (tab) => tab.evaluate(() => ({
  scrollbar: innerWidth - document.documentElement.clientWidth,
  article: document.querySelector('article').getBoundingClientRect().width,
  style: document.documentElement.getAttribute('style'),
  window: innerWidth,
}));

test('classic scrollbar: opening keeps the page as wide, the overlay covers the window, closing restores', async () => {
  const tab = browser.page;
  await tab.goto(server.url('/ltr.html'));
  const before = await measure(tab);
  assert.ok(before.scrollbar > 0, `the page shows a classic scrollbar (${before.scrollbar} px)`);
  const state = await pageState(tab);
  assert.equal(await openOverlay(browser, tab), 'open');
  const open = await measure(tab);
  assert.equal(open.article, before.article, 'the page content keeps its width under the overlay');
  assert.match(open.style, /^padding-right: 3px; overflow: hidden !important; padding-right: calc\(3px \+ \d+px\) !important;$/);
  const host = await tab.evaluate(() => document.getElementById('broadsheet-host').getBoundingClientRect().width);
  assert.equal(host, open.window, 'the overlay covers the whole window, where the scrollbar was too');
  assert.ok(await inShadowRoot(tab, (root) => root.querySelector('.bs-body') !== null));
  assert.equal(await closeWithButton(browser, tab), null);
  assert.deepEqual(await pageState(tab), state);
  assert.deepEqual(await measure(tab), before);
});

test('classic scrollbar, right-to-left page: the plain lock (the scrollbar may be on the left)', async () => {
  const tab = browser.page;
  await tab.goto(server.url('/rtl.html'));
  const state = await pageState(tab);
  assert.equal(await openOverlay(browser, tab), 'open');
  assert.equal((await measure(tab)).style, 'overflow: hidden !important;');
  assert.equal(await closeWithButton(browser, tab), null);
  assert.deepEqual(await pageState(tab), state);
});
