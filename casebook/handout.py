"""The static book (the handout): every notebook executed and written as a book of HTML pages
per language, a Dutch one in ``nl/`` and an English one in ``en/``, each wholly in its language,
that works offline from ``file://``.

Each page hides the code, shows its charts interactive (plotly.js is one file in the folder,
``plotly.min.js``), has the table of contents, a search box (casebook.book) and previous/next
links, and links to the same page in the other language; the teacher's papers (casebook.papers:
the lesson plan, then the key) are the last pages.
Widgets need a kernel, so while the book is built the views show themselves as static HTML in
both languages; the chart a view's main control changes holds every option's chart behind a
plotly menu (a view's handout_menu, casebook.charts.book). Each notebook is executed
once, and each language's page keeps that language's cells (tagged ``lang-nl`` / ``lang-en``)
and view. ``--pdf`` prints each language's book with Chromium (:func:`write_pdfs`). Files are
written to a temporary file first and then moved into place.
"""

from __future__ import annotations

import copy
import os
import re
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import nbformat
from jupyter_core.utils import run_sync
from nbclient import NotebookClient

from casebook.app.settings import notebooks_dir
from casebook.chromium import CHROMIUM, CHROMIUM_ARGS  # the Chromium the tests drive
from casebook.i18n import LANGS
from casebook.pages import notebooks as _page_notebooks
from casebook.papers import PAPERS, Paper, by_link, docs_dir, paper_html
from casebook.views.book import HANDOUT_ENV, HANDOUT_MIME

PAGES = _page_notebooks()  # the pages' notebooks in reading order (casebook.pages)
__all__ = ["build_handout", "drop_scripts_with", "external_references", "write_pdfs"]

_EXTERNAL = re.compile(
    r"""<(script|link)\b[^>]*\b(?:src|href)=["']https?://[^"']*["'][^>]*>(?:\s*</script>)?""", re.I
)


_WIDGET_STATE = re.compile(
    r'<script type="application/vnd\.jupyter\.widget-state\+json">.*?</script>', re.S
)
_WIDGET_LOADER = "addWidgetsRenderer"  # in the text of nbconvert's widget loader script


def drop_scripts_with(page: str, marker: str) -> str:
    """``page`` without each ``<script>...</script>`` whose text contains ``marker``. (A search
    for the marker, not a regular expression: one scanning every script of a page for it took
    a third of a second a page.)"""
    kept, pos = [], 0
    while (at := page.find(marker, pos)) >= 0:
        start = page.rfind("<script>", pos, at)
        end = page.find("</script>", at)
        if start < 0 or end < 0 or page.find("</script>", start, at) >= 0:
            kept.append(page[pos : at + len(marker)])  # not inside a script: leave it
            pos = at + len(marker)
            continue
        kept.append(page[pos:start])
        pos = end + len("</script>")
    kept.append(page[pos:])
    return "".join(kept)


