// Benchmark (not a test): where one real press of the toolbar button spends its time, in four
// parts: the button to the content script's first line (`inject`: the service worker's
// executeScript), loading the module (`load`: import + instantiate, first press in a tab only),
// the module's `toggle()` (`toggle`: snapshot, analysis and the overlay built and inserted), and
// `toggle()`'s return to the next frame's requestAnimationFrame callback (`frame`; that frame's
// style, layout and paint follow it, see pages.mjs `pressButton`); `total` is the button to that
// callback. A staged copy of the extension carries the
// marks (content.js with three `performance.mark()`s, which the page's world reads from the same
// timeline: attributes on <html> would be changes to the page, which make the next press read it
// afresh, src/web/kept.rs), the shipped files are untouched. Per page: a first press (cold: the module loads) and a second one after
// closing (warm), from the third load of the module in the profile on (Chromium's code cache, see
// bench/browser.mjs). Prints the medians over pages × rounds.
// Run: `node bench/press-split.mjs` (env PAGES=a,b · ROUNDS=3 · BUILD=js|wasm · PKG=a saved pkg/ ·
// JSFLAGS=V8 flags for the browser, e.g. --max-optimized-bytecode-size=2000000).
import { rm } from 'node:fs/promises';
import { serve } from '../tests/e2e/helpers.mjs';
import { launchExtension, pathOf, pressButton, servedPages, stageExtension } from './pages.mjs';

const names = (process.env.PAGES || 'seed,nytimes-1,cnet,wikipedia-3,medium-1,guardian-1,bbc-1,lemonde-1').split(',');
const ROUNDS = Number(process.env.ROUNDS || 3);
const BUILD = process.env.BUILD || 'js';
const PKG = process.env.PKG || ''; // another build's pkg/ (A/B: run twice, alternating)
const server = await serve({ pages: await servedPages(names) });

// The staged extension: content.js with its marks (and the build switched when BUILD=wasm).
const mark = (k) => `performance.mark('bs-${k}');`;
const dir = await stageExtension({
  build: BUILD,
  pkg: PKG,
  edit: (content) => {
    if (!content.includes('state.module.toggle();')) throw new Error('extension/content.js changed: update the marks');
    return content.replace('(() => {\n', `(() => {\n${mark('t0')}\n`).replace('state.module.toggle();', `${mark('t1')} state.module.toggle(); ${mark('t2')}`);
  },
});
const ext = await launchExtension(dir);
const page = ext.page;

/** One press, split at the marks (ms). */
async function press(want) {
  const r = await pressButton(ext, page, want);
  const at = await page.evaluate(() => ['t0', 't1', 't2'].map((k) => performance.getEntriesByName('bs-' + k).at(-1)?.startTime ?? NaN));
  const [t0, t1, t2] = at.map((t) => t - r.start);
  return { inject: t0, load: t1 - t0, toggle: t2 - t1, frame: r.t - t2, total: r.t };
}
const rows = { cold: [], warm: [] };
await page.goto(server.url(pathOf(names[0])), { waitUntil: 'load' });
// The first two loads of the module in this fresh profile, before the code cache is used: not timed.
for (let i = 0; i < 2; i++) { await page.reload({ waitUntil: 'load' }); await press('open'); await press('closed'); }
for (let r = 0; r < ROUNDS; r++) for (const name of names) {
  await page.goto(server.url(pathOf(name)), { waitUntil: 'load' });
  await page.evaluate(() => new Promise((d) => requestAnimationFrame(() => setTimeout(d, 0))));
  rows.cold.push(await press('open')); await press('closed');
  rows.warm.push(await press('open')); await press('closed');
}
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
console.log(`press split, ${BUILD} build, ${names.length} pages × ${ROUNDS}, medians (ms):`);
for (const k of ['cold', 'warm']) {
  const keys = Object.keys(rows[k][0]);
  console.log(k.padEnd(5), keys.map((x) => `${x} ${med(rows[k].map((r) => r[x])).toFixed(1)}`).join(' · '));
}
await ext.close(); await server.close(); await rm(dir, { recursive: true, force: true });
process.exit(0);
