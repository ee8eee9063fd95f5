// Broadsheet's service worker: the toolbar button (and its Alt+Shift+R shortcut) injects the
// content script into the active tab. Nothing is injected before the click; `activeTab` grants
// access to that one tab for that one gesture.
//
// The same file is Chromium's service worker and Firefox's background script (manifest.json names
// it both ways). Browser differences live here and only here: Firefox's promise-based `browser`
// namespace where there is one, Chromium's `chrome` (promise-based in MV3 too) otherwise.
const api = globalThis.browser ?? globalThis.chrome;

/** How long to wait before the one retry (see injectReader). */
const RETRY_DELAY_MS = 300;

/**
 * Injects extension/content.js, which toggles the overlay. Chromium sometimes fires the click
 * before the activeTab grant is usable and reports "Cannot access contents of the page"; the same
 * call 300 ms later succeeds (measured here, 1 click in 20-40), so that error gets one retry.
 */
async function injectReader(tabId) {
  const inject = () =>
    api.scripting.executeScript({ target: { tabId }, files: ['extension/content.js'] });
  try {
    await inject();
  } catch (error) {
    if (!/Cannot access contents/i.test(String(error && error.message))) {
      console.warn('Broadsheet: cannot open the reader on this page:', error);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    try {
      await inject();
    } catch (retryError) {
      console.warn('Broadsheet: cannot open the reader on this page:', retryError);
    }
  }
}

api.action.onClicked.addListener((tab) => {
  if (tab && tab.id !== undefined) {
    injectReader(tab.id);
  }
});
