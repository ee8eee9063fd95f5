// What the benchmark scripts (browser.mjs, ab.mjs, profile.mjs) share: the corpus pages, served from
// memory with the benchmarks' CSP, and a plain Chromium tab that can reach only 127.0.0.1.

import { readdir, readFile } from 'node:fs/promises';
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
  const jsFlags = process.env.JSFLAGS ? [`--js-flags=${process.env.JSFLAGS}`] : [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...jsFlags], ...scrollbars });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (r) => r.abort());
  return { browser, context, tab: await context.newPage() };
}
