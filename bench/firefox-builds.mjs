// Benchmark (not a test): the two builds in Firefox ESR, which runs the wasm one (extension/content.js).
// Headless Firefox through geckodriver (tests/firefox/webdriver.mjs); for each page (PAGES, default 8
// news pages) and ROUNDS rounds, a fresh load per build, the builds in alternating order: the
// module imported and instantiated as content.js does (`load`), then snapshot + analysis twice
// (`first`, what a press pays, and `second`). Prints per-page medians and the median wasm/JS ratios.
// Run after `./build.sh test` has installed Firefox ESR and geckodriver: `node bench/firefox-builds.mjs`.
import { serve } from '../tests/e2e/helpers.mjs';
import { pathOf, servedPages } from './pages.mjs';
import { Session, startGeckodriver } from '../tests/firefox/webdriver.mjs';
const names = (process.env.PAGES || 'seed,nytimes-1,cnet,wapo-1,bbc-1,guardian-1,wikipedia-3,medium-1').split(',');
const ROUNDS = Number(process.env.ROUNDS || 3);
const server = await serve({ pages: await servedPages(names) });
const driver = await startGeckodriver();
const session = await Session.create(driver.url, { prefs: { 'network.proxy.type': 0 } });
const res = {};
for (let r = 0; r < ROUNDS; r++) for (const [i, name] of names.entries()) for (const build of (r + i) % 2 ? ['js', 'wasm'] : ['wasm', 'js']) {
  await session.navigate(server.url(pathOf(name)));
  const out = await session.execute(`
    const [build, base] = args;
    const t0 = performance.now();
    let glue;
    if (build === 'wasm') { glue = await import(base + '/pkg/broadsheet.js'); await glue.default({ module_or_path: base + '/pkg/broadsheet_bg.wasm' }); }
    else { glue = await import(base + '/pkg/broadsheet_asm_glue.js'); const asm = await import(base + '/pkg/broadsheet_asm.js'); glue.__wbg_finalize_init({ exports: asm.instantiate(glue.__wbg_get_imports()) }, null); }
    const load = performance.now() - t0;
    const a = Array.from(glue.bench_phases(false)), b = Array.from(glue.bench_phases(false));
    return [load, a[0] + a[1] + a[2], b[0] + b[1] + b[2]];`, build, server.url('').replace(/\/$/, ''));
  if (out.error) { console.log(name, build, out.error); continue; }
  ((res[name] ||= { js: [], wasm: [] })[build]).push(out);
}
await session.close(); await driver.stop(); await server.close();
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const ratios = [[], [], []];
for (const [n, r] of Object.entries(res)) {
  const cells = [0, 1, 2].map((k) => { const j = med(r.js.map((x) => x[k])), w = med(r.wasm.map((x) => x[k])); ratios[k].push(w / j); return `${['load', 'first', 'second'][k]} ${j.toFixed(1)}→${w.toFixed(1)}`; });
  console.log(n.padEnd(14), 'js→wasm', cells.join('  '));
}
console.log('median wasm/js: load', med(ratios[0]).toFixed(2), 'first', med(ratios[1]).toFixed(2), 'second', med(ratios[2]).toFixed(2));
