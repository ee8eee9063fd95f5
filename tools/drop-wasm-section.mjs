// Copies a wasm file without one custom section: `node tools/drop-wasm-section.mjs IN NAME OUT`.
// Used by `./build.sh names` (see there why `target_features` must go). Fails when IN is not a wasm
// module or has no custom section NAME, so a toolchain change cannot pass unnoticed.
import { readFileSync, writeFileSync } from 'node:fs';
import { readLeb } from './leb.mjs';

const [input, name, output] = process.argv.slice(2);
const bytes = readFileSync(input);
if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${input}: not a wasm module`);

const kept = [bytes.subarray(0, 8)];
let dropped = 0;
for (let at = 8; at < bytes.length;) {
  const [size, body] = readLeb(bytes, at + 1);
  const end = body + size;
  let drop = false;
  if (bytes[at] === 0) {
    const [length, text] = readLeb(bytes, body);
    drop = bytes.subarray(text, text + length).toString('utf8') === name;
  }
  if (drop) dropped++;
  else kept.push(bytes.subarray(at, end));
  at = end;
}
if (dropped === 0) throw new Error(`${input}: no custom section '${name}'`);
writeFileSync(output, Buffer.concat(kept));
