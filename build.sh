#!/usr/bin/env bash
# Broadsheet's one build command.
#
#   ./build.sh          set up what is missing, then build the extension (the repository root is
#                       then loadable as an unpacked extension: chrome://extensions → Load unpacked)
#   ./build.sh test     build and package, then run every test suite (Chromium and Firefox); the
#                       last line is "N passed, N failed"
#   ./build.sh demo     build, open the seed article in Chromium with the extension, press the
#                       toolbar button and save a screenshot (headless when there is no $DISPLAY)
#   ./build.sh package  build, then write dist/broadsheet-chrome.zip and dist/broadsheet-firefox.zip
#                       (only what the extension loads; the version from Cargo.toml)
#   ./build.sh fuzz [SECONDS]  fuzz HTML → snapshot → analysis (cargo fuzz, default 600 s); crashing
#                       inputs are copied to tests/regressions/ (keep them: they become tests)
#   ./build.sh bench    build, then benchmark in Chromium against Readability.js and a bare DOM
#                       walk (bench/browser.mjs; figures, not tests; RUNS, E2E_PAGES env)
#   ./build.sh names    build, then the JavaScript build again with Rust's function names, in
#                       pkg/names/ (for `node bench/js-profile.mjs`; never shipped)
#
# Set-up installs only what is missing, and says so: the Rust wasm32 target, Debian packages
# (Chromium and its WebDriver, binaryen for wasm-opt, a CJK font for the Chinese seed article, zip),
# the wasm-bindgen CLI matching Cargo.lock, and the npm test dependencies; `test` also Firefox ESR
# and geckodriver. Re-running with nothing changed takes a second or two.
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$PWD
# rustup's and cargo install's binaries, also for shells that did not load ~/.cargo/env.
export PATH="$HOME/.cargo/bin:$PATH"
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WASM_TARGET=wasm32-unknown-unknown
CRATE=broadsheet
# What the tests and the demo drive: Debian's Chromium (never a browser downloaded by a test tool).
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver
# Debian packages and the command (or file) that shows each is there.
APT_PACKAGES=(chromium:$CHROMIUM chromium-driver:$CHROMEDRIVER binaryen:wasm-opt zip:zip fonts-noto-cjk:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)
# Debian 12's binaryen 108 (wasm-opt) predates post-MVP features recent rustc turns on by default
# and fails to parse their instructions (reference types bring `table.fill`). So the release wasm
# is built for `mvp`: with LTO every function, std's included, is code-generated again. The
# post-MVP features binaryen 108 (wasm-opt and wasm2js) does handle are turned back on: bulk memory
# (memcpy/memset as one instruction), sign extension, mutable globals. Not non-trapping
# float-to-int: with it, wasm2js 108 hits an assertion in its Vacuum pass on this crate (seen at -Oz,
# -O2, -O1, and invalid output at -O0).
WASM_RUSTFLAGS="-C target-cpu=mvp -C target-feature=+bulk-memory,+sign-ext,+mutable-globals"
# The wasm is optimised for size (`z`: 6% smaller than Cargo.toml's `s` after wasm-opt, measured
# here); native release builds keep `s`.
WASM_CARGO_CONFIG=(--config 'profile.release.opt-level="z"')
# --low-memory-unused lets wasm-opt fold `load(p + c)` into `load offset=c (p)` for c < 1024 (−2.5 KB
# raw, −1 KB gzip here). The two differ only when p + c wraps around 2^32, i.e. p is not a pointer
# into memory at all (the folded form traps where the other read the first 1 KB).
WASM_OPT_FLAGS=(-Oz --low-memory-unused --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)

# The JavaScript build is translated from a wasm of its own, built for speed (Cargo.toml's
# `release-js` profile says why) and optimised for speed by wasm-opt and wasm2js.
JS_PROFILE=release-js
JS_OPT_LEVEL=-O3
# `./build.sh names` sets this to -g: binaryen then keeps the function names (profiling only).
JS_NAMES=()

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command as root (directly, or through sudo).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif have sudo; then sudo "$@"
  else die "need root to run: $*"
  fi
}

