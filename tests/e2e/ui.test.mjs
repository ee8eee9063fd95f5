// The overlay's reading experience end to end: panels (outline scroll-spy and jumps, quote
// highlight, copy actions), settings saved between opens, keyboard and focus, axe-core in light and
// dark themes, the narrow drawer, and screenshots (tests/e2e/artifacts/, git-ignored) to look at.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inShadowRoot, launchWithExtension, openOverlay, ROOT, serve } from './helpers.mjs';

const SEED = '/tests/fixtures/seed/page.html';
const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');

// An English article with subheads, a short last section and a quote, long enough to scroll.
const LONG = '/long.html';
const para = (n) => `<p>${'The harbour council met again on Tuesday evening to weigh the cost of the new wall against the tide tables. '.repeat(n)}</p>`;
const LONG_PAGE = `<!DOCTYPE html><html lang="en"><head><title>The harbour wall, explained</title></head>
<body><main><article><h1>The harbour wall, explained</h1>
${para(3)}<h2>Why it matters</h2>${para(4)}${para(4)}
<p>“We cannot wait another winter for this wall to be built,” said Mary Jones, the harbour master.</p>
${para(4)}<h2>What it costs</h2>${para(4)}${para(4)}${para(4)}<h3>Who pays</h3>${para(4)}${para(4)}
<h2>What comes next</h2><p>A vote in May.</p></article></main></body></html>`;

// A right-to-left page.
const RTL = '/rtl.html';
const RTL_PAGE = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>جدار الميناء</title></head>
<body><article><h1>جدار الميناء</h1>${`<p>${'اجتمع مجلس الميناء مساء الثلاثاء لمناقشة تكلفة الجدار الجديد مقابل جداول المد والجزر. '.repeat(5)}</p>`.repeat(6)}</article></body></html>`;

let server, browser, page;

before(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  server = await serve({ pages: { [LONG]: { body: LONG_PAGE }, [RTL]: { body: RTL_PAGE } } });
  browser = await launchWithExtension({ viewport: { width: 1280, height: 800 } });
  page = browser.page;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** `fn(root, arg)` inside the open overlay's shadow root (helpers.mjs). */
const inOverlay = (fn, arg) => inShadowRoot(page, fn, arg);

const overlay = (selector, options) => page.locator(`#broadsheet-host ${selector}`, options);

async function openAt(path) {
  await page.goto(server.url(path));
  assert.equal(await openOverlay(browser, page), 'open');
}

async function closeOverlay() {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('broadsheet-host'), null, { timeout: 2000 });
}

/** The outline entry marked current by the scroll-spy. */
const currentEntry = () => inOverlay((root) => root.querySelector('[data-part=outline] [aria-current]')?.textContent ?? null);

/** Sets a setting through its control, as a reader does. */
async function choose(name, value) {
  if (await inOverlay((root) => root.getElementById('bs-settings').hidden)) {
    await overlay('[data-action=toggle-settings]').click();
  }
  await overlay(`select[data-setting=${name}]`).selectOption(value);
}

test('outline: nested entries, click scrolls and focuses, scroll-spy follows, bottom = last', async () => {
  await openAt(LONG);
  const nested = await inOverlay((root) => [...root.querySelectorAll('[data-part=outline] ol ol button')].map((b) => b.textContent));
  assert.deepEqual(nested, ['Who pays'], 'h3 nests under its h2');
  await overlay('[data-part=outline] [data-action=jump]', { hasText: 'What it costs' }).click();
  await page.waitForFunction(() => {
    const root = document.getElementById('broadsheet-host').shadowRoot;
    const h = [...root.querySelectorAll('.bs-body h2')].find((e) => e.textContent === 'What it costs');
    const top = h.getBoundingClientRect().top;
    return top > 40 && top < 120 && root.activeElement === h;
  }, null, { timeout: 3000 });
  await page.waitForTimeout(150);
  assert.equal(await currentEntry(), 'What it costs');
  // Scrolled to the end: the short last section is current although its heading never reaches the top.
  await inOverlay((root) => { const s = root.querySelector('.bs-shell'); s.scrollTop = s.scrollHeight; });
  await page.waitForTimeout(150);
  assert.equal(await currentEntry(), 'What comes next');
  await inOverlay((root) => { root.querySelector('.bs-shell').scrollTop = 0; });
  await page.waitForTimeout(150);
  assert.equal(await currentEntry(), null, 'nothing is current above the first section');
  await closeOverlay();
});

