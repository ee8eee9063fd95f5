// The shipped extension's static promises: what the manifest asks for, the icons it names, and
// the overlay's strings in both locales. No browser needed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
const locale = async (name) => JSON.parse(await readFile(join(ROOT, '_locales', name, 'messages.json'), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
async function pngSize(path) {
  const bytes = await readFile(path);
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG', `${path} is a PNG`);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** The English text of a chrome.i18n message with its $NAME$ placeholders turned into $1, $2. */
function englishText(entry) {
  let text = entry.message;
  for (const [name, { content }] of Object.entries(entry.placeholders || {})) {
    text = text.replaceAll(new RegExp(`\\$${name}\\$`, 'gi'), content);
  }
  return text;
}

test('manifest: MV3, the action, the shortcut, and no wider permissions than needed', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.equal(manifest.action.default_title, 'Broadsheet reader');
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'clipboardWrite', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined, 'no host permissions');
  assert.equal(manifest.content_scripts, undefined, 'nothing injected before a click');
  assert.equal(manifest.commands._execute_action.suggested_key.default, 'Alt+Shift+R');
  assert.equal(manifest.background.service_worker, 'extension/background.js');
  assert.match(manifest.content_security_policy.extension_pages, /'wasm-unsafe-eval'/);
  const exposed = manifest.web_accessible_resources.flatMap((r) => r.resources).sort();
  assert.deepEqual(exposed, ['pkg/broadsheet.js', 'pkg/broadsheet_asm.js', 'pkg/broadsheet_asm_glue.js', 'pkg/broadsheet_bg.wasm', 'pkg/walk.js']);
});

test('manifest: every file it names exists, icons at their sizes', async () => {
  for (const icons of [manifest.icons, manifest.action.default_icon]) {
    for (const [size, path] of Object.entries(icons)) {
      assert.deepEqual(await pngSize(join(ROOT, path)), [Number(size), Number(size)], path);
    }
  }
  await stat(join(ROOT, manifest.background.service_worker));
  await stat(join(ROOT, 'extension', 'content.js'));
});

test('locales: en and zh_CN carry the same keys, and the manifest names exist', async () => {
  const en = await locale('en');
  const zh = await locale('zh_CN');
  assert.equal(manifest.default_locale, 'en');
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const named = JSON.stringify(manifest).match(/__MSG_(\w+)__/g).map((m) => m.slice(6, -2));
  for (const key of named) assert.ok(en[key], `_locales/en lacks ${key}`);
  for (const [key, entry] of Object.entries(zh)) assert.ok(entry.message.trim(), `zh_CN ${key} is empty`);
});

test("locales: the overlay's string table (src/web/i18n.rs) matches _locales/en", async () => {
  const source = await readFile(join(ROOT, 'src', 'web', 'i18n.rs'), 'utf8');
  const table = source.slice(source.indexOf('pub const MESSAGES'), source.indexOf('];'));
  const pairs = [...table.matchAll(/\("(\w+)", "((?:[^"\\]|\\.)*)"\)/g)].map((m) => [m[1], m[2]]);
  assert.ok(pairs.length > 10, 'the table was found');
  const en = await locale('en');
  for (const [key, text] of pairs) {
    assert.ok(en[key], `_locales/en lacks ${key}`);
    assert.equal(englishText(en[key]), text, `English text of ${key}`);
  }
});
