// Benchmark (not a test): Broadsheet in Chromium against Readability.js and a bare DOM walk, on
// every page of the corpus (tests/fixtures/readability/*/source.html) and the seed page, served
// from 127.0.0.1. Run by `./build.sh bench` after a build (or `node bench/browser.mjs`).
//
// Part 1, plain Chromium, the pages interleaved (round r visits every page once, RUNS rounds), the
// three contestants in a rotating order on each visit:
//   - Broadsheet's phases, timed inside the wasm (`bench_phases`, src/web/bench.rs): snapshot,
//     extraction (metadata + extract), the rest (images + article + outline + quotes) on the page's
//     fresh wasm instance (what a click pays), then the overlay render (its `open()` total minus a
//     second, warm snapshot + analysis run just before it);
//   - Readability.js (npm @mozilla/readability, pinned) as readers run it:
//     `new Readability(document.cloneNode(true)).parse()`;
//   - the floor: a TreeWalker over the page reading each node's tag and text.
// Part 2, the real extension: the toolbar button (Extensions.triggerAction) to the overlay's
// settled data-state and the next frame's requestAnimationFrame (pages.mjs `pressButton`), on a subset of pages (E2E_PAGES, spread over
// the size range): the first press on a page (cold: loads the glue and the module), a second
// press after closing (warm; the page unchanged, so it reuses the first press's reading:
// src/web/kept.rs) and a third after closing and changing the page (warm, read afresh), from the
// third load of the module in the profile on (Chromium's code
// cache for extension scripts is then in use); the first two loads are reported apart. Twice: the
// build Chromium runs (extension/content.js's `BUILD`: the wasm2js translation, loaded on every
// page) and the wasm build (a staged copy of the extension with `BUILD = 'wasm'`, as Firefox runs
// it and as Chromium would where WebAssembly may be compiled). Then the same presses through the
// button's floor: the extension with a content script that only adds or removes an empty host (what
// any reader injected on the press pays before it does anything), and each build's ratio to it.
//
// Pages are served with `script-src 'self' 'wasm-unsafe-eval'`: the page's own scripts do not run,
// the benchmark's do. Env: RUNS (default 5), E2E_PAGES (default 24, 0 skips part 2), E2E_RUNS (3),
// PAGES (a comma-separated list of page names: only those).

import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { ROOT, serve } from '../tests/e2e/helpers.mjs';
import { benchTab, launchExtension, pageNames, pathOf, pressButton, servedPages, stageExtension } from './pages.mjs';

const RUNS = Number(process.env.RUNS || 5);
const E2E_PAGES = Number(process.env.E2E_PAGES ?? 24);
const E2E_RUNS = Number(process.env.E2E_RUNS || 3);

// 1. The pages, largest first.
const pages = (await pageNames()).map((name) => ({ name, path: pathOf(name) }));
for (const p of pages) p.bytes = (await stat(join(ROOT, p.path))).size;
pages.sort((a, b) => b.bytes - a.bytes);
// PAGES=slug,slug limits the run to those pages (for a quick look at one page).
if (process.env.PAGES) pages.splice(0, pages.length, ...pages.filter((p) => process.env.PAGES.split(',').includes(p.name)));

const readabilitySource = await readFile(join(ROOT, 'node_modules', '@mozilla', 'readability', 'Readability.js'), 'utf8');
const readabilityVersion = JSON.parse(await readFile(join(ROOT, 'node_modules', '@mozilla', 'readability', 'package.json'), 'utf8')).version;
// Each page is served from memory with the benchmark's CSP (bench/pages.mjs).
const served = {
  '/bench/readability.js': { body: readabilitySource, headers: { 'content-type': 'text/javascript; charset=utf-8' } },
  ...(await servedPages(pages.map((p) => p.name))),
};
const server = await serve({ pages: served });

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (Number.isFinite(x) ? x.toFixed(2) : '-');

