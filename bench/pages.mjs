// What the benchmark scripts (browser.mjs, ab.mjs, profile.mjs, press-split.mjs) share: the corpus
// pages, served from memory with the benchmarks' CSP; a plain Chromium tab that can reach only
// 127.0.0.1; staged copies of the extension; Chromium with the unpacked extension, and its toolbar
// button pressed through CDP.

import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from '../tests/e2e/helpers.mjs';

/** The benchmarks' page CSP: WebAssembly allowed, so the wasm build can be timed. */
export const CSP = "script-src 'self' 'wasm-unsafe-eval'";

/** Cross-origin isolation, for fine timers (see `servedPages`). */
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/** The seed and every corpus page, by name. */
export async function pageNames() {
  const corpus = join(ROOT, 'tests', 'fixtures', 'readability');
  const slugs = (await readdir(corpus, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  return ['seed', ...slugs];
}

/** Where a page is served (its path in the repository). */
export const pathOf = (name) => (name === 'seed' ? '/tests/fixtures/seed/page.html' : `/tests/fixtures/readability/${name}/source.html`);

/**
 * The pages for `serve({ pages })`, each with the benchmarks' CSP; a page's own CSP <meta> (one corpus
 * page has one) is taken out, as it would otherwise forbid the benchmark's WebAssembly. Each page is
 * also cross-origin isolated (COOP + COEP): Chromium then gives `performance.now()` 5 µs steps
 * instead of 100 µs ones, which matter when a phase or the floor takes 0.1–1 ms. It changes nothing
 * else here: the tab reaches only 127.0.0.1 (same origin) anyway.
 */
export async function servedPages(names) {
  const served = {};
  for (const name of names) {
    const html = (await readFile(join(ROOT, pathOf(name)), 'utf8')).replace(/<meta[^>]+http-equiv=["']?content-security-policy["']?[^>]*>/gi, '');
    served[pathOf(name)] = { body: html, headers: { 'content-security-policy': CSP, ...ISOLATED } };
  }
  return served;
}

/**
 * Headless Chromium with one 1280×900 tab; requests beyond 127.0.0.1 are aborted. With SCROLLBARS=1
 * in the environment the page has classic scrollbars, as desktop Chromium shows them on Linux and
 * Windows (headless hides them, so that the page's width never depends on its scrollbar). JSFLAGS
 * passes V8 flags (`--js-flags`), for experiments only: e.g. JSFLAGS=--always-sparkplug.
 */
export async function benchTab() {
  const scrollbars = process.env.SCROLLBARS === '1' ? { ignoreDefaultArgs: ['--hide-scrollbars'] } : {};
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...jsFlags], ...scrollbars });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (r) => r.abort());
  return { browser, context, tab: await context.newPage() };
}

/**
 * A copy of the extension in a temporary folder, for a variant the shipped files must not hold:
 * `build` 'wasm' switches extension/content.js to the wasm build, `pkg` takes another build's pkg/
 * (A/B), `edit` rewrites content.js further. Remove the folder when done.
 */
export async function stageExtension({ build = 'js', pkg = '', edit = (content) => content } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-staged-'));
  for (const f of ['manifest.json', 'extension', '_locales', 'pkg']) await cp(f === 'pkg' && pkg ? pkg : join(ROOT, f), join(dir, f), { recursive: true });
  const file = join(dir, 'extension', 'content.js');
  const shipped = await readFile(file, 'utf8');
  const line = /^  const BUILD = .+;$/m;
  if (!line.test(shipped)) throw new Error('extension/content.js: no `const BUILD = …;` line to switch');
  const content = edit(shipped.replace(line, `  const BUILD = '${build}';`));
  await writeFile(file, content);
  return dir;
}

/** V8 flags from JSFLAGS, as Chromium arguments. */
const jsFlags = process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [];

/**
 * Chromium with the unpacked extension in `dir` (tests/e2e/helpers.mjs does the same for ROOT), in a
 * fresh profile, its one tab, the service worker and a browser-level CDP session (for the button).
 */
export async function launchExtension(dir) {
  const profile = await mkdtemp(join(tmpdir(), 'broadsheet-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 900 },
    args: [...CHROMIUM_ARGS, ...jsFlags, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`, '--enable-unsafe-extension-debugging'],
  });
  await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (r) => r.abort());
  const worker = context.serviceWorkers()[0] || (await context.waitForEvent('serviceworker'));
  const page = context.pages()[0] || (await context.newPage());
  const cdp = await context.browser().newBrowserCDPSession();
  const close = async () => { await context.close(); await rm(profile, { recursive: true, force: true }); };
  return { context, page, worker, cdp, extensionId: new URL(worker.url()).host, close };
}

/**
 * Presses the toolbar button on `page` and waits for a settled `data-state` on the host (`want`:
 * 'open' for any state but loading, 'closed' for no host) and for the requestAnimationFrame callback
 * of the frame that paints it. That frame's own style, layout and paint come after the callback and
 * are not counted (most of the overlay's style and layout is forced inside `open()` already, by
 * focusing the dialog); a zero timer set in the callback would mark the frame's end but runs behind
 * the outline task the module queued first, so it would count that task too. Returns the state, `t`
 * (ms from the press to that frame) and `start` (the press's `performance.now()` on the page), or
 * state 'timeout' after four tries of 5 s.
 */
export async function pressButton(ext, page, want) {
  for (let attempt = 0; attempt < 4; attempt++) {
    await ext.worker.evaluate(() => 1).catch(() => {});
    await page.evaluate((want) => {
      window.__bsDone = new Promise((done) => {
        const check = () => {
          const s = document.getElementById('broadsheet-host')?.getAttribute('data-state') ?? null;
          if (want === 'closed' ? s === null : s !== null && s !== 'loading') {
            observer.disconnect();
            requestAnimationFrame(() => done({ state: s ?? 'closed', t: performance.now() - window.__bsStart, start: window.__bsStart }));
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
      });
      window.__bsStart = performance.now();
    }, want);
    const { targetInfos } = await ext.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const target = targetInfos.find((t) => t.url === page.url());
    await ext.cdp.send('Extensions.triggerAction', { id: ext.extensionId, targetId: target.targetId });
    const r = await page.evaluate(() => Promise.race([window.__bsDone, new Promise((d) => setTimeout(() => d(null), 5000))]));
    if (r) return r;
  }
  return { state: 'timeout', t: NaN, start: NaN };
}
