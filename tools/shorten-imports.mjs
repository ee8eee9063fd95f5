// Gives the wasm's imports short names: `node tools/shorten-imports.mjs WASM GLUE` rewrites both
// files in place (build.sh runs it after wasm-bindgen, before wasm-opt and wasm2js).
//
// Why: wasm-bindgen names each import after the JavaScript it calls plus a 16-digit hash
// (`__wbg_getBoundingClientRect_9f973e395d22a7dd`); the names appear in the wasm's import section,
// as keys of the glue's import object and again in the wasm2js module, and the hashes do not
// compress. Here the imports become `_0`, `_1`, … in the order of the wasm's import section.
//
// How, checked at each step (any surprise fails the build rather than shipping a mismatch):
//  1. the wasm's import section is read; every import must come from the glue's module
//     (`./<crate>_bg.js`) and be a function;
//  2. in the glue, each name must be a key of the import object exactly once (`NAME: function…`)
//     and appear nowhere else; the key is replaced;
//  3. the import section is written again with the new names; every other byte is kept.

import fs from 'node:fs';
import path from 'node:path';
import { readLeb } from './leb.mjs';

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}

const name = (text) => { const b = Buffer.from(text, 'utf8'); return Buffer.concat([leb(b.length), b]); };

// The wasm's sections as [id, start of contents, end].
function sections(wasm) {
  const out = [];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    out.push([id, at, start, start + size]);
    at = start + size;
  }
  return out;
}

/** Renames the imports of `wasm` (a Buffer) and the matching keys of `glue` (its text); returns
 * `{ wasm, glue, renamed }`. Throws when either file is not shaped as expected. */
export function shortenImports(wasm, glue, moduleName) {
  const section = sections(wasm).find(([id]) => id === 2);
  if (!section) return { wasm, glue, renamed: 0 };
  const [, headerAt, start, end] = section;
  // 1. Read the imports.
  let [count, at] = readLeb(wasm, start);
  const entries = [];
  for (let i = 0; i < count; i++) {
    let length;
    [length, at] = readLeb(wasm, at);
    const module = wasm.toString('utf8', at, at + length);
    at += length;
    [length, at] = readLeb(wasm, at);
    const field = wasm.toString('utf8', at, at + length);
    at += length;
    const kind = wasm[at];
    const descStart = at + 1;
    if (kind !== 0) throw new Error(`import ${module}.${field} is not a function`);
    [, at] = readLeb(wasm, descStart);
    if (module !== moduleName) throw new Error(`import ${field} comes from ${module}, not ${moduleName}`);
    entries.push({ field, desc: wasm.subarray(descStart - 1, at), short: `_${i.toString(36)}` });
  }
  if (at !== end) throw new Error('the import section has trailing bytes');
  // 2. The glue's keys.
  for (const { field, short } of entries) {
    const uses = glue.split(field).length - 1;
    const key = new RegExp(`^(\\s*)${field.replace(/\$/g, '\\$')}(: function)`, 'm');
    if (uses !== 1 || !key.test(glue)) throw new Error(`the glue does not name ${field} exactly once, as an import key`);
    if (glue.includes(`${short}:`)) throw new Error(`the glue already has a key ${short}`);
    glue = glue.replace(key, `$1${short}$2`);
  }
  // 3. The new import section.
  const contents = Buffer.concat([leb(entries.length), ...entries.map((e) => Buffer.concat([name(moduleName), name(e.short), e.desc]))]);
  wasm = Buffer.concat([wasm.subarray(0, headerAt), Buffer.from([2]), leb(contents.length), contents, wasm.subarray(end)]);
  return { wasm, glue, renamed: entries.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === new URL(import.meta.url).pathname) {
  const [wasmPath, gluePath] = process.argv.slice(2);
  const moduleName = `./${path.basename(wasmPath).replace(/\.wasm$/, '.js')}`;
  const before = fs.statSync(wasmPath).size;
  const { wasm, glue, renamed } = shortenImports(fs.readFileSync(wasmPath), fs.readFileSync(gluePath, 'utf8'), moduleName);
  fs.writeFileSync(wasmPath, wasm);
  fs.writeFileSync(gluePath, glue);
  console.error(`shorten-imports: ${renamed} imports renamed, ${wasmPath} ${before} → ${wasm.length} B`);
}
