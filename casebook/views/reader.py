"""Read the cases and the lessons: a case reader with tabs, and a lessons view that jumps to the
cases a lesson cites."""

from __future__ import annotations

import logging
from typing import Any

import ipywidgets as widgets

from casebook import cards, plane
from casebook.data import Casebook
from casebook.i18n import LANGS, check_lang
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views._base import View, figure_outputs, message_html

__all__ = ["CaseReader", "LessonsView", "case_reader", "lessons_view"]

log = logging.getLogger(__name__)

TABS = ("figures", "opgave", "organisation", "highlights", "evaluation", "reflections", "voices")
_TAB_KEYS = {
    "figures": "tab.figures",
    "opgave": "tab.opgave",
    "organisation": "tab.organisation",
    "highlights": "tab.highlights",
    "evaluation": "tab.evaluation",
    "reflections": "tab.reflections",
    "voices": "tab.voices",
}
ALL = "all"


class CaseReader(View):
    """One case at a time, in tabs: key figures, task, organisation, highlighted practice,
    evaluation, reflections and outside voices. Controls: ``language`` and ``case``; ``parts``
    holds the HTML of every tab for the case shown."""

    def __init__(self, book: Casebook, *, lang: str = "nl", case_id: str | None = None) -> None:
        check_lang(lang)
        self._book = book
        cases = book.cases.sort_values("number")
        options = [
            (f"{n}. {name}", c)
            for n, name, c in zip(cases["number"], cases["name"], cases["case_id"], strict=True)
        ]
        self.language = widgets.ToggleButtons(options=[(x.upper(), x) for x in LANGS], value=lang)
        self.case = widgets.Dropdown(
            options=options, value=case_id or options[0][1], layout=widgets.Layout(width="auto")
        )
        self.summary = widgets.HTML()
        self.panes = {name: widgets.HTML() for name in TABS}
        self.tabs = widgets.Tab(children=[self.panes[name] for name in TABS])
        self.parts: dict[str, str] = {}
        self.widget = widgets.VBox(
            [widgets.HBox([self.language, self.case]), self.summary, self.tabs],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-reader")
        self.language.observe(lambda _: self._render(), names="value")
        self.case.observe(lambda _: self._render(), names="value")
        self._render()

    @property
    def lang(self) -> str:
        return self.language.value

    def show(self, case_id: str) -> None:
        """Open ``case_id`` on its first tab (used when a lesson jumps to a case)."""
        self.case.value = case_id
        self.tabs.selected_index = 0

    def _render(self) -> None:
        lang, case_id = self.lang, self.case.value
        self.case.description = t("control.case", lang)
        self.language.description = t("control.language", lang)
        for index, name in enumerate(TABS):
            self.tabs.set_title(index, t(_TAB_KEYS[name], lang))
        try:
            self.parts = cards.case_parts(self._book, case_id, lang=lang)
        except Exception:  # a reader never sees a traceback
            log.exception("case reader failed for %s", case_id)
            self.parts = {}
            self.summary.value = message_html(t("msg.error", lang))
            return
        row = self._book.cases.set_index("case_id").loc[case_id]
        self.summary.value = (
            f"{cards.CARD_STYLE}<h2>{cards.escape(row['name'])} · {cards.escape(row['city'])}</h2>"
            f'<p class="cb-text"><b>{cards.escape(row[f"organisation_form_{lang}"])}</b>. '
            f"{cards.escape(row[f'summary_{lang}'])} "
            f'<span class="cb-page">(p. {row["page"]}–{row["page_last"]})</span></p>'
        )
        for name in TABS:
            self.panes[name].value = cards.CARD_STYLE + self.parts[name]

    def static_parts(self) -> list[Any]:
        # Text needs no kernel: the handout carries every case, not only the first.
        parts = []
        for case_id in self._book.cases.sort_values("number")["case_id"]:
            row = self._book.cases.set_index("case_id").loc[case_id]
            sections = cards.case_parts(self._book, case_id, lang=self.lang)
            parts.append(f"<h2>{cards.escape(row['name'])}</h2>")
            for name in TABS:
                parts.append(
                    f"<h3>{cards.escape(t(_TAB_KEYS[name], self.lang))}</h3>{sections[name]}"
                )
        return [cards.CARD_STYLE, *parts]


class LessonsView(View):
    """The 27 lessons: filter by case, logic or tension; choose a lesson to read it; jump to the
    cases it cites (the embedded ``reader`` opens them). Also the four main lines and voices."""

    def __init__(self, book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME) -> None:
        check_lang(lang)
        self._book, self._theme = book, theme
        self.language = widgets.ToggleButtons(options=[(x.upper(), x) for x in LANGS], value=lang)
        self.case = widgets.Dropdown(options=[("", ALL)], value=ALL)
        self.logic = widgets.Dropdown(options=[("", ALL)], value=ALL)
        self.tension = widgets.Dropdown(options=[("", ALL)], value=ALL)
        self.lesson = widgets.Select(
            options=[("", 0)],
            value=0,
            rows=10,
            layout=widgets.Layout(width="auto", min_width="28em"),
        )
        self.card = widgets.HTML()
        self.jumps = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.chart = widgets.Output()
        self.main_lines = widgets.HTML()
        self.voices = widgets.HTML()
        self.reader = CaseReader(book, lang=lang)
        self.figure = None
        self.shown: list[int] = []
        for control in (self.case, self.logic, self.tension):
            control.style = {"description_width": "initial"}
        self.widget = widgets.VBox(
            [
                self.language,
                widgets.HBox(
                    [self.case, self.logic, self.tension],
                    layout=widgets.Layout(flex_flow="row wrap"),
                ),
                widgets.HBox([self.lesson, self.card], layout=widgets.Layout(flex_flow="row wrap")),
                self.jumps,
                self.chart,
                self.main_lines,
                self.voices,
                self.reader.widget,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-lessons")
        self._relabel()
        self.language.observe(self._on_language, names="value")
        for control in (self.case, self.logic, self.tension):
            control.observe(lambda _: self._filter(), names="value")
        self.lesson.observe(lambda _: self._show_lesson(), names="value")
        self._filter()

    @property
    def lang(self) -> str:
        return self.language.value

    def _on_language(self, change: dict[str, Any]) -> None:
        self._relabel()
        self.reader.language.value = self.lang
        self._filter()

    def _relabel(self) -> None:
        lang, book = self.lang, self._book
        everything = t("filter.all", lang)
        for control, key, options in (
            (
                self.case,
                "control.case",
                list(zip(book.cases["short_name"], book.cases["case_id"], strict=True)),
            ),
            (
                self.logic,
                "control.logic",
                list(zip(book.logics[f"name_{lang}"], book.logics["logic_id"], strict=True)),
            ),
            (
                self.tension,
                "control.tension",
                list(zip(book.tensions[f"name_{lang}"], book.tensions["tension_id"], strict=True)),
            ),
        ):
            current = control.value
            control.options = [(everything, ALL), *options]
            control.value = current
            control.description = t(key, lang)
        self.lesson.description = t("control.lesson", lang)
        self.main_lines.value = cards.CARD_STYLE + cards.main_lines_html(book, lang=lang)
        self.voices.value = cards.CARD_STYLE + cards.voices_html(book, lang=lang)

    def _filter(self) -> None:
        pick = {
            c: (None if c.value == ALL else c.value) for c in (self.case, self.logic, self.tension)
        }
        self.shown = cards.lessons_for(
            self._book,
            case_id=pick[self.case],
            logic_id=pick[self.logic],
            tension_id=pick[self.tension],
        )
        titles = self._book.lessons.set_index("lesson_id")["title_nl"]
        current = self.lesson.value
        self.lesson.options = [(f"Les {i}: {titles[i]}", i) for i in self.shown]
        if self.shown:
            self.lesson.value = current if current in self.shown else self.shown[0]
        self._show_lesson()
        self._draw()

    def _show_lesson(self) -> None:
        lang = self.lang
        if not self.shown:
            self.card.value = message_html(t("lessons.none", lang))
            self.jumps.children = ()
            return
        lesson_id = self.lesson.value
        self.card.value = cards.CARD_STYLE + cards.lesson_card(self._book, lesson_id, lang=lang)
        refs = self._book.lesson_references
        cited = list(dict.fromkeys(refs.loc[(refs["lesson_id"] == lesson_id), "case_id"].dropna()))
        names = self._book.cases.set_index("case_id")["short_name"]
        buttons = []
        for case_id in cited:
            button = widgets.Button(
                description=t("lessons.jump", lang, case=names[case_id]),
                icon="book",
                layout=widgets.Layout(width="auto"),
            )
            button.on_click(lambda _, c=case_id: self.reader.show(c))
            button.case_id = case_id
            buttons.append(button)
        self.jumps.children = tuple(buttons)

    def _draw(self) -> None:
        book, lang = self._book, self.lang
        matrix = cards.lessons_matrix(book)
        titles = dict(
            zip(book.lessons["lesson_id"].astype(int), book.lessons["title_nl"], strict=True)
        )
        names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
        self.figure = plane.lessons_heatmap(
            matrix,
            lesson_titles=titles,
            case_names=names,
            highlight=self.shown,
            lang=lang,
            theme=self._theme,
        )
        self.chart.outputs = figure_outputs(self.figure)

    def static_parts(self) -> list[Any]:
        lessons = [
            cards.lesson_card(self._book, int(i), lang=self.lang)
            for i in self._book.lessons["lesson_id"]
        ]
        figure = [self.figure] if self.figure is not None else []
        return [
            cards.CARD_STYLE,
            *figure,
            '<div class="cb-cards">',
            *lessons,
            "</div>",
            self.main_lines.value,
            self.voices.value,
        ]


def case_reader(book: Casebook, *, lang: str = "nl", case_id: str | None = None) -> CaseReader:
    """Build the case reader; display the result in a notebook to use it."""
    return CaseReader(book, lang=lang, case_id=case_id)


def lessons_view(book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME) -> LessonsView:
    """Build the lessons view; display the result in a notebook to use it."""
    return LessonsView(book, lang=lang, theme=theme)
