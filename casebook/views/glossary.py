"""The glossary page: every term in the reader's language, with a search box."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from casebook.data import Casebook
from casebook.glossary import glossary_html
from casebook.markup import CARD_STYLE
from casebook.text import t
from casebook.views.base import View

__all__ = ["GlossaryView", "glossary_view"]


class GlossaryView(View):
    """Controls: ``language`` and ``search`` (a word to look for); ``body`` holds the list."""

    handout_note_key = None

    def __init__(self, book: Casebook, *, lang: str = "nl") -> None:
        super().__init__(book, lang=lang)
        # the page's prose introduces the glossary (notebook 07): the view says it no second time
        self.search = widgets.Text(
            value="",
            continuous_update=True,
            # as wide as its example, which was cut ("een woord, bijvoorbeel…")
            layout=widgets.Layout(width="30em", max_width="calc(100% - 8px)"),
            style={"description_width": "initial"},
        )
        self.body = self.html()
        self.widget = widgets.VBox(
            [self.language, self.search, self.body],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-glossary")
        self._start()
        self.watch([self.search], lambda _: self.draw())

    def relabel(self) -> None:
        lang = self.lang
        self.search.description = t("glossary.search", lang)
        self.search.placeholder = t("glossary.placeholder", lang)

    def draw(self) -> None:
        self.body.value = CARD_STYLE + glossary_html(
            self._book, lang=self.lang, query=self.search.value
        )

    def static_parts(self) -> list[Any]:
        return [self.body.value]


def glossary_view(book: Casebook, *, lang: str = "nl") -> GlossaryView:
    """Build the glossary view; display the result in a notebook to use it."""
    return GlossaryView(book, lang=lang)
