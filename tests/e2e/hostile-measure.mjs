// Measures the click → settled-overlay time on generated pages of growing size, with the shipped
// build (wasm2js), to choose the snapshot limits (src/snapshot/mod.rs, `limits`). Not a test:
//   ./build.sh && node tests/e2e/hostile-measure.mjs [nodes...]
// prints, per page, the node count, the page's bytes, the first press (module load included) and a
// later press, each as the median of RUNS fresh tabs.
import { launchWithExtension, pressButton, serve } from './helpers.mjs';

const RUNS = Number(process.env.RUNS || 3);
const SIZES = process.argv.slice(2).map(Number);
const sizes = SIZES.length ? SIZES : [10_000, 50_000, 100_000, 200_000, 400_000];
const TEXT = process.env.TEXT; // bytes of text in one <pre>, instead of nodes

/** A page of `nodes` nodes: blocks of <div><p>sentence</p></div> (3 nodes each). */
export function pageOfNodes(nodes) {
  const sentence = (i) => `Paragraph ${i} of a very long page, with enough words to look like text. `;
  const blocks = [];
  for (let i = 0; i < nodes / 3; i++) blocks.push(`<div class="c"><p>${sentence(i)}</p></div>`);
  return `<!DOCTYPE html><html lang="en"><head><title>Huge</title></head><body><article>${blocks.join('\n')}</article></body></html>`;
}

function pageOfText(bytes) {
  const line = 'A line of plain text in a giant preformatted block, repeated to the size asked.\n';
  return `<!DOCTYPE html><html lang="en"><head><title>Huge text</title></head><body><pre>${line.repeat(Math.ceil(bytes / line.length))}</pre></body></html>`;
}

async function settle(browser, page) {
  await page.evaluate(() => {
    window.__settled = null;
    const check = () => {
      const s = document.getElementById('broadsheet-host')?.getAttribute('data-state');
      if (s && s !== 'loading') { window.__settled = [Date.now(), s]; return; }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
  const t0 = Date.now();
  await pressButton(browser, page);
  for (;;) {
    const s = await page.evaluate(() => window.__settled);
    if (s) return [s[0] - t0, s[1]];
    if (Date.now() - t0 > 60_000) return [NaN, 'timeout'];
    await page.waitForTimeout(50);
  }
}

/** The module's own phase timings (src/web/bench.rs) for the shipped JS build, in the page. */
async function phases(page, only) {
  return page.evaluate(async (only) => {
    const glue = await import('/pkg/broadsheet_asm_glue.js');
    const asm = await import('/pkg/broadsheet_asm.js');
    glue.__wbg_finalize_init({ exports: asm.instantiate(glue.__wbg_get_imports()) }, null);
    if (only) {
      const t = performance.now();
      glue.snapshot_dump();
      const first = performance.now() - t;
      const t2 = performance.now();
      glue.snapshot_dump();
      return { snapshotDumpFirst: first, snapshotDumpWarm: performance.now() - t2 };
    }
    const t = performance.now();
    const [snapshot, extraction, rest, open] = glue.bench_phases(true);
    return { snapshot, extraction, rest, open, total: performance.now() - t };
  }, only);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const pages = {};
const list = TEXT ? [Number(TEXT)] : sizes;
for (const n of list) pages[`/p${n}.html`] = { body: TEXT ? pageOfText(n) : pageOfNodes(n) };
const server = await serve({ pages });
const browser = await launchWithExtension();
// Warm the service worker and the module cache with a small page.
await browser.page.goto(server.url(`/p${list[0]}.html`));
const round = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Math.round(v)]));
if (process.env.PHASES) {
  for (const n of list) {
    const page = await browser.context.newPage();
    await page.goto(server.url(`/p${n}.html`), { timeout: 120_000 });
    console.log(`${TEXT ? 'text bytes' : 'nodes'} ${n}\tphases (JS build, ms)`, round(await phases(page, process.env.PHASES === 'snapshot')));
    await page.close();
  }
  await browser.close();
  await server.close();
  process.exit(0);
}
for (const n of list) {
  const first = [], later = [];
  let state;
  for (let r = 0; r < RUNS; r++) {
    const page = await browser.context.newPage();
    await page.goto(server.url(`/p${n}.html`), { timeout: 120_000 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    let t;
    [t, state] = await settle(browser, page);
    first.push(t);
    await pressButton(browser, page); // close
    await page.waitForFunction(() => !document.getElementById('broadsheet-host'));
    [t, state] = await settle(browser, page);
    later.push(t);
    await page.close();
  }
  console.log(`${TEXT ? 'text bytes' : 'nodes'} ${n}\tpage ${(pages[`/p${n}.html`].body.length / 1e6).toFixed(1)} MB\tfirst ${median(first)} ms\tlater ${median(later)} ms\t${state}`);
}
await browser.close();
await server.close();
