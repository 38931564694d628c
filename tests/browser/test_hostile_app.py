"""Issue 10: the app and the handout in a real browser with a teacher's data folder full of
markup, and hostile uploads: every text appears as text; no dialog, no script run, no injected
element. The hostile-data server (``hostile_url``) and the data folder (``hostile_dir``) are
session fixtures in tests/browser/conftest.py; under ``make test`` this file is a unit of work
of its own, beside tests/browser/test_app.py in the other worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casebook.app import PAGE_VIEWS
from casebook.testing import DRAWN

ROOT = Path(__file__).resolve().parents[2]


def _open(browser: Any, url: str, selector: str, plots: int) -> tuple[Any, Any, list[str]]:
    context = browser.new_context(viewport={"width": 1280, "height": 1600})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url, timeout=90_000)
    page.wait_for_selector(selector, timeout=90_000)
    page.wait_for_function(f"({DRAWN})() >= {plots}", timeout=60_000)
    return context, page, dialogs


def _assert_safe(page: Any, dialogs: list[str], where: str) -> None:
    page.wait_for_timeout(500)  # give any injected handler the chance to fire
    assert dialogs == [], f"{where}: a dialog opened: {dialogs}"
    assert page.evaluate("() => window.__pwned || 0") == 0, f"{where}: injected script ran"
    assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0, where


@pytest.mark.parametrize("name", list(PAGE_VIEWS))
def test_every_page_shows_the_markup_as_text(browser: Any, hostile_url: str, name: str) -> None:
    selector, plots = PAGE_VIEWS[name]
    context, page, dialogs = _open(browser, hostile_url + name, selector, plots)
    try:
        _assert_safe(page, dialogs, name)
        body = page.inner_text("body")
        svg = page.evaluate(
            "() => [...document.querySelectorAll('.js-plotly-plot')]"
            ".map(g => g.textContent).join(' ')"
        )
        assert "<img src=x onerror" in body + svg, f"{name}: the data's text is not shown"
    finally:
        context.close()


def _choose(page: Any, view: str, files: list[dict]) -> None:
    with page.expect_file_chooser(timeout=10_000) as chooser:
        page.locator(f"{view} .widget-upload").first.click()
    chooser.value.set_files(files)


def test_hostile_uploads_are_shown_as_text(browser: Any, app_url: str) -> None:
    """On the app server (under ``make test`` this test runs in the app's unit of work,
    tests/conftest.py): the hostile server refills no pool within the session, and a second
    load of its compare page would wait for one."""
    example = (ROOT / "templates" / "voorbeeld_eigen_wijk.csv").read_text(encoding="utf-8")
    name = "Wijk <img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"
    hostile = example.replace("Voorbeeldwijk (fictief)", name)
    context, page, dialogs = _open(browser, app_url + "/voila/render/02_wijken_vergelijken.ipynb",
                                   ".casebook-compare", 1)  # fmt: skip
    try:
        _choose(page, ".casebook-compare", [
            {"name": "<b>wijk</b>.csv", "mimeType": "text/csv", "buffer": hostile.encode()}
        ])  # fmt: skip
        page.wait_for_selector("text=Toegevoegd als eigen gegevens", timeout=15_000)
        _assert_safe(page, dialogs, "compare upload")
        assert name in page.inner_text(".casebook-compare")
        broken = hostile.replace(",4200,", ",<script>alert(1)</script>,")
        _choose(page, ".casebook-compare", [
            {"name": "<img src=x onerror=alert(2)>.csv", "mimeType": "text/csv",
             "buffer": broken.encode()}
        ])  # fmt: skip
        page.wait_for_selector("text=is not a number", timeout=15_000)
        _assert_safe(page, dialogs, "compare refused upload")
        assert "<img src=x onerror=alert(2)>.csv" in page.inner_text(".casebook-compare")
    finally:
        context.close()


def test_the_handout_shows_hostile_text_as_text(
    browser: Any, hostile_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebook.handout import build_handout

    monkeypatch.setenv("CASEBOOK_DATA", str(hostile_dir))
    pages = ("01_casussen.ipynb", "05_lessen.ipynb", "06_check_je_samenwerking.ipynb")
    for path in build_handout(tmp_path, pages=pages, quiet=True):
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d, seen=dialogs: (seen.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        _assert_safe(page, dialogs, path.name)
        assert "<img src=x onerror" in page.inner_text("body"), f"{path.name}: text not shown"
        page.close()
