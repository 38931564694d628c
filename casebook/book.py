"""The static book around the handout's pages (casebook.handout): a table of contents on every
page, previous/next links, a search box over a small index of every page's text, print styles,
and the files each language's folder shares (plotly.js, the search index, the book's script and
styles), all referenced relatively so that the book works from ``file://`` with no network.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from casebook.markup import escape
from casebook.text import t

__all__ = [
    "BOOK_CSS",
    "BOOK_JS",
    "INDEX_FILE",
    "PLOTLY_FILE",
    "SCRIPT_FILE",
    "STYLE_FILE",
    "Chapter",
    "draws_charts",
    "in_book",
    "page_title",
    "search_index_js",
    "toc_files",
    "visible_text",
]

PLOTLY_FILE = "plotly.min.js"
INDEX_FILE = "search-index.js"
SCRIPT_FILE = "book.js"
STYLE_FILE = "book.css"


@dataclass(frozen=True)
class Chapter:
    """One page of a language's book: its file name (in that folder), its title and the file
    of the same page in the other language's book (by default the same name)."""

    file: str
    title: str
    other: str = ""

    @property
    def other_file(self) -> str:
        return self.other or self.file


class _Text(HTMLParser):
    """The text a reader sees, no script or style; the first ``<h1>`` apart."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.h1: list[str] = []
        self._skip = 0
        self._in_h1 = False
        self._h1_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style", "nav")
        if tag == "h1" and not self._h1_done:
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style", "nav")
        if tag == "h1" and self._in_h1:
            self._in_h1, self._h1_done = False, True

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._in_h1:
            self.h1.append(data)


def _parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def visible_text(html: str) -> str:
    """What a reader sees of a page, in one line: no scripts, styles or navigation."""
    return " ".join(" ".join(_parse(html).parts).split())


def page_title(html: str, fallback: str) -> str:
    """The page's first heading (without the anchor link nbconvert adds), else ``fallback``."""
    title = " ".join("".join(_parse(html).h1).replace("¶", "").split())
    return title or fallback


def search_index_js(entries: list[dict[str, str]]) -> str:
    """The search index as a script (a JSON array in ``window.CASEBOOK_SEARCH``): a script
    file loads from ``file://``, where a page cannot fetch a JSON file."""
    return "window.CASEBOOK_SEARCH = " + json.dumps(entries, ensure_ascii=False) + ";\n"


