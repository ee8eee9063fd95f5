// A second press on a page that has not changed reuses what the first one read (src/web/kept.rs):
// the host says `data-reading="kept"` and shows the same article and panels. Any change to the page
// — made while the reader was closed or while it was open, to text, nodes or attributes — or a new
// window size makes the next press read the page afresh (`data-reading="fresh"`) and show the change.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeWithButton, inShadowRoot, launchWithExtension, openOverlay, serve } from './helpers.mjs';

const SEED = '/tests/fixtures/seed/page.html';
const STORY = '/story.html';
const sentence = 'The harbour council met again on Tuesday evening to weigh the cost of the new wall against the tide tables. ';
const STORY_PAGE = `<!DOCTYPE html><html lang="en"><head><title>The harbour wall</title></head>
<body><article><h1>The harbour wall</h1>
<p id="first">${sentence.repeat(4)}</p>
<p id="second">${sentence.repeat(3)} "We will build it this year," said Mary Jones, the council's leader.</p>
<p id="third">${sentence.repeat(4)}</p></article></body></html>`;

// The story with a custom element: never defined, or defined by the page's own script.
const WAITING = '/waiting.html';
const DEFINED = '/defined.html';
const withNote = (script) => STORY_PAGE.replace('<p id="third">', `<story-note>Editor's note: the figures were updated.</story-note>${script}<p id="third">`);

let server, browser, page;

before(async () => {
  server = await serve({
    pages: {
      [STORY]: { body: STORY_PAGE },
      [WAITING]: { body: withNote('') },
      [DEFINED]: { body: withNote("<script>customElements.define('story-note', class extends HTMLElement {});</script>") },
    },
  });
  browser = await launchWithExtension();
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const reading = () => page.evaluate(() => document.getElementById('broadsheet-host')?.getAttribute('data-reading') ?? null);
/** The overlay's article, outline and quotes as markup. */
const shown = () => inShadowRoot(page, (root) => ['article', 'outline', 'quotes', 'sources'].map((p) => root.querySelector(`[data-part=${p}]`).innerHTML));
const articleText = () => inShadowRoot(page, (root) => root.querySelector('[data-part=article]').textContent);

/** Opens (must settle `open`) and returns how the page was read. */
async function open() {
  assert.equal(await openOverlay(browser, page), 'open');
  return reading();
}

async function close() {
  assert.equal(await closeWithButton(browser, page), null);
}

test('a second press on an unchanged page reuses the reading: same article, outline, quotes, sources', async () => {
  await page.goto(server.url(SEED));
  assert.equal(await open(), 'fresh');
  const first = await shown();
  await close();
  assert.equal(await open(), 'kept', "the reader's own changes (its host, the scroll lock) do not count");
  assert.deepEqual(await shown(), first);
  await close();
  assert.equal(await open(), 'kept', 'and again');
  await close();
});

test('a change to the text while the reader was closed: read afresh, the change shown', async () => {
  await page.goto(server.url(STORY));
  assert.equal(await open(), 'fresh');
  await close();
  await page.evaluate(() => { document.getElementById('third').firstChild.data = 'An entirely new closing paragraph arrived.'; });
  assert.equal(await open(), 'fresh');
  assert.match(await articleText(), /An entirely new closing paragraph arrived\./);
  await close();
});

test('a change while the reader was open: the next press reads afresh', async () => {
  await page.goto(server.url(STORY));
  assert.equal(await open(), 'fresh');
  // The page goes on updating under the reader.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'Update: the vote was postponed to Thursday.';
    document.querySelector('article').append(p);
  });
  await close();
  assert.equal(await open(), 'fresh');
  assert.match(await articleText(), /Update: the vote was postponed to Thursday\./);
  await close();
});

test('an attribute change (a paragraph hidden) reads afresh and the paragraph is gone', async () => {
  await page.goto(server.url(STORY));
  assert.equal(await open(), 'fresh');
  assert.match(await articleText(), /said Mary Jones/);
  await close();
  await page.evaluate(() => { document.getElementById('second').hidden = true; });
  assert.equal(await open(), 'fresh');
  assert.doesNotMatch(await articleText(), /said Mary Jones/);
  await close();
});

test('a new window size reads afresh (media queries can show or hide content)', async () => {
  await page.goto(server.url(STORY));
  assert.equal(await open(), 'fresh');
  await close();
  const size = page.viewportSize();
  await page.setViewportSize({ width: size.width - 100, height: size.height });
  try {
    assert.equal(await open(), 'fresh');
    await close();
  } finally {
    await page.setViewportSize(size);
  }
});

test('a custom element waiting for its definition: never reused (its upgrade may change what shows unseen); defined, it is', async () => {
  await page.goto(server.url(WAITING));
  assert.equal(await open(), 'fresh');
  await close();
  assert.equal(await open(), 'fresh', 'an undefined <story-note> keeps the reading from being reused');
  await close();
  await page.goto(server.url(DEFINED));
  assert.equal(await page.evaluate(() => !!customElements.get('story-note')), true, "the page's script defined it");
  assert.equal(await open(), 'fresh');
  await close();
  assert.equal(await open(), 'kept');
  await close();
});
