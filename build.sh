#!/usr/bin/env bash
# Broadsheet's one build command.
#
#   ./build.sh          set up what is missing, then build the extension (the repository root is
#                       then loadable as an unpacked extension: chrome://extensions → Load unpacked)
#   ./build.sh test     build, then run every test suite; the last line is "N passed, N failed"
#   ./build.sh demo     build, open the seed article in Chromium with the extension, press the
#                       toolbar button and save a screenshot (headless when there is no $DISPLAY)
#   ./build.sh bench    build, then benchmark in Chromium against Readability.js and a bare DOM
#                       walk (bench/browser.mjs; figures, not tests; RUNS, E2E_PAGES env)
#
# Set-up installs only what is missing, and says so: the Rust wasm32 target, Debian packages
# (Chromium and its WebDriver, binaryen for wasm-opt, a CJK font for the Chinese seed article),
# the wasm-bindgen CLI matching Cargo.lock, and the npm test dependencies. Re-running with
# nothing changed takes a second or two.
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
APT_PACKAGES=(chromium:$CHROMIUM chromium-driver:$CHROMEDRIVER binaryen:wasm-opt fonts-noto-cjk:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc)
# Debian 12's binaryen 108 (wasm-opt) predates post-MVP features recent rustc turns on by default
# and fails to parse their instructions (reference types bring `table.fill`). So the release wasm
# is built for `mvp`: with LTO every function, std's included, is code-generated again. The
# post-MVP features binaryen 108 (wasm-opt and wasm2js) does handle are turned back on: bulk memory
# (memcpy/memset as one instruction), sign extension, non-trapping float-to-int (`as` casts without
# branches), mutable globals. Measured: 470 → 431 KB raw, 213 → 186 KB gzip.
WASM_RUSTFLAGS="-C target-cpu=mvp -C target-feature=+bulk-memory,+sign-ext,+nontrapping-fptoint,+mutable-globals"
# The wasm is optimised for size (`z`: 6% smaller than Cargo.toml's `s` after wasm-opt, measured
# here); native release builds keep `s`.
WASM_CARGO_CONFIG=(--config 'profile.release.opt-level="z"')
WASM_OPT_FLAGS=(-Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)

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
  local wasm="$TARGET_DIR/$WASM_TARGET/release/$CRATE.wasm"
  local out=pkg/${CRATE}_bg.wasm glue=pkg/$CRATE.js stamp=pkg/.built
  # The stamp is written last: an interrupted run, a newer wasm or a changed build.sh redo pkg/.
  if [ -f "$out" ] && [ -f "$glue" ] && [ "$stamp" -nt "$wasm" ] && [ "$stamp" -nt build.sh ]; then
    say "pkg/ is up to date"
  else
    say "generating the JavaScript glue (wasm-bindgen --target web) and shrinking (wasm-opt -Oz)"
    wasm-bindgen --target web --no-typescript --out-dir pkg "$wasm" || die "wasm-bindgen failed"
    wasm-opt "${WASM_OPT_FLAGS[@]}" "$out" -o "$out.opt" || die "wasm-opt failed"
    mv "$out.opt" "$out"
    touch "$stamp"
  fi
  say "extension ready: load $ROOT as an unpacked extension"
  say "sizes: $(size_line "$out") wasm, $(size_line "$glue") glue"
}

size_line() {
  printf '%s B (%s B gzip)' "$(wc -c <"$1")" "$(gzip -9 -c "$1" | wc -c)"
}

# ---------------------------------------------------------------------------------------------
# 3. Tests: native, in-browser (wasm-bindgen-test), end-to-end (Playwright). Each suite's counts
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
  run_suite native count_cargo "$LOGS/native.log" "$LOGS/native.log" -- cargo test

  # In the browser: wasm-bindgen tests of the web layer (tests/web.rs) in headless Chromium.
  local before
  before=$(chromium_tmp)
  run_suite in-browser count_cargo "$LOGS/browser.log" "$LOGS/browser.log" -- \
    env CHROMEDRIVER="$CHROMEDRIVER" cargo test --target "$WASM_TARGET" --no-default-features --test web
  remove_new_chromium_tmp "$before"

  # End to end: the unpacked extension in Chromium, driven by Playwright (tests/e2e/*.test.mjs).
  rm -f "$LOGS/e2e.tap"
  run_suite end-to-end count_tap "$LOGS/e2e.tap" "$LOGS/e2e.log" -- \
    node --test --test-reporter=spec --test-reporter-destination=stdout \
      --test-reporter=tap --test-reporter-destination="$LOGS/e2e.tap" tests/e2e/

  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}

# ---------------------------------------------------------------------------------------------

case "${1:-build}" in
  build) setup; build ;;
  test) setup; build; run_tests ;;
  demo) setup; build; node tests/e2e/demo.mjs ;;
  bench) setup; build; node bench/browser.mjs ;;
  -h|--help|help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (try: ./build.sh, ./build.sh test, ./build.sh demo, ./build.sh bench)" ;;
esac
