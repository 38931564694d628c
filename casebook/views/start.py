"""The landing page's view: the five cases and what the casebook holds; in class mode, for the
teacher (``casebook start --class``, the browser that showed the teacher's secret), the
students' link large with its QR code for the projector, the live page and the teacher's papers.

The page's introduction and reading order are the notebook's prose
(``notebooks/00_start.ipynb``), never repeated here.
"""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as widgets

from casebook.data import Casebook
from casebook.live import classroom
from casebook.markup import CARD_STYLE, escape
from casebook.pages import LIVE
from casebook.papers import paper
from casebook.start import case_overview, contents
from casebook.text import t
from casebook.views.base import View
from casebook.views.book import handout_mode

__all__ = ["StartView", "class_link_html", "start_view"]

log = logging.getLogger(__name__)


def _class_link() -> str | None:
    """The students' link in class mode when the reader is the teacher
    (:func:`casebook.live.classroom`), else None: the students came in with it already."""
    room = classroom()
    link = (room.link or "").strip()
    if not link or not room.teacher or handout_mode():  # a handout is for after class
        return None
    if not link.startswith(("http://", "https://")):
        log.warning(
            "the students' link is not a web address (%r); the landing page leaves it out", link
        )
        return None
    return link


def class_link_html(link: str, lang: str) -> str:
    """The teacher's box in class mode: the students' link, large, and its QR code (inline
    SVG, black on white) for the projector; then the teacher's own pages: the live page, the
    lesson plan and the key."""
    import segno

    title = t("start.class_qr", lang)
    svg = segno.make(link, error="m").svg_inline(
        scale=8, dark="#000", light="#fff", title=title, svgclass="casebook-class-qr"
    )
    svg = svg.replace("<svg ", '<svg role="img" ', 1)
    own = [
        (LIVE.path, t("start.class_live", lang)),
        (paper("guide", lang).link, paper("guide", lang).title),
        (paper("key", lang).link, paper("key", lang).title),
    ]
    items = "".join(f'<li><a href="{escape(href)}">{escape(text)}</a></li>' for href, text in own)
    return (
        '<section class="casebook-class-link" aria-labelledby="cb-class-title">'
        f'<h2 id="cb-class-title">{escape(t("start.class_title", lang))}</h2>'
        f'<div class="cb-class-qr-row">{svg}<div class="cb-class-text">'
        f'<p class="cb-class-address"><a href="{escape(link)}">{escape(link)}</a></p>'
        f"<p>{escape(t('start.class_hint', lang))}</p></div></div>"
        f'<p class="cb-class-yours">{escape(t("start.class_yours", lang))}</p>'
        f'<ul class="cb-class-own">{items}</ul></section>'
    )


def cases_html(book: Casebook, lang: str) -> str:
    """The five cases as cards (one per case: its city, neighbourhoods, form and pages), which
    stand side by side on a wide screen and one below the other on a phone."""
    overview = case_overview(book, lang=lang)
    cards = []
    for number, row in overview.iterrows():
        name, *rest = row.index
        facts = "".join(f"<dt>{escape(label)}</dt><dd>{escape(row[label])}</dd>" for label in rest)
        title = t("start.case_title", lang, number=number, name=row[name])
        cards.append(f'<div class="cb-card"><h3>{escape(title)}</h3><dl>{facts}</dl></div>')
    return (
        f"<h2>{escape(t('start.cases', lang))}</h2>"
        f"<p>{escape(t('start.cases_note', lang))}</p>"
        f'<div class="cb-cards casebook-cases">{"".join(cards)}</div>'
    )


def contents_html(book: Casebook, lang: str) -> str:
    """What the casebook holds, in a reader's words (:func:`casebook.start.contents`)."""
    items = "".join(f"<li>{escape(line)}</li>" for line in contents(book, lang=lang))
    return (
        f"<h2>{escape(t('start.contents', lang))}</h2>"
        f"<p>{escape(t('start.contents_intro', lang))}</p>"
        f'<ul class="casebook-contents">{items}</ul>'
    )


_STYLE = """<style>
.casebook-cases{grid-template-columns:repeat(auto-fit,minmax(min(24em,100%),1fr))}
.casebook-cases h3{margin:.1em 0 .4em;font-size:1.1em}
.casebook-cases dl{margin:0;display:grid;grid-template-columns:auto minmax(0,1fr);gap:.15em .8em}
.casebook-cases dt{font-weight:600;color:#444}
.casebook-cases dd{margin:0;overflow-wrap:anywhere}
</style>"""


class StartView(View):
    """Controls: ``language``. ``body`` holds the five cases and what the casebook holds in that
    language, and in class mode, for the teacher, the students' link (``class_link``; by
    default the class mode's, see :func:`casebook.live.classroom`) with the teacher's pages."""

    handout_note_key = None

    def __init__(self, book: Casebook, *, lang: str = "nl", class_link: str | None = None) -> None:
        self.class_link = class_link or _class_link()
        super().__init__(book, lang=lang)
        self.body = self.html()
        self.body.add_class("cb-prose")  # the page's type, as its prose around it
        self.widget = widgets.VBox([self.language, self.body], layout=widgets.Layout(width="100%"))
        self.widget.add_class("casebook-start")
        self._start()

    def draw(self) -> None:
        lang = self.lang
        parts = [CARD_STYLE, _STYLE, cases_html(self._book, lang), contents_html(self._book, lang)]
        if self.class_link:
            parts.insert(2, class_link_html(self.class_link, lang))
        self.body.value = "".join(parts)

    def static_parts(self) -> list[Any]:
        return [self.body.value]


def start_view(book: Casebook, *, lang: str = "nl") -> StartView:
    """Build the landing page's view; display the result in a notebook to use it. In class mode
    it shows the teacher the students' link and QR code (see :func:`casebook.live.classroom`)."""
    return StartView(book, lang=lang)
