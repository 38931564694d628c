"""The static handout: self-contained pages, charts interactive and offline, code hidden.
(casebook.handout is imported in the tests: it brings nbclient, about 1.5 s to import, which
`make check` does not need.)"""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from casebook.handout import build_handout

    out = tmp_path_factory.mktemp("handout")
    written = build_handout(
        out, pages=("00_start.ipynb", "02_wijken_vergelijken.ipynb"), quiet=True
    )
    return {p.name: p.read_text(encoding="utf-8") for p in written}


def test_pages_are_written(pages: dict[str, str]) -> None:
    assert set(pages) == {
        "00_start.html",
        "02_wijken_vergelijken.html",
        "index.html",
        "docentensleutel.html",
        "teacher-key.html",
    }
    assert pages["index.html"] == pages["00_start.html"]


def test_the_teachers_key_is_a_page_in_each_language(pages: dict[str, str]) -> None:
    nl, en = pages["docentensleutel.html"], pages["teacher-key.html"]
    assert "<h1>" in nl and "Leerdoelen" in nl and "01-1" in nl
    assert "<h1>" in en and "Learning goals" in en and "01-1" in en
    assert "<script" not in nl + en and 'href="index.html"' in nl


def test_key_pages_escape_their_title() -> None:
    from casebook.handout import key_page

    page = key_page("# Titel\n\nTekst *nadruk*", "<b>x</b>")
    assert "<title>&lt;b&gt;x&lt;/b&gt;</title>" in page and "<em>nadruk</em>" in page


def test_nothing_is_fetched_from_the_internet(pages: dict[str, str]) -> None:
    from casebook.handout import external_references

    for name, page in pages.items():
        assert external_references(page) == [], name


def test_plotly_is_in_the_page_once_and_charts_are_divs(pages: dict[str, str]) -> None:
    page = pages["02_wijken_vergelijken.html"]
    assert page.count("plotly.js v") >= 1 and page.count('<script type="text/javascript">/**') == 1
    assert page.count('class="plotly-graph-div"') == 1  # the compare view's default chart
    assert "Mutatiegraad per wijk" in page


def test_code_is_hidden_and_the_default_selection_is_announced(pages: dict[str, str]) -> None:
    page = pages["02_wijken_vergelijken.html"]
    assert "casebook.load()" not in page and "compare_view(" not in page
    assert "deze afdruk toont de standaardselectie" in page


def test_links_point_to_the_other_handout_pages(pages: dict[str, str]) -> None:
    start = pages["00_start.html"]
    assert (
        'href="02_wijken_vergelijken.html"' in start
        and 'href="02_wijken_vergelijken.ipynb"' not in start
    )


def test_external_references_are_found() -> None:
    from casebook.handout import external_references

    page = '<link rel="stylesheet" href="https://cdn.example/x.css">'
    page += '<script src="//cdn.example/y.js"></script>'
    page += '<a href="https://example.org">a link is not a fetch</a><script>var u = "https://in.js/";</script>'
    assert external_references(page) == ["https://cdn.example/x.css", "//cdn.example/y.js"]


def test_a_failed_page_leaves_no_half_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import nbformat

    import casebook.handout as handout

    # Only the refusal and the files matter here; the executed page is the fixture's business.
    monkeypatch.setattr(handout, "_execute", lambda path: nbformat.v4.new_notebook())
    monkeypatch.setattr(
        handout, "_export", lambda nb: '<script src="https://cdn.example/x.js"></script>'
    )
    with pytest.raises(RuntimeError, match="would fetch"):
        handout.build_handout(tmp_path, pages=("00_start.ipynb",), quiet=True)
    assert list(tmp_path.iterdir()) == []
