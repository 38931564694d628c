"""The teacher's papers: the lesson plan for two class sessions (the teacher's guide) and the key
(learning goals and model answers), each in Dutch and English, as pages of the casebook.

Their one source is Markdown in ``docs/`` (a wheel carries them as ``casebook/docs``):
``docent.md`` / ``teacher.md`` and ``docentensleutel.md`` / ``teacher-key.md``. The app serves
each at its address (``/docent``, ``/teacher``, ``/docentensleutel``, ``/teacher-key``), the
static book writes each as a page of its language's book (``docent.html``, ...). A notebook or
a view links a paper as ``../docs/<file>`` (from ``notebooks/``, where JupyterLab opens it);
the app and the book point such a link at their own page of it.

A paper is a whole page of its own (:func:`paper_html`): readable on a phone (a viewport, text
that wraps, tables within the width), printable (a print style sheet: no navigation, black
text, nothing split that should stay together), in one language, with a link to the same
paper in the other language.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from casebook.i18n import LANGS, check_lang
from casebook.markup import escape
from casebook.text import t

__all__ = [
    "PAPERS",
    "PAPER_CSS",
    "Paper",
    "by_address",
    "by_link",
    "docs_dir",
    "paper",
    "paper_body",
    "paper_html",
    "read_paper",
]


@dataclass(frozen=True)
class Paper:
    """One of the teacher's papers in one language: ``kind`` "guide" (the lesson plan) or
    "key"; ``file`` its Markdown in ``docs/``; ``address`` where the app serves it."""

    kind: str
    lang: str
    file: str
    address: str

    @property
    def path(self) -> str:
        """The paper's path in the app (below the app's base path)."""
        return "/" + self.address

    @property
    def html_file(self) -> str:
        """The paper's page in its language's static book."""
        return self.file.removesuffix(".md") + ".html"

    @property
    def link(self) -> str:
        """How a notebook or a view links the paper (relative to ``notebooks/``)."""
        return "../docs/" + self.file

    @property
    def other(self) -> Paper:
        """The same paper in the other language."""
        return paper(self.kind, next(lang for lang in LANGS if lang != self.lang))

    @property
    def companion(self) -> Paper:
        """The other paper in the same language (the key for the guide, the guide for the key)."""
        return paper("key" if self.kind == "guide" else "guide", self.lang)

    @property
    def title(self) -> str:
        """The paper's name, as the casebook's links call it."""
        return t(f"paper.{self.kind}", self.lang)


PAPERS: tuple[Paper, ...] = (
    Paper("guide", "nl", "docent.md", "docent"),
    Paper("guide", "en", "teacher.md", "teacher"),
    Paper("key", "nl", "docentensleutel.md", "docentensleutel"),
    Paper("key", "en", "teacher-key.md", "teacher-key"),
)


def paper(kind: str, lang: str) -> Paper:
    """The paper of ``kind`` ("guide" or "key") in ``lang``."""
    check_lang(lang)
    for one in PAPERS:
        if one.kind == kind and one.lang == lang:
            return one
    raise ValueError(f"`kind` must be one of ['guide', 'key'], but {kind!r} was passed")


def by_address(address: str) -> Paper | None:
    """The paper the app serves at ``address`` (with or without its leading ``/``), or None."""
    wanted = address.strip("/")
    return next((one for one in PAPERS if one.address == wanted), None)


def by_link(href: str) -> Paper | None:
    """The paper a link names by its file (``teacher.md``, ``../docs/teacher.md``), or None."""
    name = href.split("#", 1)[0].rsplit("/", 1)[-1]
    return next((one for one in PAPERS if one.file == name), None)


_HERE = Path(__file__).resolve().parent


def docs_dir() -> Path | None:
    """The folder of the papers (wheel: ``casebook/docs``; checkout: ``docs/``), found from
    this file, never from the working directory; None when neither has them."""
    for candidate in (_HERE / "docs", _HERE.parent / "docs"):
        if all((candidate / one.file).is_file() for one in PAPERS):
            return candidate
    return None


def read_paper(one: Paper) -> str:
    """The Markdown of ``one``.

    Raises
    ------
    FileNotFoundError
        If the casebook's papers are not where a checkout or a wheel keeps them.
    """
    folder = docs_dir()
    if folder is None:
        raise FileNotFoundError(
            f"the teacher's papers are missing (looked in {_HERE / 'docs'} and "
            f"{_HERE.parent / 'docs'})"
        )
    return (folder / one.file).read_text(encoding="utf-8")


@functools.cache
def _markdown() -> object:
    from markdown_it import MarkdownIt  # CommonMark, as the app renders the notebooks' prose

    # no raw HTML from the file: the papers are text
    return MarkdownIt("commonmark", {"html": False}).enable("table")


# A link to a Markdown file in the rendered HTML (markdown-it escapes an href's quotes)
_MD_LINK = re.compile(r'<a href="([^"#]+\.md)(#[^"]*)?">(.*?)</a>', re.S)


def paper_body(one: Paper, href: Callable[[Paper], str], text: str | None = None) -> str:
    """The paper as HTML (its Markdown rendered), each link to a paper pointed at
    ``href(that paper)``; a link that shows the file's name (``teacher.md``, as the Markdown
    reads on its own) shows the paper's title instead. ``text``: other Markdown than the
    paper's file (tests)."""
    html = _markdown().render(read_paper(one) if text is None else text)  # type: ignore[attr-defined]

    def point(found: re.Match[str]) -> str:
        target = by_link(found.group(1))
        if target is None:
            return found.group(0)
        shown = found.group(3)
        if shown.strip() == target.file:
            shown = escape(target.title)
        return f'<a href="{escape(href(target))}{found.group(2) or ""}">{shown}</a>'

    return _labelled(_MD_LINK.sub(point, html))


