"""Regenerate the PNG images of the partnership's identity from its SVG mark: `make brand-images`.

    static/img/favicon-32.png        32×32, the favicon for browsers without SVG favicons
    static/img/apple-touch-icon.png  180×180, opaque (iOS rounds the corners itself)
    static/img/og-default.png        1200×630, the link-preview image of pages without an image of their own

They are drawn by Debian's Chromium (driven by Playwright, already the browser tests' tool), so the og:image's
words are set in the site's own typeface from static/fonts/ exactly as a browser shows them, and nothing else
needs installing. The PNGs are committed: the site serves them as static files and never runs this script.
"""

import base64
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "static" / "img"
FONT = ROOT / "static" / "fonts" / "source-sans-3"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))

PRIMARY = "#1e6b3f"
PRIMARY_DARK = "#12472a"
ACCENT = "#e0a11b"

# The name of the partnership is Polish in both languages, so one preview image serves both.
NAME_LINES = ("Lubelskie Partnerstwo", "na Rzecz Rozwoju Ekonomii Społecznej")
PLACE = "Lublin"


def icon_html(svg, size, background):
    return f"""<!DOCTYPE html><html><head><style>
        html, body {{ margin: 0; background: {background}; }}
        img {{ display: block; width: {size}px; height: {size}px; }}
    </style></head><body><img src="data:image/svg+xml;base64,{svg}"></body></html>"""


def og_html(mark_svg):
    fonts = "".join(
        f"@font-face {{ font-family: 'Source Sans 3'; font-weight: 200 900; "
        f"src: url(data:font/woff2;base64,{base64.b64encode((FONT / name).read_bytes()).decode()}) format('woff2'); }}"
        for name in ("source-sans-3-latin-wght-normal.woff2", "source-sans-3-latin-ext-wght-normal.woff2")
    )
    return f"""<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><style>
        {fonts}
        html, body {{ margin: 0; width: 1200px; height: 630px; }}
        body {{
            display: grid; grid-template-columns: 260px 1fr; align-items: center; gap: 64px;
            box-sizing: border-box; padding: 0 96px;
            background: #ffffff; color: {PRIMARY_DARK};
            font-family: 'Source Sans 3', sans-serif;
            border-bottom: 36px solid {PRIMARY}; box-shadow: inset 0 -48px 0 {ACCENT};
        }}
        img {{ width: 260px; height: 260px; }}
        h1 {{ margin: 0; font-size: 76px; line-height: 1.02; font-weight: 700; letter-spacing: -0.01em; }}
        h1 span {{ display: block; margin-top: 16px; font-size: 44px; line-height: 1.15; font-weight: 600;
            color: {PRIMARY}; }}
        p {{ margin: 28px 0 0; font-size: 32px; font-weight: 600; color: #4b5750; letter-spacing: 0.04em; }}
    </style></head><body>
        <img src="data:image/svg+xml;base64,{mark_svg}" alt="">
        <div><h1>{NAME_LINES[0]}<span>{NAME_LINES[1]}</span></h1><p>{PLACE}</p></div>
    </body></html>"""


def svg_base64(name):
    return base64.b64encode((IMAGES / name).read_bytes()).decode()


def render(browser, html, size, path, transparent=False):
    page = browser.new_page(viewport={"width": size[0], "height": size[1]}, device_scale_factor=1)
    page.set_content(html)
    page.evaluate("document.fonts.ready")
    clip = {"x": 0, "y": 0, "width": size[0], "height": size[1]}
    page.screenshot(path=str(path), omit_background=transparent, clip=clip)
    page.close()
    print(f"wrote {path.relative_to(ROOT)} ({size[0]}×{size[1]})")


def main():
    if not CHROMIUM.exists():
        sys.exit(f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set CHROMIUM)")
    favicon = svg_base64("favicon.svg")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox"])
        render(browser, icon_html(favicon, 32, "transparent"), (32, 32), IMAGES / "favicon-32.png", transparent=True)
        render(browser, icon_html(favicon, 180, PRIMARY), (180, 180), IMAGES / "apple-touch-icon.png")
        render(browser, og_html(svg_base64("logo-mark.svg")), (1200, 630), IMAGES / "og-default.png")
        browser.close()


if __name__ == "__main__":
    main()
