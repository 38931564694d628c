"""Issue 10: the app and the handout in a real browser with a teacher's data folder full of
markup: every text appears as text; no dialog, no script run, no injected element. Hostile
uploads go to the app server: the reader's tour uploads them on the compare page
(tests/browser/test_app.py). The hostile-data server (``hostile_app``, for this file) and the
data folder (``hostile_dir``, for the session) are fixtures in tests/browser/conftest.py; under
``make test`` this file is a unit of work of its own, beside tests/browser/test_app.py in the
other worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casebook.pages import PAGES, Page
from tests.browser.pagecheck import nothing_injected
from tests.support import DRAWN, AppServer

ROOT = Path(__file__).resolve().parents[2]


def _open(browser: Any, url: str, page: Page) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    tab.goto(url, timeout=90_000)
    tab.wait_for_selector(page.view, timeout=90_000)
    tab.wait_for_function(f"({DRAWN})() >= {page.charts}", timeout=60_000)
    return context, tab, dialogs


@pytest.mark.parametrize("page", PAGES, ids=[page.notebook for page in PAGES])
def test_every_page_shows_the_markup_as_text(
    browser: Any, hostile_app: AppServer, page: Page
) -> None:
    """Each page loaded afresh (a new browser: a new session) on the hostile data."""
    name = page.notebook
    context, tab, dialogs = _open(browser, hostile_app.page_url(page.address), page)
    try:
        nothing_injected(tab, dialogs, name)
        body = tab.inner_text("body")
        svg = tab.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            ".map(g => g.textContent).join(' ')"
        )
        assert "<img src=x onerror" in body + svg, f"{name}: the data's text is not shown"
    finally:
        context.close()


def test_the_handout_shows_hostile_text_as_text(
    browser: Any, hostile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebook.handout import build_handout

    monkeypatch.setenv("CASEBOOK_DATA", str(hostile_dir))
    pages = ("01_casussen.ipynb", "05_lessen.ipynb", "06_check_je_samenwerking.ipynb")
    # One tab goes from page to page, as a reader does: Chromium then reads plotly.js once
    # rather than once per page (about a second each).
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        for path in build_handout(tmp_path, pages=pages, quiet=True):
            dialogs.clear()
            page.goto(path.as_uri())
            where = f"{path.parent.name}/{path.name}"
            nothing_injected(page, dialogs, where)
            assert "<img src=x onerror" in page.inner_text("body"), f"{where}: text not shown"
    finally:
        page.close()
