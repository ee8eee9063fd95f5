// Bad and huge input, end to end: deep, huge, malformed, frameset, empty and plain-text pages, text
// in open shadow roots, pages that break the main world's prototypes, pages that rewrite
// themselves, and a forced panic in the module. Each gets the right state (`open` with the article,
// `no-article`, or `error` with its `data-error` reason), the page is exactly as before after
// closing (markup, scroll, focus, typed values, the style attributes the overlay changes), and the
// page sees no error of ours. Every page is generated here and served from memory.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeWithButton, hostState, launchWithExtension, openOverlay, pressButton, pressUntil, serve } from './helpers.mjs';

/** A paragraph of article text; `n` makes each one different. */
const para = (n) => `<p>Paragraph ${n}: the harbour council met again on Tuesday to weigh the cost of the new sea wall, `
  + `and residents who had waited a decade for the decision filled the hall to hear the vote, which passed.</p>`;
const ARTICLE = Array.from({ length: 8 }, (_, i) => para(i)).join('\n');
const FORM = '<form><input id="name" name="name" value=""><textarea id="note" name="note"></textarea></form>';
const page = (body, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour wall vote</title>${head}</head>`
  + `<body>${FORM}<article><h1>Harbour wall vote</h1>${body}</article><div style="height:3000px"></div></body></html>`;

/** Blocks of <div><p>sentence</p></div>: about 3 nodes and 90 bytes each. */
function hugePage(blocks) {
  const parts = [];
  for (let i = 0; i < blocks; i++) parts.push(`<div class="c"><p>Paragraph ${i} of a very long page, with words.</p></div>`);
  return `<!DOCTYPE html><html lang="en"><head><title>Huge</title></head><body>${FORM}<article>${parts.join('\n')}</article></body></html>`;
}

/** The article, then `levels` nested elements (over or under the node limit). */
const deepPage = (levels) => page(`${ARTICLE}<div id="deep" style="display:none"></div>`, `<script>
    addEventListener('DOMContentLoaded', () => {
      let at = document.getElementById('deep');
      for (let i = 0; i < ${levels}; i++) { const d = document.createElement('div'); at.appendChild(d); at = d; }
      at.textContent = 'the bottom';
    });</script>`);

const PAGES = {
  // Nested elements built by script (the HTML parser itself stops nesting at 512). They sit in a
  // display:none box: Chromium's own renderer crashes on 5,000 rendered levels.
  '/deep.html': deepPage(100_000),
  '/deep-60k.html': deepPage(60_000),
  '/deep-40k.html': deepPage(40_000),
  // The same nesting written as markup: the parser caps it, the article follows.
  '/deep-markup.html': page(`${'<div>'.repeat(100000)}${ARTICLE}${'</div>'.repeat(100000)}`),
  // About 30 MB of markup (~1,000,000 nodes) and 30 MB of text in one element.
  '/huge.html': hugePage(340_000),
  '/huge-text.html': `<!DOCTYPE html><html><head><title>Log</title></head><body>${FORM}<pre>${'A line of a very long log file, repeated.\n'.repeat(720_000)}</pre></body></html>`,
  '/malformed.html': `<html><head><title>Harbour wall vote</title><body>${FORM}<article><h1>Harbour wall vote<h2>sub</h1>
    <p>Unclosed <b>bold <i>both</b> italic</i> ${para(1).slice(3)} <table><p>para in table<tr><td>cell<div>${para(2)}</td></table>
    </div></div></span>${para(3)}<p>${para(4)}<li>stray item<p>${para(5)}<![CDATA[ x ]]><!-- unclosed comment ${para(6)}`,
  '/frameset.html': `<!DOCTYPE html><html><head><title>Frames</title></head><frameset cols="50%,50%">
    <frame src="/frame-a.html"><frame src="/frame-b.html"></frameset></html>`,
  '/frame-a.html': page(ARTICLE),
  '/frame-b.html': '<html><body><p>Menu</p></body></html>',
  '/empty.html': '<html></html>',
  '/plain.txt': { body: `Harbour wall vote\n\n${ARTICLE.replace(/<\/?p>/g, '')}`, headers: { 'content-type': 'text/plain; charset=utf-8' } },
  '/shadow.html': page('<story-body></story-body>', `<script>
    customElements.define('story-body', class extends HTMLElement {
      connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = ${JSON.stringify(ARTICLE)}; }
    });</script>`),
  // The main world's prototypes and globals broken before the click; the content script's world
  // has its own. A custom element on the page throws whenever it is connected.
  // A page that defines custom elements under names a reader might use for its host: creating one
  // would run the page's constructor, and `disabledFeatures` refuses a shadow root.
  '/custom-names.html': page(ARTICLE, `<script>
    for (const name of ['broadsheet-reader', 'broadsheet-host', 'reader-overlay']) {
      customElements.define(name, class extends HTMLElement {
        static disabledFeatures = ['shadow'];
        constructor() { super(); window.__pageCode = (window.__pageCode || 0) + 1; }
      });
    }</script>`),
  '/prototypes.html': page(`${ARTICLE}<bad-widget></bad-widget>`, `<script>
    customElements.define('bad-widget', class extends HTMLElement { connectedCallback() { throw new Error('widget'); } });
    window.addEventListener('error', (e) => { if (e.message.includes('widget')) e.preventDefault(); });
    addEventListener('load', () => {
      Element.prototype.querySelector = null;
      Document.prototype.querySelector = null;
      JSON.parse = () => { throw new Error('JSON.parse broken'); };
      JSON.stringify = () => '{}';
      Node.prototype.appendChild = function () { throw new Error('appendChild broken'); };
      Node.prototype.insertBefore = function () { throw new Error('insertBefore broken'); };
      Array.prototype.map = function () { return []; };
      Array.prototype.push = function () { return 0; };
      Object.defineProperty(document, 'body', { get() { return null; } });
      Object.defineProperty(document, 'documentElement', { get() { return null; } });
      window.getComputedStyle = () => ({ getPropertyValue: () => 'none' });
      Element.prototype.attachShadow = function () { throw new Error('attachShadow broken'); };
      Promise.prototype.then = function () { throw new Error('then broken'); };
      window.MutationObserver = function () { throw new Error('MutationObserver broken'); };
    });</script>`),
  // Rewrites part of the body every 20 ms and jumps back to the top; the overlay's host is left alone.
  '/mutating.html': page(`${ARTICLE}<div id="ticker"></div>`, `<script>
    addEventListener('load', () => {
      let n = 0;
      setInterval(() => {
        document.getElementById('ticker').innerHTML = '<span>tick ' + (++n) + '</span>';
        if (window.resetScroll) window.scrollTo(0, 0);
      }, 20);
    });</script>`),
  // Removes every element it does not know from <html> as soon as it appears: the overlay's host too.
  '/hostile-root.html': page(ARTICLE, `<script>
    addEventListener('load', () => {
      new MutationObserver(() => {
        for (const el of [...document.documentElement.children]) {
          if (el.localName !== 'head' && el.localName !== 'body') el.remove();
        }
      }).observe(document.documentElement, { childList: true });
    });</script>`),
  '/article.html': page(ARTICLE),
};

let server, browser, tab;
/** Errors the page could see: console errors and uncaught exceptions, recorded per test. */
let pageErrors = [];

/** A fresh tab for each page: a crash of one page (Chromium's own) must not end the others. */
async function freshTab() {
  await tab?.close().catch(() => {});
  tab = await browser.context.newPage();
  tab.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`); });
  tab.on('pageerror', (e) => pageErrors.push(`pageerror: ${e.message}`));
  tab.on('crash', () => pageErrors.push('the page crashed'));
}

