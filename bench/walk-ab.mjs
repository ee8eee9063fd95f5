// A/B benchmark (not a test) of two versions of the live-DOM walk (src/web/walk.js), COLD: every
// measurement is the first walk on a fresh load of the page, as a reader's first press is (the walk
// runs once per page, so its JIT and V8's inline caches start empty; bench/ab.mjs instead runs both
// builds in the same visit, where the second walk finds them warm). Both versions run with the same
// glue and wasm from pkg/; only walk.js differs. Per page, RUNS rounds of A and B in alternating
// order, each on its own load; prints the median over pages of the per-page medians, for the walk
// alone and for snapshot + analysis (the first `bench_phases(false)`), and the median ratio B/A.
// Run after a build: `A=old-walk.js B=src/web/walk.js node bench/walk-ab.mjs` (A defaults to
// src/web/walk.js; env PAGES=a,b · RUNS=2). GLUE_B=file gives B another glue instead (a patched copy
// of pkg/broadsheet.js; then B=src/web/walk.js too).
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ROOT, serve } from '../tests/e2e/helpers.mjs';
import { benchTab, pageNames, pathOf, servedPages } from './pages.mjs';

if (!process.env.B) throw new Error('set B=path/to/walk.js (and optionally A=, default src/web/walk.js)');
const pages = (process.env.PAGES || '').split(',').filter(Boolean);
const all = pages.length ? pages : await pageNames();
const RUNS = Number(process.env.RUNS || 2);

// Each version is served as its own copy of pkg/'s glue and wasm, next to its walk.js.
const served = { ...(await servedPages(all)) };
const glue = await readFile(join(ROOT, 'pkg', 'broadsheet.js'), 'utf8');
const wasm = await readFile(join(ROOT, 'pkg', 'broadsheet_bg.wasm'));
const versions = { A: process.env.A || join(ROOT, 'src', 'web', 'walk.js'), B: process.env.B };
// GLUE_B: another glue for B (e.g. a patched copy of pkg/broadsheet.js), walk.js then the same.
const glues = { A: glue, B: process.env.GLUE_B ? await readFile(resolve(process.env.GLUE_B), 'utf8') : glue };
for (const [v, file] of Object.entries(versions)) {
  served[`/${v}/broadsheet.js`] = { body: glues[v], headers: { 'content-type': 'text/javascript' } };
  served[`/${v}/walk.js`] = { body: await readFile(resolve(file), 'utf8'), headers: { 'content-type': 'text/javascript' } };
  served[`/${v}/broadsheet_bg.wasm`] = { body: wasm, headers: { 'content-type': 'application/wasm' } };
}
const server = await serve({ pages: served });
const { browser, tab } = await benchTab();

const samples = { A: new Map(all.map((p) => [p, []])), B: new Map(all.map((p) => [p, []])) };
for (let round = 0; round < RUNS; round++) {
  for (const [i, page] of all.entries()) {
    for (const v of (round + i) % 2 ? ['A', 'B'] : ['B', 'A']) {
      await tab.goto(server.url(pathOf(page)), { waitUntil: 'load' });
      // Laid out and painted, as a page is when a reader presses the button (bench/browser.mjs).
      await tab.evaluate(() => new Promise((painted) => { void document.documentElement.offsetHeight; requestAnimationFrame(() => setTimeout(painted, 0)); }));
      const [walk, total] = await tab.evaluate(async (url) => {
        const module = await import(url);
        await module.default();
        const phases = module.bench_phases(false); // [snapshot, extraction, rest, …, walk (index 7), …]
        return [phases[7], phases[0] + phases[1] + phases[2]];
      }, server.url(`/${v}/broadsheet.js`));
      samples[v].get(page).push({ walk, total });
    }
  }
  process.stderr.write(`round ${round + 1}/${RUNS} done\n`);
}
await browser.close();
await server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
console.log(`walk A/B, cold (first walk on a fresh load): ${all.length} pages × ${RUNS} runs, interleaved`);
console.log(`A = ${versions.A}\nB = ${versions.B}`);
for (const key of ['walk', 'total']) {
  const perPage = (v) => all.map((p) => median(samples[v].get(p).map((s) => s[key])));
  const a = perPage('A'), b = perPage('B');
  const ratio = median(a.map((x, i) => (x > 0 ? b[i] / x : 1)));
  console.log(`${(key === 'walk' ? 'walk' : 'snapshot + analysis').padEnd(20)} A ${median(a).toFixed(2)} ms  B ${median(b).toFixed(2)} ms  median B/A ${ratio.toFixed(3)}`);
}