// 2. Part 1: phases, Readability, floor.
const { browser, context, tab } = await benchTab();
const samples = new Map(pages.map((p) => [p.name, { snapshot: [], walk: [], extraction: [], rest: [], warm: [], render: [], open: [], readability: [], floor: [] }]));
let peakMemory = { bytes: 0, page: '' };
const started = Date.now();
for (let round = 0; round < RUNS; round++) {
  for (const [i, p] of pages.entries()) {
    await tab.goto(server.url(p.path), { waitUntil: 'load' });
    await tab.addScriptTag({ url: server.url('/bench/readability.js') });
    // A page a reader presses the button on has been laid out and painted: let this one be too,
    // so that no contestant pays for the first layout (checkVisibility would force it).
    await tab.evaluate(() => new Promise((painted) => { void document.documentElement.offsetHeight; requestAnimationFrame(() => setTimeout(painted, 0)); }));
    const r = await tab.evaluate(async ({ glueUrl, order }) => {
      const glue = await import(glueUrl);
      const wasm = await glue.default();
      const out = {};
      const floor = () => {
        let chars = 0;
        const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.nodeType === 3 ? n.data.length : n.localName.length;
        return chars;
      };
      const runs = {
        floor: () => { const t = performance.now(); floor(); out.floor = performance.now() - t; },
        readability: () => {
          const t = performance.now();
          try { new Readability(document.cloneNode(true)).parse(); } catch { /* counted as run */ }
          out.readability = performance.now() - t;
        },
        broadsheet: () => {
          const [snapshot, extraction, rest, open, warmSnapshot, warmExtraction, warmRest, walk] = glue.bench_phases(true);
          const warm = warmSnapshot + warmExtraction + warmRest;
          Object.assign(out, { snapshot, walk, extraction, rest, open, warm, render: open - warm });
          out.memory = wasm.memory.buffer.byteLength;
        },
      };
      for (const name of order) runs[name]();
      return out;
    }, { glueUrl: server.url('/pkg/broadsheet.js'), order: [['floor', 'readability', 'broadsheet'], ['readability', 'broadsheet', 'floor'], ['broadsheet', 'floor', 'readability']][(round + i) % 3] });
    const s = samples.get(p.name);
    for (const k of Object.keys(s)) s[k].push(r[k]);
    if (r.memory > peakMemory.bytes) peakMemory = { bytes: r.memory, page: p.name };
  }
  process.stderr.write(`round ${round + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
await browser.close();

// 3. Part 2: the toolbar button through the real extension, for each build, and the same through
//    the button's floor: the extension with a content script that only adds (or removes) an empty
//    host, so nothing is loaded, read or laid out — what any extension that injects its script on
//    the press pays (the click reaching the service worker, `chrome.scripting.executeScript`, the
//    script's start, one frame).
const FLOOR_CONTENT_SCRIPT = `(() => {
  const host = document.getElementById('broadsheet-host');
  if (host) { host.remove(); return; }
  const empty = document.createElement('div');
  empty.id = 'broadsheet-host';
  empty.setAttribute('data-state', 'open');
  document.documentElement.append(empty);
})();
`;
const e2e = { js: new Map(), wasm: new Map(), floor: new Map() };
// The first and second loads of the module in each build's fresh profile (no code cache yet).
const fresh = { js: [], wasm: [], floor: [] };
if (E2E_PAGES > 0) {
  const step = Math.max(1, Math.floor(pages.length / E2E_PAGES));
  const subset = pages.filter((_, i) => i % step === 0).slice(0, E2E_PAGES);
  if (!subset.some((p) => p.name === 'seed') && pages.some((p) => p.name === 'seed')) subset.push(pages.find((p) => p.name === 'seed'));
  const wasmDir = await stageExtension({ build: 'wasm' });
  const floorDir = await stageExtension({ edit: () => FLOOR_CONTENT_SCRIPT });
  for (const [build, dir] of [['js', ROOT], ['wasm', wasmDir], ['floor', floorDir]]) {
    const ext = await launchExtension(dir);
    const press = (page, want) => pressButton(ext, page, want);
    // The first two presses in this fresh profile, reported apart: Chromium keeps a code cache for
    // the extension's scripts, written on their second load and used from the third, so every
    // first press timed below reuses compiled bytecode.
    for (const p of subset.slice(0, 2)) {
      await ext.page.goto(server.url(p.path), { waitUntil: 'load' });
      fresh[build].push((await press(ext.page, 'open')).t);
      await press(ext.page, 'closed');
    }
    for (let round = 0; round < E2E_RUNS; round++) {
      for (const p of subset) {
        await ext.page.goto(server.url(p.path), { waitUntil: 'load' });
        const cold = await press(ext.page, 'open');
        await press(ext.page, 'closed');
        const warm = await press(ext.page, 'open');
        // A third press after the page changed (an attribute on <body>): the module reads it afresh
        // instead of reusing the second press's reading (src/web/kept.rs), as on a live page.
        await press(ext.page, 'closed');
        await ext.page.evaluate(() => document.body?.setAttribute('data-bench-changed', String(Date.now())));
        const changed = await press(ext.page, 'open');
        const e = e2e[build].get(p.name) || { cold: [], warm: [], changed: [], state: cold.state };
        e.cold.push(cold.t);
        e.warm.push(warm.t);
        e.changed.push(changed.t);
        e2e[build].set(p.name, e);
      }
      process.stderr.write(`button (${build} build) round ${round + 1}/${E2E_RUNS} done\n`);
    }
    await ext.close();
  }
  await rm(wasmDir, { recursive: true, force: true });
  await rm(floorDir, { recursive: true, force: true });
}
await server.close();

// 4. The report.
const perPage = pages.map((p) => {
  const s = samples.get(p.name);
  const m = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, median(v)]));
  m.analysis = m.extraction + m.rest;
  m.total = m.snapshot + m.analysis;
  m.name = p.name;
  m.kb = p.bytes / 1024;
  m.vsReadability = m.total / m.readability;
  m.vsFloor = m.total / m.floor;
  return m;
});
const col = (k) => median(perPage.map((m) => m[k]));
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`\nBroadsheet browser benchmark — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpu}), Chromium headless`);
console.log(`${pages.length} pages × ${RUNS} runs, interleaved; Readability.js ${readabilityVersion}; medians over pages of per-page medians (ms)\n`);
console.log('phase                              median ms');
for (const [label, k] of [['snapshot (live DOM → arena)', 'snapshot'], ['  of which the JavaScript walk', 'walk'],
  ['extraction (metadata + extract)', 'extraction'], ['images + article + outline + quotes', 'rest'], ['snapshot + analysis', 'total'],
  ['  the same, second run (warm)', 'warm'], ['overlay render (open − warm run)', 'render'],
  ['overlay open() total', 'open'], ['Readability parse() (with clone)', 'readability'], ['floor (TreeWalker tag + text)', 'floor']]) {
  console.log(`${label.padEnd(36)} ${ms(col(k)).padStart(8)}`);
}
const target = (ok) => (ok ? 'ok' : 'MISSED');
const rR = col('vsReadability'), rF = col('vsFloor');
console.log(`\nsnapshot+analysis / Readability: median ratio ${rR.toFixed(3)}× (target ≤ 0.3×, aim 0.1×) ${target(rR <= 0.3)}`);
console.log(`snapshot+analysis / floor:       median ratio ${rF.toFixed(1)}× (target ≤ 10×) ${target(rF <= 10)}`);
console.log(`ratio of medians: ${(col('total') / col('readability')).toFixed(3)}× Readability, ${(col('total') / col('floor')).toFixed(1)}× floor`);

console.log('\n5 worst pages (snapshot+analysis / Readability):');
console.log('page                                KB   snap   extr   rest  render  readab  floor   ×Readab');
for (const m of [...perPage].sort((a, b) => b.vsReadability - a.vsReadability).slice(0, 5)) {
  console.log(`${m.name.slice(0, 32).padEnd(32)} ${m.kb.toFixed(0).padStart(5)} ${ms(m.snapshot).padStart(6)} ${ms(m.extraction).padStart(6)} ${ms(m.rest).padStart(6)} ${ms(m.render).padStart(7)} ${ms(m.readability).padStart(7)} ${ms(m.floor).padStart(6)} ${m.vsReadability.toFixed(2).padStart(8)}`);
}

const pressRows = (build) => [...e2e[build].entries()].map(([name, e]) => ({ name, cold: median(e.cold), warm: median(e.warm), changed: median(e.changed), state: e.state, readability: perPage.find((m) => m.name === name).readability }));
const floorOf = new Map(pressRows('floor').map((r) => [r.name, r]));
for (const [build, label] of [['js', 'shipped JS build (wasm2js)'], ['wasm', 'wasm build']]) {
  if (e2e[build].size === 0) continue;
  const rows = pressRows(build);
  const cold = median(rows.map((r) => r.cold)), warm = median(rows.map((r) => r.warm)), changed = median(rows.map((r) => r.changed));
  const ratioCold = median(rows.map((r) => r.cold / r.readability)), ratioWarm = median(rows.map((r) => r.warm / r.readability));
  const ratioChanged = median(rows.map((r) => r.changed / r.readability));
  const states = rows.reduce((acc, r) => ({ ...acc, [r.state]: (acc[r.state] || 0) + 1 }), {});
  console.log(`\nbutton → painted overlay, ${label} (real extension, ${rows.length} pages × ${E2E_RUNS}; states ${JSON.stringify(states)}):`);
  console.log(`  first press (loads the module): median ${ms(cold)} ms, ${ratioCold.toFixed(2)}× Readability parse() (target ≤ 1×) ${target(ratioCold <= 1)}`);
  console.log(`  second press (module loaded):   median ${ms(warm)} ms, ${ratioWarm.toFixed(2)}× Readability parse() ${target(ratioWarm <= 1)} (the page unchanged: its reading reused)`);
  console.log(`  third press, the page changed:  median ${ms(changed)} ms, ${ratioChanged.toFixed(2)}× Readability parse() ${target(ratioChanged <= 1)} (read afresh)`);
  if (floorOf.size) {
    const overFloor = (k) => median(rows.map((r) => r[k] / floorOf.get(r.name)[k])).toFixed(1);
    console.log(`  ÷ the button's floor (below): first ${overFloor('cold')}×, second ${overFloor('warm')}×, third ${overFloor('changed')}×`);
  }
  if (fresh[build].length) console.log(`  fresh profile (no code cache yet), first and second page: ${fresh[build].map(ms).join(' ms, ')} ms (the rows above: from the third load on)`);
}

