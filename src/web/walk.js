// The web layer's two loops over many nodes, each ONE call from the wasm (every call between the
// module and the DOM costs far more than the work on its answer, so neither goes node by node):
//   - `walk`: the live-DOM walk behind `src/web/snapshot.rs`; it reads the whole page and hands it
//     back in two values, a handful of crossings per snapshot instead of 8–10 per node;
//   - `build`: the reverse, for the overlay's article (`render_pieces` in src/web/overlay.rs): the
//     module hands over records and one string, and this builds the elements with createElement,
//     setAttribute and text nodes only (never innerHTML: the text is the page's). See `build` below.
//
// What it returns (`walk(...)` → `{ records, text, watchable }`; `watchable`: false when it read an
// open shadow root or met a custom element still waiting for its definition, either of which can
// change what the page shows with no change a MutationObserver on the document sees:
// src/web/kept.rs):
//   - `records`: an array of 32-bit words, in document order (the events `Builder` takes):
//       CLOSE                                  0
//       TEXT     [2, utf16Length]
//       ELEMENT  [1 | visible << 2 | tag << 3 | keptAttrs << 11, then per kept attribute:
//                 attrIndex, utf16Length]   … its children …   CLOSE
//   - `text`: every text node's data and kept attribute value, in record order, each followed by
//     U+0000 (the separator keeps a lone surrogate at the end of one piece from pairing with the
//     next; the lengths, not the separator, delimit the pieces, so text holding U+0000 is safe).
// The wasm turns `text` into UTF-8 once and decodes the records into the arena (`decode` in
// snapshot.rs), through the same `Builder` as the html5ever path.
//
// The rules are the Rust walk's (see snapshot.rs and src/snapshot/html.rs). Tag and attribute
// names and the per-tag rules come from Rust on each call (`names`, `flags`), built from the `Tag`
// and `Attr` enums, so no table is copied here. The one rule written here is JSON-LD detection,
// which must match `keeps_text` in src/snapshot/mod.rs (see `LD_JSON`).
//
// It is iterative: an explicit stack of open elements, so a page nested 100,000 levels deep costs
// memory, never the JavaScript stack. This file must run as plain ES2020 in the content script's
// isolated world and under the wasm2js build (it is imported by the wasm-bindgen glue, and listed in
// manifest.json's web_accessible_resources as pkg/walk.js: build.sh moves it out of pkg/snippets/).

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const CLOSE = 0;
const ELEMENT = 1;
const TEXT = 2;

// Per-tag flags, set by Rust (snapshot.rs `tag_flags`): keep these values in step with it.
const UNRENDERED = 1; // never laid out by nature (head content, script, style, noscript, template): counts as visible
const MARKER = 2; // kept as an empty element whatever its namespace (svg, math)
const HEAD = 4; // visibility inside it is assumed, not measured
const SCRIPT = 8; // children read only for JSON-LD
const NO_TEXT = 16; // children never read (style)
const SHADOW_HOST = 32; // may have a shadow root (no other element is asked for one)

