// Shrinks the generated JavaScript that ships in pkg/ (build.sh runs it after wasm-bindgen and
// wasm2js): `node tools/minify.mjs [--rename-in=FUNCTION] FILE...` rewrites each FILE in place.
//
// Why: the wasm2js build (pkg/broadsheet_asm.js) is parsed once per tab before the first press can
// paint, and its parse time grows with its size; binaryen's output is indented and names every
// local `$12_1`. Measured on this crate (node 20, same V8 as Chromium): 2.73 MB → 1.6 MB and parse
// time halved by the whitespace pass alone.
//
// What it does, in two passes, both proven by comparing syntax trees:
//  1. Whitespace: the file is re-emitted token by token (acorn's tokenizer, so strings, regular
//     expressions and template literals are copied byte for byte). A space is kept only where two
//     tokens would otherwise merge; a line break is kept wherever the source had one between two
//     tokens, so automatic semicolon insertion sees exactly the same lines. Comments go.
//  2. Renaming (`--rename-in=asmFunc`, for the wasm2js module only): every name declared inside
//     that function (wasm2js's `$12_1`, `label$3`, `HEAP32`, …) becomes the shortest unused name,
//     the most frequent first. The renaming is one-to-one, the new names occur nowhere in the file,
//     and a name is left alone when it is ever a property name or object key, a global of the
//     JavaScript environment, or used outside that function, so every reference still resolves to
//     the same binding.
// Proof: the output is parsed again and its syntax tree must equal the input's, node for node,
// except for positions and the renamed identifiers (which must carry exactly their new name).
// Any difference fails the build.

import * as acorn from 'acorn';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

export const PARSE = { ecmaVersion: 'latest', sourceType: 'module' };
const POSITION_KEYS = new Set(['start', 'end', 'loc', 'range']);
const WORD = /[A-Za-z0-9_$\u0080-\uffff]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

// Calls visit(node, parent, key) for every node of the tree, without recursion (wasm2js nests
// blocks deeply).
function walk(root, visit) {
  const stack = [[root, null, null]];
  while (stack.length) {
    const [node, parent, key] = stack.pop();
    visit(node, parent, key);
    for (const k of Object.keys(node)) {
      if (POSITION_KEYS.has(k)) continue;
      const v = node[k];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) if (v[i] && typeof v[i].type === 'string') stack.push([v[i], node, k]);
      } else if (v && typeof v.type === 'string') stack.push([v, node, k]);
    }
  }
}

// Identifiers that name a property (not a binding): `a.NAME`, `{ NAME: … }`, class members.
function isPropertyName(parent, key) {
  if (!parent) return false;
  if (parent.type === 'MemberExpression') return key === 'property' && !parent.computed;
  if (parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') {
    return key === 'key' && !parent.computed;
  }
  return false;
}

// Identifiers bound by a declaration (var, function, parameter, label) inside `fn`.
function declaredNames(fn) {
  const names = new Set();
  const bind = (pattern) => walk(pattern, (n, p, k) => { if (n.type === 'Identifier' && !isPropertyName(p, k)) names.add(n.name); });
  walk(fn.body, (node) => {
    if (node.type === 'VariableDeclarator') bind(node.id);
    else if (node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression') {
      if (node.id) names.add(node.id.name);
      node.params.forEach(bind);
    } else if (node.type === 'LabeledStatement') names.add(node.label.name);
    else if (node.type === 'CatchClause' && node.param) bind(node.param);
  });
  fn.params.forEach(bind);
  return names;
}

function isReserved(name) {
  try {
    acorn.parse(`var ${name};`, PARSE);
    return false;
  } catch {
    return true;
  }
}

// Short names in order: a … Z, _, $, then two characters, skipping reserved words and `taken`.
function* shortNames(taken) {
  const first = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$';
  const rest = first + '0123456789';
  for (let length = 1; ; length++) {
    const total = first.length * rest.length ** (length - 1);
    for (let i = 0; i < total; i++) {
      let n = i, name = first[n % first.length];
      n = Math.floor(n / first.length);
      for (let j = 1; j < length; j++, n = Math.floor(n / rest.length)) name += rest[n % rest.length];
      if (!taken.has(name) && !isReserved(name)) yield name;
    }
  }
}

