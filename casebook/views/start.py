"""The landing page's view: a language switch, the pages in reading order and the five cases."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from casebook.data import Casebook
from casebook.i18n import LANGS, check_lang
from casebook.markup import escape
from casebook.start import case_overview
from casebook.text import t
from casebook.views.base import View

__all__ = ["StartView", "start_view"]

PAGES = [
    ("01", "01_casussen.ipynb"),
    ("02", "02_wijken_vergelijken.ipynb"),
    ("03", "03_vier_logicas.ipynb"),
    ("04", "04_evaluaties.ipynb"),
    ("05", "05_lessen.ipynb"),
    ("06", "06_check_je_samenwerking.ipynb"),
]


class StartView(View):
    """Controls: ``language``. ``body`` holds the links and the case table in that language."""

    def __init__(self, book: Casebook, *, lang: str = "nl") -> None:
        check_lang(lang)
        self._book = book
        self.language = widgets.ToggleButtons(options=[(x.upper(), x) for x in LANGS], value=lang)
        self.body = widgets.HTML()
        self.widget = widgets.VBox([self.language, self.body], layout=widgets.Layout(width="100%"))
        self.widget.add_class("casebook-start")
        self.language.observe(lambda _: self._render(), names="value")
        self._render()

    @property
    def lang(self) -> str:
        return self.language.value

    def _render(self) -> None:
        lang = self.lang
        self.language.description = t("control.language", lang)
        links = "".join(
            f'<li><a href="{name}"><b>{n}</b> · {escape(t(f"page.{n}", lang))}</a></li>'
            for n, name in PAGES
        )
        table = case_overview(self._book, lang=lang).to_html(
            escape=True, border=0, classes="casebook-table"
        )
        self.body.value = (
            f'<p style="font-size:1.1em">{escape(t("start.intro", lang))}</p>'
            f'<h3>{escape(t("start.pages", lang))}</h3><ol class="casebook-pages">{links}</ol>'
            f"<h3>{escape(t('start.cases', lang))}</h3>{table}"
        )

    def static_parts(self) -> list[Any]:
        return [self.body.value.replace(".ipynb", ".html")]


def start_view(book: Casebook, *, lang: str = "nl") -> StartView:
    """Build the landing page's view; display the result in a notebook to use it."""
    return StartView(book, lang=lang)
