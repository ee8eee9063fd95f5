// The extension in Firefox ESR, end to end: headless Firefox through geckodriver (plain WebDriver
// HTTP), the Firefox package (dist/firefox/, from `./build.sh package`) installed as a temporary
// add-on, pages served from 127.0.0.1. geckodriver cannot press the toolbar button, so the reader
// is opened the way a keyboard user opens it: the Alt+Shift+R command (`_execute_action`), which
// Firefox treats as a press of the button (it fires action.onClicked and grants activeTab).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, serve } from '../e2e/helpers.mjs';
import { KEY, Session, missingTools, startGeckodriver } from './webdriver.mjs';

const ADDON = join(ROOT, 'dist', 'firefox');
const SEED = '/tests/fixtures/seed/page.html';
const SEED_TITLE = '迟到的普京与热情的金正恩';
/** How long a shortcut press may take to show its effect before it is pressed again. */
const PRESS_TIMEOUT_MS = 3000;
const PRESS_ATTEMPTS = 3;

const skip = missingTools() || (existsSync(join(ADDON, 'manifest.json')) ? null : 'no dist/firefox (./build.sh package)');

let driver;
let session;
let server;

before(async () => {
  if (skip) return;
  server = await serve({
    pages: {
      // The seed article again, under the strictest page CSP: does WebAssembly run in a Firefox
      // content script there?
      '/strict.html': { body: await (await import('node:fs/promises')).readFile(join(ROOT, SEED)), headers: { 'content-security-policy': "default-src 'none'" } },
    },
  });
  driver = await startGeckodriver();
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
    await session.pressKeys(KEY.Alt, KEY.Shift, 'R');
    state = await waitForState((s) => s !== null && s !== 'loading', PRESS_TIMEOUT_MS);
  }
  return state;
}

test('Firefox: the shortcut opens the reader on the seed page, Escape closes it', { skip }, async () => {
  await session.navigate(server.url(SEED));
  assert.equal(await hostState(), null, 'nothing injected before the command');
  assert.equal(await openWithShortcut(), 'open');
  const title = await session.execute(
    `return document.getElementById('broadsheet-host').shadowRoot.querySelector('[data-part=article] h1')?.textContent ?? null;`);
  assert.ok(title && title.includes(SEED_TITLE), `title in the shadow root: ${title}`);
  await session.pressKeys(KEY.Escape);
  assert.equal(await waitForState((s) => s === null, 2000), null, 'Escape closes the overlay');
});

test('Firefox: on a page whose CSP is default-src none, the reader still opens', { skip }, async () => {
  await session.navigate(server.url('/strict.html'));
  const state = await openWithShortcut();
  assert.equal(state, 'open', `overlay state under a strict page CSP: ${state}`);
  await session.pressKeys(KEY.Escape);
  assert.equal(await waitForState((s) => s === null, 2000), null);
});
