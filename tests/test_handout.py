"""The static handout: self-contained pages, charts interactive and offline, code hidden, a
Dutch and an English handout each wholly in its language. (casebook.handout is imported in the
tests: it brings nbclient, about 1.5 s to import, which `make check` does not need.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="session")
def book_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole book, both languages, built once for every test here (about 16 s of CPU)."""
    from casebook.handout import build_handout

    out = tmp_path_factory.mktemp("handout")
    build_handout(out, quiet=True)
    return out


@pytest.fixture(scope="session")
def pages(book_dir: Path) -> dict[str, str]:
    return {
        p.relative_to(book_dir).as_posix(): p.read_text(encoding="utf-8")
        for p in book_dir.rglob("*.html")
    }


def test_pages_are_written(pages: dict[str, str], book_dir: Path) -> None:
    from casebook.start import PAGES

    chapters = [p.replace(".ipynb", ".html") for p in PAGES]
    assert set(pages) == {
        "index.html",
        *(f"nl/{c}" for c in [*chapters, "index.html", "docent.html", "docentensleutel.html"]),
        *(f"en/{c}" for c in [*chapters, "index.html", "teacher.html", "teacher-key.html"]),
    }
    for lang in ("nl", "en"):
        names = {p.name for p in (book_dir / lang).iterdir() if not p.name.endswith(".html")}
        assert names == {"plotly.min.js", "search-index.js", "book.js", "book.css"}, lang
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


def _figures(page: str) -> list[dict]:
    """Every chart of a page as ``{"data", "layout"}``, read from its ``Plotly.newPlot`` call."""
    import json

    decoder, figures, at = json.JSONDecoder(), [], 0
    while (at := page.find("Plotly.newPlot(", at)) >= 0:
        at = page.index(",", at) + 1  # past the div id
        data, at = decoder.raw_decode(page, at + len(page[at:]) - len(page[at:].lstrip()))
        at = page.index(",", at) + 1
        layout, at = decoder.raw_decode(page, at + len(page[at:]) - len(page[at:].lstrip()))
        figures.append({"data": data, "layout": layout})
    return figures


def _chart_texts(page: str) -> str:
    """Titles, axis titles, ticks and notes of every chart in the page (they are in scripts)."""
    from tests.views.test_languages import _figure_texts

    return " ".join(text for figure in _figures(page) for text in _figure_texts(figure))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_handout_is_wholly_in_its_language(pages: dict[str, str], lang: str) -> None:
    """What a reader sees on a page, its charts included, holds no text of ours in the other
    language (names, titles and the booklet's printed words allowed), as in the app."""
    import casebook
    from tests.views.test_languages import leaks, other_language_texts, printed_words

    book = casebook.load()
    others = other_language_texts(book, lang)
    names = [n.split("/")[1] for n in pages if n.startswith(f"{lang}/") and "index" not in n]
    assert len(names) == 10  # eight pages, the lesson plan and the key
    for name in names:
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


def test_every_page_has_the_whole_table_of_contents_and_its_neighbours(
    pages: dict[str, str],
) -> None:
    from casebook.book import toc_files
    from casebook.start import PAGES

    papers = {
        "nl": ["docent.html", "docentensleutel.html"],
        "en": ["teacher.html", "teacher-key.html"],
    }
    for lang, last in papers.items():
        order = [*(p.replace(".ipynb", ".html") for p in PAGES), *last]
        for k, name in enumerate(order):
            page = pages[f"{lang}/{name}"]
            assert toc_files(page) == order, f"{lang}/{name}"
            assert f'<a href="{name}" aria-current=page>' in page
            before, after = order[k - 1] if k else None, order[k + 1 : k + 2]
            assert ('rel="prev"' in page) == (before is not None), f"{lang}/{name}"
            assert before is None or f'rel="prev" href="{before}"' in page
            assert ('rel="next"' in page) == bool(after), f"{lang}/{name}"
            assert not after or f'rel="next" href="{after[0]}"' in page
            assert 'id="cb-search"' in page and "make start" in page, f"{lang}/{name}"


