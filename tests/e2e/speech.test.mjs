// Read aloud end to end, with a stubbed `speechSynthesis`.
//
// The overlay's module runs in the extension's isolated world, so a stub installed in the page's
// main world (page.addInitScript) would not reach it. The stub is installed by the service worker
// with chrome.scripting.executeScript, whose default world is that same isolated world, once the
// first press of the toolbar button has granted activeTab; the overlay is then opened again and
// reads `window.speechSynthesis` and `SpeechSynthesisUtterance` from the stub. The stub records
// every utterance (text, lang, voice, rate), finishes the current one on demand (start, then end)
// and counts cancels. Checked: the sentence highlight follows what is read, skip order (buttons and
// keys), the Chinese voice picked for the Chinese seed among Cantonese, Taiwanese and network
// ones, speed and voice saved and used again, close cancels, click-to-read-from-here, English
// abbreviations in one sentence, voices that arrive late, and the no-voices message.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inShadowRoot, launchWithExtension, openOverlay, ROOT, serve } from './helpers.mjs';

const SEED = '/tests/fixtures/seed/page.html';
const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

const NOT_ARTICLE = '/speech-not-article.html';
const ENGLISH = '/speech-en.html';
const ENGLISH_PAGE = `<!DOCTYPE html><html lang="en"><head><title>The harbour wall</title></head>
<body><main><article><h1>The harbour wall</h1>
${'<p>The harbour council met again on Tuesday evening to weigh the cost of the new wall against the tide tables. It took hours.</p>'.repeat(3)}
<p>Mr. Smith said the U.S. plan costs 3.5 million, e.g. for steel. It was approved by J. K. Jones on Friday.</p>
${'<p>The wall will be finished before the winter storms arrive on the coast, the council said. Nobody objected.</p>'.repeat(3)}
</article></main></body></html>`;

/** Local voices of the stub, and one network voice that must never be used. */
const VOICES = [
  { voiceURI: 'en-us-local', name: 'English (America)', lang: 'en-US', localService: true, default: true },
  { voiceURI: 'zh-hk-local', name: 'Cantonese', lang: 'zh-HK', localService: true, default: false },
  { voiceURI: 'zh-tw-local', name: 'Mandarin (Taiwan)', lang: 'zh-TW', localService: true, default: false },
  { voiceURI: 'zh-cn-network', name: 'Google 普通话（中国大陆）', lang: 'zh-CN', localService: false, default: false },
  { voiceURI: 'zh-cn-local', name: 'Mandarin (China)', lang: 'zh-CN', localService: true, default: false },
];

let server, browser, page;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serve({ pages: { [ENGLISH]: { body: ENGLISH_PAGE }, [NOT_ARTICLE]: { body: '<!DOCTYPE html><title>Links</title><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li></ul>' } } });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 800 } });
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Runs `fn(...args)` in the extension's isolated world of the test page (where the content script
 * and the module run), through the service worker; returns its result.
 */
async function inIsolatedWorld(fn, ...args) {
  const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) || browser.worker;
  return worker.evaluate(`(async () => {
    const [tab] = await chrome.tabs.query({ active: true });
    const [result] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: ${fn.toString()}, args: ${JSON.stringify(args)} });
    return result.result;
  })()`);
}

