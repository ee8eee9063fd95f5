// Profiler (not a test): where the in-browser time goes, from Chromium's own instruments. For each
// page (PAGES, default a spread), served and painted as in bench/browser.mjs, with the wasm build:
//   1. a V8 CPU profile (CDP `Profiler`, 50 µs sampling) around ITER × `bench_phases(true)`
//      (snapshot, analysis, then `open()` + `close()`), self time summed by function: the DOM calls
//      (checkVisibility, createElement…), walk.js, the wasm, the glue, style and layout;
//   2. a trace (CDP `Tracing`, devtools.timeline) around ITER × (`open(true)`, one frame, `close()`):
//      style recalculation, layout, stylesheet parsing and paint on the page's main thread.
// Run after a build: `node bench/profile.mjs` (env PAGES=seed,nytimes-1, ITER=10, TOP=25).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, serve } from '../tests/e2e/helpers.mjs';
import { benchTab, pathOf, servedPages } from './pages.mjs';

const ITER = Number(process.env.ITER || 10);
const TOP = Number(process.env.TOP || 25);
const names = (process.env.PAGES || 'seed,nytimes-1,liberation-1,archive-of-our-own,cnn').split(',');

const server = await serve({ pages: await servedPages(names) });
const { browser, context, tab } = await benchTab();
const cdp = await context.newCDPSession(tab);

/** Self time by function name (wasm functions grouped), from a CDP profile. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    let key = f.functionName || '(anonymous)';
    if (f.url.startsWith('wasm://') || key === 'wasm-to-js' || key === 'js-to-wasm') key = '[wasm]';
    else if (f.url.endsWith('broadsheet.js')) key = `glue:${key}:${f.lineNumber + 1}`;
    else if (f.url.endsWith('walk.js')) key = `walk.js:${key}`;
    totals.set(key, (totals.get(key) || 0) + (dt[i + 1] ?? 0) / 1000);
  }
  return totals;
}

/** Sample hits per source line of walk.js (V8's positionTicks). */
function walkLines(profile) {
  const lines = new Map();
  for (const n of profile.nodes) {
    if (!n.callFrame.url.endsWith('walk.js')) continue;
    for (const { line, ticks } of n.positionTicks || []) lines.set(line, (lines.get(line) || 0) + ticks);
  }
  return lines;
}

/** Inclusive time of the functions named in `wanted` (outermost frame counted once per sample). */
function inclusiveTimes(profile, wanted) {
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      const key = f.url.endsWith('broadsheet.js') ? `glue:${f.functionName || '(anonymous)'}:${f.lineNumber + 1}` : f.functionName;
      if (wanted.some((w) => key === w || key.startsWith(w)) && !seen.has(key)) {
        seen.add(key);
        totals.set(key, (totals.get(key) || 0) + (dt[i + 1] ?? 0) / 1000);
      }
    }
  }
  return totals;
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'].join(',');

async function trace(run) {
  const events = [];
  const onData = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await run();
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  // The page's main thread: the one that ran our marks. Events are filed under the window they
  // start in: inside open() (`bs-open` … `bs-opened`), the frame after it (… `bs-painted`), close.
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith('bs-'));
  const tid = marks[0]?.tid;
  const bounds = marks.filter((m) => m.tid === tid).map((m) => [m.ts, m.name.replace(/-\d+$/, '')]).sort((a, b) => a[0] - b[0]);
  const windowOf = (ts) => {
    let w = null;
    for (const [t, name] of bounds) if (t <= ts) w = name; else break;
    return { 'bs-open': 'in open()', 'bs-opened': 'frame after open', 'bs-painted': 'close + frame' }[w] ?? 'other';
  };
  const totals = new Map();
  const stack = [];
  const add = (e, dur) => {
    if (e.args?.data?.frame === undefined && false) return;
    const k = `${windowOf(e.ts)}: ${e.name}`;
    totals.set(k, (totals.get(k) || 0) + dur / 1000);
  };
  for (const e of events.filter((e) => e.tid === tid)) {
    if (e.ph === 'X') add(e, e.dur || 0);
    else if (e.ph === 'B') stack.push(e);
    else if (e.ph === 'E') {
      const b = stack.pop();
      if (b) add(b, e.ts - b.ts);
    }
  }
  return totals;
}

