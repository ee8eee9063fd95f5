// Strict Content-Security-Policy pages: the overlay opens, and Broadsheet causes no CSP violation
// report. The content script never compiles WebAssembly (it loads the wasm2js build of the same
// crate, see extension/content.js), because a refused compile makes the page report to the site.
// Each page is served with `report-uri /csp-report`; the server counts the reports that arrive.
// One browser for the whole file.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeWithButton, launchWithExtension, openOverlay, pageState, serve } from './helpers.mjs';

const TITLE = 'Harbour wall to be rebuilt after a decade of debate';
const paragraph = (i) => `Paragraph ${i}: the council voted on Tuesday to rebuild the old harbour wall, `
  + 'ending a debate that has run for a decade, and the mayor said the work would start in spring. ';
// An article with no subresource, script or style of its own: under `default-src 'none'` the page
// itself causes no report, so any report that arrives is Broadsheet's.
const ARTICLE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<body><header><a href="/">The Harbour Times</a></header><article><h1>${TITLE}</h1>
<p class="byline">By Ann Writer</p>
${[1, 2, 3, 4, 5, 6].map((i) => `<p>${paragraph(i).repeat(2)}</p>`).join('\n')}
<h2>What happens next</h2>
<p>"We have waited long enough," said Mayor Jo Park. ${paragraph(7)}</p>
${[8, 9].map((i) => `<p>${paragraph(i).repeat(2)}</p>`).join('\n')}
</article></body></html>`;

const REPORT = 'report-uri /csp-report';
const POLICIES = {
  'default-src none': `default-src 'none'; ${REPORT}`,
  'sandbox allow-scripts': `sandbox allow-scripts; default-src 'none'; ${REPORT}`,
  'Trusted Types': `require-trusted-types-for 'script'; trusted-types 'none'; default-src 'none'; ${REPORT}`,
};
// The seed page keeps its own images and styles, but may not compile WebAssembly.
const SEED_POLICY = `default-src 'self' 'unsafe-inline'; img-src * data: blob:; ${REPORT}`;
const SEED = '/tests/fixtures/seed/page.html';
const SEED_TITLE = '迟到的普京与热情的金正恩';

const slug = (name) => name.replace(/\W+/g, '-');
const pages = {};
for (const [name, policy] of Object.entries(POLICIES)) {
  pages[`/csp/${slug(name)}.html`] = { body: ARTICLE, headers: { 'content-security-policy': policy } };
}

let server, browser, page;
const reports = [];

before(async () => {
  server = await serve({
    pages,
    headers: (path) => (path === SEED ? { 'content-security-policy': SEED_POLICY } : {}),
    onRequest: (path) => { if (path === '/csp-report') reports.push(path); },
  });
  browser = await launchWithExtension();
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens, checks the title, closes; then waits for late reports and checks the page is as before. */
async function openAndClose(path, title) {
  await page.goto(server.url(path));
  await page.waitForTimeout(300); // reports the page itself would send on load
  const before = await pageState(page);
  const reportsBefore = reports.length;
  assert.equal(await openOverlay(browser, page), 'open');
  const heading = page.locator('#broadsheet-host [data-part=article] h1').first();
  assert.ok((await heading.textContent()).includes(title));
  assert.ok(await heading.isVisible(), 'the title is visible');
  assert.equal(await closeWithButton(browser, page), null);
  await page.waitForTimeout(500); // a report is sent asynchronously
  assert.equal(reports.length - reportsBefore, 0, 'no CSP violation report after open and close');
  const restored = await pageState(page);
  assert.equal(restored.html, before.html, 'the page is restored exactly');
}

for (const name of Object.keys(POLICIES)) {
  test(`CSP ${name}: the overlay opens and no CSP report is sent`, async () => {
    await openAndClose(`/csp/${slug(name)}.html`, TITLE);
  });
}

test('CSP without wasm-unsafe-eval on the seed page: opens, no report', async () => {
  await openAndClose(SEED, SEED_TITLE);
});

// The check above can fail: a WebAssembly compile on such a page does send a report here.
test('control: a WebAssembly compile on the strict page is reported to /csp-report', async () => {
  await page.goto(server.url(`/csp/${slug('default-src none')}.html`));
  await page.waitForTimeout(300);
  const before = reports.length;
  // Main-world scripts are blocked by this policy; a compile from the test's own evaluate is not.
  const refused = await page.evaluate(() =>
    WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(() => false, () => true));
  assert.ok(refused, 'the page refuses WebAssembly');
  const deadline = Date.now() + 3000;
  while (reports.length === before && Date.now() < deadline) await page.waitForTimeout(50);
  assert.ok(reports.length > before, 'the refused compile produced a report');
});