/** The stub (runs in the isolated world). `voices`: what getVoices() returns until setVoices. */
function installStub(voices) {
  class Utterance extends EventTarget {
    constructor(text = '') {
      super();
      Object.assign(this, { text, lang: '', voice: null, rate: 1, pitch: 1, volume: 1 });
    }
  }
  const synth = new EventTarget();
  const log = { spoken: [], cancels: 0 };
  let queue = [];
  Object.defineProperties(synth, {
    speaking: { get: () => queue.length > 0 },
    pending: { get: () => queue.length > 1 },
    paused: { get: () => false },
  });
  Object.assign(synth, {
    getVoices: () => voices.map((v) => ({ ...v })),
    speak(u) {
      queue.push(u);
      log.spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.voiceURI : null, rate: u.rate });
    },
    cancel() {
      log.cancels += 1;
      const cancelled = queue;
      queue = [];
      for (const u of cancelled) {
        const event = new Event('error');
        event.error = 'interrupted';
        u.dispatchEvent(event);
      }
    },
    pause() {},
    resume() {},
  });
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, get: () => synth });
  window.SpeechSynthesisUtterance = Utterance;
  globalThis.__speechStub = {
    log,
    queued: () => queue.length,
    /** The engine finishes the utterance it is speaking. */
    finish() {
      const u = queue.shift();
      if (!u) return false;
      u.dispatchEvent(new Event('start'));
      u.dispatchEvent(new Event('end'));
      return true;
    },
    setVoices(list) {
      voices = list;
      synth.dispatchEvent(new Event('voiceschanged'));
    },
  };
  return true;
}

/** What the stub saw: `{ spoken, cancels, queued, highlighted }` (the text in `CSS.highlights`). */
function stubState() {
  return inIsolatedWorld(() => {
    const highlight = CSS.highlights.get('bs-speech');
    return {
      spoken: __speechStub.log.spoken,
      cancels: __speechStub.log.cancels,
      queued: __speechStub.queued(),
      highlighted: highlight ? [...highlight].map((r) => r.toString()).join('|') : null,
    };
  });
}

const finishUtterance = () => inIsolatedWorld(() => __speechStub.finish());
const lastSpoken = async () => (await stubState()).spoken.at(-1);

/** `fn(root, arg)` inside the open overlay's shadow root (helpers.mjs). */
const inOverlay = (fn, arg) => inShadowRoot(page, fn, arg);

const overlay = (selector, options) => page.locator(`#broadsheet-host ${selector}`, options);

/** The text of the paragraph marked as being read. */
const readingParagraph = () => inOverlay((root) => root.querySelector('.bs-reading')?.textContent ?? null);

/** The readable blocks, as the test sees them: the title, then body blocks outside figures. */
const readableTexts = () => inOverlay((root) => [
  root.querySelector('.bs-header .bs-title'),
  ...[...root.querySelectorAll('.bs-body :is(p, h2, h3, h4, li, blockquote)')]
    .filter((e) => !e.closest('figure, table, pre') && !e.querySelector('p, li, h2, h3, blockquote') && e.textContent.trim()),
].map((e) => e.textContent));

/** Opens the page, presses the button once for activeTab, installs the stub, opens again. */
async function openWithStub(path, voices) {
  await page.goto(server.url(path));
  assert.equal(await openOverlay(browser, page), 'open');
  await closeOverlay();
  assert.equal(await inIsolatedWorld(installStub, voices), true);
  assert.equal(await openOverlay(browser, page), 'open');
}

async function closeOverlay() {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('broadsheet-host'), null, { timeout: 2000 });
}

async function choose(name, value) {
  if (await inOverlay((root) => root.getElementById('bs-settings').hidden)) {
    await overlay('[data-action=toggle-settings]').click();
  }
  await overlay(`select[data-setting=${name}]`).selectOption(value);
}

const pressed = () => inOverlay((root) => root.querySelector('[data-action=speech-play]').getAttribute('aria-pressed'));