class _Fetches(HTMLParser):
    """Collects what a browser would fetch: script and image sources, stylesheets, frames."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get("src"):
            self.urls.append(values["src"] or "")
        elif tag == "link" and values.get("href"):
            self.urls.append(values["href"] or "")


def external_references(page: str) -> list[str]:
    """Every script, stylesheet, image or frame the page would fetch from the internet.
    (Links a reader may click are not fetches; script text is not parsed.)"""
    parser = _Fetches()
    parser.feed(page)
    local = ("http://127.0.0.1", "http://localhost", "data:")
    return [
        u
        for u in parser.urls
        if u.startswith(("http://", "https://", "//")) and not u.startswith(local)
    ]


def _progress(done: int, total: int, name: str, started: float) -> None:
    width = 24
    filled = int(width * done / total)
    bar = "#" * filled + "-" * (width - filled)
    print(
        f"\r[{bar}] {done}/{total} {name:<32} {time.monotonic() - started:5.1f} s",
        end="",
        flush=True,
    )


class _Kernel:
    """One kernel for every page of a handout: each notebook starts with ``import casebook`` and
    ``casebook.load()``, and starting a kernel and importing pandas, plotly and the widgets for
    each page took longer than running the page. (The pages share nothing else: each loads
    the casebook and builds its own view.)"""

    def __init__(self, folder: Path) -> None:
        from jupyter_client.manager import AsyncKernelManager

        self.folder = folder
        # given to every client, so none of them owns it and shuts it down after its page
        self.manager: Any = AsyncKernelManager(kernel_name="python3")

    def execute(self, path: Path) -> nbformat.NotebookNode:
        nb = nbformat.read(path, as_version=4)
        client = NotebookClient(
            nb,
            timeout=300,
            kernel_name="python3",
            km=self.manager,
            resources={"metadata": {"path": str(self.folder)}},
        )
        try:
            client.execute(env={**os.environ, HANDOUT_ENV: "1"})
        finally:
            if client.kc is not None:
                client.kc.stop_channels()
        return nb

    def close(self) -> None:
        if self.manager.has_kernel:
            run_sync(self.manager.shutdown_kernel)(now=True)


def _execute(path: Path, kernel: _Kernel) -> nbformat.NotebookNode:
    return kernel.execute(path)


def cell_language(cell: nbformat.NotebookNode) -> str | None:
    """The language a cell is written in (its ``lang-nl``/``lang-en`` tag), or None for both."""
    tags = cell.get("metadata", {}).get("tags", [])
    found = [lang for lang in LANGS if f"lang-{lang}" in tags]
    return found[0] if len(found) == 1 else None


def in_language(nb: nbformat.NotebookNode, lang: str) -> nbformat.NotebookNode:
    """A copy of an executed notebook with only what a reader of ``lang`` sees: the cells of
    that language (and those of both), and each view's static page in that language."""
    page = copy.deepcopy(nb)
    page.cells = [c for c in page.cells if cell_language(c) in (None, lang)]
    for cell in page.cells:
        for output in cell.get("outputs", []):
            views = output.get("data", {}).get(HANDOUT_MIME)
            if views is not None:
                output["data"] = {
                    "text/html": views[lang],
                    "text/plain": output["data"]["text/plain"],
                }
    return page


_OTHER = {"nl": ("en", "English"), "en": ("nl", "Nederlands")}


def _export(nb: nbformat.NotebookNode, lang: str, name: str) -> str:
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        language_code=lang,
    )
    body, _ = exporter.from_notebook_node(nb)
    body = _EXTERNAL.sub("", body)  # MathJax and require.js from a CDN: not needed, not offline
    body = _WIDGET_STATE.sub("", body)  # the kernel's widgets, about 180 KB a page: none shown
    # nbconvert's loader of the widget renderer (from unpkg, when the page opens): the book's
    # views are static HTML, there is no widget to render
    body = drop_scripts_with(body, _WIDGET_LOADER)
    for page in PAGES:
        body = body.replace(f'href="{page}"', f'href="{page.replace(".ipynb", ".html")}"')
    return _PAPER_LINK.sub(lambda m: f'href="{_paper_file(by_link(m.group(1)), lang)}"', body)


# A link to one of the teacher's papers as a notebook or a view writes it ("../docs/docent.md")
_PAPER_LINK = re.compile(r'href="\.\./docs/(' + "|".join(re.escape(p.file) for p in PAPERS) + ')"')


def _paper_file(paper: Paper, lang: str) -> str:
    """Where a page of ``lang``'s book finds ``paper``: beside it, or in the other book."""
    return paper.html_file if paper.lang == lang else f"../{paper.lang}/{paper.html_file}"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_PAGE_STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;"
    "line-height:1.5;color:#222}h1,h2,h3{line-height:1.25}code{background:#f4f4f4}"
)


def paper_page(paper: Paper) -> str:
    """One of the teacher's papers as a page of its language's book: its links to the other
    papers point at their pages (in this book, or the other language's)."""
    return paper_html(paper, href=lambda other: _paper_file(other, paper.lang))


def choice_page() -> str:
    """The handout's front door: the same casebook in Dutch or in English."""
    return (
        '<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8">'
        "<title>Koppelen en doorschakelen · casebook</title>"
        f"<style>{_PAGE_STYLE}</style></head><body>"
        "<h1>Koppelen en doorschakelen · casebook</h1><ul>"
        '<li><a href="nl/index.html" hreflang="nl">Nederlands</a></li>'
        '<li><a href="en/index.html" lang="en" hreflang="en">English</a></li>'
        "</ul></body></html>\n"
    )


