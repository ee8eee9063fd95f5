// Reads an unsigned LEB128 number, the wasm binary format's integer encoding, for the tools that
// walk a wasm file's sections (shorten-imports.mjs, drop-wasm-section.mjs).

/** The number at `at` in `bytes`: `[value, offset just after it]`. */
export function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}
