// Profiler (not a test): where the shipped JavaScript build spends a page's FIRST run, by Rust
// function. Needs `./build.sh names` first (pkg/names/: the same build as pkg/broadsheet_asm.js,
// with Rust's function names kept and unminified). For each page (PAGES, default a spread of news
// pages and the seed), RUNS rounds: a fresh load, the module imported and instantiated, then a V8
// CPU profile (50 µs sampling) around the first `bench_phases(false)` (snapshot + analysis, the
// work a first press does before its render). Prints each page's phases and the self time per
// function, in ms per run: the module's functions by their Rust path (hash suffix dropped), the
// DOM calls and walk.js by name. CALLERS=part also sums, for the functions whose name contains
// it, the self time by calling function (which caller makes a helper hot).
// Run: `./build.sh names && node bench/js-profile.mjs` (env PAGES=a,b · RUNS=2 · TOP=40 · CALLERS= ·
// WARM=n untimed runs before the profiled one · LINES=part: the hottest source lines of the
// functions whose name contains it).
// The profiler slows interpreted code more than native code: compare runs, not absolute figures.

import { readFile } from 'node:fs/promises';
import { serve } from '../tests/e2e/helpers.mjs';
import { benchTab, pathOf, servedPages } from './pages.mjs';

const names = (process.env.PAGES || 'seed,nytimes-1,cnet,wapo-1,bbc-1,medium-1,guardian-1,lemonde-1').split(',');
const RUNS = Number(process.env.RUNS || 2);
const TOP = Number(process.env.TOP || 40);
const CALLERS = process.env.CALLERS || '';
// LINES=part: for the functions whose name contains it, the sampled lines of pkg/names' source.
const LINES = process.env.LINES || '';
const lineHits = new Map();
// WARM=n: n untimed runs on the same load first, to see a later press's steady state instead.
const WARM = Number(process.env.WARM || 0);

/** A wasm2js function name as a Rust path: `broadsheet__quotes__find__h5e5…` → `quotes::find`. */
const rustName = (name) => name.replace(/__h[0-9a-f]{16}$/, '').replace(/^broadsheet__/, '').replace(/__/g, '::');

const server = await serve({ pages: await servedPages(names) });
const { browser, context, tab } = await benchTab();
const self = new Map();
const callers = new Map();
let runs = 0;
for (let round = 0; round < RUNS; round++) {
  for (const name of names) {
    await tab.goto(server.url(pathOf(name)), { waitUntil: 'load' });
    // Painted, as a page is when a reader presses the button (bench/browser.mjs).
    await tab.evaluate(() => new Promise((painted) => { void document.documentElement.offsetHeight; requestAnimationFrame(() => setTimeout(painted, 0)); }));
    await tab.evaluate(async ({ origin, warm }) => {
      const glue = await import(`${origin}/pkg/names/broadsheet_asm_glue.js`);
      const asm = await import(`${origin}/pkg/names/broadsheet_asm.js`);
      glue.__wbg_finalize_init({ exports: asm.instantiate(glue.__wbg_get_imports()) }, null);
      window.__broadsheetNames = glue;
      for (let i = 0; i < warm; i++) glue.bench_phases(false);
    }, { origin: server.url('').replace(/\/$/, ''), warm: WARM });
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
    const phases = await tab.evaluate(() => Array.from(window.__broadsheetNames.bench_phases(false)));
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    runs++;
    const [snapshot, extraction, rest, , , , , walk] = phases;
    console.log(`${name.padEnd(24)} snapshot ${snapshot.toFixed(1)} (walk ${walk.toFixed(1)}) · extraction ${extraction.toFixed(1)} · rest ${rest.toFixed(1)} ms`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n);
    const label = (frame) => {
      const file = frame.url.split('/').pop();
      if (file === 'broadsheet_asm.js') return rustName(frame.functionName);
      return `${frame.functionName || '(anonymous)'}${file ? ` (${file})` : ''}`;
    };
    if (LINES) {
      for (const n of profile.nodes) {
        if (!label(n.callFrame).includes(LINES)) continue;
        for (const { line, ticks } of n.positionTicks || []) lineHits.set(line, (lineHits.get(line) || 0) + ticks);
      }
    }
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i]);
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      const key = label(node.callFrame);
      self.set(key, (self.get(key) || 0) + ms);
      if (CALLERS && key.includes(CALLERS)) {
        const by = parent.has(node.id) ? label(parent.get(node.id).callFrame) : '(root)';
        callers.set(by, (callers.get(by) || 0) + ms);
      }
    }
  }
}
await browser.close();
await server.close();

const table = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / runs).toFixed(2).padStart(8)}  ${k}`).join('\n');
console.log(`\nself time, ms per run (${runs} runs: ${names.length} pages × ${RUNS}):\n${table(self, TOP)}`);
if (LINES) {
  const source = (await readFile(new URL('../pkg/names/broadsheet_asm.js', import.meta.url), 'utf8')).split('\n');
  const total = [...lineHits.values()].reduce((a, b) => a + b, 0);
  console.log(`\nsampled lines of functions named *${LINES}* (${total} samples):`);
  for (const [line, ticks] of [...lineHits].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`${String(ticks).padStart(6)}  ${String(line).padStart(7)}  ${(source[line - 1] || '').trim().slice(0, 110)}`);
  }
}
if (CALLERS) console.log(`\ncallers of functions named *${CALLERS}*, their self time, ms per run:\n${table(callers, TOP)}`);
