// Benchmark (not a test): how fast the wasm snapshots a live DOM. For the largest corpus pages it
// loads the page in Chromium (scripts off by CSP), then times the extension's `snapshot_dump`
// (live-DOM walk with layout visibility + canonical dump) against a baseline measured in the
// same run: a plain JavaScript walk of the same DOM that reads every node's text, attributes and
// visibility (`checkVisibility`), i.e. the same DOM reads without building anything.
//
//   node tests/e2e/bench.mjs [slug...]     (after ./build.sh; default: the 5 largest pages)

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from './helpers.mjs';

const RUNS = 5;
const corpus = join(ROOT, 'tests', 'fixtures', 'readability');
let slugs = process.argv.slice(2);
if (slugs.length === 0) {
  const all = (await readdir(corpus, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  const sized = await Promise.all(all.map(async (s) => [s, (await stat(join(corpus, s, 'source.html'))).size]));
  slugs = sized.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([s]) => s);
}

const server = await serve({
  pages: { '/bench.html': { body: '<!DOCTYPE html><iframe id="page" style="width:1280px;height:900px"></iframe>' } },
  headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': "script-src 'none'" } : {}),
});
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
const page = await (await browser.newContext()).newPage();
await page.route((url) => /^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1', (r) => r.abort());
await page.goto(server.url('/bench.html'));
await page.evaluate(async (url) => { window.glue = await import(url); await window.glue.default(); }, server.url('/pkg/broadsheet.js'));

console.log('page                      elements   html KB   wasm ms   js-walk ms   ratio');
for (const slug of slugs) {
  const r = await page.evaluate(async ({ url, runs }) => {
    const frame = document.getElementById('page');
    await new Promise((loaded) => { frame.onload = loaded; frame.src = url; });
    const doc = frame.contentDocument;
    const jsWalk = () => {
      let chars = 0;
      const options = { visibilityProperty: true };
      const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === 3) chars += n.data.length;
        else {
          for (const name of n.getAttributeNames()) chars += (n.getAttribute(name) || '').length;
          if (n.checkVisibility(options)) chars++;
        }
      }
      return chars;
    };
    const time = (f) => { f(); const t = performance.now(); for (let i = 0; i < runs; i++) f(); return (performance.now() - t) / runs; };
    return {
      elements: doc.getElementsByTagName('*').length,
      kb: doc.documentElement.outerHTML.length / 1024,
      wasm: time(() => window.glue.snapshot_dump(doc)),
      js: time(jsWalk),
    };
  }, { url: server.url(`/tests/fixtures/readability/${slug}/source.html`), runs: RUNS });
  console.log(`${slug.padEnd(24)} ${String(r.elements).padStart(9)} ${r.kb.toFixed(0).padStart(9)} ${r.wasm.toFixed(1).padStart(9)} ${r.js.toFixed(1).padStart(12)} ${(r.wasm / r.js).toFixed(2).padStart(7)}`);
}
await browser.close();
await server.close();
