// The same snapshot from HTML and from the live DOM (issue 2, point 6).
//
// For every page of the corpus (tests/fixtures/readability/*/source.html) and the seed article,
// the native html5ever builder's snapshot (written by `cargo run --example snapshot_dump`) must
// equal the snapshot the extension's wasm takes of the same file loaded in Chromium: the same
// elements, kept attributes and text, in the same order (visibility is not compared: natively it
// comes from markup, in the browser from layout). One named test per page.
//
// Each page loads in a same-origin frame of a small runner page that holds the wasm (so a page's
// own CSP, e.g. toc-missing's, never has to allow WebAssembly). Pages are served with
// `Content-Security-Policy: script-src 'none'`: their scripts cannot run and change the DOM, while
// scripting stays enabled (so `<noscript>` parses as raw text, as on a real page).
//
// tests/e2e/pages/parser-edges.html adds the parser corners the corpus may miss (misnested tags,
// foster parenting, foreign content, templates, declarative shadow roots, raw text elements).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from './helpers.mjs';

const CORPUS = join(ROOT, 'tests', 'fixtures', 'readability');
const slugs = (await readdir(CORPUS, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const pages = [
  { name: 'seed', path: '/tests/fixtures/seed/page.html' },
  { name: 'parser-edges', path: '/tests/e2e/pages/parser-edges.html' },
  ...slugs.map((slug) => ({ name: slug, path: `/tests/fixtures/readability/${slug}/source.html` })),
];

const RUNNER = '/parity-runner.html';
let dumps, server, browser, page;

before(async () => {
  dumps = await mkdtemp(join(tmpdir(), 'broadsheet-parity-'));
  const named = pages.map((p) => `${p.name}=${join(ROOT, p.path)}`);
  const run = spawnSync('cargo', ['run', '--quiet', '--example', 'snapshot_dump', '--', dumps, ...named], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  assert.equal(run.status, 0, 'cargo run --example snapshot_dump failed');
  server = await serve({
    pages: { [RUNNER]: { body: '<!DOCTYPE html><title>parity runner</title><iframe id="page"></iframe>' } },
    headers: (path) => (path.endsWith('.html') ? { 'content-security-policy': "script-src 'none'" } : {}),
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  await context.route((url) => /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1', (r) => r.abort());
  page = await context.newPage();
  await page.goto(server.url(RUNNER));
  await page.evaluate(async (url) => {
    const glue = await import(url);
    await glue.default();
    window.glue = glue;
  }, server.url('/pkg/broadsheet.js'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dumps) await rm(dumps, { recursive: true, force: true });
});

/** Loads `url` in the runner's frame and returns its live-DOM snapshot, taken by the extension's wasm. */
function liveDump(url) {
  return page.evaluate(async (url) => {
    const frame = document.getElementById('page');
    await new Promise((loaded) => {
      frame.onload = loaded;
      frame.src = url;
    });
    return window.glue.snapshot_dump(frame.contentDocument);
  }, url);
}

/** A readable account of the first difference between two dumps. */
function firstDifference(native, live) {
  const a = native.split('\n');
  const b = live.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (lines) => lines.slice(Math.max(0, i - 3), i + 3).map((l) => `    ${l.slice(0, 160)}`).join('\n');
  return `first difference at node ${i + 1} (native ${a.length - 1} nodes, live ${b.length - 1}):\n` +
    `  html5ever:\n${show(a)}\n  live DOM:\n${show(b)}`;
}

/**
 * The frame's page (loaded by `liveDump`) measured both ways: each element's visibility as the
 * extension's walk measures it (bottom-up, as few `checkVisibility` calls as it can) and as the
 * reference does (every element, top-down); with the number of calls each made.
 */
function visibilityBothWays() {
  return page.evaluate(() => {
    const doc = document.getElementById('page').contentDocument;
    const proto = doc.defaultView.Element.prototype;
    const original = proto.checkVisibility;
    let calls = 0;
    proto.checkVisibility = function (options) { calls++; return original.call(this, options); };
    try {
      const fast = window.glue.snapshot_visibility(doc, false);
      const fastCalls = calls;
      calls = 0;
      const reference = window.glue.snapshot_visibility(doc, true);
      return { fast, reference, fastCalls, referenceCalls: calls };
    } finally {
      proto.checkVisibility = original;
    }
  });
}

for (const { name, path } of pages) {
  test(`parity: ${name}`, async () => {
    const native = await readFile(join(dumps, `${name}.txt`), 'utf8');
    const live = await liveDump(server.url(path));
    if (live !== native) assert.fail(firstDifference(native, live));
    // The walk's visibility equals element-by-element measuring, with no more calls.
    const v = await visibilityBothWays();
    assert.ok(v.reference.length > 0);
    assert.equal(v.fast, v.reference, 'visibility: the walk and the element-by-element reference disagree');
    // A page hidden near its root costs the reference one call; the binary search a few more.
    assert.ok(v.fastCalls <= v.referenceCalls + 16, `checkVisibility calls: ${v.fastCalls}, the reference ${v.referenceCalls}`);
    calls.fast += v.fastCalls;
    calls.reference += v.referenceCalls;
  });
}

const calls = { fast: 0, reference: 0 };
test('parity: over the whole corpus the walk measures visibility with far fewer calls', () => {
  assert.ok(calls.reference > 10_000, `the corpus made only ${calls.reference} reference calls`);
  const ratio = calls.fast / calls.reference;
  console.log(`# checkVisibility calls: walk ${calls.fast}, reference ${calls.reference} (${ratio.toFixed(3)}×)`);
  assert.ok(ratio < 0.75, `the walk made ${ratio.toFixed(3)}× the reference's calls`);
});
