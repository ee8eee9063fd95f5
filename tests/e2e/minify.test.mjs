// tools/minify.mjs, which build.sh runs over the generated JavaScript in pkg/: the minified code
// must behave as the source, including where whitespace matters (automatic semicolon insertion,
// `a + +b`, regular expressions, template literals), and the renaming must never touch property
// names, globals or names used outside the function it renames in. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as acorn from 'acorn';
import { minifySource, sameTree, PARSE } from '../../tools/minify.mjs';

// Runs a module body that ends by assigning `result`, returning it.
const run = (source) => new Function(`${source.replace(/^export /gm, '')}\nreturn result;`)();

test('minify: whitespace and comments go, behaviour stays', () => {
  const source = `
    // a comment
    function asmFunc(env) {
      var $12_1 = 1, $13_1 = +2;
      var label = 0;
      /* block */ label$1 : {
        $12_1 = $12_1 + +$13_1;          // a + +b must not become a++b
        $13_1 = $12_1 - -$13_1;
        if ($12_1 > 2) break label$1;
      }
      var re = /a\\/b+/g;                // a regular expression, not a division
      var tpl = \`x  \${$12_1}   y\`;        // template literal spacing is data
      var word = \`a\${$12_1}b\${$13_1}\`;     // a letter next to \${ gains no space
      var dot = 1 .toString();
      var asi = $12_1
      ;[$13_1].length
      return { memory: $12_1, sum: asi + $13_1 + dot + re.source + tpl + word + env.x + Math.max(1, 2) };
    }
    var result = JSON.stringify(asmFunc({ x: 'X' }));
  `;
  const output = minifySource(source, 'asmFunc');
  assert.equal(run(output), run(source));
  assert.ok(output.length < source.length * 0.7, `${output.length} vs ${source.length}`);
  assert.ok(!output.includes('comment') && !output.includes('block'), output);
  assert.ok(output.includes('`x  ${'), 'template literal kept byte for byte');
});

test('minify: renames only names bound inside the function', () => {
  const source = `
    var outside = 5;
    function asmFunc(env) {
      var $1_1 = env.memory, HEAP32 = [7], memory = 3, outside = 1, Math = 2;
      function $22(a) { return a + HEAP32[0]; }
      return { memory: memory, value: $22($1_1) + outside + Math };
    }
    var result = asmFunc({ memory: 1 }).value + outside;
  `;
  const output = minifySource(source, 'asmFunc');
  assert.equal(run(output), run(source));
  for (const renamed of ['$1_1', 'HEAP32', '$22']) assert.ok(!output.includes(renamed), `${renamed} renamed: ${output}`);
  // A property name, a name also used outside the function, a global: kept.
  assert.match(output, /\bmemory:memory\b/);
  assert.match(output, /\boutside\b.*\boutside\b.*\boutside\b/s);
  assert.match(output, /\bMath=2/);
});

test('minify: the proof tells trees apart', () => {
  // What a wrong minifier would produce: a lost line break changes what ASI does.
  const parse = (code) => acorn.parse(code, PARSE);
  assert.ok(sameTree(parse('x = a\n;(b)'), parse('x=a\n;(b)')));
  assert.ok(!sameTree(parse('x = a\n(b)'), parse('x = a;(b)')));
  assert.ok(!sameTree(parse('x = a - -b'), parse('x = a - b')));
  assert.ok(!sameTree(parse('var $1 = 2'), parse('var a = 2')), 'a rename not planned is a difference');
  assert.throws(() => minifySource('var a = ;'));
});