def test_the_search_index_holds_every_page_text(book_dir: Path) -> None:
    import json

    for lang in ("nl", "en"):
        script = (book_dir / lang / "search-index.js").read_text(encoding="utf-8")
        prefix = "window.CASEBOOK_SEARCH = "
        assert script.startswith(prefix)
        entries = json.loads(script[len(prefix) :].rstrip().rstrip(";"))
        by_url = {e["url"]: e for e in entries}
        assert len(by_url) == 10 and all(e["title"] and e["text"] for e in entries)
        assert "<script" not in script and "Plotly.newPlot" not in script
    nl = (book_dir / "nl" / "search-index.js").read_text(encoding="utf-8")
    assert "Woordenlijst" in nl and "Leerdoelen" in nl


def test_each_page_links_to_itself_in_the_other_language(pages: dict[str, str]) -> None:
    assert 'href="../en/02_wijken_vergelijken.html"' in pages["nl/02_wijken_vergelijken.html"]
    assert 'href="../nl/00_start.html"' in pages["en/00_start.html"]


def test_the_teachers_papers_are_pages_in_each_language(pages: dict[str, str]) -> None:
    """The lesson plan and the key, each a page of its language's book, readable on a phone,
    each linking the same paper in the other book and its companion in this one."""
    nl, en = pages["nl/docentensleutel.html"], pages["en/teacher-key.html"]
    assert "<h1>" in nl and "Leerdoelen" in nl and "01-1" in nl
    assert "<h1>" in en and "Learning goals" in en and "01-1" in en
    assert "Bijeenkomst 1" in pages["nl/docent.html"] and "Session 1" in pages["en/teacher.html"]
    for name, other, companion in [
        ("nl/docent.html", "../en/teacher.html", "docentensleutel.html"),
        ("nl/docentensleutel.html", "../en/teacher-key.html", "docent.html"),
        ("en/teacher.html", "../nl/docent.html", "teacher-key.html"),
        ("en/teacher-key.html", "../nl/docentensleutel.html", "teacher.html"),
    ]:
        page = pages[name]
        assert 'name="viewport" content="width=device-width' in page, name
        assert f'href="{other}"' in page and f'href="{companion}"' in page, name
        assert '.md"' not in page, f"{name}: a link to a Markdown file is left"


def test_the_landing_page_links_the_teachers_papers(pages: dict[str, str]) -> None:
    nl, en = pages["nl/00_start.html"], pages["en/00_start.html"]
    assert 'href="docent.html"' in nl and 'href="docentensleutel.html"' in nl
    assert 'href="teacher.html"' in en and 'href="teacher-key.html"' in en