def _code(text: str) -> str:
    """Escaped text with `backquoted` parts as code."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text))


def _nav(chapters: list[Chapter], current: int, lang: str, other: tuple[str, str]) -> str:
    items = "".join(
        f'<li><a href="{c.file}"{" aria-current=page" if k == current else ""}>'
        f"{escape(c.title)}</a></li>"
        for k, c in enumerate(chapters)
    )
    other_lang, other_label = other
    return (
        f'<nav class="cb-book-nav" aria-label="{escape(t("book.contents", lang))}">'
        f'<p class="cb-book-name">{escape(t("book.title", lang))}</p>'
        f'<p class="cb-book-other"><a href="../{other_lang}/{chapters[current].other_file}" '
        f'lang="{other_lang}" hreflang="{other_lang}">{other_label}</a></p>'
        f'<form class="cb-book-search" role="search" onsubmit="return false">'
        f'<label for="cb-search">{escape(t("book.search", lang))}</label>'
        f'<input id="cb-search" type="search" autocomplete="off">'
        f'<ol id="cb-search-results" aria-live="polite" '
        f'data-none="{escape(t("book.no_results", lang))}"></ol></form>'
        # open without script (and wide): book.js closes it on a narrow screen, where the
        # contents sit above the page
        f'<details class="cb-book-toc-box" open><summary>'
        f'<h2 class="cb-book-contents">{escape(t("book.contents", lang))}</h2></summary>'
        f'<ol class="cb-book-toc">{items}</ol></details></nav>'
    )


def _pager(chapters: list[Chapter], current: int, lang: str) -> str:
    links = []
    if current > 0:
        before = chapters[current - 1]
        links.append(
            f'<a class="cb-book-prev" rel="prev" href="{before.file}">← '
            f"{escape(t('book.previous', lang))}: {escape(before.title)}</a>"
        )
    if current + 1 < len(chapters):
        after = chapters[current + 1]
        links.append(
            f'<a class="cb-book-next" rel="next" href="{after.file}">'
            f"{escape(t('book.next', lang))}: {escape(after.title)} →</a>"
        )
    return f'<nav class="cb-book-pager" aria-label="pager">{"".join(links)}</nav>'


def draws_charts(html: str) -> bool:
    """True when a page draws a plotly chart (a figure div with its ``Plotly.newPlot``)."""
    return "Plotly.newPlot(" in html


def in_book(
    html: str, chapters: list[Chapter], current: int, lang: str, other: tuple[str, str]
) -> str:
    """A page of the book: ``html`` (a whole page) with the book's files in its head, the table
    of contents and search beside it, what needs the live casebook above it, previous/next
    below it."""
    # plotly.js (4.7 MB, about a second of a phone's or laptop's time to read) only on the
    # pages that draw a chart: the cases, the glossary and the key open at once.
    plotly = f'<script src="{PLOTLY_FILE}"></script>' if draws_charts(html) else ""
    head = (
        f'<link rel="stylesheet" href="{STYLE_FILE}">'
        f"{plotly}"
        f'<script defer src="{INDEX_FILE}"></script>'
        f'<script defer src="{SCRIPT_FILE}"></script>'
    )
    html = html.replace("</head>", head + "</head>", 1)
    title = f"{chapters[current].title} · {t('book.title', lang)}"
    html = re.sub(
        r"<title>.*?</title>",
        lambda _: f"<title>{escape(title)}</title>",
        html,
        count=1,
        flags=re.S,
    )
    live = f'<p class="cb-book-live">{_code(t("book.live", lang))}</p>'
    top = _nav(chapters, current, lang, other) + '<div class="cb-book-page">' + live
    bottom = _pager(chapters, current, lang) + "</div>"
    html = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + top, html, count=1)
    at = html.rfind("</body>")
    return html[:at] + bottom + html[at:]


BOOK_CSS = """
body { margin: 0; }
.cb-book-nav { position: fixed; top: 0; left: 0; bottom: 0; width: 17em; overflow-y: auto;
  padding: 1em; box-sizing: border-box; background: #f5f7f9; border-right: 1px solid #dde;
  font-family: system-ui, sans-serif; font-size: 0.95em; z-index: 10; }
