// Broadsheet's content script, injected by the service worker on each toolbar click. A classic
// script run in the extension's isolated world: it must be safe to run again on every click, so
// everything lives in one function and the loaded module is kept on the isolated world's global.
//
// First click: import the wasm-bindgen glue (web-accessible), instantiate the wasm, and call its
// `toggle()`, which snapshots the live DOM and opens the overlay. Later clicks reuse the module:
// `toggle()` closes an open overlay and opens a closed one. The Rust side owns the overlay and its
// listeners; this file only loads it, and shows a plain error state when the module cannot run at
// all (e.g. a page whose CSP forbids WebAssembly).
(() => {
  const HOST_ID = 'broadsheet-host';
  const state = (globalThis.__broadsheet ||= { module: null, loading: null, failed: null });

  // Which build runs. The crate is built twice from the same code: to wasm, and to plain
  // JavaScript by binaryen's wasm2js (build.sh). On a page whose CSP has no 'wasm-unsafe-eval',
  // every WebAssembly compile in a content script fails AND makes the page send a CSP violation
  // report to the site (a reader must send nothing). A content script cannot read the response's
  // CSP header, and probing with a compile is exactly what sends the report, so the JavaScript
  // build is used on every page. Measured on the seed page (Chromium 156, 8 runs, medians): first
  // open in a tab (load + run) 430 ms against 130 ms for wasm, later opens 100 ms against 55 ms;
  // the 2.5 MB module (377 KB gzip) is parsed once per tab. Set 'wasm' only for measurements.
  const BUILD = 'js';

  async function load() {
    const glue = await import(chrome.runtime.getURL('pkg/broadsheet.js'));
    if (BUILD === 'wasm') {
      await glue.default({ module_or_path: chrome.runtime.getURL('pkg/broadsheet_bg.wasm') });
    } else {
      const asm = await import(chrome.runtime.getURL('pkg/broadsheet_asm.js'));
      glue.__wbg_finalize_init({ exports: asm.instantiate(glue.__wbg_get_imports()) }, null);
    }
    return glue;
  }

  // Shown only when the wasm cannot run: built here with textContent, closed by its button or Escape.
  function showFailure(error) {
    document.getElementById(HOST_ID)?.remove();
    const host = document.createElement('broadsheet-reader');
    host.id = HOST_ID;
    host.setAttribute('data-state', 'error');
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
    detail.textContent = String((error && error.message) || error || '');
    const close = document.createElement('button');
    close.type = 'button';
    close.setAttribute('data-action', 'close');
    close.textContent = chrome.i18n.getMessage('close') || 'Close';
    const remove = () => {
      host.remove();
      document.removeEventListener('keydown', onKey, true);
    };
    const onKey = (event) => {
      if (event.key === 'Escape') remove();
    };
    close.addEventListener('click', remove);
    document.addEventListener('keydown', onKey, true);
    box.append(title, detail, close);
    root.append(style, box);
    document.documentElement.append(host);
  }

  async function run() {
    if (state.loading) return; // a click while the module loads: that load opens the overlay
    try {
      if (!state.module) {
        state.loading = load();
        state.module = await state.loading;
      }
      state.module.toggle();
    } catch (error) {
      state.failed = error;
      console.warn('Broadsheet:', error);
      // A stale failure overlay closes on the next click, like the real one.
      const existing = document.getElementById(HOST_ID);
      if (existing && existing.getAttribute('data-state') === 'error' && !state.module) existing.remove();
      else showFailure(error);
    } finally {
      state.loading = null;
    }
  }

  run();
})();
