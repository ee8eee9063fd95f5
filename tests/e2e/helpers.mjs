// Shared harness for the end-to-end tests: a tiny static server on 127.0.0.1, Debian's Chromium
// with the unpacked extension (the repository root), and a real press of the toolbar button.
// What each step needs was verified on Debian 12 with Chromium 156: a persistent context for the
// extension, a worker woken before the click, the TAB target for Extensions.triggerAction.

import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** How long a toolbar press may take to show its effect before the press is repeated. */
const PRESS_TIMEOUT_MS = 2000;
/** Presses per action: the first may be dropped by a service worker that is still starting. */
const PRESS_ATTEMPTS = 4;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the repository's files (`/tests/fixtures/...`, `/pkg/...`) and any extra `pages`
 * (`{ '/path': { body, headers } }`) from 127.0.0.1 on a free port. `headers(path)` may add
 * response headers to file responses; `onRequest(path, req)` sees every request. Returns `{ url(path), close() }`.
 */
export async function serve({ pages = {}, headers = () => ({}), onRequest = () => {} } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    onRequest(path, req); // every request, as the server saw it (security tests log trap hits)
    const page = pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(page.headers || {}) });
      res.end(page.body);
      return;
    }
    const file = normalize(join(ROOT, path));
    const allowed = [join(ROOT, 'tests', 'fixtures') + sep, join(ROOT, 'tests', 'e2e', 'pages') + sep, join(ROOT, 'pkg') + sep];
    if (!allowed.some((dir) => file.startsWith(dir))) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  };
}

/** Flags for Debian's Chromium in a container. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * Launches Chromium with the unpacked extension in a fresh profile. Returns
 * `{ context, page, extensionId, worker, close() }`. Requests leaving 127.0.0.1 are aborted, so
 * tests never wait on the network.
 */
export async function launchWithExtension({ headless = true, viewport = { width: 1280, height: 900 }, scrollbars = false } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'broadsheet-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    // Headless hides scrollbars; `scrollbars` gives classic ones, as desktop Linux and Windows have.
    ...(scrollbars ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {}),
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${ROOT}`,
      `--load-extension=${ROOT}`,
      '--enable-unsafe-extension-debugging', // allows Extensions.triggerAction
    ],
  });
  await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (route) => route.abort());
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = context.pages()[0] || (await context.newPage());
  return {
    context,
    page,
    extensionId,
    worker,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Presses the extension's toolbar button for `page`'s tab, as a person's click does. */
export async function pressButton(browser, page) {
  const { context, extensionId } = browser;
  // A click sent before the worker has registered its listener is dropped: wake it first.
  const worker = context.serviceWorkers().find((w) => w.url().includes(extensionId)) || browser.worker;
  await worker.evaluate(() => 1).catch(() => {});
  browser.cdp ||= await context.browser().newBrowserCDPSession();
  const { targetInfos } = await browser.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await browser.cdp.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
}

/**
 * Runs `fn(root, arg)` inside the open overlay's shadow root (in the page's main world, where the
 * open root is visible); null when there is no overlay. `fn` is passed as source, so it must not
 * close over test variables.
 */
export function inShadowRoot(page, fn, arg) {
  return page.evaluate(
    ([source, arg]) => {
      const root = document.getElementById('broadsheet-host')?.shadowRoot;
      return root ? new Function('root', 'arg', `return (${source})(root, arg)`)(root, arg) : null;
    },
    [fn.toString(), arg],
  );
}

/** The overlay host's `data-state`, or null when there is no host. */
export function hostState(page) {
  return page.evaluate(() => document.getElementById('broadsheet-host')?.getAttribute('data-state') ?? null);
}

/**
 * Presses the button until `done(state)` holds for the host state. A press with no visible effect
 * within 2 s is repeated (a click can be dropped while the service worker starts); while
 * the overlay says `loading`, the press is still being handled and is not repeated.
 */
export async function pressUntil(browser, page, done) {
  let state = await hostState(page);
  for (let attempt = 0; attempt < PRESS_ATTEMPTS; attempt++) {
    await pressButton(browser, page);
    const hardStop = Date.now() + 5 * PRESS_TIMEOUT_MS;
    let deadline = Date.now() + PRESS_TIMEOUT_MS;
    while (Date.now() < deadline) {
      state = await hostState(page);
      if (done(state)) return state;
      if (state === 'loading') deadline = Math.min(hardStop, Math.max(deadline, Date.now() + 100));
      await page.waitForTimeout(20);
    }
  }
  return state;
}

/**
 * Opens the overlay with the toolbar button; returns the settled state. For `open`, also waits
 * until the outline and quotes are filled (`data-panels="ready"`: they are computed after the
 * article is painted).
 */
export async function openOverlay(browser, page) {
  const state = await pressUntil(browser, page, (s) => s !== null && s !== 'loading');
  if (state === 'open') await panelsReady(page);
  return state;
}

/**
 * Waits until the open overlay's outline and quotes are filled (`data-panels="ready"`). Polls with
 * `page.evaluate` like `hostState`: `waitForFunction` needs Playwright's injected script, which a
 * hostile page (a broken MutationObserver) stops from starting.
 */
export async function panelsReady(page, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const panels = await page.evaluate(() => document.getElementById('broadsheet-host')?.getAttribute('data-panels') ?? null);
    if (panels === 'ready') return;
    if (Date.now() > deadline) throw new Error(`panels not ready after ${timeout} ms (data-panels=${panels})`);
    await page.waitForTimeout(20);
  }
}

/** Closes the overlay with the toolbar button; returns the state (null when closed). */
export function closeWithButton(browser, page) {
  return pressUntil(browser, page, (s) => s === null);
}

/** What "the page is as it was" means: markup, scroll, focus, typed values. */
export function pageState(page) {
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    scroll: [window.scrollX, window.scrollY],
    focused: document.activeElement
      ? `${document.activeElement.tagName}#${document.activeElement.id}.${document.activeElement.getAttribute('name') ?? ''}`
      : null,
    values: [...document.querySelectorAll('input, textarea')].map((e) => e.value),
  }));
}
