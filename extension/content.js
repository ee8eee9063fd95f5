// Broadsheet's content script, injected by the service worker on each toolbar click. A classic
// script run in the extension's isolated world: it must be safe to run again on every click, so
// everything lives in one function and the loaded module is kept on the isolated world's global.
//
// First click: import the wasm-bindgen glue (web-accessible), instantiate the wasm, and call its
// `toggle()`, which snapshots the live DOM and opens the overlay. Later clicks reuse the module:
// `toggle()` closes an open overlay and opens a closed one. The Rust side owns the overlay and its
// listeners; this file only loads it, and shows a plain error state when the module cannot run at
// all (it failed to load, or it panicked).
//
// Panics: a panic aborts the module (wasm traps; the wasm2js build throws from its `abort`), with no
// unwinding, so whatever it was doing is left half-done and its own record of the page is lost.
// This file therefore keeps its own record of what opening changes (scroll position, focus, the
// `style` attributes of <html> and <body>), taken before each open; when the module panics — inside
// a click (the call throws) or later in one of its listeners (its panic hook calls
// `__broadsheetPanicked`) — it removes the host, puts back what the module changed, shows the error
// state, and never calls that instance again: the next click closes the message, the one after
// loads a fresh instance (a fresh copy of the glue too, whose state belongs to one instance).
(() => {
  const HOST_ID = 'broadsheet-host';
  const HOST_SELECTOR = `div#${HOST_ID}`;
  /** What the module adds to the `style` attributes of <html> and <body> (src/web/page.rs). */
  const PAGE_CHANGES = ['overflow: hidden !important;', 'display: none !important;'];
  /** Test hook (tests/e2e/hostile.test.mjs): a phase name here makes the module panic there. Only
   *  the extension can write its storage, so a page cannot trigger it. */
  const FAULT_KEY = 'broadsheetFault';
  const state = (globalThis.__broadsheet ||= {
    module: null, loading: null, saved: null, panic: null, failure: null, instances: 0,
  });

  // Which build runs. The crate is built twice from the same code: to wasm, and to plain
  // JavaScript by binaryen's wasm2js (build.sh). Chromium applies the page's CSP to WebAssembly
  // compiled in a content script: on a page whose CSP has no 'wasm-unsafe-eval', the compile fails
  // AND makes the page send a CSP violation report to the site (a reader must send nothing). A
  // content script cannot read the response's CSP header, and probing with a compile is exactly
  // what sends the report, so in Chromium the JavaScript build is used on every page. Firefox does
  // not apply the page's CSP to a content script's WebAssembly (tests/firefox: the reader opens
  // under `default-src 'none'` and the page sees no violation), so there the wasm build runs: in
  // Firefox ESR 153 its module loads in 0.28× the time and its first analysis takes 0.26× (`node
  // bench/firefox-builds.mjs`, 2026-11-27), and it is half the size to download (in Chromium 156,
  // `./build.sh bench`: button to painted overlay 84–102 ms on a tab's first press against 51–59 ms).
  // Each store package holds only its browser's build (build.sh `write_manifest`). The benchmarks
  // switch this line (bench/pages.mjs).
  const BUILD = chrome.runtime.getURL('').startsWith('moz-extension:') ? 'wasm' : 'js';

  async function load() {
    const fault = chrome.storage.local.get(FAULT_KEY).then((r) => r[FAULT_KEY], () => null);
    // Each instance gets its own copy of the glue: the glue holds one instance's state (its
    // exports, memory views, closure finalizers), which must never reach a later instance.
    const instance = ++state.instances;
    // (The query goes through getURL: addons-linter flags an import of a concatenated URL.)
    const copy = instance > 1 ? `?instance=${instance}` : '';
    // The glue and the JavaScript build are fetched and parsed side by side (the second does not
    // depend on the first); a failure of either is reported by its own await below.
    // Each build has its own glue (the two wasm files name their closures differently).
    const glueFile = BUILD === 'wasm' ? 'broadsheet.js' : 'broadsheet_asm_glue.js';
    const gluePending = import(chrome.runtime.getURL(`pkg/${glueFile}${copy}`));
    const asmPending = BUILD === 'wasm' ? null : import(chrome.runtime.getURL('pkg/broadsheet_asm.js'));
    asmPending?.catch(() => {}); // awaited below, unless the glue failed first
    const glue = await gluePending;
    if (BUILD === 'wasm') {
      await glue.default({ module_or_path: chrome.runtime.getURL('pkg/broadsheet_bg.wasm') });
    } else {
      const asm = await asmPending;
      glue.__wbg_finalize_init({ exports: asm.instantiate(glue.__wbg_get_imports()) }, null);
    }
    const phase = await fault;
    if (typeof phase === 'string' && phase) glue.arm_fault(phase);
    return glue;
  }

  /** What opening may change, recorded before the module runs. */
  function recordPage() {
    const elements = [document.documentElement, document.body].filter(Boolean);
    return {
      scroll: [window.scrollX, window.scrollY],
      focused: document.activeElement,
      styles: elements.map((element) => [element, element.getAttribute('style')]),
    };
  }

  /** Removes the module's host and undoes what the module changed, as recorded. */
  function restorePage(saved) {
    for (const host of document.querySelectorAll(HOST_SELECTOR)) host.remove();
    if (!saved) return;
    for (const [element, style] of saved.styles) {
      const now = element.getAttribute('style');
      // Only a change the module makes is undone; the page's own edits stay.
      if (now === style || !now || !PAGE_CHANGES.some((change) => now.includes(change))) continue;
      if (style === null) element.removeAttribute('style');
      else element.setAttribute('style', style);
    }
    const { focused } = saved;
    if (focused && focused.isConnected && document.activeElement !== focused && focused.focus) {
      focused.focus({ preventScroll: true });
    }
    const [left, top] = saved.scroll;
    if (window.scrollX !== left || window.scrollY !== top) window.scrollTo({ left, top, behavior: 'instant' });
  }

  /** The module panicked: drop it, put the page back, say so. */
  function recoverFromPanic() {
    state.panic = null;
    state.module = null;
    restorePage(state.saved);
    state.saved = null;
    showFailure(chrome.i18n.getMessage('internalError') || 'An internal error stopped the reader.', 'panic');
  }

  // The module's panic hook calls this (src/web/mod.rs, `on_panic`). A panic inside a click is
  // handled by run()'s catch first; one in a listener is handled here, once the listener is done.
  globalThis.__broadsheetPanicked = (message) => {
    state.panic = String(message);
    queueMicrotask(() => {
      if (state.panic) recoverFromPanic();
    });
  };

  /** Closes the content script's own error message, if it is shown. Returns whether it was. */
  function closeFailure() {
    const failure = state.failure;
    state.failure = null;
    if (!failure || !failure.host.isConnected) return false;
    failure.close();
    return true;
  }

  // The error state when the module cannot run: built here with textContent, closed by its button,
  // Escape or the next click. `data-error` says why: `load` or `panic`.
  function showFailure(detailText, code) {
    closeFailure();
    for (const host of document.querySelectorAll(HOST_SELECTOR)) host.remove();
    // A plain div, as the module's host: creating a custom tag could run a page's definition of it.
    const host = document.createElement('div');
    host.id = HOST_ID;
    host.setAttribute('data-state', 'error');
    host.setAttribute('data-error', code);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = `:host{all:initial!important;position:fixed!important;inset:0!important;
      z-index:2147483647!important;display:block!important}
      div{position:absolute;inset:0;background:#fbfaf7;color:#1f1d1a;font:16px/1.6 system-ui,sans-serif;padding:3em}
      @media (prefers-color-scheme:dark){div{background:#1b1a18;color:#e6e1d8}}`;
    const box = document.createElement('div');
    const title = document.createElement('p');
    title.textContent = chrome.i18n.getMessage('errorTitle') || 'Broadsheet could not read this page.';
    const detail = document.createElement('p');
    detail.setAttribute('class', 'bs-error-detail');
    detail.textContent = detailText;
    const hint = document.createElement('p');
    hint.textContent = chrome.i18n.getMessage('errorHint') || 'The page is untouched.';
    const close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('data-action', 'close');
    close.textContent = chrome.i18n.getMessage('close') || 'Close';
    const remove = () => {
      host.remove();
      document.removeEventListener('keydown', onKey, true);
      if (state.failure?.host === host) state.failure = null;
    };
    const onKey = (event) => {
      if (event.key === 'Escape') remove();
    };
    close.addEventListener('click', remove);
    document.addEventListener('keydown', onKey, true);
    box.append(title, detail, hint, close);
    root.append(style, box);
    document.documentElement.append(host);
    state.failure = { host, close: remove };
  }

  async function run() {
    if (state.loading) return; // a click while the module loads: that load opens the overlay
    if (state.panic) return recoverFromPanic();
    if (closeFailure()) return; // the click closes the error message, like the real overlay
    try {
      if (!state.module) {
        state.loading = load();
        state.module = await state.loading;
      }
    } catch (error) {
      console.warn('Broadsheet: the reader could not load:', error);
      showFailure(String((error && error.message) || error || ''), 'load');
      return;
    } finally {
      state.loading = null;
    }
    const opening = !document.querySelector(HOST_SELECTOR);
    if (opening) state.saved = recordPage();
    try {
      state.module.toggle();
    } catch (error) {
      // A panic, or an error the module returned: either way this instance is not called again.
      console.warn('Broadsheet:', error);
      recoverFromPanic();
    }
  }

  run();
})();
