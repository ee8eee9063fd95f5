// "Pick the content" end to end (src/web/picker.rs): on a page where the automatic extraction
// chooses the wrong block (tests/fixtures/pick/wrong-block: a long letters section beats a short
// report), the reader hovers and clicks the report's text with the mouse, and the overlay rebuilds
// from that container. The page's own handlers count every click, press, hover and key they see:
// none may arrive while picking. Escape cancels; the page is restored exactly after close; a
// remembered choice applies on reload and can be reset; a page that is not an article can be picked.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeWithButton, hostState, launchWithExtension, openOverlay, pageState, panelsReady, serve } from './helpers.mjs';

const WRONG = '/tests/fixtures/pick/wrong-block/page.html';
// What the automatic extraction shows (the letters) and what the report says.
const LETTERS = 'I have lived by the harbour for forty years';
const REPORT = 'said Mayor Ana Silva';
const STORAGE_KEY = 'broadsheetSiteChoices';

// Not an article: two short lines, but the reader knows where the text is.
const HOURS = '/hours.html';
const HOURS_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Opening hours</title>
<script>window.pageClicks = 0; document.addEventListener('click', () => { window.pageClicks += 1; });</script></head>
<body><nav><a href="/">Home</a></nav><h1>Opening hours</h1>
<div id="hours"><p>Monday to Friday: nine to five.</p><p>Saturday: ten to one, closed on holidays.</p></div>
<footer>The Gazette</footer></body></html>`;

// The story inside a custom element's open shadow root (the snapshot reads it: shadow children
// first, then the host's light children), with a light child after it.
const SHADOW = '/shadow.html';
const SHADOW_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Tide tables</title></head>
<body><nav><a href="/">Home</a></nav>
<news-story id="story"><span>Light child.</span></news-story>
<div class="more"><p>${'More from the Gazette, and more, and more again, in a long teaser paragraph. '.repeat(12)}</p></div>
<script>
  document.getElementById('story').attachShadow({ mode: 'open' }).innerHTML =
    '<style>p { margin: 1em 0; }</style><div class="inner"><p>High water on Friday is at six in the morning.</p>' +
    '<p>Low water follows at noon, the harbour master said.</p></div><slot></slot>';
</script></body></html>`;

let server, browser, page;

before(async () => {
  server = await serve({ pages: { [HOURS]: { body: HOURS_PAGE }, [SHADOW]: { body: SHADOW_PAGE } } });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 800 } });
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const overlay = (selector) => page.locator(`#broadsheet-host ${selector}`);
const text = (selector) => overlay(selector).first().textContent();

/** Waits until the host's state is `state` (for `open`, with its outline and quotes filled). */
async function waitForState(state) {
  await page.waitForFunction((s) => document.getElementById('broadsheet-host')?.getAttribute('data-state') === s, state);
  if (state === 'open') await panelsReady(page);
}

/** The extension's stored choices, read in its service worker. */
async function storedChoices() {
  const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) || browser.worker;
  return worker.evaluate((key) => chrome.storage.local.get(key).then((items) => items[key] ?? null), STORAGE_KEY);
}

/** The page's event counters, zeroed. */
function resetPageEvents() {
  return page.evaluate(() => { for (const k of Object.keys(window.pageEvents)) window.pageEvents[k] = 0; window.storyClicks = 0; });
}

/** The viewport point in the middle of the page element `selector`, scrolled into view if needed. */
async function pointAt(selector) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    let r = el.getBoundingClientRect();
    if (r.top < 120 || r.bottom > innerHeight - 20) {
      window.scrollBy(0, r.top - innerHeight / 2);
      r = el.getBoundingClientRect();
    }
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }, selector);
}

/** The outline box's rectangle and the page element's, rounded. */
function boxes(selector) {
  return page.evaluate((sel) => {
    const round = (r) => [r.left, r.top, r.width, r.height].map(Math.round);
    const box = document.getElementById('broadsheet-host').shadowRoot.querySelector('.bs-pick-box');
    return { box: box && !box.hidden ? round(box.getBoundingClientRect()) : null, element: round(document.querySelector(sel).getBoundingClientRect()) };
  }, selector);
}

/** Enters picking from the control `selector`, hovers the report's first paragraph and clicks it. */
async function pickReport(control = '.bs-bar [data-action=pick]') {
  await overlay(control).click();
  await waitForState('picking');
  await resetPageEvents();
  const point = await pointAt('#report p:nth-of-type(2)');
  await page.mouse.move(point.x, point.y);
  const hovered = await boxes('#report');
  assert.deepEqual(hovered.box, hovered.element, 'hovering a paragraph outlines its container');
  await page.mouse.click(point.x, point.y);
  await waitForState('open');
}