// `keeps_text`: `type` trimmed of Unicode White_Space (Rust's `str::trim`), compared
// ASCII-case-insensitively (a non-unicode /i regex folds ASCII letters only).
const LD_JSON = /^[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*application\/ld\+json[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/i;

// `visibility:hidden` hides text from readers as well; opacity is left alone (pages fade their text
// in from opacity 0). Every member is an own property of a prototype-less object: Blink reads each
// member of the options dictionary on every call, and misses that climb to Object.prototype cost
// about 8% of the call (measured on archive-of-our-own, 4,263 elements: 4.8 → 4.4 ms).
const VISIBILITY = Object.assign(Object.create(null), {
  checkOpacity: false,
  checkVisibilityCSS: false,
  contentVisibilityAuto: false,
  opacityProperty: false,
  visibilityProperty: true,
});

let table = null;

// The DOM's accessors and methods, taken once from the prototypes and called with `.call`. A read
// like `node.nextSibling` meets a different hidden class for every element type (div, p, a, …) and
// V8's inline cache misses into the runtime on each new one — in every page, since each page (and
// each isolated world) has its own wrapper classes. The walk runs once per page, cold, and pays for
// those misses: through the getters the first walk of a page is 13–17 % faster
// (median over the corpus, interleaved A/B on fresh page loads, two runs; bench/walk-ab.mjs).
const getter = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
const NODE_TYPE = getter(Node.prototype, 'nodeType');
const FIRST_CHILD = getter(Node.prototype, 'firstChild');
const NEXT_SIBLING = getter(Node.prototype, 'nextSibling');
const DATA = getter(CharacterData.prototype, 'data');
const LOCAL_NAME = getter(Element.prototype, 'localName');
const NAMESPACE = getter(Element.prototype, 'namespaceURI');
const SHADOW_ROOT = getter(Element.prototype, 'shadowRoot');
const HAS_ATTRIBUTES = Element.prototype.hasAttributes;
const ATTRIBUTE_NAMES = Element.prototype.getAttributeNames;
const GET_ATTRIBUTE = Element.prototype.getAttribute;
const MATCHES = Element.prototype.matches;
// `checkVisibility` is set at the start of each walk, from the walked document's own realm (the
// parity test counts the calls by wrapping that realm's method).
let CHECK_VISIBILITY = null;

/** The name → index maps, rebuilt only when Rust's names change (never, within one module). */
function tables(names, flags) {
  if (table === null || table.names !== names) {
    const [tagNames, attrNames] = names.split('\n');
    const tag = new Map(tagNames.split(' ').map((n, i) => [n, i]));
    const attr = new Map(attrNames.split(' ').map((n, i) => [n, i]));
    table = { names, tag, other: tag.size, attr, type: attr.get('type'), flags: Uint8Array.from(flags) };
  }
  return table;
}

/** Whether the page renders `el` (`display:contents` boxes count: their children show). */
function layoutVisible(el) {
  let shown;
  try {
    shown = CHECK_VISIBILITY.call(el, VISIBILITY);
  } catch {
    return true; // no checkVisibility (an old engine): assume visible, as markup would
  }
  if (shown) return true;
  const style = getComputedStyle(el);
  return style.display === 'contents' && style.visibility !== 'hidden';
}

/**
 * Walks `doc` (leaving out the subtree of `skip`, Broadsheet's own overlay host). `names` is the
 * tag names and the attribute names (each list joined by spaces, the two by a newline), `flags`
 * one byte of the flags above per tag.
 */
export function walk(doc, skip, names, flags, maxNodes, maxText, topDown = false) {
  const t = tables(names, flags);
  CHECK_VISIBILITY = (doc.defaultView || globalThis).Element.prototype.checkVisibility;
  const records = [];
  const texts = [];
  // Every element, in document order, for the visibility pass after the walk: its header's index
  // in `records`, its parent's index here (-1 for a top-level element), the node, and whether its
  // visibility is its parent's (never-rendered elements, the head) rather than measured.
  const elHeader = [];
  const elParent = [];
  const elNode = [];
  const elInherits = [];
  // The snapshot's size limits (`snapshot::limits`): one node or one text unit past either and
  // the walk stops, the builder then refuses the page. Text is counted in UTF-16 units, never more
  // than its UTF-8 bytes, so the builder always sees the overflow the walk saw.
  let nodes = 0;
  let textUnits = 0;
  // The open elements: the node, its index in `el…`, whether visibility inside it is assumed, and
  // whether the walk is in its open shadow root (its light children come next).
  const open = [];
  const openIndex = [];
  const openAssumed = [];
  const openInShadow = [];
  let watchable = true;
  let node = FIRST_CHILD.call(doc);
  for (;;) {
    if (nodes > maxNodes || textUnits > maxText) break;
    if (node === null) {
      // This level is done: the shadow root's end leads to the light children, an element's
      // end closes it.
      const top = open.length - 1;
      if (top < 0) break;
      if (openInShadow[top]) {
        openInShadow[top] = false;
        node = FIRST_CHILD.call(open[top]);
        continue;
      }
      records.push(CLOSE);
      node = NEXT_SIBLING.call(open[top]);
      open.pop();
      openIndex.pop();
      openAssumed.pop();
      openInShadow.pop();
      continue;
    }
    const type = NODE_TYPE.call(node);
    if (type === 3 || type === 4) {
      // Text and CDATA; an empty one would be dropped by the builder anyway.
      const data = DATA.call(node);
      if (data.length > 0) {
        records.push(TEXT, data.length);
        texts.push(data);
        nodes++;
        textUnits += data.length;
      }
      node = NEXT_SIBLING.call(node);
      continue;
    }
    if (type !== 1 || node === skip) {
      // Comments, doctypes, processing instructions; the overlay host.
      node = NEXT_SIBLING.call(node);
      continue;
    }

    // An element: its tag (SVG and MathML kept as empty markers, other foreign elements as
    // childless `Other`), its kept attributes, whether its children are read, its visibility.
    // An HTML tag name outside the HTML namespace is met only inside <svg> or <math>, which the
    // walk does not enter (or in an element a script made with createElementNS, left as HTML), so
    // only a name no tag has is asked its namespace: one DOM call fewer per element.
    let tag = t.tag.get(LOCAL_NAME.call(node));
    let descend = true;
    if (tag === undefined) {
      tag = t.other;
      descend = NAMESPACE.call(node) === HTML_NS;
      // (A custom element not yet defined may attach a shadow root when it is. `:defined` holds for
      // every other element; the isolated world has no `customElements` registry to ask.)
      if (watchable && descend && MATCHES.call(node, ':not(:defined)')) watchable = false;
    } else if (t.flags[tag] & MARKER) descend = false;
    const header = records.length;
    records.push(0);
    nodes++;
    let kept = 0;
    let scriptType = null;
    if (HAS_ATTRIBUTES.call(node)) {
      for (const name of ATTRIBUTE_NAMES.call(node)) {
        const attr = t.attr.get(name);
        if (attr === undefined) continue;
        const value = GET_ATTRIBUTE.call(node, name);
        if (value === null) continue;
        records.push(attr, value.length);
        texts.push(value);
        kept++;
        if (attr === t.type && scriptType === null) scriptType = value;
      }
    }
    const flags = t.flags[tag];
    if (flags & NO_TEXT) descend = false;
    else if (flags & SCRIPT) descend = descend && scriptType !== null && LD_JSON.test(scriptType);

    const top = open.length - 1;
    const assumed = (top >= 0 && openAssumed[top]) || (flags & HEAD) !== 0;
    const index = elHeader.length;
    records[header] = ELEMENT | (tag << 3) | (kept << 11); // the visible bit comes later
    elHeader.push(header);
    elParent.push(top < 0 ? -1 : openIndex[top]);
    elNode.push(node);
    elInherits.push(assumed || (flags & UNRENDERED) !== 0);

    // Its children: an open shadow root's first, then the light ones (which the shadow tree may
    // slot); closed roots cannot be read (`shadowRoot` is null), as natively.
    let first = null;
    let inShadow = false;
    if (descend) {
      const shadow = flags & SHADOW_HOST ? SHADOW_ROOT.call(node) : null;
      if (shadow !== null) watchable = false;
      first = shadow === null ? null : FIRST_CHILD.call(shadow);
      inShadow = first !== null;
      if (first === null) first = FIRST_CHILD.call(node);
    }
    if (first === null) {
      records.push(CLOSE);
      node = NEXT_SIBLING.call(node);
    } else {
      open.push(node);
      openIndex.push(index);
      openAssumed.push(assumed);
      openInShadow.push(inShadow);
      node = first;
    }
  }
  const shown = topDown ? visibleTopDown(elParent, elNode, elInherits) : visibleBottomUp(elParent, elNode, elInherits);
  for (let i = 0; i < shown.length; i++) if (shown[i]) records[elHeader[i]] |= 4;
  texts.push('');
  return { records, text: texts.join('\0'), watchable };
}

// ---- visibility ------------------------------------------------------------------------------
//
// An element is visible when its parent is (a top-level element: when it is) and it is itself:
// never-rendered elements and the head's content inherit, the others are measured
// (`layoutVisible`). `checkVisibility` costs a call into Blink per element (with its options
// dictionary, about a third of the walk), so the walk asks it as little as it can:
//   - bottom-up, children before parents: an element with a visible child is visible (the child's
//     box exists, so every ancestor's does; see the one exception below), so only elements
//     without a visible child are measured — mostly leaves (measuring every element cost twice
//     the calls over the corpus);
//   - a hidden element's hidden region is found by binary search over its not yet known
//     ancestors (hidden up to some ancestor, visible above it), and everything inside is skipped:
//     a 500-element hidden menu costs a handful of calls, not 500;
//   - then top-down, an element inside a hidden one is hidden.
// The one difference from measuring every element top-down (`visibleTopDown`, kept as the
// reference the browser parity test compares with on every corpus page): under a
// `visibility:hidden` element, a descendant that sets `visibility:visible` is shown by the
// browser; bottom-up it makes its ancestors visible too, top-down it was hidden with them.

const UNKNOWN = 0;
const SHOWN = 1;
const HIDDEN = 2;

/** The visibility of each element (1 or 0), measuring as few as it can (see above). */
function visibleBottomUp(parent, nodes, inherits) {
  const n = parent.length;
  const state = new Uint8Array(n);
  // An element whose visibility is still to be found (not measured, inferred or inherited).
  const unknown = (a) => a >= 0 && state[a] === UNKNOWN && !inherits[a];
  // 1. Children before parents (reverse document order).
  for (let i = n - 1; i >= 0; i--) {
    if (inherits[i]) continue;
    if (state[i] === UNKNOWN) state[i] = layoutVisible(nodes[i]) ? SHOWN : HIDDEN;
    if (state[i] === SHOWN) {
      // Its ancestors are visible: mark them up to the first one already known.
      for (let a = parent[i]; unknown(a); a = parent[a]) state[a] = SHOWN;
      continue;
    }
    // 2. Hidden: the not yet known ancestors are hidden up to some point and visible above it;
    //    find that point by binary search, then skip the hidden region (everything between its
    //    top and this element in document order lies inside it, and stays unknown: hidden by 3).
    const chain = [];
    for (let a = parent[i]; unknown(a); a = parent[a]) chain.push(a);
    let lo = -1; // chain[0..=lo] hidden
    let hi = chain.length; // chain[hi..] visible
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (layoutVisible(nodes[chain[mid]])) hi = mid;
      else lo = mid;
    }
    for (let k = hi; k < chain.length; k++) state[chain[k]] = SHOWN;
    if (lo >= 0) {
      for (let k = 0; k <= lo; k++) state[chain[k]] = HIDDEN;
      i = chain[lo]; // the loop goes on before the region's top
    }
  }
  // 3. Parents before children: inside a hidden element nothing is visible.
  const shown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    shown[i] = (p < 0 || shown[p]) && (inherits[i] || state[i] === SHOWN) ? 1 : 0;
  }
  return shown;
}