test('Chinese seed: a mainland voice, sentences highlighted as read, skip order, speed and voice saved, close cancels', async () => {
  await openWithStub(SEED, VOICES);
  const blocks = await readableTexts();
  assert.ok(blocks.length > 10, `${blocks.length} readable blocks`);
  assert.equal(await pressed(), 'false');

  // Play: the title first, in Chinese, with the local mainland voice (not Cantonese, not the network one).
  await overlay('[data-action=speech-play]').click();
  assert.equal(await pressed(), 'true');
  let state = await stubState();
  assert.equal(state.spoken.length, 1);
  assert.deepEqual(state.spoken[0], { text: blocks[0].trim(), lang: 'zh-Hans', voice: 'zh-cn-local', rate: 1 });
  assert.equal(state.highlighted, state.spoken[0].text, 'the highlight is the sentence being read');
  assert.equal(await readingParagraph(), blocks[0]);

  // The engine finishes: the next sentence is the first of the first paragraph, ending at 。
  await finishUtterance();
  state = await stubState();
  const first = state.spoken.at(-1);
  assert.ok(blocks[1].startsWith(first.text) && /[。！？”]$/.test(first.text), JSON.stringify(first));
  assert.ok(first.text.length < blocks[1].length || !/[。！？]/.test(blocks[1].slice(0, -1)), 'one sentence, not the paragraph');
  assert.equal(state.highlighted, first.text);
  assert.equal(await readingParagraph(), blocks[1]);
  // Every sentence of that paragraph, in order, then the next paragraph.
  let spokenInParagraph = first.text;
  while ((await readingParagraph()) === blocks[1]) {
    await finishUtterance();
    const next = await lastSpoken();
    if ((await readingParagraph()) === blocks[1]) spokenInParagraph += next.text;
  }
  assert.equal(spokenInParagraph.replace(/\s/g, ''), blocks[1].replace(/\s/g, ''), 'the sentences make up the paragraph');
  assert.equal(await readingParagraph(), blocks[2]);
  assert.equal((await stubState()).highlighted, (await lastSpoken()).text);

  // Skip: next, next by key, previous by key; each reads the first sentence of its paragraph.
  const cancelsBefore = (await stubState()).cancels;
  await overlay('[data-action=speech-next]').click();
  assert.equal(await readingParagraph(), blocks[3]);
  assert.ok(blocks[3].startsWith((await lastSpoken()).text));
  await page.keyboard.press(']');
  assert.equal(await readingParagraph(), blocks[4]);
  assert.ok(blocks[4].startsWith((await lastSpoken()).text));
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  assert.equal(await readingParagraph(), blocks[2]);
  assert.ok(blocks[2].startsWith((await lastSpoken()).text));
  state = await stubState();
  assert.ok(state.cancels >= cancelsBefore + 4, 'each skip cancels what was being said');
  assert.equal(state.queued, 1, 'one utterance at a time');
  await page.screenshot({ path: join(ARTIFACTS, 'speech-seed.png') });

  // Pause with P: nothing queued, the button says so; play again resumes at the same sentence.
  const before = await lastSpoken();
  await page.keyboard.press('p');
  assert.equal(await pressed(), 'false');
  assert.equal((await stubState()).queued, 0);
  await page.keyboard.press('p');
  assert.equal(await pressed(), 'true');
  assert.equal((await lastSpoken()).text, before.text);

  // Speed and voice: the next sentence uses them; the voice list offers local voices only, the
  // article's language first.
  await choose('rate', '150');
  const options = await inOverlay((root) => [...root.querySelectorAll('select[data-setting=voice] option')].map((o) => o.value));
  assert.deepEqual(options, ['', 'zh-cn-local', 'zh-tw-local', 'zh-hk-local', 'en-us-local']);
  await choose('voice', 'zh-tw-local');
  await overlay('[data-action=speech-play]').click(); // pause
  await overlay('[data-action=speech-play]').click(); // play: the same sentence, new settings
  assert.deepEqual({ ...(await lastSpoken()), text: '' }, { text: '', lang: 'zh-Hans', voice: 'zh-tw-local', rate: 1.5 });

  // Closing cancels speech and clears the highlight.
  const cancels = (await stubState()).cancels;
  await closeOverlay();
  state = await stubState();
  assert.ok(state.cancels > cancels, 'close cancels');
  assert.equal(state.queued, 0);
  assert.equal(state.highlighted, null);

  // Saved: the next open shows and uses them.
  assert.equal(await openOverlay(browser, page), 'open');
  await page.waitForFunction(() => document.getElementById('broadsheet-host').shadowRoot.querySelector('select[data-setting=rate]').value === '150', null, { timeout: 2000 });
  assert.equal(await inOverlay((root) => root.querySelector('select[data-setting=voice]').value), 'zh-tw-local');
  await overlay('[data-action=speech-play]').click();
  assert.deepEqual({ ...(await lastSpoken()), text: '' }, { text: '', lang: 'zh-Hans', voice: 'zh-tw-local', rate: 1.5 });
  // Back to the defaults for the other tests.
  await choose('rate', '100');
  await choose('voice', '');
  await closeOverlay();
});