def _write_pages(
    out: Path,
    source: Path,
    pages: tuple[str, ...],
    kernel: _Kernel,
    *,
    quiet: bool,
    started: float,
) -> dict[str, list[tuple[str, str]]]:
    """Each page executed once (in the shared kernel) and exported in each language: for each
    language, ``(file name, page)`` in the book's order. Nothing is written yet."""
    exported: dict[str, list[tuple[str, str]]] = {lang: [] for lang in LANGS}
    for k, name in enumerate(pages):
        if not quiet:
            _progress(k, len(pages), name, started)
        executed = _execute(source / name, kernel)
        for lang in LANGS:
            html_text = _export(in_language(executed, lang), lang, name)
            remote = external_references(html_text)
            if remote:
                raise RuntimeError(
                    f"{name}: the handout page would fetch {remote[:3]} from the internet"
                )
            exported[lang].append((name.replace(".ipynb", ".html"), html_text))
    return exported


def _other_file(file: str) -> str:
    """The same page's file in the other language's book: a paper has a name per language."""
    paper = by_link(file.removesuffix(".html") + ".md")
    return paper.other.html_file if paper is not None else file


def _write_book(out: Path, lang: str, pages: list[tuple[str, str]]) -> list[Path]:
    """One language's book: every page with the table of contents, search and previous/next,
    and the files the pages share (plotly.js once, the search index, the book's script and
    styles); returns the pages written."""
    from casebook.book import (
        BOOK_CSS,
        BOOK_JS,
        INDEX_FILE,
        PLOTLY_FILE,
        SCRIPT_FILE,
        STYLE_FILE,
        Chapter,
        in_book,
        page_title,
        search_index_js,
        visible_text,
    )
    from casebook.views.chart import plotly_file

    folder = out / lang
    chapters = [Chapter(file, page_title(html, file), _other_file(file)) for file, html in pages]
    entries, written = [], []
    for k, (file, html) in enumerate(pages):
        page = in_book(html, chapters, k, lang, _OTHER[lang])
        remote = external_references(page)
        if remote:
            raise RuntimeError(f"{lang}/{file}: the book page would fetch {remote[:3]}")
        _write(folder / file, page)
        written.append(folder / file)
        entries.append({"url": file, "title": chapters[k].title, "text": visible_text(html)})
    shared = {
        PLOTLY_FILE: plotly_file().read_text(encoding="utf-8"),
        INDEX_FILE: search_index_js(entries),
        SCRIPT_FILE: BOOK_JS,
        STYLE_FILE: BOOK_CSS,
    }
    for name, text in shared.items():
        _write(folder / name, text)
    return written


def build_handout(
    out_dir: str | os.PathLike[str],
    *,
    pages: tuple[str, ...] = PAGES,
    quiet: bool = False,
    pdf: bool = False,
) -> list[Path]:
    """Execute ``pages`` once each and write them as a book into ``out_dir/nl`` and
    ``out_dir/en`` (with ``pdf``, also the whole book of each language as one PDF, see
    :func:`write_pdfs`); returns the pages written (and the PDFs). Each language's folder also
    holds the files its pages share: ``plotly.min.js``, ``search-index.js``, ``book.js``,
    ``book.css``.

    Raises
    ------
    RuntimeError
        If a page would still fetch anything from the internet.
    """
    out = Path(out_dir)
    source = notebooks_dir()
    written, started = [], time.monotonic()
    kernel = _Kernel(source)
    try:
        exported = _write_pages(out, source, pages, kernel, quiet=quiet, started=started)
    finally:
        kernel.close()
    whole = pages[:1] == PAGES[:1]
    # the teacher's papers, the lesson plan before the key, after the pages (when the casebook
    # has them: beside the package in a checkout, inside it in a wheel)
    for paper in PAPERS if whole and docs_dir() is not None else ():
        exported[paper.lang].append((paper.html_file, paper_page(paper)))
    for lang in LANGS:
        written += _write_book(out, lang, exported[lang])
    if whole:
        for lang in LANGS:
            index = out / lang / "index.html"
            _write(index, (out / lang / "00_start.html").read_text(encoding="utf-8"))
            written.append(index)
        _write(out / "index.html", choice_page())
        written.append(out / "index.html")
    if pdf:
        written += write_pdfs(out)
    if not quiet:
        _progress(len(pages), len(pages), "klaar / done", started)
        print(f"\nThe handout is in {out.resolve()} ({len(written)} files).", file=sys.stdout)
    return written