def test_every_link_in_the_book_resolves(book_dir: Path) -> None:
    """Every ``<a href>`` of every page of the book: a relative target is a file of the book
    (an anchor, a web address, a mail address or a download's data are not files)."""
    from urllib.parse import unquote, urlsplit

    class Links(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.hrefs: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            href = dict(attrs).get("href")
            if tag == "a" and href is not None:
                self.hrefs.append(href)

    broken, walked = [], 0
    for page in sorted(book_dir.rglob("*.html")):
        links = Links()
        links.feed(page.read_text(encoding="utf-8"))
        for href in links.hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:  # web, mail, data; an anchor
                continue
            walked += 1
            if not (page.parent / unquote(parts.path)).resolve().is_file():
                broken.append(f"{page.relative_to(book_dir)}: {href}")
    assert walked > 100, walked
    assert not broken, "links to nowhere:\n" + "\n".join(broken)


def test_nothing_is_fetched_from_the_internet(pages: dict[str, str]) -> None:
    from casebook.handout import external_references

    for name, page in pages.items():
        assert external_references(page) == [], name


def test_plotly_is_in_the_folder_once_and_charts_are_divs(
    pages: dict[str, str], book_dir: Path
) -> None:
    loads = '<script src="plotly.min.js"></script>'
    charted = set()
    for name, page in pages.items():
        assert "plotly.js v" not in page, name  # not in any page: in one file beside them
        draws = 'class="plotly-graph-div"' in page
        assert (loads in page) == draws, f"{name}: plotly.js loaded {loads in page}, charts {draws}"
        charted |= {name} if draws else set()
    # a page without a chart does not load plotly.js; every chart page does
    assert "nl/02_wijken_vergelijken.html" in charted and "nl/01_casussen.html" not in charted
    assert "plotly.js v" in (book_dir / "nl" / "plotly.min.js").read_text(encoding="utf-8")
    page = pages["nl/02_wijken_vergelijken.html"]
    # the compare view's indicator chart with its menu, then its several-indicators chart and
    # its coverage matrix (every mode of the view, one below the other)
    assert page.count('class="plotly-graph-div"') == 3
    assert "Mutatiegraad per wijk" in page and page.count("casebook-options") == 1


def test_every_chart_in_the_book_is_named_described_and_tabulated(pages: dict[str, str]) -> None:
    """Issue 36, the book too: every chart div is an image named by its chart's title and
    described by a summary that is in the page, with the chart's data as a table behind a
    "show as table" disclosure, in the page's language."""
    import re

    from casebook.text import t

    seen = 0
    for name, page in pages.items():
        lang = name.split("/")[0]
        # (the book's pages are written by an HTML serializer: attributes in any order)
        for div in re.findall(r'<div [^>]*class="plotly-graph-div"[^>]*>', page):
            seen += 1
            # an image, or with a menu (a control) a figure
            assert re.search(r' role="(img|figure)"', div), f"{name}: {div[:120]}"
            label = re.search(r' aria-label="([^"]+)"', div)
            said = re.search(r' aria-describedby="([^"]+)"', div)
            assert label and said, f"{name}: a chart without name or description: {div[:160]}"
            summary = re.search(rf'<p [^>]*id="{re.escape(said.group(1))}"[^>]*>([^<]+)</p>', page)
            assert summary and summary.group(1).strip(), f"{name}: {label.group(1)}: no summary"
            assert " hidden" in summary.group(0).split(">")[0], f"{name}: the summary is shown"
            block = page[summary.end() : summary.end() + 400]
            assert block.startswith('<details class="cb-chart-data">'), (
                f"{name}: {label.group(1)}: no table after its summary"
            )
            assert t("alt.show_table", lang) in block, f"{name}: the table's control"
    assert seen >= 10, f"only {seen} charts in the book"


def test_code_is_hidden_and_the_menus_are_announced(pages: dict[str, str]) -> None:
    from casebook.text import t

    for lang in ("nl", "en"):
        page = pages[f"{lang}/02_wijken_vergelijken.html"]
        assert "casebook.load()" not in page and "compare_view(" not in page
        assert t("book.menu_note", lang) in page
    everything = "".join(pages.values())
    assert "unpkg.com" not in everything  # nbconvert's widget loader is gone
    assert "widget-state+json" not in everything  # and the kernel's widgets (none is shown)


# What each page says above its view in the book: no note where the view has nothing to choose,
# the check's own note, and on pages with menus one note for the screen and one for print.
_MENU_NOTES = ["book.menu_note", "book.print_note"]
NOTES = {
    "00_start.html": [],
    "01_casussen.html": [],
    "02_wijken_vergelijken.html": _MENU_NOTES,
    "03_vier_logicas.html": _MENU_NOTES,
    "04_evaluaties.html": _MENU_NOTES,
    "05_lessen.html": _MENU_NOTES,
    "06_check_je_samenwerking.html": ["book.check_note"],
    "07_woordenlijst.html": [],
}


def _notes(page: str) -> list[tuple[str, str]]:
    """The class and the text of each of the views' notes in a page."""
    import html
    import re

    found = re.findall(r'<p class="casebook-handout-note([^"]*)"><i>(.*?)</i></p>', page, re.S)
    return [(where.strip(), html.unescape(text)) for where, text in found]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_views_note_is_true_for_its_page(pages: dict[str, str], lang: str) -> None:
    from casebook.text import t

    for name, keys in NOTES.items():
        notes = _notes(pages[f"{lang}/{name}"])
        assert [text for _, text in notes] == [t(k, lang) for k in keys], f"{lang}/{name}"
        if keys == _MENU_NOTES:  # the menu on screen, the default choice in print
            assert [where for where, _ in notes] == ["cb-screen-only", "cb-print-only"], name
        else:
            assert all(where == "" for where, _ in notes), name
    everything = "".join(p for n, p in pages.items() if n.startswith(f"{lang}/"))
    assert t("book.selection_note", lang) not in everything  # every view of the book is above


def test_a_view_without_a_selection_has_no_note_and_others_have_one() -> None:
    from casebook.views import CheckView, GlossaryView
    from casebook.views.base import View
    from casebook.views.book import handout_note

    assert handout_note(GlossaryView.handout_note_key, False, "nl") == ""
    assert "cb-print-only" in handout_note(GlossaryView.handout_note_key, True, "nl")
    assert "standaardselectie" in handout_note(View.handout_note_key, False, "nl")  # a new view
    assert "standaardselectie" not in handout_note(CheckView.handout_note_key, False, "nl")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_compare_page_shows_every_view_mode(pages: dict[str, str], lang: str) -> None:
    """The view's four modes, each under its heading in the page's language, in the view's
    order: one indicator (with the menu), several, coverage, and every area's profile."""
    import re

    import casebook
    from casebook.compare import area_choices, indicator_table
    from casebook.text import t
    from casebook.views.compare import MODES

    page = pages[f"{lang}/02_wijken_vergelijken.html"]
    headings = re.findall(r'<h3 class="casebook-mode" data-mode="(\w+)">([^<]*)</h3>', page)
    assert headings == [(m, f"{t('book.view', lang)}: {t(f'mode.{m}', lang)}") for m in MODES]
    at = {mode: page.index(f'data-mode="{mode}"') for mode in MODES}
    charts = [m.start() for m in re.finditer('class="plotly-graph-div"', page)]
    assert len(charts) == 3
    assert at["one"] < charts[0] < at["several"] < charts[1] < at["coverage"] < charts[2]
    assert charts[2] < at["profile"]
    areas = area_choices(indicator_table(casebook.load(), lang=lang))
    boxes = re.findall(r'<details class="casebook-profile" data-area="([^"]+)"([^>]*)>', page)
    assert [a for a, _ in boxes] == [a for _, a in areas]
    assert [a for a, rest in boxes if "open" in rest] == [areas[0][1]]  # the default, open
    text = _visible(page)
    for name, _ in areas:
        assert t("title.profile", lang, area=name) in text, name
    # on screen every profile opens; print shows the open one, and says which
    assert t("book.profiles_screen", lang) in text
    assert t("book.profiles_print", lang, area=areas[0][0]) in text


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


def test_only_scripts_holding_the_marker_are_dropped() -> None:
    from casebook.handout import drop_scripts_with

    page = (
        "<p>addWidgetsRenderer as text stays</p><script>var a = 1;</script>"
        '<script>require(["x"], addWidgetsRenderer);</script><p>between</p>'
        "<script>Plotly.newPlot(1)</script><script>addWidgetsRenderer()</script>end"
    )
    assert drop_scripts_with(page, "addWidgetsRenderer") == (
        "<p>addWidgetsRenderer as text stays</p><script>var a = 1;</script>"
        "<p>between</p><script>Plotly.newPlot(1)</script>end"
    )
    assert drop_scripts_with("no script", "addWidgetsRenderer") == "no script"


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


# --- the PDF of each language -------------------------------------------------------------------


@pytest.fixture(scope="module")
def pdfs(book_dir: Path, request: pytest.FixtureRequest) -> list[Path]:
    """Both languages' PDFs, printed once by Chromium: 18 pages, about 20 s, so a CI step of
    its own (.ci/run, CASEBOOK_PDF_CHECK=1) rather than `make test`. Printed with the session's
    Chromium (tests/conftest.py): a process runs one sync Playwright at a time."""
    import os

    from casebook.handout import write_pdfs

    if os.environ.get("CASEBOOK_PDF_CHECK") != "1":
        pytest.skip("printing the book takes about 20 s: a CI step (CASEBOOK_PDF_CHECK=1)")

    return write_pdfs(book_dir, browser=request.getfixturevalue("chromium"))


def _plain(text: str) -> str:
    import html
    import re

    text = re.sub(r"<br\s*/?>", " ", text)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def _chart_titles(page: str) -> list[tuple[str, list[str]]]:
    """The title of every chart in a page ("" for a chart without one) and the lines of its
    notes and labels (annotations), as plain text."""
    import re

    titles = []
    for layout in (figure["layout"] for figure in _figures(page)):
        lines = [
            _plain(line)
            for note in layout.get("annotations", [])
            for line in re.split(r"<br\s*/?>", note.get("text") or "")
        ]
        titles.append((_plain((layout.get("title") or {}).get("text") or ""), lines))
    return titles


def _coloured_share(pdf: Path, number: int) -> float:
    """The share of pixels with colour (not white, grey or black) on page ``number`` of ``pdf``,
    rendered by poppler's pdftoppm at 30 dpi."""
    import subprocess

    ppm = subprocess.run(
        ["pdftoppm", "-r", "30", "-f", str(number), "-l", str(number), str(pdf)],
        check=True,
        capture_output=True,
    ).stdout
    parts = ppm.split(maxsplit=4)  # P6, width, height, 255, pixels
    assert parts[0] == b"P6"
    pixels = parts[4]
    coloured = sum(
        1
        for k in range(0, len(pixels) - 2, 3)
        if max(pixels[k : k + 3]) - min(pixels[k : k + 3]) > 60
    )
    return coloured / (len(pixels) / 3)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_has_every_chapter_and_draws_every_chart(
    pdfs: list[Path], pages: dict[str, str], lang: str
) -> None:
    import subprocess

    from casebook.book import page_title, toc_files

    pdf = next(p for p in pdfs if p.name == f"casebook-{lang}.pdf")
    assert pdf.stat().st_size > 0
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    pdf_pages = [" ".join(p.split()) for p in text.split("\f")]
    start = pages[f"{lang}/00_start.html"]
    charts = 0
    for file in toc_files(start):
        page = pages[f"{lang}/{file}"]
        heading = page_title(page, file)
        assert any(heading in p for p in pdf_pages), f"{lang}: chapter {file} is not in the PDF"
        for title, lines in _chart_titles(page):
            charts += 1
            missing = [line for line in lines if line and line not in " ".join(pdf_pages)]
            assert missing == [], f"{lang}/{file}: chart {title!r} is cut in the PDF"
            assert title, f"{lang}/{file}: a chart without a title cannot be found in the PDF"
            where = [k for k, p in enumerate(pdf_pages, 1) if title in p]
            assert where, f"{lang}/{file}: chart {title!r} is not in the PDF"
            share = max(_coloured_share(pdf, k) for k in where)
            assert share > 0.0005, f"{lang}/{file}: chart {title!r} is not drawn ({share:.4f})"
    assert charts >= 8, f"only {charts} charts found"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_pdf_says_what_print_shows(pdfs: list[Path], lang: str) -> None:
    """The PDF has each menu page's print note and not the note pointing at the menu, which
    print hides; and it names the one profile it shows."""
    import subprocess

    from casebook.text import t

    pdf = next(p for p in pdfs if p.name == f"casebook-{lang}.pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = " ".join(text.split())
    assert text.count(t("book.print_note", lang)) == len(MENU_PAGES)
    assert t("book.menu_note", lang) not in text
    assert t("book.profiles_screen", lang) not in text
    assert t("book.profiles_print", lang, area="Doornakkers") in text


# --- the book in Chromium, from file://, with every request outside the folder refused --------

# Each page with menus, and how many charts with a menu it has (a view's handout_menu, views.base).
MENU_PAGES = {
    "02_wijken_vergelijken.html": 1,  # the indicator
    "03_vier_logicas.html": 2,  # the casebook's reading of each case (LogicsView), the tension
    "04_evaluaties.html": 1,  # the case
    "05_lessen.html": 1,  # the case filter
}


@pytest.fixture(scope="module")
def reader(book_dir: Path, chromium: Any):  # noqa: ANN201 (a Playwright page)
    """One Chromium page for every browser test here (in the process's one Chromium, see
    tests/conftest.py); requests outside the book are refused and kept, console errors kept."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.outside, page.errors = [], []  # type: ignore[attr-defined]
        book = book_dir.resolve().as_uri()

        def only_the_book(route: object) -> None:
            if route.request.url.startswith(book):  # type: ignore[attr-defined]
                route.continue_()  # type: ignore[attr-defined]
            else:
                page.outside.append(route.request.url)  # type: ignore[attr-defined]
                route.abort()  # type: ignore[attr-defined]

        page.route("**/*", only_the_book)
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        yield page
    finally:
        context.close()


def _open(reader: object, book_dir: Path, lang: str, name: str) -> None:
    reader.goto((book_dir / lang / name).resolve().as_uri())  # type: ignore[attr-defined]
    reader.wait_for_function(  # type: ignore[attr-defined]
        "Array.from(document.querySelectorAll('.plotly-graph-div'))"
        ".every(d => d.querySelector('.main-svg'))"
    )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_contents_and_the_pager_lead_through_the_book(
    reader: object, book_dir: Path, lang: str
) -> None:
    page: Any = reader
    _open(page, book_dir, lang, "index.html")
    toc = page.locator(".cb-book-toc a")
    assert toc.count() == 10
    titles = toc.all_inner_texts()
    toc.nth(7).click()  # the glossary
    page.wait_for_load_state()
    assert page.url.endswith("/07_woordenlijst.html")
    assert page.locator(".cb-book-toc a[aria-current]").inner_text() == titles[7]
    page.locator("a.cb-book-next").click()  # on to the lesson plan
    page.wait_for_load_state()
    assert page.url.endswith("/docent.html" if lang == "nl" else "/teacher.html")
    page.locator("a.cb-book-next").click()  # and the teacher's key
    page.wait_for_load_state()
    assert page.url.endswith("/docentensleutel.html" if lang == "nl" else "/teacher-key.html")
    assert page.locator("a.cb-book-next").count() == 0
    # the key fits a phone: nothing wider than the screen
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    for _ in range(2):
        page.locator("a.cb-book-prev").click()
        page.wait_for_load_state()
    assert page.url.endswith("/07_woordenlijst.html")
    assert page.outside == [] and page.errors == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_search_finds_a_glossary_explanation(reader: object, book_dir: Path, lang: str) -> None:
    import re

    import casebook

    page: Any = reader
    explanation = casebook.load().glossary[f"explanation_{lang}"].iloc[0]
    word = max(re.findall(r"[^\W\d_]+", explanation), key=len)  # its longest word
    _open(page, book_dir, lang, "00_start.html")
    page.fill("#cb-search", word.upper())  # case does not matter
    results = page.locator("#cb-search-results a")
    results.first.wait_for()
    assert "07_woordenlijst.html" in [
        results.nth(k).get_attribute("href") for k in range(results.count())
    ]
    page.fill("#cb-search", "zzqxwv")  # nothing has this
    assert page.locator("#cb-search-results a").count() == 0
    assert page.locator("#cb-search-results li").inner_text() == casebook.text.t(
        "book.no_results", lang
    )
    page.fill("#cb-search", word)
    page.locator("#cb-search-results a[href='07_woordenlijst.html']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/07_woordenlijst.html") and word in page.inner_text("body")
    assert page.outside == [] and page.errors == []


_CHART_STATE = """div => JSON.stringify([
    div.data.map(t => t.visible), div.layout.title && div.layout.title.text,
    div.querySelector('.main-svg').innerHTML.length])"""


# The text alternative shown beside a menu chart: its option, and whether the chart is
# described by it and named by its title.
_ALT_SHOWN = """d => {
    const shown = [...document.querySelectorAll(`.cb-chart-alt[data-cb-for="${d.id}"]`)]
      .filter(b => !b.hidden);
    if (shown.length !== 1) return [shown.length, false];
    const b = shown[0];
    return [b.dataset.cbOption, d.getAttribute('aria-describedby') === b.querySelector('p').id
            && d.getAttribute('aria-label') === b.dataset.cbName];
}"""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_menu_changes_its_chart(reader: object, book_dir: Path, lang: str) -> None:
    """Choosing in the plotly menu of each chart (a middle and the last option, then the
    first) shows that option's traces only, and the drawn chart changes."""
    import json

    page: Any = reader
    for name, count in MENU_PAGES.items():
        _open(page, book_dir, lang, name)
        charts = page.locator(".plotly-graph-div:has(.updatemenu-container)")
        assert charts.count() == count, name
        for c in range(count):
            chart = charts.nth(c)
            buttons = chart.evaluate("d => d.layout.updatemenus[0].buttons.length")
            assert buttons >= 2, name
            for option in dict.fromkeys([buttons // 2, buttons - 1, 0]):
                before = chart.evaluate(_CHART_STATE)
                active = chart.evaluate("d => d.layout.updatemenus[0].active")
                if option == active:
                    continue
                # plotly's own menu, opened and chosen from as a click does (the list of 38
                # indicators scrolls inside the chart, where a pointer click at a computed
                # point misses it: the event goes to the menu's elements themselves)
                chart.locator(".updatemenu-header").dispatch_event("click")
                chart.locator(".updatemenu-dropdown-button").nth(option).dispatch_event("click")
                page.wait_for_function(
                    "([d, k]) => d.layout.updatemenus[0].active === k",
                    arg=[chart.element_handle(), option],
                )
                after = chart.evaluate(_CHART_STATE)
                assert after != before, f"{lang}/{name}: option {option} changed nothing"
                # the text alternative follows the menu (issue 36): the option's is the one
                # shown and the one the chart is described by
                shown = chart.evaluate(_ALT_SHOWN)
                assert shown == [str(option), True], f"{lang}/{name}: option {option}: {shown}"
                wanted = chart.evaluate(
                    "(d, k) => d.layout.updatemenus[0].buttons[k].args[0].visible", option
                )
                assert json.loads(after)[0] == wanted, f"{lang}/{name}: option {option}"
    assert page.outside == [] and page.errors == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_compare_pages_modes_are_each_drawn(reader: object, book_dir: Path, lang: str) -> None:
    """In Chromium every mode of the compare view is there without a kernel: the three charts
    drawn (the several indicators' small multiples with a panel per indicator, the coverage
    matrix), and each area's profile opens on a click, the default one open already."""
    page: Any = reader
    _open(page, book_dir, lang, "02_wijken_vergelijken.html")
    charts = page.locator(".plotly-graph-div")
    assert charts.count() == 3
    drawn = [
        charts.nth(k).evaluate(
            "d => [d.data.length, d.querySelectorAll('.main-svg .trace, .main-svg .hm').length,"
            " (d.layout.title && d.layout.title.text) || '', !!d.layout.updatemenus]"
        )
        for k in range(3)
    ]
    assert [menu for *_, menu in drawn] == [True, False, False]
    for traces, marks, title, _ in drawn:
        assert traces >= 1 and marks >= 1 and title, drawn
    several = charts.nth(1).evaluate("d => Object.keys(d._fullLayout._plots).length")
    assert several >= 4  # one panel per default indicator
    boxes = page.locator("details.casebook-profile")
    assert boxes.count() >= 2
    assert boxes.first.evaluate("d => d.open") and boxes.first.locator("table").is_visible()
    second = boxes.nth(1)
    assert not second.evaluate("d => d.open") and not second.locator("table").is_visible()
    second.locator("summary").click()
    assert second.evaluate("d => d.open") and second.locator("table").is_visible()
    assert page.outside == [] and page.errors == []


_SHOWN = "els => els.map(e => getComputedStyle(e).display !== 'none')"


@pytest.mark.parametrize("name", ["04_evaluaties.html", "02_wijken_vergelijken.html"])
def test_the_notes_are_shown_on_screen_or_in_print(
    reader: object, book_dir: Path, name: str
) -> None:
    """On a page with menus the reader sees the menu's note on screen and the default choice's
    note in print, never both (print hides the menus); so for the compare view's profiles
    (every one opens on screen, print shows the open one)."""
    page: Any = reader
    _open(page, book_dir, "nl", name)
    screen, printed = page.locator(".cb-screen-only"), page.locator(".cb-print-only")
    count = 2 if name.startswith("02") else 1  # the view's note, and the profiles' note
    assert screen.count() == printed.count() == count
    try:
        assert screen.evaluate_all(_SHOWN) == [True] * count
        assert printed.evaluate_all(_SHOWN) == [False] * count
        page.emulate_media(media="print")
        assert screen.evaluate_all(_SHOWN) == [False] * count
        assert printed.evaluate_all(_SHOWN) == [True] * count
        assert not page.locator(".updatemenu-container").first.is_visible()
    finally:
        page.emulate_media(media="screen")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_contents_fold_away_on_a_narrow_screen(
    reader: object, book_dir: Path, lang: str
) -> None:
    """On a phone (390 px) the contents above the page start closed, so that the page is the
    first thing below the search box; a click on "Contents" opens them. Wide, they are open."""
    from casebook.text import t

    page: Any = reader
    box, links = page.locator("details.cb-book-toc-box"), page.locator(".cb-book-toc a")
    try:
        page.set_viewport_size({"width": 390, "height": 844})
        _open(page, book_dir, lang, "02_wijken_vergelijken.html")
        assert not box.evaluate("d => d.open") and not links.first.is_visible()
        assert page.locator("#cb-search").is_visible()  # search stays at hand
        # the page starts within the first screen, not below nine links
        top = page.locator(".cb-book-page").evaluate("d => d.getBoundingClientRect().top")
        assert top < 844 / 2, top
        page.locator(".cb-book-toc-box > summary").click()
        assert box.evaluate("d => d.open") and links.nth(8).is_visible()
        assert page.locator(".cb-book-contents").inner_text() == t("book.contents", lang)
        page.fill("#cb-search", "wijk" if lang == "nl" else "neighbourhood")
        page.locator("#cb-search-results a").first.wait_for()
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_function("document.querySelector('.cb-book-toc-box').open")
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})
    _open(page, book_dir, lang, "00_start.html")
    assert box.evaluate("d => d.open") and links.first.is_visible()
    assert page.outside == [] and page.errors == []
