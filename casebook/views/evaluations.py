"""Evaluations side by side: who evaluated, result figures, findings by theme, organisation facts
and time. Controls choose the cases and themes; every part can be downloaded as CSV."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd

from casebook import evaluations as ev
from casebook.charts import evaluations as charts
from casebook.compare import to_csv
from casebook.data import Casebook
from casebook.markup import download_link, escape, table_html
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.base import View
from casebook.views.choices import Choices
from casebook.views.layout import fitted, pair

__all__ = ["EvaluationView", "evaluation_view"]


# The downloads, in the order the page shows their parts.
_DOWNLOADS = ("overview", "results", "findings", "organisation", "timeline")


class EvaluationView(View):
    """Controls: ``language``, ``cases`` and ``themes`` (checkboxes, ``Choices``), and
    ``finding_case`` / ``finding_theme`` to open the findings of one cell. After each change the
    figures (``findings_figure``, ``timeline_figure``), the result figures' cards
    (``results_html``) and the tables behind every part (``tables``) are up to date."""

    handout_menu = ("finding_case", "findings_figure")

    def __init__(self, book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME) -> None:
        super().__init__(book, lang=lang, theme=theme)
        self._case_ids = book.cases.sort_values("number")["case_id"].tolist()
        self._names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
        self.tables: dict[str, pd.DataFrame] = {}
        self.findings_figure = self.timeline_figure = None

        names = [(self._names[c], c) for c in self._case_ids]
        self.cases = Choices(options=names, value=self._case_ids)
        self.themes = Choices(options=[("", g) for g in ev.THEME_GROUPS], value=ev.THEME_GROUPS)
        # made with their layout and style: defaults replaced afterwards would be models sent to
        # every reader's browser and never shown
        self.finding_case = widgets.Dropdown(options=names, value=self._case_ids[0], **fitted())
        self.finding_theme = widgets.Dropdown(
            options=[("", g) for g in ev.THEME_GROUPS], value=ev.THEME_GROUPS[0], **fitted()
        )
        self.caveat = self.html()
        self.overview_html = self.html()
        self.results_html = self.html()
        self.findings_chart = self.new_chart()
        self.findings_html = self.html()
        self.organisation_html = self.html()
        self.timeline_chart = self.new_chart()
        self.downloads = self.html()
        self.message = self.html()
        self.widget = widgets.VBox(
            [
                self.language,
                self.caveat,
                pair(
                    [self.cases, self.themes, self.message],
                    [
                        self.overview_html,
                        self.results_html,
                        self.findings_chart,
                        self.box([self.finding_case, self.finding_theme], row=True),
                        self.findings_html,
                        self.timeline_chart,
                    ],
                ),
                # the page's whole width: five cases side by side, squeezed into the charts'
                # column on a laptop, ran to twenty lines a cell
                self.organisation_html,
                self.downloads,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-evaluations")
        # Labels first, quietly, then one draw; observers only after that (they used to be
        # attached before relabelling, which drew the page three times on opening).
        self._start()
        self.watch([self.cases], lambda _: self.draw())
        self.watch([self.themes], lambda _: self._draw_themes())
        self.watch([self.finding_case, self.finding_theme], lambda _: self._draw_cell())

    def relabel(self) -> None:
        lang = self.lang
        self.cases.description = t("control.cases", lang)
        self.themes.description = t("control.themes", lang)
        chosen = self.themes.value
        self.themes.options = [(t(f"theme.{g}", lang), g) for g in ev.THEME_GROUPS]
        self.themes.value = chosen
        self.finding_case.description = t("control.case", lang)
        current = self.finding_theme.value
        ticked = [g for g in ev.THEME_GROUPS if g in self.themes.value] or list(ev.THEME_GROUPS)
        self.finding_theme.options = [(t(f"theme.{g}", lang), g) for g in ticked]
        self.finding_theme.value = current if current in ticked else ticked[0]
        self.finding_theme.description = t("col.theme", lang)
        self.caveat.value = (
            f'<p class="casebook-caveat"><b>⚠</b> {escape(t("eval.caveat", lang))}</p>'
        )

    def draw(self) -> None:
        """Everything: a change of the cases touches every part."""
        self._drawing(self._draw_all)

    def _draw_themes(self) -> None:
        """A change of the themes touches only the findings and the downloads."""
        self._drawing(lambda lang, cases, themes: self._draw_findings(lang, cases, themes, True))

    def _draw_cell(self) -> None:
        """Choosing one cell of findings touches only the findings grid and that cell's list."""
        self._drawing(lambda lang, cases, themes: self._draw_findings(lang, cases, themes, False))

    def _drawing(self, part: Any) -> None:
        lang = self.lang
        cases = [c for c in self._case_ids if c in self.cases.value]
        themes = [g for g in ev.THEME_GROUPS if g in self.themes.value]
        if not cases:
            self._clear(t("msg.no_cases", lang))
            return
        self._fit_cell(lang, cases, themes)
        try:
            part(lang, cases, themes)
        except Exception:  # a reader never sees a traceback; the log keeps it
            self._clear(self.failed("evaluation view", cases=cases, themes=themes))

    def _fit_cell(self, lang: str, cases: list[str], themes: list[str]) -> None:
        """The findings cell's dropdowns offer the cases and themes ticked, and no other: the
        findings of a case the reader had unticked stayed on the page."""
        with self.quietly():
            for control, chosen, label in (
                (self.finding_case, cases, lambda c: self._names[c]),
                (self.finding_theme, themes, lambda g: t(f"theme.{g}", lang)),
            ):
                if not chosen:
                    continue
                options = tuple((label(value), value) for value in chosen)
                if tuple(tuple(o) for o in control.options) != options:
                    kept = control.value
                    control.options = options
                    control.value = kept if kept in chosen else chosen[0]

    def _clear(self, message: str) -> None:
        self.say(self.message, message)
        for out in (self.findings_chart, self.timeline_chart):
            self.show(out, None)
        boxes = (self.overview_html, self.results_html, self.findings_html, self.organisation_html)
        for box in (*boxes, self.downloads):
            box.value = ""
        self.findings_figure = self.timeline_figure = None
        self.tables = {}

    def _draw_all(self, lang: str, cases: list[str], themes: list[str]) -> None:
        self.say(self.message, None)
        # The findings grid first, the page's first chart: the browser draws it while the
        # server builds the rest (the downloads wait for the findings table, at the end).
        self._draw_findings(lang, cases, themes, False)
        # the same for every reader with these cases and themes: built once (View.remember)
        key = ("all", lang, self.narrow, repr(self._theme), tuple(cases), tuple(themes))
        parts = self.remember(key, lambda: self._all_parts(lang, cases, themes))
        self.results_html.value = parts["results_html"]
        self.overview_html.value = parts["overview_html"]
        self.organisation_html.value = parts["organisation_html"]
        self.timeline_figure = parts["timeline_figure"]
        self.show(self.timeline_chart, self.timeline_figure)
        self.tables = {name: table.copy() for name, table in parts["tables"].items()}
        self.downloads.value = parts["downloads"]

    def _all_parts(self, lang: str, cases: list[str], themes: list[str]) -> dict[str, Any]:
        """What a change of the cases shows beside the findings grid, for ``cases`` and
        ``themes``: the result cards, the overview, the organisations, the timeline, the tables
        behind the downloads and the downloads."""
        book = self._book
        figures = ev.result_figures(book, cases=cases, lang=lang)
        results_html = charts.results_cards(
            figures, case_ids=self._case_ids, lang=lang, theme=self._theme
        )
        overview = ev.overview(book, cases=cases, lang=lang)
        missing = [self._names[c] for c in cases if c not in set(overview["case_id"])]
        shown = overview.drop(columns=["case_id"])
        notes = "".join(
            f"<p><i>{escape(name)}: {escape(t('eval.none', lang))}</i></p>" for name in missing
        )
        table = table_html(shown) if not shown.empty else ""
        heading = f"<h3>{escape(t('section.overview', lang))}</h3>"
        overview_html = heading + table + notes

        # every case's facts, built once per book (evaluations.organisation_table), then the
        # columns of the cases chosen: a column is one case's
        everyone = ev.organisation_table(book, cases=self._case_ids, lang=lang)
        organisation = everyone[[self._names[c] for c in cases]]
        heading = f"<h3>{escape(t('section.organisation', lang))}</h3>"
        organisation_html = heading + table_html(organisation, index=True)
        events = ev.timeline_events(book, cases=cases, lang=lang)
        timeline_figure = charts.timeline_chart(
            events,
            ev.case_starts(book),
            case_ids=cases,
            case_names=self._names,
            lang=lang,
            theme=self._theme,
            narrow=self.narrow,
        )
        tables = {
            "overview": shown,
            "results": figures,
            "organisation": organisation.reset_index(names=t("col.indicator", lang)),
            "timeline": events,
            "findings": ev.findings(book, cases=cases, themes=themes, lang=lang),
        }
        return {
            "results_html": results_html,
            "overview_html": overview_html,
            "organisation_html": organisation_html,
            "timeline_figure": timeline_figure,
            "tables": tables,
            "downloads": _links(tables, lang),
        }

    def _draw_findings(self, lang: str, cases: list[str], themes: list[str], all_: bool) -> None:
        """The findings grid and the chosen cell's findings; with ``all_`` also the findings
        table behind the download, and the downloads."""
        book = self._book
        selected = (self.finding_theme.value, self.finding_case.value)
        if themes:
            matrix = ev.findings_matrix(book, cases=cases, themes=themes)
            self.findings_figure = charts.findings_heatmap(
                matrix,
                case_names=self._names,
                selected=selected,
                lang=lang,
                theme=self._theme,
                narrow=self.narrow,
            )
        else:
            self.findings_figure = None
        self.show(self.findings_chart, self.findings_figure)
        cell = ev.findings(
            book, cases=[self.finding_case.value], themes=[self.finding_theme.value], lang=lang
        )
        if cell.empty:
            self.say(self.findings_html, t("eval.no_findings", lang))
        else:
            self.findings_html.value = table_html(cell.drop(columns=["case_id", "theme_group"]))
        if all_:
            self._downloads(lang, cases, themes)

    def _downloads(self, lang: str, cases: list[str], themes: list[str]) -> None:
        """The findings table behind the download, and the downloads of every part."""
        self.tables["findings"] = ev.findings(self._book, cases=cases, themes=themes, lang=lang)
        self.downloads.value = _links(self.tables, lang)

    def static_parts(self) -> list[Any]:
        # Each figure in its own place, shown only when it is drawn (no themes: no findings grid).
        return [
            self.caveat.value,
            self.overview_html.value,
            self.results_html.value,
            *(f for f in (self.findings_figure,) if f is not None),
            self.organisation_html.value,
            *(f for f in (self.timeline_figure,) if f is not None),
        ]


def evaluation_view(
    book: Casebook, *, lang: str = "nl", theme: Theme = DEFAULT_THEME
) -> EvaluationView:
    """Build the evaluations view; display the result in a notebook to use it."""
    return EvaluationView(book, lang=lang, theme=theme)


def _links(tables: dict[str, pd.DataFrame], lang: str) -> str:
    """The download of every part that has rows, in the order of :data:`_DOWNLOADS`."""
    links = [
        download_link(to_csv(tables[name]), f"evaluaties_{name}.csv", t(f"download.{name}", lang))
        for name in _DOWNLOADS
        if name in tables and not tables[name].empty
    ]
    return " ".join(links)
