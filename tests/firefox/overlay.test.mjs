// The extension in Firefox ESR, end to end: headless Firefox through geckodriver (plain WebDriver
// HTTP), the Firefox package (dist/firefox/, from `./build.sh package`) installed as a temporary
// add-on, pages served from 127.0.0.1. geckodriver cannot press the toolbar button, so the reader
// is opened the way a keyboard user opens it: Alt+Shift+R pressed in the browser window, the
// `_execute_action` command, which Firefox treats as a press of the button (it fires
// action.onClicked and grants activeTab). Nothing test-only is built into the add-on.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serve } from '../e2e/helpers.mjs';
import { KEY, Session, missingTools, startGeckodriver } from './webdriver.mjs';

const ADDON = join(ROOT, 'dist', 'firefox');
const SEED = '/tests/fixtures/seed/page.html';
const SEED_TITLE = '迟到的普京与热情的金正恩';
/** How long a shortcut press may take to show its effect before it is pressed again. */
const PRESS_TIMEOUT_MS = 3000;
const PRESS_ATTEMPTS = 3;
const INLINE_MARK = "document.documentElement.dataset.inlineScript = 'ran';";

const skip = missingTools() || (existsSync(join(ADDON, 'manifest.json')) ? null : 'no dist/firefox (./build.sh package)');

let driver;
let session;
let server;

before(async () => {
  if (skip) return;
  server = await serve({
    pages: {
      // The seed article again under the strictest page CSP, with an inline script that marks
      // the page if it runs (it must not: that shows the CSP is in force).
      '/strict.html': {
        body: (await readFile(join(ROOT, SEED), 'utf8')).replace('</head>', `<script>${INLINE_MARK}</script></head>`),
        headers: { 'content-security-policy': "default-src 'none'" },
      },
    },
  });
  // --allow-system-access: the shortcut is pressed in the browser window (see pressKeysInWindow).
  driver = await startGeckodriver(['--allow-system-access']);
  session = await Session.create(driver.url, {
    // No network beyond 127.0.0.1, no first-run pages.
    prefs: { 'network.proxy.type': 0, 'browser.startup.homepage_override.mstone': 'ignore' },
  });
  await session.installAddon(ADDON);
});

after(async () => {
  await session?.close();
  await driver?.stop();
  await server?.close();
});

const hostState = () =>
  session.execute(`return document.getElementById('broadsheet-host')?.getAttribute('data-state') ?? null;`);

/** Polls the overlay host's state until `done(state)` holds or `ms` pass; returns the last state. */
async function waitForState(done, ms) {
  const deadline = Date.now() + ms;
  let state = await hostState();
  while (!done(state) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    state = await hostState();
  }
  return state;
}

/** Presses Alt+Shift+R until the overlay has settled open (or failed); returns the state. */
async function openWithShortcut() {
  let state = null;
  for (let attempt = 0; attempt < PRESS_ATTEMPTS && (state === null || state === 'loading'); attempt++) {
    await session.pressKeysInWindow(KEY.Alt, KEY.Shift, 'R');
    state = await waitForState((s) => s !== null && s !== 'loading', PRESS_TIMEOUT_MS);
  }
  return state;
}

test('Firefox: the shortcut opens the reader on the seed page, Escape closes it', { skip: skip ?? false }, async () => {
  await session.navigate(server.url(SEED));
  assert.equal(await hostState(), null, 'nothing injected before the command');
  assert.equal(await openWithShortcut(), 'open');
  const title = await session.execute(
    `return document.getElementById('broadsheet-host').shadowRoot.querySelector('[data-part=article] h1')?.textContent ?? null;`);
  assert.ok(title && title.includes(SEED_TITLE), `title in the shadow root: ${title}`);
  await session.pressKeys(KEY.Escape);
  assert.equal(await waitForState((s) => s === null, 2000), null, 'Escape closes the overlay');
});

test('Firefox: under a page CSP of default-src none, the reader opens and the page sees no violation', { skip: skip ?? false }, async () => {
  await session.navigate(server.url('/strict.html'));
  const before = await session.execute(`
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => __violations.push(e.blockedURI + ' ' + e.effectiveDirective));
    return document.documentElement.dataset.inlineScript ?? null;`);
  assert.equal(before, null, "the page's CSP is in force (its inline script did not run)");
  // The Firefox package holds the wasm build only (extension/content.js runs it in Firefox), so
  // 'open' (not 'error') shows WebAssembly compiled in the content script despite the page's CSP:
  // Firefox does not apply it there, as Chromium does.
  assert.ok(existsSync(join(ADDON, 'pkg', 'broadsheet_bg.wasm')) && !existsSync(join(ADDON, 'pkg', 'broadsheet_asm.js')), 'the wasm build, alone');
  assert.equal(await openWithShortcut(), 'open');
  const title = await session.execute(
    `return document.getElementById('broadsheet-host').shadowRoot.querySelector('[data-part=article] h1')?.textContent ?? null;`);
  assert.ok(title && title.includes(SEED_TITLE), `title in the shadow root: ${title}`);
  // Nothing the page (or its report-uri) could see: no violation from the extension's code.
  assert.deepEqual(await session.execute('return window.__violations;'), []);
  await session.pressKeys(KEY.Escape);
  assert.equal(await waitForState((s) => s === null, 2000), null);
});

test('Firefox: a second press on the unchanged page reuses the reading, a change makes the next one read afresh', { skip: skip ?? false }, async () => {
  const reading = () => session.execute(`return document.getElementById('broadsheet-host')?.getAttribute('data-reading') ?? null;`);
  const close = async () => {
    await session.pressKeys(KEY.Escape);
    assert.equal(await waitForState((s) => s === null, 2000), null);
  };
  await session.navigate(server.url(SEED));
  assert.equal(await openWithShortcut(), 'open');
  assert.equal(await reading(), 'fresh');
  await close();
  assert.equal(await openWithShortcut(), 'open');
  assert.equal(await reading(), 'kept', 'the page did not change (the watch runs in the content script, through Xray wrappers)');
  await close();
  await session.execute(`document.body.setAttribute('data-changed', 'yes'); return null;`);
  assert.equal(await openWithShortcut(), 'open');
  assert.equal(await reading(), 'fresh');
  await close();
});