test('English: abbreviations stay in their sentence, a click reads from that paragraph, late voices', async () => {
  // No voices yet: play waits for them; they arrive (voiceschanged) and reading starts.
  await openWithStub(ENGLISH, []);
  await overlay('[data-action=speech-play]').click();
  assert.equal((await stubState()).spoken.length, 0);
  await inIsolatedWorld((voices) => __speechStub.setVoices(voices), VOICES);
  let spoken = await lastSpoken();
  assert.deepEqual(spoken, { text: 'The harbour wall', lang: 'en', voice: 'en-us-local', rate: 1 });

  // A click on a paragraph reads from its first sentence; "Mr.", "U.S.", "3.5", "e.g." and
  // "J. K." do not end sentences.
  await overlay('.bs-body p', { hasText: 'Mr. Smith' }).first().click();
  spoken = await lastSpoken();
  assert.equal(spoken.text, 'Mr. Smith said the U.S. plan costs 3.5 million, e.g. for steel.');
  assert.equal((await stubState()).highlighted, spoken.text);
  await finishUtterance();
  assert.equal((await lastSpoken()).text, 'It was approved by J. K. Jones on Friday.');
  // A drag that selects text does not restart reading.
  const count = (await stubState()).spoken.length;
  const box = await overlay('.bs-body p').last().boundingBox();
  await page.mouse.move(box.x + 4, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 200, box.y + 8, { steps: 5 });
  await page.mouse.up();
  assert.equal((await stubState()).spoken.length, count, 'selecting text does not read from there');
  await closeOverlay();
});

test('no voices: the control says so instead of failing silently', async () => {
  await openWithStub(ENGLISH, []);
  await overlay('[data-action=speech-play]').click();
  // Play waits for voices, then gives up (VOICES_WAIT_MS in src/web/speech.rs).
  await page.waitForFunction(
    () => document.getElementById('broadsheet-host').shadowRoot.querySelector('.bs-shell').hasAttribute('data-speech-unavailable'),
    null, { timeout: 4000 },
  );
  const status = await inOverlay((root) => root.querySelector('.bs-status').textContent);
  assert.match(status, /speech voice/);
  assert.equal(await pressed(), 'false');
  assert.equal((await stubState()).spoken.length, 0);
  await closeOverlay();
});

test('read aloud controls are labelled, and hidden on a page that is not an article', async () => {
  await page.goto(server.url(ENGLISH));
  assert.equal(await openOverlay(browser, page), 'open');
  const labels = await inOverlay((root) => [...root.querySelectorAll('.bs-speech button')].map((b) => [b.dataset.action, b.getAttribute('aria-label'), b.getAttribute('aria-keyshortcuts')]));
  assert.deepEqual(labels, [
    ['speech-previous', 'Previous paragraph ([)', '['],
    ['speech-play', 'Read aloud (P)', 'p'],
    ['speech-next', 'Next paragraph (])', ']'],
  ]);
  assert.equal(await overlay('.bs-speech').isVisible(), true);
  await closeOverlay();
  await page.goto(server.url(NOT_ARTICLE));
  assert.equal(await openOverlay(browser, page), 'no-article');
  assert.equal(await overlay('.bs-speech').isVisible(), false);
  await closeOverlay();
});