test('outline: a story without subheads gets generated sections, tagged "auto"', async () => {
  await openAt('/tests/fixtures/readability/herald-sun-1/source.html');
  const entries = await inOverlay((root) => [...root.querySelectorAll('[data-part=outline] [data-action=jump]')].map((b) => ({
    generated: b.classList.contains('bs-generated'), tag: b.querySelector('.bs-tag')?.textContent ?? null,
  })));
  assert.ok(entries.length >= 3, JSON.stringify(entries));
  for (const e of entries) assert.deepEqual(e, { generated: true, tag: 'auto' });
  await page.screenshot({ path: join(ARTIFACTS, 'generated-outline.png') });
  await closeOverlay();
});

test('quotes: key quotes first, click highlights the quote in the article, copy variants', async () => {
  await page.goto(server.url(SEED));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url('') });
  assert.equal(await openOverlay(browser, page), 'open');
  const first = await inOverlay((root) => {
    const item = root.querySelector('[data-part=quotes] .bs-key');
    return { text: item.querySelector('q').textContent, speaker: item.querySelector('.bs-name')?.textContent ?? '' };
  });
  assert.ok(first.text.length > 5 && first.speaker.startsWith('— '), JSON.stringify(first));
  await overlay('[data-part=quotes] .bs-key [data-action=jump-quote]').first().click();
  const mark = await inOverlay((root) => {
    const m = root.querySelector('[data-part=article] mark.bs-highlight');
    return m && { text: m.textContent, top: m.getBoundingClientRect().top };
  });
  assert.ok(mark, 'a mark wraps the quote');
  assert.ok(mark.text.includes(first.text.slice(0, 6)), `${mark.text} / ${first.text}`);
  await page.waitForTimeout(700);
  const top = await inOverlay((root) => root.querySelector('mark.bs-highlight').getBoundingClientRect().top);
  assert.ok(top > 40 && top < 760, `the quote is in view (${top})`);
  // Markdown, per quote, outline, credits, article.
  for (const [selector, expect] of [
    ['[data-action=copy-quotes-markdown]', '> '],
    ['[data-part=quotes] [data-action=copy-quote] >> nth=0', first.text.slice(0, 6)],
    ['[data-action=copy-outline]', '- '],
    ['[data-action=copy-credits]', 'Reuters'],
    ['[data-action=copy-article]', '# '],
  ]) {
    await overlay(selector).click();
    await page.waitForFunction((s) => {
      const root = document.getElementById('broadsheet-host').shadowRoot;
      return root.querySelector(s.replace(' >> nth=0', ''))?.getAttribute('data-copied') === 'true';
    }, selector, { timeout: 2000 });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(copied.includes(expect), `${selector}: ${copied.slice(0, 200)}`);
  }
  await closeOverlay();
});

test('sources: every image with caption, credit and an origin link that opens safely', async () => {
  await openAt(SEED);
  const sources = await inOverlay((root) => [...root.querySelectorAll('[data-part=sources] .bs-source')].map((li) => ({
    credit: li.querySelector('.bs-credit')?.textContent ?? '',
    link: li.querySelector('.bs-origin a') && { target: li.querySelector('.bs-origin a').target, rel: li.querySelector('.bs-origin a').rel, href: li.querySelector('.bs-origin a').href },
  })));
  assert.equal(sources.length, 3);
  assert.ok(sources[0].credit.includes('Reuters'), sources[0].credit);
  for (const s of sources) {
    assert.equal(s.link.target, '_blank');
    assert.equal(s.link.rel, 'noopener noreferrer');
    assert.ok(!s.link.href.includes('weserv'), s.link.href);
  }
  // Offline, the pictures cannot load: each becomes a small box with its description.
  await page.waitForTimeout(300);
  const boxes = await inOverlay((root) => [...root.querySelectorAll('.bs-body .bs-missing')].map((b) => b.getBoundingClientRect().height));
  assert.ok(boxes.length >= 1 && boxes.every((h) => h < 200), JSON.stringify(boxes));
  await inOverlay((root) => root.querySelector('[data-part=sources]').scrollIntoView());
  await overlay('.bs-panel').screenshot({ path: join(ARTIFACTS, 'seed-sources-panel.png') });
  await closeOverlay();
});

test('settings: applied at once, saved, and applied on the next open', async () => {
  await openAt(LONG);
  await choose('theme', 'sepia');
  await choose('size', '22');
  const applied = await inOverlay((root) => {
    const shell = root.querySelector('.bs-shell');
    return { theme: shell.dataset.theme, size: getComputedStyle(root.querySelector('.bs-body p')).fontSize };
  });
  assert.deepEqual(applied, { theme: 'sepia', size: '22px' });
  await closeOverlay();
  await openAt(LONG);
  await page.waitForFunction(() => document.getElementById('broadsheet-host').shadowRoot.querySelector('.bs-shell').dataset.theme === 'sepia', null, { timeout: 2000 });
  assert.equal(await inOverlay((root) => root.querySelector('select[data-setting=size]').value), '22');
  await choose('theme', 'auto');
  await choose('size', '18');
  await closeOverlay();
});