before(async () => {
  const pages = {};
  for (const [path, spec] of Object.entries(PAGES)) pages[path] = typeof spec === 'string' ? { body: spec } : spec;
  server = await serve({ pages });
  browser = await launchWithExtension();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The page's state: the whole tree serialized by an iterative walk (Chromium's own `outerHTML`
 * recurses and crashes the renderer on a 100,000-level page) — or its length and hash when large —
 * scroll, focus, typed values, and the two style attributes the overlay changes while open. The
 * overlay's host is left out when `withoutHost`. Only built-ins the hostile pages leave alone.
 */
function capture(withoutHost = false) {
  return tab.evaluate((withoutHost) => {
    const parts = [];
    const emit = (node) => {
      if (node.nodeType === 1) {
        let tag = `<${node.nodeName}`;
        for (let i = 0; i < node.attributes.length; i++) tag += ` ${node.attributes[i].name}="${node.attributes[i].value}"`;
        parts.push(`${tag}>`);
      } else {
        parts.push(`#${node.nodeType}:${node.nodeValue ?? node.nodeName}`);
      }
    };
    const skip = (node) => withoutHost && node.nodeType === 1 && node.id === 'broadsheet-host' && node.localName === 'div';
    let node = document.firstChild;
    while (node) {
      if (!skip(node)) emit(node);
      if (!skip(node) && node.firstChild) { node = node.firstChild; continue; }
      while (node && !node.nextSibling) {
        node = node.parentNode;
        if (node && node.nodeType === 1) parts.push(`</${node.nodeName}>`);
        if (node === document) node = null;
      }
      if (node) node = node.nextSibling;
    }
    const html = parts.join('');
    let hash = 0x811c9dc5;
    for (let i = 0; i < html.length; i++) hash = Math.imul(hash ^ html.charCodeAt(i), 0x01000193) >>> 0;
    const active = document.activeElement;
    const values = [];
    const fields = Document.prototype.querySelectorAll.call(document, 'input, textarea');
    for (let i = 0; i < fields.length; i++) values[i] = fields[i].value;
    const root = Document.prototype.__lookupGetter__('documentElement').call(document);
    const body = Document.prototype.__lookupGetter__('body').call(document);
    return {
      html: html.length < 200_000 ? html : `${html.length} chars, hash ${hash}`,
      scroll: [window.scrollX, window.scrollY],
      focused: active ? `${active.localName}#${active.id}` : null,
      values,
      styles: [root && root.getAttribute('style'), body && body.getAttribute('style')],
    };
  }, withoutHost);
}

/** Loads `path` and leaves it worth restoring: typed values, focus, scrolled when it can be. */
async function load(path, { type = true } = {}) {
  await freshTab();
  await tab.goto(server.url(path), { timeout: 120_000 });
  await tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  if (type && (await tab.locator('#name').count())) {
    await tab.fill('#note', 'a note, typed');
    await tab.fill('#name', 'typed, not submitted');
    await tab.focus('#name');
  }
  await tab.evaluate(() => window.scrollTo(0, 200));
  pageErrors = [];
  return capture();
}

/** The open overlay's article text, or the error detail. */
function overlayText() {
  return tab.evaluate(() => document.getElementById('broadsheet-host')?.shadowRoot?.querySelector('[data-part=article], div')?.textContent ?? '');
}

/** Opens with the toolbar button, checks the state, closes, checks the page is as before. */
async function roundTrip(path, expect, { text, error, close = 'button' } = {}) {
  const before = await load(path);
  const state = await openOverlay(browser, tab);
  assert.ok([expect].flat().includes(state), `${path}: state ${state}, expected ${expect}`);
  if (error) assert.equal(await tab.evaluate(() => document.getElementById('broadsheet-host').getAttribute('data-error')), error);
  if (text) assert.ok((await overlayText()).includes(text), `${path}: the overlay shows "${text}"`);
  if (close === 'escape') {
    await tab.keyboard.press('Escape');
    // Polled by hand: Playwright's waitForFunction uses the main world's MutationObserver.
    for (let t = 0; (await hostState(tab)) !== null; t += 50) {
      assert.ok(t < 3000, `${path}: Escape closes`);
      await tab.waitForTimeout(50);
    }
  } else {
    assert.equal(await closeWithButton(browser, tab), null, `${path}: closes`);
  }
  assert.deepEqual(await capture(), before, `${path}: the page is exactly as before`);
  assert.deepEqual(pageErrors, [], `${path}: no error reached the page`);
  return state;
}

/** The extension's service worker as it is now (it may have been restarted). */
function worker() {
  return browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) || browser.worker;
}