.cb-book-nav a { color: #005A8C; text-decoration: none; }
.cb-book-nav a[aria-current] { font-weight: 700; color: #222; }
.cb-book-name { font-weight: 700; margin-top: 0; }
.cb-book-toc { padding-left: 1.4em; }
.cb-book-toc li { margin: 0.35em 0; }
.cb-book-contents { font-size: 1em; margin: 0.6em 0 0.3em; display: inline; }
.cb-book-toc-box > summary { cursor: pointer; margin: 0.8em 0 0.3em; }
.cb-print-only { display: none; }
.cb-book-search label { display: block; font-weight: 600; margin-bottom: 0.2em; }
.cb-book-search input { width: 100%; box-sizing: border-box; padding: 0.3em; font-size: 1em; }
#cb-search-results { padding-left: 1.2em; }
#cb-search-results li { margin: 0.4em 0; }
#cb-search-results small { display: block; color: #555; }
.cb-book-page { margin-left: 17em; padding: 0 1em; }
.cb-book-live { max-width: 1200px; margin: 1em auto; padding: 0.6em 1em; background: #fff8e1;
  border-left: 4px solid #e0a800; font-family: system-ui, sans-serif; }
.cb-book-pager { display: flex; justify-content: space-between; max-width: 1200px;
  margin: 2em auto; padding: 1em; border-top: 1px solid #dde; font-family: system-ui, sans-serif; }
.cb-book-pager a { color: #005A8C; font-weight: 600; }
@media (max-width: 800px) {
  .cb-book-nav { position: static; width: auto; border-right: 0; }
  .cb-book-page { margin-left: 0; }
}
@media print {
  .cb-book-nav, .cb-book-pager, .cb-book-search, .updatemenu-container, .modebar-container,
  .casebook-download { display: none !important; }
  .cb-book-page { margin-left: 0; padding: 0; }
  /* a clipping box split across pages clips what moves on to the next page: charts lost
     their notes (Chromium's page.pdf) */
  .jp-OutputArea, .jp-OutputArea-child, .jp-OutputArea-output, .jp-RenderedHTMLCommon,
  .jp-Cell-outputWrapper { overflow: visible !important; }
  .plotly-graph-div, .js-plotly-plot { width: 100% !important; break-inside: avoid; }
  .jp-MarkdownCell h2, .cb-book-page h2 { break-before: page; }
  /* a heading stays with what it introduces, never alone at the foot of a page */
  h2, h3, h4 { break-after: avoid; }
  .cb-book-live, .cb-screen-only { display: none !important; }
  .cb-print-only { display: block !important; }
}
"""

BOOK_JS = r"""
(function () {
  "use strict";
  // The contents above the page on a narrow screen: closed, so that a phone's reader does
  // not scroll past them on every page; open again when the screen is wide.
  var box = document.querySelector(".cb-book-toc-box");
  if (box && window.matchMedia) {
    var narrow = window.matchMedia("(max-width: 800px)");
    box.open = !narrow.matches;
    var follow = function (e) { box.open = !e.matches; };
    if (narrow.addEventListener) { narrow.addEventListener("change", follow); }
    else if (narrow.addListener) { narrow.addListener(follow); }
  }
  // A chart with a menu (casebook.charts.book): its text alternative follows the option shown
  // (casebook.views.book.figure_div writes one per option, all but the shown one hidden).
  Array.prototype.forEach.call(document.querySelectorAll(".plotly-graph-div"), function (gd) {
    var blocks = document.querySelectorAll('.cb-chart-alt[data-cb-for="' + gd.id + '"]');
    if (blocks.length < 2 || !gd.on) { return; }
    gd.on("plotly_buttonclicked", function (e) {
      var k = String(e.active);
      Array.prototype.forEach.call(blocks, function (b) {
        var on = b.getAttribute("data-cb-option") === k;
        b.hidden = !on;
        if (on) {
          gd.setAttribute("aria-label", b.getAttribute("data-cb-name"));
          gd.setAttribute("aria-describedby", b.querySelector("p").id);
        }
      });
    });
  });
  var input = document.getElementById("cb-search");
  var list = document.getElementById("cb-search-results");
  if (!input || !list) { return; }
  var pages = window.CASEBOOK_SEARCH || [];
  function words(text) {
    return text.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
  }
  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "… " : "") + text.slice(start, at + word.length + 80) + " …";
  }
  function show() {
    var wanted = words(input.value);
    list.textContent = "";
    if (wanted.length === 0) { return; }
    var found = pages.filter(function (p) {
      var text = (p.title + " " + p.text).toLowerCase();
      return wanted.every(function (w) { return text.indexOf(w) >= 0; });
    });
    if (found.length === 0) {
      var none = document.createElement("li");
      none.textContent = list.getAttribute("data-none");
      list.appendChild(none);
      return;
    }
    found.forEach(function (p) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.title;
      var more = document.createElement("small");
      more.textContent = snippet(p.text, wanted[0]);
      item.appendChild(link);
      item.appendChild(more);
      list.appendChild(item);
    });
  }
  input.addEventListener("input", show);
})();
"""


def toc_files(html: str) -> list[str]:
    """The files a book page's table of contents lists, in its order."""
    found = re.search(r'<ol class="cb-book-toc">(.*?)</ol>', html, re.S)
    return re.findall(r'<a href="([^"]+)"', found.group(1)) if found else []
