// tools/shorten-imports.mjs, which build.sh runs on the wasm and its glue: the renamed module must
// still call the same JavaScript for each import, and a glue that does not match must stop the build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortenImports } from '../../tools/shorten-imports.mjs';

const MODULE = './x_bg.js';
const A = '__wbg_a_0123456789abcdef', B = '__wbg_b_fedcba9876543210';
const str = (s) => [s.length, ...Buffer.from(s)];
const section = (id, bytes) => [id, bytes.length, ...bytes];
// Imports A and B (both () -> i32), exports run() = B().
const wasm = Buffer.from([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  ...section(1, [1, 0x60, 0, 1, 0x7f]),
  ...section(2, [2, ...str(MODULE), ...str(A), 0, 0, ...str(MODULE), ...str(B), 0, 0]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...str('run'), 0, 2]),
  ...section(10, [1, 4, 0, 0x10, 1, 0x0b]),
]);
const glue = `const import0 = {\n    ${A}: function() { return 1; },\n    ${B}: function() { return 2; },\n};\nreturn import0;`;

test('shorten-imports: short names in both files, the same calls', async () => {
  const out = shortenImports(wasm, glue, MODULE);
  assert.equal(out.renamed, 2);
  assert.ok(out.wasm.length < wasm.length - 40);
  assert.ok(!out.glue.includes(A) && !out.glue.includes(B) && !out.wasm.includes(A), out.glue);
  const imports = new Function(out.glue)();
  const { instance } = await WebAssembly.instantiate(out.wasm, { [MODULE]: imports });
  assert.equal(instance.exports.run(), 2);
  const original = await WebAssembly.instantiate(wasm, { [MODULE]: new Function(glue)() });
  assert.equal(original.instance.exports.run(), 2);
});

test('shorten-imports: a glue that does not match fails', () => {
  assert.throws(() => shortenImports(wasm, glue.replace(`${B}: function`, 'other: function'), MODULE), /exactly once/);
  assert.throws(() => shortenImports(wasm, `${glue}\n// ${A}`, MODULE), /exactly once/);
  assert.throws(() => shortenImports(wasm, glue, './other_bg.js'), /comes from/);
});