test('picking the report fixes a wrong extraction, and the page never sees the picking', async () => {
  await page.goto(server.url(WRONG));
  await page.fill('input[name=q]', 'typed, not submitted');
  await page.fill('textarea[name=note]', 'a note');
  await page.focus('input[name=q]');
  await page.evaluate(() => window.scrollTo(0, 120));
  const before = await pageState(page);
  const bodyBefore = await page.evaluate(() => document.body.outerHTML);

  assert.equal(await openOverlay(browser, page), 'open');
  assert.ok((await text('[data-part=article]')).includes(LETTERS), 'the automatic extraction shows the letters');
  assert.ok(!(await text('[data-part=article]')).includes(REPORT));

  await overlay('.bs-bar [data-action=pick]').click();
  await waitForState('picking');
  await resetPageEvents();
  assert.ok(!(await overlay('.bs-shell').isVisible()), 'the reader is hidden while picking');
  assert.ok(await overlay('.bs-pick-banner').isVisible(), 'the banner shows');
  // Nothing on the page changed: the scroll lock is lifted, the markup is as it was.
  assert.equal(await page.evaluate(() => document.body.outerHTML), bodyBefore);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute('style')), null);

  // Scrolling works while picking.
  const y0 = await page.evaluate(() => window.scrollY);
  await page.mouse.move(640, 500);
  await page.mouse.wheel(0, 300);
  await page.waitForFunction((y) => window.scrollY > y, y0);

  // Hover outlines the container; ArrowUp widens to the body, ArrowDown narrows back.
  const point = await pointAt('#report p:nth-of-type(2)');
  await page.mouse.move(point.x, point.y);
  let seen = await boxes('#report');
  assert.deepEqual(seen.box, seen.element, 'the report is outlined');
  await page.keyboard.press('ArrowUp');
  seen = await boxes('body');
  assert.deepEqual(seen.box, seen.element, 'ArrowUp widens to the body');
  await page.keyboard.press('ArrowDown');
  seen = await boxes('#report');
  assert.deepEqual(seen.box, seen.element, 'ArrowDown narrows back');

  await page.mouse.click(point.x, point.y);
  await waitForState('open');
  const events = await page.evaluate(() => ({ ...window.pageEvents, story: window.storyClicks }));
  assert.deepEqual(events, { click: 0, mousedown: 0, pointerdown: 0, mouseup: 0, mouseover: 0, keydown: 0, story: 0 }, 'no page handler ran while picking');

  // The overlay now shows the report, with its outline, quote and speaker.
  const article = await text('[data-part=article]');
  assert.ok(article.includes(REPORT), article);
  assert.ok(article.includes('Engineers will survey the stones'));
  assert.ok(!article.includes(LETTERS), 'the letters are gone');
  const outline = await text('[data-part=outline]');
  assert.ok(outline.includes('What happens next') && outline.includes('The cost'), outline);
  const quotes = await text('[data-part=quotes]');
  assert.ok(quotes.includes('We will rebuild the wall before winter') && quotes.includes('Ana Silva'), quotes);
  assert.equal(await overlay('[data-part=site-choice]').getAttribute('data-choice'), 'picked');
  assert.equal(await overlay('.bs-pick-box').count(), 0, 'the outline box is gone');

  await page.keyboard.press('Escape');
  assert.equal(await hostState(page), null);
  assert.deepEqual(await pageState(page), before, 'the page is exactly as it was');
});

test('Escape cancels picking and nothing changes', async () => {
  await page.goto(server.url(WRONG));
  await page.evaluate(() => window.scrollTo(0, 60));
  const before = await pageState(page);
  assert.equal(await openOverlay(browser, page), 'open');
  const shown = await text('[data-part=article]');
  await overlay('.bs-bar [data-action=pick]').click();
  await waitForState('picking');
  await resetPageEvents();
  const point = await pointAt('#report p:nth-of-type(2)');
  await page.mouse.move(point.x, point.y);
  await page.keyboard.press('Escape');
  await waitForState('open');
  assert.equal(await text('[data-part=article]'), shown, 'the same article');
  assert.ok(await overlay('[data-part=site-choice]').isHidden(), 'no choice note');
  assert.equal(await overlay('.bs-pick-banner').count(), 0);
  assert.equal(await overlay('.bs-pick-box').count(), 0);
  assert.deepEqual(await page.evaluate(() => ({ ...window.pageEvents })), { click: 0, mousedown: 0, pointerdown: 0, mouseup: 0, mouseover: 0, keydown: 0 });
  // The reader is back, scroll-locked again; a second Escape closes it.
  assert.ok(await overlay('.bs-shell').isVisible());
  await page.keyboard.press('Escape');
  assert.equal(await hostState(page), null);
  assert.deepEqual(await pageState(page), before);
});

