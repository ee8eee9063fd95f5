// The click path end to end: Debian's Chromium with the unpacked extension, pages served from
// 127.0.0.1, and the real toolbar button (Extensions.triggerAction), as a person uses it.
// One browser for the whole file.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  closeWithButton, hostState, inShadowRoot, launchWithExtension, openOverlay, pageState, pressUntil, serve,
} from './helpers.mjs';

const SEED = '/tests/fixtures/seed/page.html';
const SEED_TITLE = '迟到的普京与热情的金正恩';
const SEED_TEXT = '俄罗斯总统普京时隔24年出访平壤';

// A short page: not an article, but it has text to show when asked.
const SHORT = '/short.html';
const SHORT_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Contact us</title></head>
<body><h1>Contact us</h1><p>Write to the desk at news@example.com.</p></body></html>`;

// An article whose own scripts count how often they run.
const SCRIPTED = '/scripted.html';
const paragraph = 'The council voted on Tuesday to rebuild the old harbour wall, ending a debate that has run for a decade. ';
const SCRIPTED_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Harbour wall to be rebuilt</title>
<script>window.headRuns = (window.headRuns || 0) + 1;</script></head>
<body><article><h1>Harbour wall to be rebuilt</h1>
<p onclick="window.clicked = true">${paragraph.repeat(4)}</p>
<img src="/missing.png" onerror="window.imageErrors = (window.imageErrors || 0) + 1" alt="">
<script>window.bodyRuns = (window.bodyRuns || 0) + 1; document.body.dataset.ran = 'yes';</script>
<p>${paragraph.repeat(3)}</p></article>
<noscript><script>window.noscriptRan = true;</script></noscript></body></html>`;

let server, browser, page;

