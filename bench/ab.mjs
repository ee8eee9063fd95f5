// A/B benchmark (not a test): two builds of the module in the same Chromium, on the same pages, in
// the same run, interleaved (each visit runs both, in alternating order), so that a shared and noisy
// machine moves both alike. A = a saved copy of pkg/ (BASE, default target/pkg-base: `cp -r pkg
// target/pkg-base` before a change), B = pkg/ as built now. Per page and build: the snapshot and its
// JavaScript walk, `open()`, the warm snapshot + analysis run just before it (open − warm is the
// render's share), all from `bench_phases`, and
// open → painted (`open(true)`, then one frame: requestAnimationFrame + a zero timer), as wall time
// (`painted`, quantized by the frame clock) and as main-thread busy time (`busy`: open() plus the
// tasks up to the painted frame, from a CDP trace; no waiting for the frame clock counted).
// Each visit runs REPS alternations A B A B…; a page's figure is the minimum over all its runs
// (on a shared machine, noise only ever adds time).
// Run: `node bench/ab.mjs` (env PAGES=a,b · ROUNDS=3 · REPS=3 · BASE=dir · SCROLLBARS=1 for classic
// scrollbars (bench/pages.mjs) · BUILD=js for the shipped
// wasm2js build instead of the wasm).

import { readdir, readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { ROOT, serve } from '../tests/e2e/helpers.mjs';
import { benchTab, pageNames, pathOf, servedPages } from './pages.mjs';

const ROUNDS = Number(process.env.ROUNDS || 3);
const REPS = Number(process.env.REPS || 3);
const BUILD = process.env.BUILD === 'js' ? 'js' : 'wasm';
const BASE = resolve(ROOT, process.env.BASE || 'target/pkg-base');
const names = process.env.PAGES ? process.env.PAGES.split(',') : await pageNames();

const served = await servedPages(names);
const TYPES = { '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };
for (const f of await readdir(BASE)) {
  if (TYPES[extname(f)]) served[`/ab-base/${f}`] = { body: await readFile(join(BASE, f)), headers: { 'content-type': TYPES[extname(f)] } };
}
const server = await serve({ pages: served });
const { browser, context, tab } = await benchTab();
const cdp = await context.newCDPSession(tab);

const KEYS = ['snapshot', 'walk', 'open', 'warm', 'painted', 'busy'];
const samples = { A: new Map(), B: new Map() };
const glues = { A: server.url('/ab-base/broadsheet.js'), B: server.url('/pkg/broadsheet.js') };
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, name] of names.entries()) {
    await tab.goto(server.url(pathOf(name)), { waitUntil: 'load' });
    await tab.evaluate(() => new Promise((painted) => { void document.documentElement.offsetHeight; requestAnimationFrame(() => setTimeout(painted, 0)); }));
    const order = (round + i) % 2 ? ['A', 'B'] : ['B', 'A'];
    const events = [];
    const onData = ({ value }) => events.push(...value);
    cdp.on('Tracing.dataCollected', onData);
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
    const r = await tab.evaluate(async ({ glues, order, reps, build }) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const mods = {};
      for (const k of order) {
        mods[k] = await import(build === 'js' ? glues[k].replace(/broadsheet\.js$/, 'broadsheet_asm_glue.js') : glues[k]);
        if (build === 'js') {
          // As extension/content.js loads the shipped build.
          const asm = await import(glues[k].replace(/broadsheet\.js$/, 'broadsheet_asm.js'));
          mods[k].__wbg_finalize_init({ exports: asm.instantiate(mods[k].__wbg_get_imports()) }, null);
        } else {
          await mods[k].default();
        }
      }
      const out = { A: [], B: [] };
      for (let rep = 0; rep < reps; rep++) {
        for (const k of order) {
          const m = mods[k];
          const [snapshot, extraction, rest, open, ws, we, wr, walk] = m.bench_phases(true);
          await frame();
          performance.mark(`ab-${k}-${rep}-open`);
          const t = performance.now();
          m.open(true);
          performance.mark(`ab-${k}-${rep}-opened`);
          await frame();
          const painted = performance.now() - t;
          performance.mark(`ab-${k}-${rep}-painted`);
          m.close();
          await frame();
          await frame();
          out[k].push({ snapshot, walk, open, warm: ws + we + wr, painted, rep });
        }
      }
      return out;
    }, { glues, order, reps: REPS, build: BUILD });
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    const marks = new Map(events.filter((e) => e.name.startsWith('ab-')).map((e) => [e.name, e]));
    const tid = [...marks.values()][0]?.tid;
    const tasks = events.filter((e) => e.tid === tid && e.ph === 'X' && e.name === 'RunTask');
    for (const k of ['A', 'B']) {
      const s = samples[k].get(name) || Object.fromEntries(KEYS.map((key) => [key, []]));
      for (const run of r[k]) {
        const [open, opened, painted] = ['open', 'opened', 'painted'].map((m) => marks.get(`ab-${k}-${run.rep}-${m}`)?.ts);
        run.busy = open === undefined ? NaN : (opened - open + tasks.filter((e) => e.ts >= opened && e.ts < painted).reduce((a, e) => a + e.dur, 0)) / 1000;
        for (const key of KEYS) s[key].push(run[key]);
      }
      samples[k].set(name, s);
    }
  }
  process.stderr.write(`round ${round + 1}/${ROUNDS}\n`);
}
await browser.close();
await server.close();

const min = (xs) => Math.min(...xs.filter(Number.isFinite));
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
console.log(`A/B (${BUILD} build), ${names.length} pages × ${ROUNDS} rounds × ${REPS} alternations, interleaved; A = ${BASE}, B = pkg/; medians over pages of per-page minimums (ms)`);
console.log('measure              A        B     B/A (median of per-page ratios)');
for (const key of KEYS) {
  const a = names.map((n) => min(samples.A.get(n)[key]));
  const b = names.map((n) => min(samples.B.get(n)[key]));
  const ratio = median(names.map((n, i) => b[i] / a[i]));
  console.log(`${key.padEnd(12)} ${median(a).toFixed(2).padStart(8)} ${median(b).toFixed(2).padStart(8)}   ${ratio.toFixed(3)}`);
}
if (names.length <= 12) {
  for (const n of names) {
    const cells = KEYS.map((key) => `${key} ${min(samples.A.get(n)[key]).toFixed(1)}→${min(samples.B.get(n)[key]).toFixed(1)}`);
    console.log(`  ${n.padEnd(22)} ${cells.join('  ')}`);
  }
}
