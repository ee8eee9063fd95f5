// `./build.sh demo`: the main job on the bundled seed article. Serves tests/fixtures/seed/page.html
// from 127.0.0.1, opens it in Chromium with the extension, presses the toolbar button, and saves a
// screenshot of the overlay to target/demo/seed.png (headless when there is no $DISPLAY; with a
// display the browser stays open until you close it).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension, openOverlay, ROOT, serve } from './helpers.mjs';

const OUT = join(process.env.CARGO_TARGET_DIR || join(ROOT, 'target'), 'demo');
const headless = !process.env.DISPLAY;

const server = await serve();
const browser = await launchWithExtension({ headless, viewport: { width: 1280, height: 860 } });
try {
  const { page } = browser;
  await page.goto(server.url('/tests/fixtures/seed/page.html'));
  const started = Date.now();
  const state = await openOverlay(browser, page);
  if (state !== 'open') throw new Error(`the overlay did not open (state: ${state})`);
  const ms = Date.now() - started;
  await page.waitForTimeout(300); // fonts settle
  await mkdir(OUT, { recursive: true });
  const path = join(OUT, 'seed.png');
  await page.screenshot({ path });
  console.log(`overlay open in ${ms} ms (press to rendered, including the first wasm load)`);
  console.log(`screenshot: ${path}`);
  if (!headless) {
    console.log('close the browser window to finish');
    await new Promise((done) => browser.context.on('close', done));
  }
} finally {
  await browser.close().catch(() => {});
  await server.close();
}