# A4 less 12 mm margins each side, in CSS pixels (96 per inch): the page is laid out and the
# charts are drawn at this width before printing, so that what is printed is what was drawn
# (at a wider window the charts were cut at the right and below).
PRINT_MARGIN_MM = 12
PRINT_WIDTH = round((210 - 2 * PRINT_MARGIN_MM) / 25.4 * 96)
# Every chart redrawn for the print styles (charts at the page's width), then printed.
_REDRAW = (
    "Promise.all(Array.from(document.querySelectorAll('.js-plotly-plot'))"
    ".map(d => Plotly.Plots.resize(d)))"
)
# True in a page when plotly.js has drawn every chart div (its svg is in it); at once in a page
# without a chart, which does not load plotly.js (casebook.book.in_book).
_CHARTS_DRAWN = (
    "Array.from(document.querySelectorAll('.plotly-graph-div'))"
    ".every(d => window.Plotly !== undefined && d.querySelector('.main-svg'))"
)


def _pdf_of_pages(browser: Any, folder: Path, files: list[str], target: Path) -> None:
    """The pages ``files`` of ``folder``, printed by ``browser`` (Playwright's Chromium) one
    after another into ``target`` (poppler's pdfunite puts them together), with every chart
    drawn first."""
    import shutil
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        page = browser.new_page(viewport={"width": PRINT_WIDTH, "height": 1100})
        try:
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith("file://") else route.abort()
                ),
            )
            parts = []
            for k, name in enumerate(files):
                page.goto((folder / name).resolve().as_uri())
                page.wait_for_function(_CHARTS_DRAWN, timeout=60_000)
                page.emulate_media(media="print")
                page.evaluate(_REDRAW)
                part = Path(tmp) / f"{k:02d}.pdf"
                margin = f"{PRINT_MARGIN_MM}mm"
                page.pdf(
                    path=str(part),
                    format="A4",
                    print_background=True,
                    margin={"top": margin, "bottom": margin, "left": margin, "right": margin},
                )
                page.emulate_media(media="screen")
                parts.append(str(part))
        finally:
            page.close()
        unite = shutil.which("pdfunite")
        if unite is None:
            raise RuntimeError("the PDF needs pdfunite (Debian: apt-get install poppler-utils)")
        whole = Path(tmp) / "whole.pdf"
        subprocess.run([unite, *parts, str(whole)], check=True, capture_output=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(whole, staged)
        os.replace(staged, target)


def write_pdfs(out_dir: str | os.PathLike[str], *, browser: Any = None) -> list[Path]:
    """The whole book of each language as one PDF, ``out_dir/<lang>/casebook-<lang>.pdf``,
    printed by the Chromium the tests use (Playwright's ``page.pdf()``; nbconvert's webpdf cuts
    plotly charts), in the order of the table of contents. ``browser``: a Chromium already
    launched by Playwright to print with (a process has one sync Playwright at a time, and a
    test session's is open); by default one is launched for both books and closed after.

    Raises
    ------
    RuntimeError
        If Playwright, Chromium or pdfunite is missing, naming what to install.
    """
    try:
        import playwright  # noqa: F401
    except ImportError as err:
        raise RuntimeError(
            "the PDF needs Playwright: pip install playwright (the casebook's test extra)"
        ) from err
    if not Path(CHROMIUM).is_file():
        raise RuntimeError(f"the PDF needs Chromium at {CHROMIUM} (apt-get install chromium)")
    out = Path(out_dir)
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            own = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return write_pdfs(out, browser=own)
            finally:
                own.close()
    written = []
    for lang in LANGS:
        folder = out / lang
        target = folder / f"casebook-{lang}.pdf"
        _pdf_of_pages(browser, folder, _book_files(folder), target)
        written.append(target)
    return written


def _book_files(folder: Path) -> list[str]:
    """The pages of a written book, in the order of its table of contents."""
    from casebook.book import toc_files

    start = folder / "00_start.html"
    first = start if start.is_file() else sorted(folder.glob("*.html"))[0]
    return toc_files(first.read_text(encoding="utf-8"))
