// The store packages written by `./build.sh package` (run by `./build.sh test` before the tests):
// dist/broadsheet-chrome.zip and dist/broadsheet-firefox.zip hold what the extension loads and
// nothing else, carry the version from Cargo.toml, and the Firefox one passes Mozilla's add-on
// linter (web-ext lint). The zips are read here with a small reader of the zip format (central
// directory + raw deflate), so the test needs no unzip tool.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { ROOT } from './helpers.mjs';

/** Reads a zip archive: a Map from entry name to its uncompressed bytes. */
function readZip(bytes) {
  // The end-of-central-directory record (signature 0x06054b50) sits in the last 64 KiB + 22 bytes.
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a zip end record');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const compressed = bytes.readUInt32LE(at + 20);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataStart, dataStart + compressed);
    const content = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    assert.equal(content.length, size, `${name} inflates to its recorded size`);
    entries.set(name, content);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The version in Cargo.toml's [package] table. */
async function crateVersion() {
  const toml = await readFile(join(ROOT, 'Cargo.toml'), 'utf8');
  const table = toml.slice(toml.indexOf('[package]'));
  return table.slice(0, table.indexOf('\n[') + 1 || undefined).match(/^version\s*=\s*"([^"]+)"/m)[1];
}

/** Every file under a folder of the repository, as zip-style relative paths. */
async function filesUnder(dir) {
  const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? e.path, e.name).slice(ROOT.length + 1));
}

// (extension/overlay.css is the source of the stylesheet build.rs embeds in the wasm: nothing loads it.)
const FORBIDDEN = /^(src|tests|target|node_modules|fuzz|examples|dist)\/|^(Cargo\.(toml|lock)|build\.sh|package(-lock)?\.json|README\.md|extension\/overlay\.css)$|(^|\/)\.|\.(py|rs|map|ts)$/;

for (const browser of ['chrome', 'firefox']) {
  test(`package: broadsheet-${browser}.zip holds only what the extension loads`, async () => {
    const zip = readZip(await readFile(join(ROOT, 'dist', `broadsheet-${browser}.zip`)));
    const names = [...zip.keys()];
    for (const name of names) assert.doesNotMatch(name, FORBIDDEN, `${name} does not belong in the package`);
    for (const name of names) {
      assert.match(name, /^(manifest\.json|extension\/|_locales\/|pkg\/)/, `${name} is one of the extension's folders`);
    }
    // Everything the extension loads is there: this browser's build (extension/content.js runs
    // the wasm2js translation in Chromium, the wasm in Firefox) and nothing of the other one, the
    // locales, the scripts and icons.
    const build = {
      chrome: ['pkg/broadsheet_asm.js', 'pkg/broadsheet_asm_glue.js', 'pkg/walk.js'],
      firefox: ['pkg/broadsheet.js', 'pkg/broadsheet_bg.wasm', 'pkg/walk.js'],
    }[browser];
    const needed = [...build, ...(await filesUnder('_locales')), 'extension/background.js', 'extension/content.js'];
    for (const file of needed) assert.ok(zip.has(file), `${file} is packaged`);
    const built = (await filesUnder('pkg')).filter((f) => !/(^|\/)\./.test(f) && !f.startsWith('pkg/names/'));
    for (const file of built) {
      if (!build.includes(file)) assert.ok(!zip.has(file), `${file}, the other browser's build, is not packaged`);
    }

    const manifest = JSON.parse(zip.get('manifest.json').toString('utf8'));
    assert.equal(manifest.version, await crateVersion(), "the manifest's version is Cargo.toml's");
    for (const path of [
      ...Object.values(manifest.icons),
      ...(manifest.background.scripts || []),
      ...(manifest.background.service_worker ? [manifest.background.service_worker] : []),
      ...manifest.web_accessible_resources.flatMap((r) => r.resources),
    ]) {
      assert.ok(zip.has(path), `${path}, named by the manifest, is packaged`);
    }
    const exposed = manifest.web_accessible_resources.flatMap((r) => r.resources).sort();
    assert.deepEqual(exposed, [...build].sort(), 'the manifest exposes exactly this browser\'s build');
    if (browser === 'chrome') {
      assert.equal(manifest.background.service_worker, 'extension/background.js');
      assert.equal(manifest.browser_specific_settings, undefined, 'no Firefox-only keys for Chrome');
    } else {
      assert.deepEqual(manifest.background.scripts, ['extension/background.js']);
      assert.equal(manifest.background.service_worker, undefined, 'Firefox ignores service_worker');
      assert.match(manifest.browser_specific_settings.gecko.id, /@/);
    }
  });
}

test('package: web-ext lint (Mozilla addons-linter) finds no errors and no warnings in the Firefox zip', async (t) => {
  const { cmd } = await import('web-ext');
  const result = await cmd.lint(
    { sourceDir: join(ROOT, 'dist', 'broadsheet-firefox.zip'), output: 'none' },
    { shouldExitProgram: false },
  );
  const list = (items) => items.map((item) => `${item.code} ${item.file ?? ''}: ${item.message}`);
  for (const line of list(result.notices)) t.diagnostic(`notice: ${line}`);
  assert.deepEqual(list(result.errors), [], 'no errors');
  assert.deepEqual(list(result.warnings), [], 'no warnings');
});