# ---------------------------------------------------------------------------------------------
# 1. Set-up: install only what is missing.

ensure_rust() {
  have cargo || die "cargo is missing: install Rust with rustup (https://rustup.rs) and re-run"
  if ! rustup target list --installed 2>/dev/null | grep -qx "$WASM_TARGET"; then
    say "installing the Rust target $WASM_TARGET (rustup target add)"
    rustup target add "$WASM_TARGET" || die "could not add the Rust target $WASM_TARGET"
  fi
}

ensure_apt_packages() {
  local missing=() entry package probe
  for entry in "${APT_PACKAGES[@]}"; do
    package=${entry%%:*} probe=${entry#*:}
    if [ "${probe:0:1}" = / ]; then [ -e "$probe" ] && continue
    else have "$probe" && continue
    fi
    missing+=("$package")
  done
  have node || missing+=(nodejs)
  have npm || missing+=(npm)
  [ ${#missing[@]} -eq 0 ] && return
  have apt-get || die "missing system packages (${missing[*]}) and no apt-get to install them"
  say "installing Debian packages: ${missing[*]} (apt-get)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    || die "apt-get could not install: ${missing[*]}"
}

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { found = 1; next } found && /^version = / { gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

ensure_wasm_bindgen() {
  local want have_version=""
  want=$(wasm_bindgen_version)
  [ -n "$want" ] || die "no wasm-bindgen version in Cargo.lock"
  if have wasm-bindgen; then have_version=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}'); fi
  if [ "$have_version" != "$want" ] || ! have wasm-bindgen-test-runner; then
    say "installing wasm-bindgen-cli $want (cargo install; about 4 minutes on 2 cores)${have_version:+, replacing $have_version}"
    # No --locked: the registry reachable here lacks some versions named in the CLI's lock file.
    cargo install wasm-bindgen-cli --version "$want" --force || die "could not install wasm-bindgen-cli $want"
  fi
}

# npm test dependencies: installed when node_modules is missing or older than package-lock.json.
ensure_npm_deps() {
  local stamp=node_modules/.package-lock.json
  if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
    say "installing npm test dependencies (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error || die "npm ci failed"
  fi
}

# Firefox ESR and geckodriver, for the Firefox end-to-end tests (./build.sh test only).
FIREFOX=/usr/bin/firefox-esr
GECKODRIVER_VERSION=0.37.1
ensure_firefox() {
  if [ ! -x "$FIREFOX" ]; then
    have apt-get || die "Firefox ESR is missing and there is no apt-get to install it"
    say "installing Firefox ESR for the Firefox tests (apt-get install firefox-esr; about 20 s)"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends firefox-esr \
      || die "apt-get could not install firefox-esr"
  fi
  if ! have geckodriver; then
    say "installing geckodriver $GECKODRIVER_VERSION for the Firefox tests (cargo install; about 4 minutes on 2 cores)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" || die "could not install geckodriver"
  fi
}

setup() {
  ensure_rust
  ensure_apt_packages
  ensure_wasm_bindgen
  ensure_npm_deps
}

# ---------------------------------------------------------------------------------------------
# 2. Build: the wasm (release), its wasm-bindgen glue in pkg/, shrunk with wasm-opt.

build() {
  say "building the wasm (cargo build --release --target $WASM_TARGET)"
  RUSTFLAGS="$WASM_RUSTFLAGS" cargo build --quiet --lib --target "$WASM_TARGET" --release "${WASM_CARGO_CONFIG[@]}" \
    || die "the wasm build failed"
  say "building the wasm for the JavaScript build (cargo build --profile $JS_PROFILE)"
  RUSTFLAGS="$WASM_RUSTFLAGS" cargo build --quiet --lib --target "$WASM_TARGET" --profile "$JS_PROFILE" \
    || die "the wasm build for wasm2js failed"
  local wasm="$TARGET_DIR/$WASM_TARGET/release/$CRATE.wasm" js_wasm="$TARGET_DIR/$WASM_TARGET/$JS_PROFILE/$CRATE.wasm"
  local out=pkg/${CRATE}_bg.wasm glue=pkg/$CRATE.js asm=pkg/${CRATE}_asm.js asm_glue=pkg/${CRATE}_asm_glue.js stamp=pkg/.built
  # The stamp is written last: an interrupted run, a newer wasm or a changed build.sh redo pkg/.
  if [ -f "$out" ] && [ -f "$glue" ] && [ -f "$asm" ] && [ -f "$asm_glue" ] && [ "$stamp" -nt "$wasm" ] && [ "$stamp" -nt "$js_wasm" ] \
    && [ "$stamp" -nt build.sh ] && [ "$stamp" -nt tools/minify.mjs ] && [ "$stamp" -nt tools/shorten-imports.mjs ]; then
    say "pkg/ is up to date"
  else
    say "generating the JavaScript glue (wasm-bindgen --target web) and shrinking (wasm-opt -Oz)"
    rm -rf pkg
    wasm-bindgen --target web --no-typescript --out-dir pkg "$wasm" || die "wasm-bindgen failed"
    flatten_snippets pkg "$glue"
    node tools/shorten-imports.mjs "$out" "$glue" || die "could not shorten the wasm's import names"
    wasm-opt "${WASM_OPT_FLAGS[@]}" "$out" -o "$out.opt" || die "wasm-opt failed"
    mv "$out.opt" "$out"
    build_js "$js_wasm" "$asm" "$asm_glue"
    minify_js
    touch "$stamp"
  fi
  say "extension ready: load $ROOT as an unpacked extension"
  say "sizes: $(size_line "$out") wasm, $(size_line "$glue") glue; JavaScript build: $(size_line "$asm") wasm2js, $(size_line "$asm_glue") glue"
}

# The JavaScript build: the speed-built wasm through wasm-bindgen (its glue names the closures by
# their function indices, which differ between the two wasm files, so it has a glue of its own),
# then wasm2js. Its snippets must be the wasm build's files byte for byte: pkg/ holds one copy
# (SNIPPETS: where those are, pkg by default; unminified in src/web for `./build.sh names`).
build_js() {
  local wasm=$1 asm=$2 asm_glue=$3 snippets=${4:-pkg} tmp=$TARGET_DIR/pkg-js
  say "translating the speed-built wasm to JavaScript (wasm2js $JS_OPT_LEVEL) for strict-CSP pages"
  rm -rf "$tmp"
  wasm-bindgen --target web --no-typescript --out-dir "$tmp" "$wasm" || die "wasm-bindgen failed (JavaScript build)"
  flatten_snippets "$tmp" "$tmp/$CRATE.js"
  local snippet
  for snippet in "$tmp"/*.js; do
    [ "$snippet" = "$tmp/$CRATE.js" ] && continue
    cmp -s "$snippet" "$snippets/$(basename "$snippet")" || die "$(basename "$snippet") differs between the two builds"
  done
  node tools/shorten-imports.mjs "$tmp/${CRATE}_bg.wasm" "$tmp/$CRATE.js" || die "could not shorten the import names (JavaScript build)"
  wasm-opt "$JS_OPT_LEVEL" "${JS_NAMES[@]}" "${WASM_OPT_FLAGS[@]:1}" "$tmp/${CRATE}_bg.wasm" -o "$tmp/opt.wasm" || die "wasm-opt failed (JavaScript build)"
  mv "$tmp/$CRATE.js" "$asm_glue"
  build_wasm2js "$tmp/opt.wasm" "$asm_glue" "$asm"
  rm -rf "$tmp"
}

# wasm-bindgen copies each JavaScript snippet the crate imports (`#[wasm_bindgen(module = ...)]`,
# e.g. src/web/walk.js) to pkg/snippets/<crate>-<hash>/<its path>. Each is moved to pkg/<its file
# name> and the glue's import rewritten, so that manifest.json's web_accessible_resources can name
# every file the content script imports exactly (no wildcard, no hash that changes).
flatten_snippets() {
  local dir=$1 glue=$2
  [ -d "$dir/snippets" ] || return 0
  node - "$dir" "$glue" <<'NODE' || die "could not move the JavaScript snippets"
const fs = require('fs');
const path = require('path');
const [dir, glue] = process.argv.slice(2);
let text = fs.readFileSync(glue, 'utf8');
const moved = new Set();
text = text.replace(/from '\.\/(snippets\/[^']+)'/g, (_, from) => {
  const to = path.basename(from);
  if (moved.has(to) || /^broadsheet/.test(to)) { console.error(`build.sh: two files would be ${dir}/${to}`); process.exit(1); }
  moved.add(to);
  fs.renameSync(path.join(dir, from), path.join(dir, to));
  return `from './${to}'`;
});
if (/snippets\//.test(text)) { console.error('build.sh: a snippet import was not rewritten'); process.exit(1); }
fs.writeFileSync(glue, text);
fs.rmSync(path.join(dir, 'snippets'), { recursive: true });
NODE
}

# A wasm as plain JavaScript (binaryen's wasm2js), for pages whose CSP forbids WebAssembly:
# there a compile in the content script fails AND makes the page send a CSP violation report, so
# the content script loads this build instead (see extension/content.js). It and its glue are
# patched here:
#  - wasm2js writes an ES module importing each wasm import by name from './broadsheet_bg.js';
#    it is rewritten to export `instantiate(imports)`, fed with the glue's own import object;
#  - its base64 decoder of the data segments uses the engine's `setFromBase64` where there is one;
#  - wasm2js's memory.grow swaps in a new ArrayBuffer without detaching the old one, so the
#    glue's cached memory views must be refreshed whenever `wasm.memory.buffer` changes (the
#    native wasm passes this check too: its buffer object only changes when memory grows).
# Every pattern is checked: a wasm-bindgen upgrade that changes the glue fails the build here.
build_wasm2js() {
  local wasm=$1 glue=$2 asm=$3
  wasm2js "${JS_NAMES[@]}" "${WASM_OPT_FLAGS[@]:1}" "$JS_OPT_LEVEL" "$wasm" -o "$asm.tmp" || die "wasm2js failed"
  node - "$asm.tmp" "$asm" "$glue" <<'NODE' || die "could not adapt the wasm2js output or the glue"
const fs = require('fs');
const [asmIn, asmOut, gluePath] = process.argv.slice(2);
const fail = (what) => { console.error(`build.sh: ${what} not found`); process.exit(1); };
let asm = fs.readFileSync(asmIn, 'utf8');
// 1. Drop the named imports and the module-level instantiation with its exports.
asm = asm.replace(/^import \{ \w+ \} from '\.\/broadsheet_bg\.js';\n/gm, '');
// 2. The data segments (74 KB, base64 in the source) are decoded at instantiation by a JavaScript
//    loop that runs once, so in the interpreter: the engine's own decoder does it where there is
//    one (Chromium 140+, Firefox 133+).
const decoder = 'function base64DecodeToExistingUint8Array(uint8Array, offset, b64) {';
if (asm.split(decoder).length !== 2) fail('the wasm2js base64 decoder');
asm = asm.replace(decoder, `${decoder}
    if (uint8Array.setFromBase64) { uint8Array.subarray(offset).setFromBase64(b64); return uint8Array; }`);
const at = asm.indexOf('\nvar retasmFunc = asmFunc(');
if (at < 0 || /^import /m.test(asm)) fail('the wasm2js module shape');
asm = asm.slice(0, at) + `
// Added by build.sh: instantiates the module with the wasm-bindgen glue's imports.
export function instantiate(imports) {
  return asmFunc({ abort() { throw new Error('abort'); }, ...imports['./broadsheet_bg.js'] });
}
`;
fs.writeFileSync(asmOut, asm);
fs.unlinkSync(asmIn);
let glue = fs.readFileSync(gluePath, 'utf8');
// 3. Memory views are stale as soon as the buffer object changes.
const views = /(cached\w+Memory0) === null \|\|/g;
if (!views.test(glue)) fail('the glue memory-view caches');
glue = glue.replace(views, '$1 === null || $1.buffer !== wasm.memory.buffer ||');
// 4. Export what the wasm2js loader needs to instantiate without WebAssembly.
const last = 'export { initSync, __wbg_init as default };';
if (!glue.includes(last)) fail('the glue exports');
glue = glue.replace(last, 'export { initSync, __wbg_init as default, __wbg_get_imports, __wbg_finalize_init };');
fs.writeFileSync(gluePath, glue);
NODE
}

# The JavaScript in pkg/ is generated, so it ships minified (tools/minify.mjs: whitespace and
# comments out, and in the wasm2js module wasm2js's long local names such as `$12_1` shortened; each
# output is proven to parse to the same syntax tree). The wasm2js module is parsed on the first
# press in every tab: 2.7 MB → 1.05 MB here. Run after build_wasm2js, whose patterns read the
# glue as wasm-bindgen wrote it.
minify_js() {
  local asm=pkg/${CRATE}_asm.js others=()
  mapfile -t others < <(find pkg -maxdepth 1 -name '*.js' ! -path "$asm" | sort)
  node tools/minify.mjs --rename-in=asmFunc "$asm" || die "could not minify the wasm2js module"
  node tools/minify.mjs "${others[@]}" || die "could not minify ${others[*]}"
}

size_line() {
  printf '%s B (%s B gzip)' "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"
}

# ---------------------------------------------------------------------------------------------
# 3. Packages: dist/broadsheet-{chrome,firefox}.zip, each made from a staged folder
#    (dist/chrome/, dist/firefox/) holding only what the extension loads, with the version from
#    Cargo.toml in its manifest.

DIST=$ROOT/dist
# What the extension needs under extension/ (so helper scripts such as icons/make_icons.py stay out).
PACKAGED_TYPES='\.(js|mjs|css|html|png|svg|json)$'

crate_version() {
  awk '/^\[package\]/ { in_package = 1; next } /^\[/ { in_package = 0 }
       in_package && /^version *=/ { gsub(/"/, "", $3); print $3; exit }' Cargo.toml
}

# Writes manifest.json for BROWSER into DIR from the shared manifest.json. The source manifest
# loads in both browsers as it is (for development); each package drops the keys only the other
# browser reads, so neither store's checks warn about them:
#   chrome:  no background.scripts, no browser_specific_settings (Chromium warns on both);
#   firefox: no background.service_worker (Firefox ignores it, web-ext lint warns),
#            no minimum_chrome_version.
write_manifest() {
  local browser=$1 dir=$2 version=$3
  node --input-type=commonjs - "$browser" "$dir/manifest.json" "$version" <<'JS' || die "could not write the $browser manifest"
const fs = require('node:fs');
const [browser, out, version] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync('manifest.json', 'utf8'));
manifest.version = version;
if (browser === 'chrome') {
  delete manifest.background.scripts;
  delete manifest.browser_specific_settings;
} else {
  delete manifest.background.service_worker;
  delete manifest.minimum_chrome_version;
}
// Each browser runs one of the two builds (extension/content.js says why): Chromium the wasm2js
// translation, Firefox the wasm. The other build's files are neither exposed nor packaged.
const OTHER_BUILD = {
  chrome: ['pkg/broadsheet.js', 'pkg/broadsheet_bg.wasm'],
  firefox: ['pkg/broadsheet_asm.js', 'pkg/broadsheet_asm_glue.js'],
}[browser];
for (const entry of manifest.web_accessible_resources) {
  entry.resources = entry.resources.filter((resource) => !OTHER_BUILD.includes(resource));
}
fs.writeFileSync(out, JSON.stringify(manifest, null, 2) + '\n');
JS
}

# Stages dist/BROWSER/ and zips it into dist/broadsheet-BROWSER.zip.
package_for() {
  local browser=$1 version=$2 dir=$DIST/$1 zip=$DIST/broadsheet-$1.zip file
  rm -rf "$dir" "$zip"
  mkdir -p "$dir"
  write_manifest "$browser" "$dir" "$version"
  # Of pkg/, the files this browser's manifest exposes (its build and walk.js).
  while IFS= read -r file; do
    mkdir -p "$dir/$(dirname "$file")"
    cp "$file" "$dir/$file"
  done < <({ find _locales -type f -name '*.json'
             # (overlay.css is the source of the stylesheet build.rs embeds in the wasm: nothing loads it)
             find extension -type f | grep -E "$PACKAGED_TYPES" | grep -vx 'extension/overlay\.css'
             exposed_resources "$dir/manifest.json"; } | sort)
  (cd "$dir" && find . -type f | sed 's|^\./||' | sort | zip -q -X -9 "$zip" -@) || die "zip failed for $browser"
  say "$(basename "$zip"): $(wc -c <"$zip") B, $(find "$dir" -type f | wc -l) files"
}

# The files a manifest's web_accessible_resources name, one per line.
exposed_resources() {
  node -e 'for (const e of JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).web_accessible_resources) for (const r of e.resources) console.log(r)' "$1" \
    || die "could not read $1"
}

package() {
  local version built exposed
  # Every built file in pkg/ (dot files and the profiling build aside) must be one the manifest
  # exposes, or no package would hold it.
  exposed=$(exposed_resources manifest.json)
  while IFS= read -r built; do
    grep -qx "$built" <<<"$exposed" || die "$built is built but manifest.json's web_accessible_resources does not name it"
  done < <(find pkg -path pkg/names -prune -o -type f ! -name '.*' -print)
  version=$(crate_version)
  [ -n "$version" ] || die "no version in Cargo.toml's [package]"
  have zip || die "zip is missing (apt-get install zip)"
  package_for chrome "$version"
  package_for firefox "$version"
  say "packages for version $version in $DIST (lint the Firefox one: npx web-ext lint -s dist/firefox)"
}

# ---------------------------------------------------------------------------------------------
# 4. Tests: native, in-browser (wasm-bindgen-test), end-to-end (Playwright). Each suite's counts
#    are read from its runner's summary lines and added up.

PASSED=0
FAILED=0
LOGS=$TARGET_DIR/test-logs

# Reads the "test result: ok. N passed; M failed; ..." lines of a cargo / wasm-bindgen-test log.
count_cargo() {
  [ -f "$1" ] || { echo "0 0"; return; }
  awk '/test result: / { for (i = 1; i < NF; i++) { if ($(i + 1) ~ /^passed/) p += $i; if ($(i + 1) ~ /^failed/) f += $i } }
       END { print p + 0, f + 0 }' "$1"
}

# Reads the "# pass N" / "# fail N" / "# cancelled N" lines of node's TAP report.
count_tap() {
  [ -f "$1" ] || { echo "0 0"; return; }
  awk '/^# pass / { p += $3 } /^# (fail|cancelled) / { f += $3 } END { print p + 0, f + 0 }' "$1"
}

# run_suite NAME COUNTER REPORT LOG -- COMMAND...: runs a suite with its output shown and kept in
# LOG, then adds the counts COUNTER reads from REPORT. A suite that fails without reporting a
# failed test (it did not build, or crashed) counts as one failure.
run_suite() {
  local name=$1 counter=$2 report=$3 log=$4 status=0 counts p f
  shift 5
  say "running the $name tests"
  "$@" 2>&1 | tee "$log" || status=$?
  counts=$($counter "$report")
  p=${counts% *} f=${counts#* }
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    say "the $name suite failed without a test report (exit $status)"
    f=1
  fi
  say "$name: $p passed, $f failed"
  PASSED=$((PASSED + p))
  FAILED=$((FAILED + f))
}

# Chromium leaves profile folders in /tmp after each wasm-bindgen-test run; remove the ones that
# appeared during the run (other Chromium processes on the machine keep theirs), once the
# browser that used them has exited (it outlives the test runner by a second or two).
chromium_tmp() { ls -d /tmp/org.chromium.Chromium.* /tmp/scoped_dir* 2>/dev/null | sort || true; }

remove_new_chromium_tmp() {
  local before=$1 dir new tries=0
  new=$(comm -13 <(echo "$before") <(chromium_tmp))
  [ -n "$new" ] || return 0
  while [ $tries -lt 20 ]; do
    local busy=0
    for dir in $new; do
      grep -qsF "$dir" /proc/[0-9]*/cmdline && busy=1 && break
    done
    [ $busy -eq 0 ] && break
    sleep 0.5
    tries=$((tries + 1))
  done
  for dir in $new; do rm -rf "$dir"; done
}

run_tests() {
  mkdir -p "$LOGS"
  # Native: every unit, fixture and doc test of the crate.
  run_suite native count_cargo "$LOGS/native.log" "$LOGS/native.log" -- cargo test --no-fail-fast

  # In the browser: wasm-bindgen tests of the web layer (tests/web.rs) in headless Chromium.
  local before
  before=$(chromium_tmp)
  run_suite in-browser count_cargo "$LOGS/browser.log" "$LOGS/browser.log" -- \
    env CHROMEDRIVER="$CHROMEDRIVER" cargo test --no-fail-fast --target "$WASM_TARGET" --no-default-features --test web
  remove_new_chromium_tmp "$before"

  # End to end: the unpacked extension in Chromium, driven by Playwright (tests/e2e/*.test.mjs).
  rm -f "$LOGS/e2e.tap"
  run_suite end-to-end count_tap "$LOGS/e2e.tap" "$LOGS/e2e.log" -- \
    node --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$LOGS/e2e.tap" tests/e2e/

  # Firefox: the Firefox package (dist/firefox/) in headless Firefox ESR through geckodriver.
  rm -f "$LOGS/firefox.tap"
  run_suite Firefox count_tap "$LOGS/firefox.tap" "$LOGS/firefox.log" -- \
    env FIREFOX="$FIREFOX" GECKODRIVER="$(command -v geckodriver)" node --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$LOGS/firefox.tap" tests/firefox/

  # The developer docs: one test, passed when rustdoc finds nothing to warn about.
  run_docs_as_test

  # Fuzzing, briefly: one test, passed when 30 s of fuzzing find no crash.
  run_fuzz_as_test 30

  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# ---------------------------------------------------------------------------------------------
# 5. Fuzzing: fuzz/fuzz_targets/analyze.rs with cargo-fuzz (libFuzzer). Runs on stable Rust with
#    RUSTC_BOOTSTRAP=1 and no sanitizer (`-s none`): the target checks that nothing panics.

ensure_cargo_fuzz() {
  if ! have cargo-fuzz; then
    say "installing cargo-fuzz (cargo install; about 4 minutes on 2 cores)"
    cargo install cargo-fuzz || die "could not install cargo-fuzz"
  fi
}

# fuzz SECONDS: fuzzes for SECONDS; a crash fails, and its input is kept in tests/regressions/.
fuzz() {
  local seconds=${1:-600} status=0 crash
  ensure_cargo_fuzz
  mkdir -p fuzz/corpus/analyze tests/regressions
  say "fuzzing the analyze target for $seconds s (cargo fuzz run -s none analyze)"
  (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run -s none analyze corpus/analyze ../tests/fixtures/seed \
      -- -max_total_time="$seconds" -max_len=65536) || status=$?
  for crash in fuzz/artifacts/analyze/crash-* fuzz/artifacts/analyze/timeout-* fuzz/artifacts/analyze/oom-*; do
    [ -f "$crash" ] || continue
    cp "$crash" tests/regressions/ && say "kept $(basename "$crash") in tests/regressions/"
  done
  return "$status"
}

# The crate's docs are for its developers (module tours link the private stages they describe):
# `cargo doc --document-private-items` with warnings as errors, natively and for the wasm's web layer.
run_docs_as_test() {
  say "checking the docs (cargo doc --document-private-items, warnings as errors)"
  if RUSTDOCFLAGS="-D warnings --document-private-items" cargo doc --quiet --no-deps >"$LOGS/docs.log" 2>&1 \
    && RUSTDOCFLAGS="-D warnings --document-private-items" cargo doc --quiet --no-deps --target "$WASM_TARGET" \
      --no-default-features >>"$LOGS/docs.log" 2>&1; then
    say "docs: 1 passed"; PASSED=$((PASSED + 1))
  else
    say "docs: 1 failed (see $LOGS/docs.log)"; FAILED=$((FAILED + 1))
  fi
}

run_fuzz_as_test() {
  say "running the fuzz test ($1 s)"
  if fuzz "$1" >"$LOGS/fuzz.log" 2>&1; then
    say "fuzz: 1 passed"; PASSED=$((PASSED + 1))
  else
    say "fuzz: 1 failed (see $LOGS/fuzz.log and tests/regressions/)"; FAILED=$((FAILED + 1))
  fi
}

# The JavaScript build again with Rust's function names kept, unminified, in pkg/names/, for CPU
# profiles of what the extension runs (`node bench/js-profile.mjs`); never shipped or packaged.
# The wasm is built with its symbols (own target dir) and its `target_features` section removed:
# from that section wasm-bindgen would turn on its externref pass (std is precompiled with
# reference types), which this crate's mvp-built wasm cannot take (stripped builds have no section).
names_build() {
  local dir=$TARGET_DIR/names-js wasm out=pkg/names
  say "building the JavaScript build with function names into $out (profiling only)"
  RUSTFLAGS="$WASM_RUSTFLAGS" cargo build --quiet --lib --target "$WASM_TARGET" --profile "$JS_PROFILE" \
    --config "profile.$JS_PROFILE.strip=false" --target-dir "$dir" || die "the wasm build with names failed"
  wasm=$dir/$WASM_TARGET/$JS_PROFILE/$CRATE.wasm
  node tools/drop-wasm-section.mjs "$wasm" target_features "$dir/$CRATE.wasm" || die "could not drop target_features"
  rm -rf "$out" && mkdir -p "$out"
  JS_NAMES=(-g)
  build_js "$dir/$CRATE.wasm" "$out/${CRATE}_asm.js" "$out/${CRATE}_asm_glue.js" src/web
  cp src/web/walk.js "$out/"
  say "$out: $(size_line "$out/${CRATE}_asm.js") with names"
}

# ---------------------------------------------------------------------------------------------

case "${1:-build}" in
  build) setup; build ;;
  test) setup; ensure_firefox; build; package; run_tests ;;
  demo) setup; build; node tests/e2e/demo.mjs ;;
  package) setup; build; package ;;
  fuzz) setup; fuzz "${2:-600}" ;;
  bench) setup; build; node bench/browser.mjs ;;
  names) setup; build; names_build ;;
  -h|--help|help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (try: ./build.sh, ./build.sh test, ./build.sh demo, ./build.sh package, ./build.sh fuzz, ./build.sh bench, ./build.sh names)" ;;
esac
