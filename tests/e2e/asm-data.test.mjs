// The JavaScript build's data segments: build.sh makes wasm2js's base64 decoder use the engine's
// `Uint8Array.prototype.setFromBase64` where there is one (a loop that runs once at instantiation
// stays in the interpreter). Both ways must fill the module's memory with the same bytes.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serve } from './helpers.mjs';

let server, browser, tab;
before(async () => {
  server = await serve({ pages: { '/blank.html': { body: '<!DOCTYPE html><title>blank</title>' } } });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  tab = await browser.newPage();
  await tab.goto(server.url('/blank.html'));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('JS build: the engine decoder and the fallback loop give the same memory', async () => {
  const result = await tab.evaluate(async () => {
    const glue = await import('/pkg/broadsheet_asm_glue.js');
    const asm = await import('/pkg/broadsheet_asm.js');
    const memory = () => new Uint8Array(asm.instantiate(glue.__wbg_get_imports()).memory.buffer).slice();
    const engine = typeof Uint8Array.prototype.setFromBase64 === 'function';
    const fast = memory();
    const saved = Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'setFromBase64');
    delete Uint8Array.prototype.setFromBase64;
    let slow;
    try {
      slow = memory();
    } finally {
      if (saved) Object.defineProperty(Uint8Array.prototype, 'setFromBase64', saved);
    }
    let differing = 0;
    let nonZero = 0;
    for (let i = 0; i < Math.max(fast.length, slow.length); i++) {
      if (fast[i] !== slow[i]) differing++;
      if (fast[i]) nonZero++;
    }
    return { engine, lengths: [fast.length, slow.length], differing, nonZero };
  });
  assert.ok(result.engine, 'this Chromium has setFromBase64, so the fast path is the one compared');
  assert.equal(result.lengths[0], result.lengths[1]);
  assert.equal(result.differing, 0, JSON.stringify(result));
  assert.ok(result.nonZero > 20_000, `the data segments were written (${result.nonZero} non-zero bytes)`);
});