before(async () => {
  server = await serve({
    pages: { [SHORT]: { body: SHORT_PAGE }, [SCRIPTED]: { body: SCRIPTED_PAGE } },
  });
  browser = await launchWithExtension();
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** `fn(root, arg)` inside the open overlay's shadow root (helpers.mjs). */
const inOverlay = (fn, arg) => inShadowRoot(page, fn, arg);

/** Loads the seed page and leaves it in a state worth restoring: scrolled, typed, focused. */
async function preparedSeed() {
  await page.goto(server.url(SEED));
  await page.fill('input[name=q]', 'typed, not submitted');
  await page.focus('input[name=q]');
  await page.evaluate(() => window.scrollTo(0, 300));
  const state = await pageState(page);
  assert.equal(state.scroll[1], 300, 'the seed page should scroll');
  return state;
}

test('the seed page opens with its title and body text visible', async () => {
  await page.goto(server.url(SEED));
  assert.equal(await openOverlay(browser, page), 'open');
  const title = page.locator('#broadsheet-host [data-part=article] h1').first();
  assert.ok((await title.textContent()).includes(SEED_TITLE));
  assert.ok(await title.isVisible());
  const text = page.locator('#broadsheet-host [data-part=article] p', { hasText: SEED_TEXT }).first();
  assert.ok(await text.isVisible(), 'body text is visible in the overlay');
  // The wasm really ran: the overlay's article is built from the snapshot, not copied markup.
  const ids = await inOverlay((root) => [...root.querySelectorAll('[id^=bs-]')].length);
  assert.ok(ids > 5, `blocks carry bs-<node> anchors (${ids})`);
  assert.equal(await closeWithButton(browser, page), null);
});

test('the data-state contract: host, shadow root and parts', async () => {
  await page.goto(server.url(SEED));
  assert.equal(await openOverlay(browser, page), 'open');
  const contract = await page.evaluate(() => {
    const host = document.getElementById('broadsheet-host');
    const root = host.shadowRoot;
    const has = (selector) => !!root.querySelector(selector);
    return {
      parent: host.parentNode === document.documentElement,
      count: document.querySelectorAll('#broadsheet-host').length,
      open: !!root && root.mode === 'open',
      parts: ['article', 'outline', 'quotes', 'sources'].map((p) => has(`[data-part=${p}]`)),
      actions: ['close', 'copy-quotes'].map((a) => has(`[data-action=${a}]`)),
    };
  });
  assert.deepEqual(contract, {
    parent: true, count: 1, open: true, parts: [true, true, true, true], actions: [true, true],
  });
  // The outline lists the seed's section headings.
  const outline = await inOverlay((root) => root.querySelector('[data-part=outline]').textContent);
  assert.ok(outline.includes('盛大欢迎仪式'), outline);
  assert.equal(await closeWithButton(browser, page), null);
});

for (const [how, close] of [
  ['Escape', async () => { await page.keyboard.press('Escape'); }],
  ['the close button', async () => { await page.locator('#broadsheet-host [data-action=close]').click(); }],
  ['a second click on the toolbar button', async () => { await closeWithButton(browser, page); }],
]) {
  test(`closing with ${how} restores the page exactly`, async () => {
    const before = await preparedSeed();
    assert.equal(await openOverlay(browser, page), 'open');
    const during = await page.evaluate(() => ({
      overflow: getComputedStyle(document.documentElement).overflow,
      focusInOverlay: document.activeElement?.id === 'broadsheet-host',
    }));
    assert.deepEqual(during, { overflow: 'hidden', focusInOverlay: true }, 'scroll locked, focus moved in');
    await close();
    await page.waitForFunction(() => !document.getElementById('broadsheet-host'), null, { timeout: 2000 });
    const restored = await pageState(page);
    assert.equal(restored.html, before.html, 'outerHTML is byte-identical');
    assert.deepEqual(restored.scroll, before.scroll);
    assert.equal(restored.focused, before.focused);
    assert.deepEqual(restored.values, before.values);
  });
}

test('50 open/close cycles leave nothing behind', async () => {
  const before = await preparedSeed();
  for (let i = 0; i < 50; i++) {
    assert.equal(await openOverlay(browser, page), 'open', `open #${i + 1}`);
    // Alternate the three ways out.
    if (i % 3 === 0) await page.keyboard.press('Escape');
    else if (i % 3 === 1) await page.locator('#broadsheet-host [data-action=close]').click();
    else assert.equal(await closeWithButton(browser, page), null, `close #${i + 1}`);
    assert.equal(await hostState(page), null, `closed #${i + 1}`);
  }
  const restored = await pageState(page);
  assert.equal(restored.html, before.html);
  assert.deepEqual(restored.scroll, before.scroll);
  assert.deepEqual(restored.values, before.values);
  // No listener of ours is left: Escape reaches the page's own listeners again (an open overlay
  // stops it in the capture phase).
  const escapes = await page.evaluate(async () => {
    let seen = 0;
    const count = (e) => { if (e.key === 'Escape') seen++; };
    document.addEventListener('keydown', count);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.removeEventListener('keydown', count);
    return seen;
  });
  assert.equal(escapes, 1);
});

test('a page that is not an article gives no-article, and "show it anyway" opens it', async () => {
  await page.goto(server.url(SHORT));
  assert.equal(await openOverlay(browser, page), 'no-article');
  const message = page.locator('#broadsheet-host [data-part=article] h1');
  assert.ok(await message.isVisible());
  await page.locator('#broadsheet-host [data-action=show-anyway]').click();
  await page.waitForFunction(
    () => document.getElementById('broadsheet-host')?.getAttribute('data-state') !== 'no-article',
    null,
    { timeout: 2000 },
  );
  assert.equal(await hostState(page), 'open');
  const text = await inOverlay((root) => root.querySelector('[data-part=article]').textContent);
  assert.ok(text.includes('Write to the desk'), text);
  await page.keyboard.press('Escape');
  assert.equal(await hostState(page), null);
});

test("the page's own scripts and handlers do not run again", async () => {
  await page.goto(server.url(SCRIPTED));
  await page.waitForFunction(() => window.imageErrors === 1);
  const counters = () => page.evaluate(() => ({
    head: window.headRuns, body: window.bodyRuns, images: window.imageErrors,
    clicked: !!window.clicked, noscript: !!window.noscriptRan,
  }));
  const before = await counters();
  assert.deepEqual(before, { head: 1, body: 1, images: 1, clicked: false, noscript: false });
  const html = (await pageState(page)).html;
  assert.equal(await openOverlay(browser, page), 'open');
  // Click the overlay's copy of the paragraph that has an onclick in the page.
  await page.locator('#broadsheet-host [data-part=article] p').first().click();
  await page.waitForTimeout(200); // give a re-fetched image time to fail
  await page.keyboard.press('Escape');
  assert.deepEqual(await counters(), before);
  assert.equal((await pageState(page)).html, html);
});

test('copy quotes puts the citation on the clipboard and says so', async () => {
  await page.goto(server.url(SEED));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('') });
  assert.equal(await openOverlay(browser, page), 'open');
  await page.locator('#broadsheet-host [data-action=copy-quotes]').click();
  await page.waitForFunction(
    () => document.getElementById('broadsheet-host').shadowRoot.querySelector('[data-copied]'),
    null,
    { timeout: 2000 },
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.includes(SEED_TITLE), copied);
  const status = await inOverlay((root) => root.querySelector('[data-copied]').getAttribute('data-copied'));
  assert.equal(status, 'true');
  await page.keyboard.press('Escape');
});

test('outline entries jump to their section in the article', async () => {
  await page.goto(server.url(SEED));
  assert.equal(await openOverlay(browser, page), 'open');
  const button = page.locator('#broadsheet-host [data-part=outline] button', { hasText: '中国的反应' });
  await button.click();
  await page.waitForFunction(() => {
    const root = document.getElementById('broadsheet-host').shadowRoot;
    const target = [...root.querySelectorAll('[data-part=article] h2')].find((h) => h.textContent.includes('中国的反应'));
    const top = target?.getBoundingClientRect().top;
    return top !== undefined && top >= 0 && top < 200;
  }, null, { timeout: 3000 });
  await page.keyboard.press('Escape');
});