/** The reference: every element measured, parents first, nothing measured inside a hidden one. */
function visibleTopDown(parent, nodes, inherits) {
  const shown = new Uint8Array(parent.length);
  for (let i = 0; i < parent.length; i++) {
    const p = parent[i];
    shown[i] = (p < 0 || shown[p]) && (inherits[i] || layoutVisible(nodes[i])) ? 1 : 0;
  }
  return shown;
}

// ---- build -----------------------------------------------------------------------------------

const BUILD_CLOSE = 0;
const BUILD_OPEN = 1;
const BUILD_TEXT = 2;

/**
 * Builds nodes under `container`, in `doc`, from what `render_pieces` (src/web/overlay.rs) encodes:
 * `records`, 32-bit words, and `text`, every string in record order, sliced by UTF-16 lengths:
 *   OPEN   [1, nameLength, attributeCount, then per attribute: nameLength, valueLength]
 *          an element (appended to the open one, then open itself), its attributes set in order;
 *   TEXT   [2, length]   a text node appended to the open element;
 *   CLOSE  [0]           the open element closes (never `container`).
 * Iterative, as deep as the records go. Throws whatever the DOM throws (the module reports it).
 */
export function build(doc, container, records, text) {
  const open = [container];
  let top = container;
  let at = 0;
  const take = (length) => text.slice(at, (at += length));
  for (let i = 0; i < records.length; ) {
    const op = records[i++];
    if (op === BUILD_TEXT) {
      top.appendChild(doc.createTextNode(take(records[i++])));
    } else if (op === BUILD_OPEN) {
      const element = doc.createElement(take(records[i++]));
      const count = records[i++];
      for (let a = 0; a < count; a++) {
        const name = take(records[i++]);
        element.setAttribute(name, take(records[i++]));
      }
      top.appendChild(element);
      open.push(element);
      top = element;
    } else if (open.length > 1) {
      open.pop();
      top = open[open.length - 1];
    }
  }
}