test('keyboard: focus moves in, Tab stays inside, Escape closes and focus returns', async () => {
  await page.goto(server.url(LONG));
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'before';
    b.textContent = 'page button';
    document.body.prepend(b);
    b.focus();
  });
  assert.equal(await openOverlay(browser, page), 'open');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
    const inside = await page.evaluate(() => document.activeElement?.id === 'broadsheet-host');
    assert.ok(inside, `focus left the overlay after ${i + 1} presses`);
  }
  await closeOverlay();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'before');
});

test('accessibility: axe-core finds no serious or critical violations, light and dark', async () => {
  const axe = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const theme of ['light', 'dark', 'sepia', 'contrast']) {
    await openAt(SEED);
    await choose('theme', theme);
    await overlay('[data-action=toggle-settings]').click();
    await page.addScriptTag({ content: axe });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run({ include: [['#broadsheet-host']] }, { resultTypes: ['violations'] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(' ')}`);
    });
    assert.deepEqual(violations, [], `${theme} theme`);
    await page.screenshot({ path: join(ARTIFACTS, `seed-${theme}.png`) });
    await closeOverlay();
  }
  await openAt(SEED);
  await choose('theme', 'auto');
  await closeOverlay();
});

test('narrow viewport: the panel is a drawer, closed on open, opened by its button', async () => {
  await page.setViewportSize({ width: 390, height: 800 });
  try {
    await openAt(SEED);
    assert.equal(await overlay('[data-part=outline]').isVisible(), false);
    const width = await inOverlay((root) => root.querySelector('.bs-main').getBoundingClientRect().width);
    assert.ok(width > 300, `the column uses the width (${width})`);
    await page.screenshot({ path: join(ARTIFACTS, 'seed-narrow.png') });
    await overlay('[data-action=toggle-panel]').click();
    assert.equal(await overlay('[data-part=outline]').isVisible(), true);
    await page.screenshot({ path: join(ARTIFACTS, 'seed-narrow-drawer.png') });
    await overlay('[data-part=outline] [data-action=jump]').first().click();
    assert.equal(await overlay('[data-part=outline]').isVisible(), false, 'a jump closes the drawer');
    await closeOverlay();
  } finally {
    await page.setViewportSize({ width: 1280, height: 800 });
  }
});

test('wide viewport: the panel can be hidden; the article column stays within its width', async () => {
  await openAt(LONG);
  await overlay('[data-action=toggle-panel]').click();
  assert.equal(await overlay('[data-part=outline]').isVisible(), false);
  await overlay('[data-action=toggle-panel]').click();
  assert.equal(await overlay('[data-part=outline]').isVisible(), true);
  await page.screenshot({ path: join(ARTIFACTS, 'long-light.png') });
  await closeOverlay();
});

test('print: the article alone, with its images and credits; the page comes back after', async () => {
  await openAt(SEED);
  const before = await page.evaluate(() => document.body.getAttribute('style'));
  await page.emulateMedia({ media: 'print' });
  try {
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await inOverlay((root) => {
      const shown = (s) => { const e = root.querySelector(s); return !!e && getComputedStyle(e).display !== 'none'; };
      return {
        body: getComputedStyle(document.body).display,
        bar: shown('.bs-bar'), panel: shown('.bs-panel'), article: shown('[data-part=article]'),
        credit: shown('.bs-body .bs-credit'), host: getComputedStyle(document.getElementById('broadsheet-host')).position,
      };
    });
    assert.deepEqual(printed, { body: 'none', bar: false, panel: false, article: true, credit: true, host: 'static' });
    await page.screenshot({ path: join(ARTIFACTS, 'print.png'), fullPage: false });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  } finally {
    await page.emulateMedia({ media: 'screen' });
  }
  assert.equal(await page.evaluate(() => document.body.getAttribute('style')), before);
  await closeOverlay();
});

test('right-to-left pages mirror the layout', async () => {
  await openAt(RTL);
  const layout = await inOverlay((root) => ({
    dir: root.querySelector('.bs-shell').getAttribute('dir'),
    panelLeft: root.querySelector('.bs-panel').getBoundingClientRect().left < root.querySelector('.bs-main').getBoundingClientRect().left,
  }));
  assert.deepEqual(layout, { dir: 'rtl', panelLeft: true });
  await page.screenshot({ path: join(ARTIFACTS, 'rtl.png') });
  await closeOverlay();
});
