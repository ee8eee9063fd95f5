// A/B benchmark (not a test): two builds of the module in the same Chromium, on the same pages, in
// the same run, interleaved (each visit runs both, in alternating order), so that a shared and noisy
// machine moves both alike. A = a saved copy of pkg/ (BASE, default target/pkg-base: `cp -r pkg
// target/pkg-base` before a change), B = pkg/ as built now. Per page and build: the snapshot and its
// JavaScript walk, `open()`, the render share (open − warm analysis), all from `bench_phases`, and
// open → painted (`open(true)`, then one frame: requestAnimationFrame + a zero timer).
// Run: `node bench/ab.mjs` (env PAGES=a,b · ROUNDS=5 · BASE=dir).

import { readdir, readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from '../tests/e2e/helpers.mjs';

const ROUNDS = Number(process.env.ROUNDS || 5);
const BASE = resolve(ROOT, process.env.BASE || 'target/pkg-base');
const CSP = "script-src 'self' 'wasm-unsafe-eval'";
const corpus = join(ROOT, 'tests', 'fixtures', 'readability');
const all = ['seed', ...(await readdir(corpus, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name)];
const names = process.env.PAGES ? process.env.PAGES.split(',') : all;
const pathOf = (name) => (name === 'seed' ? '/tests/fixtures/seed/page.html' : `/tests/fixtures/readability/${name}/source.html`);

const served = {};
for (const name of names) {
  const html = (await readFile(join(ROOT, pathOf(name)), 'utf8')).replace(/<meta[^>]+http-equiv=["']?content-security-policy["']?[^>]*>/gi, '');
  served[pathOf(name)] = { body: html, headers: { 'content-security-policy': CSP } };
}
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
for (const f of await readdir(BASE)) {
  if (TYPES[extname(f)]) served[`/ab-base/${f}`] = { body: await readFile(join(BASE, f)), headers: { 'content-type': TYPES[extname(f)] } };
}
const server = await serve({ pages: served });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (r) => r.abort());
const tab = await context.newPage();

const KEYS = ['snapshot', 'walk', 'open', 'render', 'painted'];
const samples = { A: new Map(), B: new Map() };
const glues = { A: server.url('/ab-base/broadsheet.js'), B: server.url('/pkg/broadsheet.js') };
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, name] of names.entries()) {
    await tab.goto(server.url(pathOf(name)), { waitUntil: 'load' });
    await tab.evaluate(() => new Promise((painted) => { void document.documentElement.offsetHeight; requestAnimationFrame(() => setTimeout(painted, 0)); }));
    const order = (round + i) % 2 ? ['A', 'B'] : ['B', 'A'];
    const r = await tab.evaluate(async ({ glues, order }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const mods = {};
      for (const k of order) {
        mods[k] = await import(glues[k]);
        await mods[k].default();
      }
      const out = {};
      for (const k of order) {
        const m = mods[k];
        const [snapshot, extraction, rest, open, ws, we, wr, walk] = m.bench_phases(true);
        await frame();
        const t = performance.now();
        m.open(true);
        await frame();
        const painted = performance.now() - t;
        m.close();
        await frame();
        out[k] = { snapshot, walk, open, render: open - ws - we - wr, painted };
      }
      return out;
    }, { glues, order });
    for (const k of ['A', 'B']) {
      const s = samples[k].get(name) || Object.fromEntries(KEYS.map((key) => [key, []]));
      for (const key of KEYS) s[key].push(r[k][key]);
      samples[k].set(name, s);
    }
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
}
await browser.close();
await server.close();

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`A/B, ${names.length} pages × ${ROUNDS} rounds, interleaved; A = ${BASE}, B = pkg/; medians over pages of per-page medians (ms)`);
console.log('measure              A        B     B/A (median of per-page ratios)');
for (const key of KEYS) {
  const a = names.map((n) => median(samples.A.get(n)[key]));
  const b = names.map((n) => median(samples.B.get(n)[key]));
  const ratio = median(names.map((n, i) => b[i] / a[i]));
  console.log(`${key.padEnd(12)} ${median(a).toFixed(2).padStart(8)} ${median(b).toFixed(2).padStart(8)}   ${ratio.toFixed(3)}`);
}
if (names.length <= 12) {
  for (const n of names) {
    const cells = KEYS.map((key) => `${key} ${median(samples.A.get(n)[key]).toFixed(1)}→${median(samples.B.get(n)[key]).toFixed(1)}`);
    console.log(`  ${n.padEnd(22)} ${cells.join('  ')}`);
  }
}