// ---- watch -----------------------------------------------------------------------------------

/**
 * Starts noting whether the page changes (src/web/kept.rs): its address, its window's size, and
 * through a MutationObserver over the whole document any change but the reader's own — its host
 * (id `hostId`) going in and out and the host's attributes (what happens inside its shadow root is
 * not seen from the document), and the `style` attributes of <html> and <body>, which the scroll
 * lock sets and puts back. Its first callback that sees any other change disconnects it: a busy
 * page pays for one callback, not one per change. Returns the watcher for `unchangedSince`.
 */
export function watch(doc, hostId) {
  const view = doc.defaultView;
  const where = () => (view ? `${view.location.href} ${view.innerWidth}x${view.innerHeight}` : null);
  const isHost = (node) => node.nodeType === 1 && node.id === hostId;
  const ours = (record) => {
    if (isHost(record.target)) return true;
    if (record.type === 'childList') return [...record.addedNodes, ...record.removedNodes].every(isHost);
    return record.type === 'attributes' && record.attributeName === 'style'
      && (record.target === doc.documentElement || record.target === doc.body);
  };
  const watcher = { changed: false, ours, where, at: where(), observer: null };
  watcher.observer = new MutationObserver((records, observer) => {
    if (records.some((record) => !ours(record))) {
      watcher.changed = true;
      observer.disconnect();
    }
  });
  watcher.observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  return watcher;
}

/** Whether the page has not changed since `watch` (records not yet delivered count); stops it. */
export function unchangedSince(watcher) {
  const pending = watcher.observer.takeRecords();
  watcher.observer.disconnect();
  return !watcher.changed && pending.every(watcher.ours) && watcher.at !== null && watcher.where() === watcher.at;
}
