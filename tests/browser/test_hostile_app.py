"""Issue 10: the app and the handout in a real browser with a teacher's data folder full of
markup: every text appears as text; no dialog, no script run, no injected element. Hostile
uploads go to the app server: the reader's tour uploads them on the compare page
(tests/browser/test_app.py). The hostile-data server (``hostile_app``, for this file) and the
data folder (``hostile_dir``, for the session) are fixtures in tests/browser/conftest.py; under
``make test`` this file is a unit of work of its own, beside tests/browser/test_app.py in the
other worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from casebook.pages import PAGES, Page
from tests.browser.pagecheck import nothing_injected
from tests.support import DRAWN, AppServer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    """One reader's tab on the hostile data, with the dialogs it opened (none may open)."""
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page, dialogs
    context.close()


@pytest.mark.parametrize("page", PAGES, ids=[page.notebook for page in PAGES])
def test_every_page_shows_the_markup_as_text(
    tab: tuple[Any, list[str]], hostile_app: AppServer, page: Page
) -> None:
    """Each page built for the reader on the hostile data and shown (the first by its address,
    every other by the title bar's link, as a reader moves on: each page is built on its first
    visit, whichever way the reader comes)."""
    name = page.notebook
    browser_tab, dialogs = tab
    dialogs.clear()
    if browser_tab.url == "about:blank":
        browser_tab.goto(hostile_app.page_url(page.address), timeout=90_000)
    else:
        browser_tab.locator(f".cb-appbar a[href^='{page.path}?']").click()
        browser_tab.wait_for_function(
            "p => window.location.pathname === p", arg=page.path, timeout=30_000
        )
    browser_tab.wait_for_selector(page.view, timeout=90_000)
    browser_tab.wait_for_function(f"({DRAWN})() >= {page.charts}", timeout=60_000)
    nothing_injected(browser_tab, dialogs, name)
    body = browser_tab.inner_text("body")
    svg = browser_tab.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot')].map(g => g.textContent).join(' ')"
    )
    assert "<img src=x onerror" in body + svg, f"{name}: the data's text is not shown"


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
