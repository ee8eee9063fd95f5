#!/usr/bin/env python3
"""Draws Broadsheet's toolbar icons (16, 32, 48, 128 px PNG) with the standard library only.

A rounded square in Broadsheet's accent colour holding a stylised front page: a thick headline bar
over two columns of text lines. Shapes are drawn in a 0..1 coordinate space and supersampled 4x4
per pixel for anti-aliasing. Run from anywhere: `python3 extension/icons/make_icons.py`; the PNGs
are committed, so this only needs to run when the design changes.
"""
import os
import struct
import zlib

ACCENT = (138, 59, 18)   # --bs-accent in overlay.css
PAPER = (251, 250, 247)  # --bs-bg in overlay.css
SAMPLES = 4


def inside_rounded(x, y, r=0.2):
    """The rounded-square background."""
    cx = min(max(x, r), 1 - r)
    cy = min(max(y, r), 1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def rect(x, y, x0, y0, x1, y1):
    return x0 <= x <= x1 and y0 <= y <= y1


def on_paper(x, y, size):
    """The front page: headline bar, then two text columns (fewer lines at small sizes)."""
    if rect(x, y, 0.2, 0.2, 0.8, 0.34):
        return True
    lines = 2 if size <= 16 else 3
    top, step = 0.44, (0.8 - 0.44) / lines
    for i in range(lines):
        y0 = top + i * step
        y1 = y0 + step * 0.55
        if rect(x, y, 0.2, y0, 0.46, y1) or rect(x, y, 0.54, y0, 0.8, y1):
            return True
    return False


def pixel(px, py, size):
    """Coverage-weighted RGBA of one pixel."""
    bg = fg = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) / size
            y = (py + (sy + 0.5) / SAMPLES) / size
            if inside_rounded(x, y):
                if on_paper(x, y, size):
                    fg += 1
                else:
                    bg += 1
    total = SAMPLES * SAMPLES
    covered = bg + fg
    if covered == 0:
        return (0, 0, 0, 0)
    mix = [round((ACCENT[i] * bg + PAPER[i] * fg) / covered) for i in range(3)]
    return (*mix, round(255 * covered / total))


def png(size):
    rows = b"".join(
        b"\x00" + bytes(c for px in range(size) for c in pixel(px, py, size)) for py in range(size)
    )

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    for size in (16, 32, 48, 128):
        path = os.path.join(here, f"icon{size}.png")
        with open(path, "wb") as f:
            f.write(png(size))
        print(path)