/** Milliseconds from the button press to a settled state, measured in the page (rAF). */
async function timedOpen() {
  await tab.evaluate(() => {
    window.__settled = null;
    const check = () => {
      const s = document.getElementById('broadsheet-host')?.getAttribute('data-state');
      if (s && s !== 'loading') window.__settled = [Date.now(), s];
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const t0 = Date.now();
  await pressButton(browser, tab);
  for (;;) {
    const settled = await tab.evaluate(() => window.__settled);
    if (settled) return { ms: settled[0] - t0, state: settled[1] };
    if (Date.now() - t0 > 30_000) return { ms: Infinity, state: await hostState(tab) };
    await tab.waitForTimeout(20);
  }
}

test('100,000 levels of nesting built by script: over the node limit, "too large", the page is restored', async () => {
  // Closing used to crash Chromium 156's renderer here: the host's `contain: strict` (its style
  // containment) made removing it walk the page recursively; overlay.css no longer asks for it.
  await roundTrip('/deep.html', 'error', { error: 'too-large', text: 'too large' });
  await roundTrip('/deep.html', 'error', { error: 'too-large', text: 'too large', close: 'escape' });
});

test('60,000 levels of nesting: "too large", the page is restored', async () => {
  await roundTrip('/deep-60k.html', 'error', { error: 'too-large', text: 'too large' });
});

test('40,000 levels of nesting (under the node limit): the article opens, the page is restored', async () => {
  await roundTrip('/deep-40k.html', 'open', { text: 'Paragraph 7', close: 'escape' });
});

test('100,000 nested tags in the markup (the parser flattens them past 512): "too large", restored', async () => {
  await roundTrip('/deep-markup.html', 'error', { error: 'too-large' });
});

for (const [path, what] of [['/huge.html', '~1,000,000 nodes'], ['/huge-text.html', '30 MB of text']]) {
  test(`a 30 MB page (${what}): the "too large" message comes at once, the page is restored`, async () => {
    const before = await load(path);
    // The first press in a tab also loads the module; both presses must come back quickly.
    const first = await timedOpen();
    assert.equal(first.state, 'error');
    assert.equal(await tab.evaluate(() => document.getElementById('broadsheet-host').getAttribute('data-error')), 'too-large');
    assert.match(await overlayText(), /too large/);
    assert.equal(await closeWithButton(browser, tab), null);
    const later = await timedOpen();
    assert.equal(later.state, 'error');
    console.log(`# ${path}: press → "too large" message ${first.ms} ms (first press, module load included), ${later.ms} ms (later press)`);
    // A hang guard only (tests must not depend on the machine's speed): the aim is under 1 s.
    assert.ok(first.ms < 5000 && later.ms < 5000, `the message came in ${first.ms} / ${later.ms} ms`);
    assert.equal(await closeWithButton(browser, tab), null);
    assert.deepEqual(await capture(), before, 'the page is exactly as before');
    assert.deepEqual(pageErrors, []);
  });
}

test('malformed HTML: the article opens, the page is restored', async () => {
  await roundTrip('/malformed.html', 'open', { text: 'Paragraph 5' });
});

test('a frameset page: a clear message, the page is restored', async () => {
  await roundTrip('/frameset.html', ['no-article', 'error']);
});

test('an empty page (<html></html>): not an article, the page is restored', async () => {
  await roundTrip('/empty.html', 'no-article');
});

test('a text/plain page: its text or a clear message, the page is restored', async () => {
  await roundTrip('/plain.txt', ['open', 'no-article'], { close: 'escape' });
});

test('text in an open shadow root: the article opens with it', async () => {
  await roundTrip('/shadow.html', 'open', { text: 'Paragraph 6' });
});

test('a page that broke its prototypes and globals: the overlay still opens and closes cleanly', async () => {
  await roundTrip('/prototypes.html', 'open', { text: 'Paragraph 3' });
  await roundTrip('/prototypes.html', 'open', { text: 'Paragraph 3', close: 'escape' });
});

test('a page that rewrites itself and resets its scroll: opens, and closing puts back what we changed', async () => {
  await load('/mutating.html');
  const before = await capture();
  await tab.evaluate(() => { window.resetScroll = false; });
  assert.equal(await openOverlay(browser, tab), 'open');
  assert.ok((await overlayText()).includes('Paragraph 7'));
  await tab.evaluate(() => { window.resetScroll = true; });
  await tab.waitForTimeout(300);
  assert.equal(await hostState(tab), 'open', 'the overlay stays while the page churns');
  await tab.evaluate(() => { window.resetScroll = false; });
  assert.equal(await closeWithButton(browser, tab), null);
  const after = await capture();
  // The ticker moved on and the page scrolled itself to the top; the rest is ours to restore.
  assert.deepEqual(after.styles, before.styles, 'no scroll lock left');
  assert.deepEqual(after.values, before.values);
  assert.equal(after.focused, before.focused);
  assert.deepEqual(pageErrors, []);
});

test('a page defining custom elements under reader-like names: opens, none of its code runs', async () => {
  await roundTrip('/custom-names.html', 'open', { text: 'Paragraph 3' });
  assert.equal(await tab.evaluate(() => window.__pageCode ?? 0), 0, 'no page constructor ran');
});

test('a page that removes our host: the reader closes itself and leaves the page as it was', async () => {
  const before = await load('/hostile-root.html');
  for (let press = 0; press < 2; press++) {
    await pressButton(browser, tab);
    await tab.waitForTimeout(700);
    assert.equal(await hostState(tab), null, 'the host was taken down');
    assert.deepEqual(await capture(), before, 'no scroll lock, focus and scroll back');
  }
  assert.deepEqual(pageErrors, []);
});

for (const phase of ['snapshot', 'render', 'locked']) {
  test(`a panic in the module (${phase}): the error state, the page untouched, the next clicks work`, async () => {
    await worker().evaluate((phase) => chrome.storage.local.set({ broadsheetFault: phase }), phase);
    try {
      const before = await load('/article.html');
      const state = await openOverlay(browser, tab);
      assert.equal(state, 'error');
      assert.equal(await tab.evaluate(() => document.getElementById('broadsheet-host').getAttribute('data-error')), 'panic');
      assert.deepEqual(await capture(true), before, 'the page is untouched under the message');
      // The next click closes the message; the one after loads a fresh module and opens.
      assert.equal(await closeWithButton(browser, tab), null);
      assert.deepEqual(await capture(), before);
      await worker().evaluate(() => chrome.storage.local.remove('broadsheetFault'));
      assert.equal(await pressUntil(browser, tab, (s) => s === 'open'), 'open');
      assert.ok((await overlayText()).includes('Paragraph 7'));
      assert.equal(await closeWithButton(browser, tab), null);
      assert.deepEqual(await capture(), before, 'the page is exactly as before');
      assert.deepEqual(pageErrors, []);
    } finally {
      await worker().evaluate(() => chrome.storage.local.remove('broadsheetFault')).catch(() => {});
    }
  });
}