test('a remembered choice applies on reload and can be reset', async () => {
  await page.goto(server.url(WRONG));
  assert.equal(await openOverlay(browser, page), 'open');
  await pickReport();
  await overlay('[data-action=remember-choice]').click();
  assert.equal(await overlay('[data-part=site-choice]').getAttribute('data-choice'), 'remembered');
  let stored;
  for (let i = 0; i < 50 && !stored; i++) {
    stored = await storedChoices();
    if (!stored) await page.waitForTimeout(20);
  }
  const site = new URL(server.url('/')).host;
  assert.deepEqual(Object.keys(stored), [site], 'one entry, for this host');
  assert.match(stored[site], /div#report\.dispatch:nth-child\(\d+\)$/, stored[site]);
  assert.equal(await closeWithButton(browser, page), null);

  // Reload: the remembered container is used, with the note.
  await page.reload();
  assert.ok(['open', 'no-article'].includes(await openOverlay(browser, page)));
  await page.waitForFunction(() => document.getElementById('broadsheet-host')?.shadowRoot
    .querySelector('[data-part=site-choice]')?.getAttribute('data-choice') === 'remembered');
  assert.equal(await hostState(page), 'open');
  assert.ok((await text('[data-part=article]')).includes(REPORT));
  assert.ok(await overlay('[data-action=reset-choice]').isVisible());

  // Reset: automatic again, and forgotten.
  await overlay('[data-action=reset-choice]').click();
  await page.waitForFunction(() => document.getElementById('broadsheet-host')?.shadowRoot.querySelector('[data-part=site-choice]')?.hidden);
  assert.ok((await text('[data-part=article]')).includes(LETTERS));
  for (let i = 0; i < 50 && (await storedChoices())?.[site]; i++) await page.waitForTimeout(20);
  assert.deepEqual(await storedChoices(), {});
  assert.equal(await closeWithButton(browser, page), null);
  await page.reload();
  assert.equal(await openOverlay(browser, page), 'open');
  await page.waitForTimeout(200); // storage has answered by now
  assert.ok((await text('[data-part=article]')).includes(LETTERS));
  assert.ok(await overlay('[data-part=site-choice]').isHidden());
  assert.equal(await closeWithButton(browser, page), null);
});

test('a stored choice that does not fit the page leaves the automatic extraction, with a note', async () => {
  await page.goto(server.url(WRONG));
  const site = new URL(server.url('/')).host;
  const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) || browser.worker;
  await worker.evaluate(([key, site]) => chrome.storage.local.set({ [key]: { [site]: 'html > body > table > tr' } }), [STORAGE_KEY, site]);
  assert.equal(await openOverlay(browser, page), 'open');
  await page.waitForFunction(() => document.getElementById('broadsheet-host')?.shadowRoot
    .querySelector('[data-part=site-choice]')?.getAttribute('data-choice') === 'stale');
  assert.ok((await text('[data-part=article]')).includes(LETTERS));
  await overlay('[data-action=reset-choice]').click();
  for (let i = 0; i < 50 && (await storedChoices())?.[site]; i++) await page.waitForTimeout(20);
  assert.deepEqual(await storedChoices(), {});
  assert.equal(await closeWithButton(browser, page), null);
});

test('a page that is not an article can be picked', async () => {
  await page.goto(server.url(HOURS));
  const before = await pageState(page);
  assert.equal(await openOverlay(browser, page), 'no-article');
  await overlay('.bs-notice [data-action=pick]').click();
  await waitForState('picking');
  await page.evaluate(() => { window.pageClicks = 0; });
  const point = await pointAt('#hours p');
  await page.mouse.move(point.x, point.y);
  const seen = await boxes('#hours');
  assert.deepEqual(seen.box, seen.element, 'the block of hours is outlined');
  await page.mouse.click(point.x, point.y);
  await waitForState('open');
  assert.equal(await page.evaluate(() => window.pageClicks), 0);
  const article = await text('[data-part=article]');
  assert.ok(article.includes('Monday to Friday') && article.includes('Saturday'), article);
  assert.equal(await closeWithButton(browser, page), null);
  assert.deepEqual(await pageState(page), before);
});

test("text in a page's open shadow root can be picked", async () => {
  await page.goto(server.url(SHADOW));
  assert.ok(['open', 'no-article'].includes(await openOverlay(browser, page)));
  await overlay('.bs-bar [data-action=pick]').click();
  await waitForState('picking');
  const point = await page.evaluate(() => {
    const r = document.getElementById('story').shadowRoot.querySelector('p').getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  await waitForState('open');
  const article = await text('[data-part=article]');
  assert.ok(article.includes('High water on Friday') && article.includes('Low water follows'), article);
  assert.ok(!article.includes('More from the Gazette'), article);
  assert.equal(await closeWithButton(browser, page), null);
});

test('the toolbar button closes the reader while picking, and the page is restored', async () => {
  await page.goto(server.url(WRONG));
  await page.evaluate(() => window.scrollTo(0, 80));
  const before = await pageState(page);
  assert.equal(await openOverlay(browser, page), 'open');
  await overlay('.bs-bar [data-action=pick]').click();
  await waitForState('picking');
  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => window.scrollY > 80);
  assert.equal(await closeWithButton(browser, page), null);
  assert.deepEqual(await pageState(page), before);
});
