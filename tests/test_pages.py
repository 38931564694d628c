"""The page registry (casebook.pages): one table of the casebook's pages that agrees with the
notebooks on disk, the text catalogue, the modules of each page's topic and the app's routes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casebook import pages
from casebook.app import notebooks_dir
from casebook.i18n import LANGS
from casebook.pages import LIVE, PAGES, Page, by_address, by_notebook, notebooks
from casebook.text import TEXT

PACKAGE = Path(pages.__file__).resolve().parent
EVERY = (*PAGES, LIVE)


def test_every_notebook_on_disk_is_a_page_and_every_page_has_its_notebook() -> None:
    on_disk = sorted(p.name for p in notebooks_dir().glob("*.ipynb"))
    assert on_disk == sorted(page.notebook for page in EVERY)
    # in reading order, numbered from 00, the live page after the reading pages
    assert [page.number for page in EVERY] == [f"{k:02d}" for k in range(len(EVERY))]
    assert notebooks() == tuple(page.notebook for page in PAGES)
    assert LIVE not in PAGES


def test_the_names_addresses_and_topics_are_one_each() -> None:
    for attribute in ("topic", "notebook", "view", "address", "title_key", "nav_key"):
        values = [getattr(page, attribute) for page in EVERY]
        assert len(set(values)) == len(values), f"two pages share a {attribute}: {values}"
    assert PAGES[0].address == "" and PAGES[0].path == "/"  # the landing page
    for page in EVERY:
        assert re.fullmatch(r"\d\d_[a-z_]+\.ipynb", page.notebook), page
        assert re.fullmatch(r"[a-z]*", page.address), page  # one path segment, no slash
        assert page.path == "/" + page.address
        assert page.stem + ".ipynb" == page.notebook
        assert page.view.startswith(".casebook-") and page.charts >= 0


@pytest.mark.parametrize("page", EVERY, ids=lambda p: p.topic)
def test_each_pages_texts_are_in_both_languages(page: Page) -> None:
    for key in (page.title_key, page.nav_key):
        assert key in TEXT, f"{page.notebook}: no text {key!r} in casebook.text"
        assert set(TEXT[key]) == set(LANGS) and all(TEXT[key].values()), key


@pytest.mark.parametrize("page", EVERY, ids=lambda p: p.topic)
def test_each_topic_has_its_module_its_view_and_its_charts(page: Page) -> None:
    """``topic`` is the page's one name: casebook/<topic>.py, casebook/views/<topic>.py (which
    gives the view the CSS class that the registry names), casebook/charts/<topic>.py when the
    view draws charts."""
    assert (PACKAGE / f"{page.topic}.py").is_file()
    view = (PACKAGE / "views" / f"{page.topic}.py").read_text(encoding="utf-8")
    assert f'add_class("{page.view.removeprefix(".")}")' in view, page.view
    if page.charts:
        assert (PACKAGE / "charts" / f"{page.topic}.py").is_file()


def test_pages_are_found_by_notebook_and_by_address() -> None:
    assert by_notebook("03_vier_logicas.ipynb").topic == "logics"
    assert by_notebook(LIVE.notebook) is LIVE
    with pytest.raises(KeyError, match="no page has the notebook '99_x.ipynb'; the pages: 00_"):
        by_notebook("99_x.ipynb")
    assert by_address("") is by_address("/") is PAGES[0]
    for page in EVERY:
        assert by_address(page.address) is by_address(page.path) is page
        assert by_address(page.path + "/") is page
    assert by_address("live") is LIVE
    for unknown in ("nowhere", "/casussen/x", "01_casussen.ipynb", "/voila/render/00_start.ipynb"):
        assert by_address(unknown) is None, unknown


def test_the_landing_pages_list_is_the_registry() -> None:
    from casebook import start

    assert notebooks() == start.PAGES
