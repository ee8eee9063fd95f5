#!/usr/bin/env python3
"""What is big in the wasm: code bytes per (demangled) name prefix, the largest functions, data size.

    tools/wasm-size.py names [DEPTH] [FILTER] [TOP]

1. Build with names kept (same flags as build.sh, own target dir so the shipped build stays warm):
     RUSTFLAGS="-C target-cpu=mvp -C target-feature=+bulk-memory,+sign-ext,+mutable-globals" \\
       cargo build --lib --target wasm32-unknown-unknown --release --config 'profile.release.opt-level="z"' \\
       --config profile.release.strip=false --target-dir target/names
2. `tools/wasm-size.py names` drops wasm-bindgen's `__wbindgen_describe_*` exports from cargo's output
   (wasm-bindgen interprets and deletes them, and refuses a name-keeping build, so without this step
   about 77 KB of describe code -- js_sys::Intl enums among it -- look shipped),
   runs `wasm-opt -Oz -g --low-memory-unused` on it into target/names/names.wasm, and reports.
   `tools/wasm-size.py FILE.wasm ...` reports on any wasm that has a name section.
DEPTH: path segments per group (default 2); FILTER: only names containing it; TOP: functions listed.
"""
import collections, re, signal, subprocess, sys

signal.signal(signal.SIGPIPE, signal.SIG_DFL)
CARGO_OUT = 'target/names/wasm32-unknown-unknown/release/broadsheet.wasm'
NAMES_OUT = 'target/names/names.wasm'
FEATURES = ['--enable-bulk-memory', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals']


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i


def enc(n):
    out = bytearray()
    while True:
        x = n & 0x7f; n >>= 7
        if n: out.append(x | 0x80)
        else: out.append(x); return bytes(out)


def sections(b):
    i = 8
    while i < len(b):
        sid = b[i]; size, j = leb(b, i + 1)
        yield sid, i, j, j + size
        i = j + size


def drop_describe_exports(b):
    out = bytearray(b[:8])
    for sid, start, body, end in sections(b):
        if sid != 7:
            out += b[start:end]; continue
        n, j = leb(b, body); kept = []
        for _ in range(n):
            s0 = j; l, j = leb(b, j); name = b[j:j + l]; j += l + 1; _, j = leb(b, j)
            if not name.startswith(b'__wbindgen_describe'): kept.append(b[s0:j])
        contents = enc(len(kept)) + b''.join(kept)
        out += bytes([7]) + enc(len(contents)) + contents
    return bytes(out)


def demangle(names):
    text = subprocess.run(['llvm-cxxfilt'], input='\n'.join(names), capture_output=True, text=True).stdout.split('\n')
    def fix(d):
        for a, c in (('$LT$', '<'), ('$GT$', '>'), ('$u20$', ' '), ('$C$', ','), ('$RF$', '&'), ('$BP$', '*'),
                     ('$u7b$', '{'), ('$u7d$', '}'), ('$u27$', "'"), ('$u5b$', '['), ('$u5d$', ']'), ('$u3b$', ';'),
                     ('$LP$', '('), ('$RP$', ')'), ('..', '::')):
            d = d.replace(a, c)
        return re.sub(r'(::)?h[0-9a-f]{16}E?$', '', re.sub(r'^_<', '<', d))
    return [fix(d) for d in text]


def report(path, depth, filt, top):
    b = open(path, 'rb').read()
    imported = 0; bodies = []; names = {}; data = 0
    for sid, _, body, end in sections(b):
        if sid == 2:
            n, j = leb(b, body)
            for _ in range(n):
                l, j = leb(b, j); j += l; l, j = leb(b, j); j += l; kind = b[j]; j += 1
                if kind == 0: _, j = leb(b, j); imported += 1
                elif kind == 1: j += 1; flags, j = leb(b, j); _, j = leb(b, j); j = leb(b, j)[1] if flags & 1 else j
                elif kind == 2: flags, j = leb(b, j); _, j = leb(b, j); j = leb(b, j)[1] if flags & 1 else j
                elif kind == 3: j += 2
        elif sid == 10:
            n, j = leb(b, body)
            for _ in range(n): l, j = leb(b, j); bodies.append(l); j += l
        elif sid == 11:
            data = end - body
        elif sid == 0:
            l, j = leb(b, body)
            if b[j:j + l] == b'name':
                j += l
                while j < end:
                    kind = b[j]; size, k = leb(b, j + 1); j = k + size
                    if kind == 1:
                        n, k = leb(b, k)
                        for _ in range(n):
                            idx, k = leb(b, k); l, k = leb(b, k); names[idx] = b[k:k + l].decode('utf8', 'replace'); k += l
    dem = demangle([names.get(i + imported, '?') for i in range(len(bodies))])
    print(f'code {sum(bodies)} B in {len(bodies)} functions, data section {data} B')
    groups = collections.Counter(); counts = collections.Counter(); rows = []
    for size, name in zip(bodies, dem):
        if filt and filt not in name: continue
        key = '::'.join([p for p in re.split(r'::|<| as |>', name.lstrip('<&')) if p][:depth])
        groups[key] += size; counts[key] += 1; rows.append((size, name))
    for key, size in groups.most_common(60): print(size, counts[key], key)
    print('--- largest functions')
    for size, name in sorted(rows, reverse=True)[:top]: print(size, name[:200])


def main():
    args = sys.argv[1:]
    if not args: sys.exit(__doc__)
    path = args[0]
    if path == 'names':
        open(NAMES_OUT + '.tmp', 'wb').write(drop_describe_exports(open(CARGO_OUT, 'rb').read()))
        subprocess.run(['wasm-opt', '-Oz', '-g', '--low-memory-unused', *FEATURES, NAMES_OUT + '.tmp', '-o', NAMES_OUT], check=True)
        path = NAMES_OUT
    report(path, int(args[1]) if len(args) > 1 else 2, args[2] if len(args) > 2 else None, int(args[3]) if len(args) > 3 else 40)


main()