// Pass 2's plan: source offset of each identifier to rename → its new name.
function renamePlan(ast, functionName) {
  const fn = ast.body.find((n) => n.type === 'FunctionDeclaration' && n.id.name === functionName);
  if (!fn) throw new Error(`no top-level function ${functionName}`);
  const candidates = declaredNames(fn);
  const everyName = new Set();
  const uses = [];
  walk(ast, (node, parent, key) => {
    if (node.type !== 'Identifier') return;
    everyName.add(node.name);
    const inside = node.start >= fn.start && node.end <= fn.end;
    if (!inside || isPropertyName(parent, key) || node.name in globalThis) candidates.delete(node.name);
    else uses.push(node);
  });
  const count = new Map();
  for (const node of uses) if (candidates.has(node.name)) count.set(node.name, (count.get(node.name) || 0) + 1);
  const fresh = shortNames(everyName);
  const newName = new Map();
  for (const [name] of [...count].sort((a, b) => b[1] - a[1])) newName.set(name, fresh.next().value);
  const at = new Map();
  for (const node of uses) if (newName.has(node.name)) at.set(node.start, newName.get(node.name));
  return at;
}

// Pass 1 (+ the renaming): the tokens with only the whitespace that matters.
function emit(source, renameAt) {
  const out = [];
  let previous = null, last = '';
  for (const token of acorn.tokenizer(source, PARSE)) {
    let text = renameAt.get(token.start);
    if (text === undefined || token.type.label !== 'name') text = source.slice(token.start, token.end);
    if (previous) {
      const gap = source.slice(previous.end, token.start);
      const first = text[0];
      // Inside a template literal its text parts touch the `${` and `}` next to them: a space
      // there would be part of the string (`x${` must not become `x ${`).
      const inTemplate = previous.type.label === 'template' || token.type.label === 'template';
      if (LINE_BREAK.test(gap)) out.push('\n');
      else if (inTemplate) { /* nothing between */ }
      else if ((WORD.test(last) && WORD.test(first)) || (last === '+' && first === '+') || (last === '-' && first === '-')
        || (last === '/' && (first === '/' || first === '*')) || (previous.type.label === 'num' && first === '.')) out.push(' ');
    }
    out.push(text);
    last = text[text.length - 1];
    previous = token;
  }
  return out.join('') + '\n';
}

// The proof: same tree but for positions and the planned names.
export function sameTree(a, b, renameAt = new Map()) {
  const stack = [[a, b]];
  while (stack.length) {
    const [x, y] = stack.pop();
    if (x === null || typeof x !== 'object') {
      if (typeof x === 'bigint' ? x !== y : !Object.is(x, y)) return false;
      continue;
    }
    if (y === null || typeof y !== 'object' || Array.isArray(x) !== Array.isArray(y)) return false;
    if (x.type === 'Identifier' && renameAt.has(x.start)) {
      if (y.type !== 'Identifier' || y.name !== renameAt.get(x.start)) return false;
      continue;
    }
    // (A regular expression literal's `value` is a RegExp, which has no own keys: its `regex`
    // field carries pattern and flags.)
    const keys = Object.keys(x).filter((k) => !POSITION_KEYS.has(k));
    if (keys.length !== Object.keys(y).filter((k) => !POSITION_KEYS.has(k)).length) return false;
    for (const k of keys) stack.push([x[k], y[k]]);
  }
  return true;
}

/** Minifies `source` (renaming inside the top-level function `renameIn`, if given); throws when the
 * output's syntax tree is not the input's. */
export function minifySource(source, renameIn) {
  const ast = acorn.parse(source, PARSE);
  const renameAt = renameIn ? renamePlan(ast, renameIn) : new Map();
  const output = emit(source, renameAt);
  if (!sameTree(ast, acorn.parse(output, PARSE), renameAt)) throw new Error('the minified syntax tree differs');
  return output;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const renameIn = args.find((a) => a.startsWith('--rename-in='))?.slice('--rename-in='.length);
  for (const path of args.filter((a) => !a.startsWith('--'))) {
    const source = fs.readFileSync(path, 'utf8');
    const output = minifySource(source, renameIn);
    fs.writeFileSync(path, output);
    console.error(`minify: ${path} ${source.length} → ${output.length} B`);
  }
}
