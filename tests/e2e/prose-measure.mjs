// Measures the module's phases (src/web/bench.rs) on generated long articles of N paragraphs, for
// the shipped JS build (wasm2js) and the wasm build, in headless Chromium. Not a test:
//   ./build.sh && node tests/e2e/prose-measure.mjs 500 2000
// prints per build and size: [snapshot, extraction, images+article+outline+quotes (of which outline,
// quotes), render] ms for a first and a second run (render: the overlay's open minus a warm analysis
// without outline and quotes, which open() leaves to later tasks).
import { launchWithExtension, serve } from './helpers.mjs';
const words = 'the council approved budget school teacher river flood farmer team goal cup striker said minister policy government report people year city'.split(' ');
let seed = 1; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
function prose(n) {
  const ps = [];
  for (let i = 0; i < n; i++) {
    let s = Array.from({ length: 40 }, () => words[Math.floor(rnd() * words.length)]).join(' ');
    if (i % 7 === 0) s += ` "We will not stop ${i}," said John Smith.`;
    ps.push(`<p>${s}.</p>`);
  }
  return `<!DOCTYPE html><html lang="en"><head><title>Big</title></head><body><article><h1>Big</h1>${ps.join('')}</article></body></html>`;
}
const sizes = process.argv.slice(2).map(Number);
const pages = {}; for (const n of sizes) pages[`/p${n}.html`] = { body: prose(n) };
const server = await serve({ pages });
const browser = await launchWithExtension();
for (const build of ['js', 'wasm']) for (const n of sizes) {
  const page = await browser.context.newPage();
  await page.goto(server.url(`/p${n}.html`));
  const r = await page.evaluate(async (build) => {
    const glue = await import(build === 'wasm' ? '/pkg/broadsheet.js' : '/pkg/broadsheet_asm_glue.js');
    if (build === 'wasm') await glue.default({ module_or_path: '/pkg/broadsheet_bg.wasm' });
    else { const asm = await import('/pkg/broadsheet_asm.js'); glue.__wbg_finalize_init({ exports: asm.instantiate(glue.__wbg_get_imports()) }, null); }
    const out = [];
    for (let i = 0; i < 2; i++) {
      const [snapshot, extraction, rest, open, ws, we, wr, , , outline, quotes, wo, wq] = Array.from(glue.bench_phases(true));
      // open() paints the article only (outline and quotes come in later tasks).
      out.push([snapshot, extraction, `${Math.round(rest)} (${Math.round(outline)}, ${Math.round(quotes)})`, open - ws - we - (wr - wo - wq)].map((x) => typeof x === 'number' ? Math.round(x) : x));
    }
    return out;
  }, build);
  console.log(build, n, 'paragraphs: [snapshot, extraction, rest (outline, quotes), render] ms', JSON.stringify(r));
  await page.close();
}
await browser.close(); server.close();
