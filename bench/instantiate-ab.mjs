// A/B benchmark (not a test): instantiation of the JavaScript (wasm2js) build, A = a saved copy of
// pkg/ (BASE, default target/pkg-base), B = pkg/, each on a fresh page load, alternating; prints the
// medians and checks that both fill the module's memory with the same bytes (B twice: with the
// engine's base64 decoder and with the fallback loop). Run after a build: `node bench/instantiate-ab.mjs`.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve, ROOT } from '../tests/e2e/helpers.mjs';
import { benchTab, pathOf, servedPages } from './pages.mjs';
const names = process.env.PAGES ? process.env.PAGES.split(',') : ['seed', 'cnn', 'nytimes-1', 'medium-1'];
const BASE = resolve(ROOT, process.env.BASE || 'target/pkg-base');
const ROUNDS = Number(process.env.ROUNDS || 6);
const served = await servedPages(names);
for (const [v, dir] of [['A', BASE], ['B', join(ROOT, 'pkg')]]) for (const f of ['broadsheet_asm.js', 'broadsheet_asm_glue.js', 'walk.js'])
  served[`/${v}/${f}`] = { body: await readFile(join(dir, f)), headers: { 'content-type': 'text/javascript' } };
const server = await serve({ pages: served });
const { browser, tab } = await benchTab();
const t = { A: [], B: [] };
for (let r = 0; r < ROUNDS; r++) for (const name of names) for (const v of r % 2 ? ['A', 'B'] : ['B', 'A']) {
  await tab.goto(server.url(pathOf(name)), { waitUntil: 'load' });
  const ms = await tab.evaluate(async (v) => {
    const glue = await import(`/${v}/broadsheet_asm_glue.js`);
    const asm = await import(`/${v}/broadsheet_asm.js`);
    const t0 = performance.now();
    asm.instantiate(glue.__wbg_get_imports());
    return performance.now() - t0;
  }, v);
  t[v].push(ms);
}
const same = await tab.evaluate(async () => {
  const glue = await import('/B/broadsheet_asm_glue.js');
  const asm = await import('/B/broadsheet_asm.js');
  const fast = new Uint8Array(asm.instantiate(glue.__wbg_get_imports()).memory.buffer).slice();
  const saved = Uint8Array.prototype.setFromBase64;
  delete Uint8Array.prototype.setFromBase64;
  const slow = new Uint8Array(asm.instantiate(glue.__wbg_get_imports()).memory.buffer).slice();
  Uint8Array.prototype.setFromBase64 = saved;
  let diff = 0; for (let i = 0; i < fast.length; i++) if (fast[i] !== slow[i]) diff++;
  let nonzero = 0; for (const b of fast) if (b) nonzero++;
  return { len: [fast.length, slow.length], diff, nonzero };
});
const med = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`JS build instantiate, ${names.length} pages × ${ROUNDS} fresh loads each: median A ${med(t.A).toFixed(2)} ms, B ${med(t.B).toFixed(2)} ms`);
console.log(`B's memory, engine decoder vs fallback loop: ${same.len[0]} B, ${same.diff} differing, ${same.nonzero} non-zero`);
await browser.close(); await server.close();