_TABLE = re.compile(r"<table>.*?</table>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _labelled(html: str) -> str:
    """Every table's cells with their column's header as ``data-label``: on a phone a table
    row becomes a card of labelled lines (:data:`PAPER_CSS`), never wider than the screen."""

    def label(table: re.Match[str]) -> str:
        text = table.group(0)
        head, _, body = text.partition("</thead>")
        names = [_TAG.sub("", cell).strip() for cell in re.findall(r"<th[^>]*>(.*?)</th>", head)]

        def row(found: re.Match[str]) -> str:
            cells = iter(names)
            return re.sub(
                r"<td(?=[ >])",
                lambda _m: f'<td data-label="{escape(next(cells, ""))}"',
                found.group(0),
            )

        return head + _ + re.sub(r"<tr>.*?</tr>", row, body, flags=re.S) if _ else text

    return _TABLE.sub(label, html)


PAPER_CSS = """
.cb-paper { max-width: 48em; margin: 0 auto; padding: 0 1em 3em; box-sizing: border-box;
  font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 17px;
  line-height: 1.55; color: #1f2d3d; overflow-wrap: break-word; }
.cb-paper h1 { font-size: 1.9em; line-height: 1.2; margin: .6em 0 .4em; }
.cb-paper h2 { font-size: 1.4em; line-height: 1.25; margin: 1.4em 0 .4em; }
.cb-paper h3 { font-size: 1.15em; margin: 1.1em 0 .3em; }
.cb-paper a { color: #005A8C; }
.cb-paper code { font-size: .9em; background: #f3f3f3; padding: 0 .2em; }
.cb-paper pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3;
  padding: .5em; }
.cb-paper table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
.cb-paper th, .cb-paper td { border-bottom: 1px solid #ccc; padding: .3em .5em;
  text-align: left; vertical-align: top; }
.cb-paper-bar { display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: baseline;
  border-bottom: 4px solid #0072B2; padding: .7em 0 .5em; }
.cb-paper-bar a { font-weight: 600; text-decoration: none; }
.cb-paper-bar button { font: inherit; font-size: .95em; padding: .15em .7em; cursor: pointer;
  border: 2px solid #0072B2; background: #fff; color: #005A8C; border-radius: 4px; }
:focus-visible { outline: 3px solid #B35900; outline-offset: 2px; }
@media (max-width: 600px) {
  .cb-paper { font-size: 16px; padding: 0 .7em 2em; }
  /* a table's rows as cards of labelled lines: three columns of long words do not fit */
  .cb-paper table, .cb-paper tbody, .cb-paper tr, .cb-paper td { display: block; width: auto; }
  .cb-paper thead { display: none; }
  .cb-paper tr { border-bottom: 1px solid #ccc; padding: .4em 0; }
  .cb-paper td { border: 0; padding: .1em 0; }
  .cb-paper td[data-label]::before { content: attr(data-label) ": ";
    content: attr(data-label) ": " / ""; font-weight: 600; }
}
@media print {
  @page { margin: 15mm; }
  .cb-paper-bar { display: none !important; }
  .cb-paper { max-width: none; padding: 0; font-size: 11pt; color: #000; }
  .cb-paper a { color: #000; text-decoration: none; }
  .cb-paper h1, .cb-paper h2, .cb-paper h3 { break-after: avoid; }
  .cb-paper tr, .cb-paper li, .cb-paper pre { break-inside: avoid; }
}
"""


def paper_html(one: Paper, *, href: Callable[[Paper], str], home: str | None = None) -> str:
    """``one`` as a whole page in its language: a viewport for a phone, :data:`PAPER_CSS`,
    and (with ``home``, the casebook's landing page) a bar above it with the way back, the same
    paper in the other language and a print button, which print leaves out."""
    lang, other = one.lang, one.other
    bar = ""
    if home is not None:
        bar = (
            f'<nav class="cb-paper-bar" aria-label="{escape(t("paper.bar", lang))}">'
            f'<a href="{escape(home)}">← {escape(t("paper.home", lang))}</a>'
            f'<a href="{escape(href(other))}" lang="{other.lang}" hreflang="{other.lang}">'
            f"{escape(t('paper.other', other.lang))}</a>"
            f'<a href="{escape(href(one.companion))}">{escape(one.companion.title)}</a>'
            f'<button type="button" onclick="window.print()">{escape(t("paper.print", lang))}'
            "</button></nav>"
        )
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(one.title)} · {escape(t('app.title', lang))}</title>"
        f"<style>{PAPER_CSS}</style></head><body>"
        f'<main class="cb-paper">{bar}{paper_body(one, href)}</main></body></html>\n'
    )
