"""The static handout: self-contained pages, charts interactive and offline, code hidden, a
Dutch and an English handout each wholly in its language. (casebook.handout is imported in the
tests: it brings nbclient, about 1.5 s to import, which `make check` does not need.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    from casebook.handout import build_handout

    out = tmp_path_factory.mktemp("handout")
    written = build_handout(
        out, pages=("00_start.ipynb", "02_wijken_vergelijken.ipynb"), quiet=True
    )
    return {p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in written}


def test_pages_are_written(pages: dict[str, str]) -> None:
    assert set(pages) == {
        "index.html",
        "nl/00_start.html",
        "nl/02_wijken_vergelijken.html",
        "nl/index.html",
        "nl/docentensleutel.html",
        "en/00_start.html",
        "en/02_wijken_vergelijken.html",
        "en/index.html",
        "en/teacher-key.html",
    }
    assert pages["nl/index.html"] == pages["nl/00_start.html"]
    assert pages["en/index.html"] == pages["en/00_start.html"]
    front = pages["index.html"]
    assert 'href="nl/index.html"' in front and 'href="en/index.html"' in front


class _Visible(HTMLParser):
    """The text a reader sees in a page: no script, no style."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _visible(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    return " ".join(" ".join(parser.parts).split())


def _chart_texts(page: str) -> str:
    """Titles, axis titles, ticks and notes of every chart in the page (they are in scripts)."""
    import json

    from tests.views.test_languages import _figure_texts

    decoder, texts, at = json.JSONDecoder(), [], 0
    while (at := page.find("Plotly.newPlot(", at)) >= 0:
        at = page.index(",", at) + 1  # past the div id
        data, at = decoder.raw_decode(page, at + len(page[at:]) - len(page[at:].lstrip()))
        at = page.index(",", at) + 1
        layout, at = decoder.raw_decode(page, at + len(page[at:]) - len(page[at:].lstrip()))
        texts += _figure_texts({"data": data, "layout": layout})
    return " ".join(texts)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_handout_is_wholly_in_its_language(pages: dict[str, str], lang: str) -> None:
    """What a reader sees on a page, its charts included, holds no text of ours in the other
    language (names, titles and the booklet's printed words allowed), as in the app."""
    import casebook
    from tests.views.test_languages import leaks, other_language_texts, printed_words

    book = casebook.load()
    others = other_language_texts(book, lang)
    for name in ("00_start.html", "02_wijken_vergelijken.html"):
        page = pages[f"{lang}/{name}"]
        assert f'<html lang="{lang}">' in page, name
        text = _visible(page) + " " + _chart_texts(page)
        for words in printed_words(book):
            text = text.replace(words, " ")
        assert leaks(text, others) == [], f"{lang}/{name} shows the other language"
    assert _chart_texts(pages[f"{lang}/02_wijken_vergelijken.html"]), "no chart text was read"
    english = _visible(pages["en/02_wijken_vergelijken.html"])
    assert "Compare neighbourhoods" in english and "Wijken vergelijken" not in english
    assert "The five cases at a glance" in _visible(pages["en/00_start.html"])


def test_the_check_reads_the_other_language_in_a_page(pages: dict[str, str]) -> None:
    """The check above finds Dutch in an English page, prose and charts alike."""
    import casebook
    from tests.views.test_languages import leaks, other_language_texts

    others = other_language_texts(casebook.load(), "en")
    dutch = pages["nl/02_wijken_vergelijken.html"]
    assert leaks(_visible(dutch), others) and leaks(_chart_texts(dutch), others)


def test_each_page_links_to_itself_in_the_other_language(pages: dict[str, str]) -> None:
    assert 'href="../en/02_wijken_vergelijken.html"' in pages["nl/02_wijken_vergelijken.html"]
    assert 'href="../nl/00_start.html"' in pages["en/00_start.html"]


def test_the_teachers_key_is_a_page_in_each_language(pages: dict[str, str]) -> None:
    nl, en = pages["nl/docentensleutel.html"], pages["en/teacher-key.html"]
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
    page = pages["nl/02_wijken_vergelijken.html"]
    assert page.count("plotly.js v") >= 1 and page.count('<script type="text/javascript">/**') == 1
    assert page.count('class="plotly-graph-div"') == 1  # the compare view's default chart
    assert "Mutatiegraad per wijk" in page


def test_code_is_hidden_and_the_default_selection_is_announced(pages: dict[str, str]) -> None:
    for lang in ("nl", "en"):
        page = pages[f"{lang}/02_wijken_vergelijken.html"]
        assert "casebook.load()" not in page and "compare_view(" not in page
    assert "deze afdruk toont de standaardselectie" in pages["nl/02_wijken_vergelijken.html"]


def test_links_point_to_the_other_handout_pages(pages: dict[str, str]) -> None:
    start = pages["nl/00_start.html"]
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
    monkeypatch.setattr(handout, "_execute", lambda path, kernel: nbformat.v4.new_notebook())
    monkeypatch.setattr(
        handout,
        "_export",
        lambda nb, lang, name: '<script src="https://cdn.example/x.js"></script>',
    )
    with pytest.raises(RuntimeError, match="would fetch"):
        handout.build_handout(tmp_path, pages=("00_start.ipynb",), quiet=True)
    assert list(tmp_path.iterdir()) == []
