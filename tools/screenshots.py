"""Screenshots of every page of the app, as a reader sees them, for comparing two versions.

    .venv/bin/python tools/screenshots.py --out build/screenshots/now [--width 1280 --width 390]
        [--lang nl --lang en]

Starts the app with the casebook's own command (``tests.support.AppServer``), opens every page
in Debian's Chromium at each width, waits until its charts are drawn, and saves a full-page PNG
per page, width and language (``OUT/<width>/<lang>/<page>.png``). Widgets and charts render in
the browser, so two runs of the same code give the same pictures up to plotly's own animation
frames.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from casebook.app.settings import Settings
from casebook.i18n import LANGS
from casebook.pages import PAGES
from tests.support import CHROMIUM, CHROMIUM_ARGS, DRAWN, AppServer

_TALLEST = "() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"


def take(out: Path, widths: list[int], langs: list[str]) -> list[Path]:
    """Save one screenshot per page, width and language under ``out``; return their paths."""
    from playwright.sync_api import sync_playwright

    saved = []
    with AppServer(Settings(open_browser=False)) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, lang in [(w, la) for w in widths for la in langs]:
            (out / str(width) / lang).mkdir(parents=True, exist_ok=True)
            for entry in PAGES:
                context = browser.new_context(viewport={"width": width, "height": 900})
                page = context.new_page()
                page.goto(server.page_url(entry.address, f"lang={lang}"), timeout=90_000)
                page.wait_for_selector(entry.view, timeout=90_000)
                page.wait_for_function(f"({DRAWN})() >= {entry.charts}", timeout=60_000)
                # grow the viewport to the tallest scrolling element, so that the picture
                # holds the whole page
                height = page.evaluate(_TALLEST)
                page.set_viewport_size({"width": width, "height": min(height, 30_000)})
                page.wait_for_timeout(800)  # let plotly redraw at the new size
                path = out / str(width) / lang / f"{entry.stem}.png"
                page.screenshot(path=str(path), full_page=True)
                saved.append(path)
                page.goto("about:blank")  # fires the unload handler, as closing a tab does
                context.close()
        browser.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--width", type=int, action="append", help="viewport width (repeatable)")
    parser.add_argument("--lang", action="append", choices=LANGS, help="language (repeatable)")
    args = parser.parse_args(argv)
    for path in take(args.out, args.width or [1280], args.lang or list(LANGS)):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