const print = (title, totals, per) => {
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP);
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log(`  ${title} (ms per iteration; total ${(all / per).toFixed(2)})`);
  for (const [k, v] of rows) console.log(`    ${(v / per).toFixed(3).padStart(8)}  ${((100 * v) / all).toFixed(1).padStart(5)}%  ${k}`);
};

for (const name of names) {
  await tab.goto(server.url(pathOf(name)), { waitUntil: 'load' });
  await tab.evaluate(() => new Promise((painted) => { void document.documentElement.offsetHeight; requestAnimationFrame(() => setTimeout(painted, 0)); }));
  await tab.evaluate(async (glueUrl) => {
    window.glue = await import(glueUrl);
    await window.glue.default();
    window.glue.bench_phases(true); // warm
  }, server.url('/pkg/broadsheet.js'));
  const phases = await tab.evaluate((n) => {
    const sums = new Array(13).fill(0);
    for (let i = 0; i < n; i++) window.glue.bench_phases(true).forEach((v, j) => (sums[j] += v / n));
    return sums;
  }, ITER);
  const [snap, , , open, ws, we, wr, walk] = phases;
  console.log(`\n${name}: snapshot ${snap.toFixed(2)} (walk ${walk.toFixed(2)}), open ${open.toFixed(2)}, render ${(open - ws - we - wr).toFixed(2)} ms (means of ${ITER})`);

  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await tab.evaluate((n) => { for (let i = 0; i < n; i++) window.glue.bench_phases(true); }, ITER);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  print('CPU profile of bench_phases(true), self time', selfTimes(profile), ITER);
  if (process.env.LINES) {
    const source = (await readFile(join(ROOT, 'src/web/walk.js'), 'utf8')).split('\n');
    const lines = [...walkLines(profile).entries()].sort((a, b) => b[1] - a[1]).slice(0, 20);
    const all = lines.reduce((a, [, t]) => a + t, 0);
    for (const [line, ticks] of lines) console.log(`    ${String(ticks).padStart(6)} ${((100 * ticks) / all).toFixed(1).padStart(5)}%  walk.js:${line}  ${source[line - 1].trim().slice(0, 90)}`);
  }
  print('inclusive', inclusiveTimes(profile, ['walk', 'focus', 'glue:', 'checkVisibility', 'open', 'bench_phases']), ITER);

  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  await tab.evaluate(async (n) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (let i = 0; i < n; i++) { window.glue.open(true); await frame(); await frame(); window.glue.close(); await frame(); }
  }, ITER);
  const { profile: openProfile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  print('CPU profile of open(true), two frames (panels), close(), a frame: self time', selfTimes(openProfile), ITER);

  const totals = await trace(() => tab.evaluate(async (n) => {
    for (let i = 0; i < n; i++) {
      performance.mark(`bs-open-${i}`);
      window.glue.open(true);
      performance.mark(`bs-opened-${i}`);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      performance.mark(`bs-painted-${i}`);
      window.glue.close();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
  }, ITER));
  const keep = ['UpdateLayoutTree', 'Layout', 'ParseAuthorStyleSheet', 'Paint', 'PrePaint', 'Layerize', 'UpdateLayer', 'HitTest', 'ScheduleStyleRecalculation', 'InvalidateLayout', 'FunctionCall', 'EvaluateScript', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame', 'RunTask', 'Document::updateStyleAndLayout', 'LocalFrameView::UpdateStyleAndLayout', 'StyleEngine::RecalcStyle', 'Commit'];
  const filtered = new Map([...totals.entries()].filter(([k]) => keep.includes(k.replace(/^.*: /, '')) || /Style|Layout|Paint|Sheet|Parse/i.test(k)));
  print('trace of open + frame + close + frame, main thread (nested events overlap)', filtered, ITER);
}
await browser.close();
await server.close();