if (floorOf.size) {
  // What any reader injected on the press pays before doing anything: if this row is over 1×, no
  // such reader can meet the button target on these pages.
  const rows = [...floorOf.values()];
  const row = (k) => {
    const ratio = median(rows.map((r) => r[k] / r.readability));
    return `median ${ms(median(rows.map((r) => r[k])))} ms, ${ratio.toFixed(2)}× Readability parse() ${target(ratio <= 1)}`;
  };
  console.log(`\nbutton's floor (the extension with a content script that only adds an empty host; ${rows.length} pages × ${E2E_RUNS}):`);
  console.log(`  first press in a tab (the script's first run there): ${row('cold')}`);
  console.log(`  second press:                                        ${row('warm')}`);
  console.log(`  third press:                                         ${row('changed')}`);
}

const size = async (f) => { const b = await readFile(join(ROOT, 'pkg', f)); return { raw: b.length, gz: gzipSync(b, { level: 9 }).length }; };
const wasmSize = await size('broadsheet_bg.wasm'), glueSize = await size('broadsheet.js'), walkSize = await size('walk.js'), asmSize = await size('broadsheet_asm.js'), asmGlueSize = await size('broadsheet_asm_glue.js');
const gz = wasmSize.gz + glueSize.gz + walkSize.gz;
console.log(`\nwasm ${wasmSize.raw} B (${wasmSize.gz} B gzip) + glue ${glueSize.raw + walkSize.raw} B (${glueSize.gz + walkSize.gz} B gzip, walk.js included) = ${(gz / 1024).toFixed(1)} KB gzip (target ≤ 150 KB) ${target(gz <= 150 * 1024)}`);
console.log(`shipped JS build (speed-built): wasm2js ${asmSize.raw} B (${asmSize.gz} B gzip) + its glue ${asmGlueSize.raw} B (${asmGlueSize.gz} B gzip) + walk.js`);
console.log(`peak wasm memory ${(peakMemory.bytes / 1048576).toFixed(1)} MB (on ${peakMemory.page}; target ≤ 16 MB) ${target(peakMemory.bytes <= 16 * 1048576)}`);
