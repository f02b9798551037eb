"""Checks of a `sentra report` HTML page as headless Chromium draws it.

dom DUMPED_DOM MIN_CHARTS
    the DOM Chromium built from the page holds at least MIN_CHARTS inline <svg> charts, each
    with plotted paths (gnuplot draws lines, bands, bars and whiskers as <path>) and the
    page holds no <script> and no external resource (it opens offline);
pixels SCREENSHOT.png
    the screenshot is not blank: a good share of its pixels are not the white background,
    and some are in the charts' colours (Okabe-Ito blue #0072B2 or orange #E69F00), so the
    charts were drawn, not just present in the markup.

The PNG is decoded here with zlib (no PIL on the development machines): 8-bit RGB or RGBA,
non-interlaced, as Chromium writes it.
"""
import re
import struct
import sys
import zlib


def check_dom(path, min_charts):
    text = open(path, encoding="utf-8").read()
    svgs = re.findall(r"<svg\b.*?</svg>", text, flags=re.S)
    drawn = [s for s in svgs if len(re.findall(r"<path\b", s)) >= 3]
    ok = True
    if len(drawn) < min_charts:
        print(f"FAIL: {len(drawn)} charts with plotted paths (of {len(svgs)} <svg>), expected at least {min_charts}")
        ok = False
    if re.search(r"<script\b", text):
        print("FAIL: the report holds a <script>")
        ok = False
    if re.search(r"""(src|href)=["']https?:""", text):
        print("FAIL: the report loads an external resource")
        ok = False
    return ok


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path} is not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {colour}, interlace {interlace}")
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, channels, rows


def check_pixels(path):
    width, height, channels, rows = read_png(path)
    total = non_white = coloured = 0
    for line in rows:
        for x in range(0, width * channels, channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            total += 1
            if r < 245 or g < 245 or b < 245:
                non_white += 1
            # Near the blue (0,114,178) or orange (230,159,0) lines.
            if (abs(r - 0) < 40 and abs(g - 114) < 40 and abs(b - 178) < 40) or \
               (abs(r - 230) < 40 and abs(g - 159) < 40 and b < 60):
                coloured += 1
    ok = True
    if non_white < total * 0.01:
        print(f"FAIL: screenshot nearly blank: {non_white} of {total} pixels not white")
        ok = False
    if coloured < 100:
        print(f"FAIL: only {coloured} pixels in the charts' colours: the charts were not drawn")
        ok = False
    print(f"screenshot {width}x{height}: {non_white} non-white pixels, {coloured} in chart colours")
    return ok


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "dom":
        sys.exit(0 if check_dom(sys.argv[2], int(sys.argv[3])) else 1)
    if what == "pixels":
        sys.exit(0 if check_pixels(sys.argv[2]) else 1)
    sys.exit(f"unknown check {what}")
