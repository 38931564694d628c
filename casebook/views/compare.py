"""Compare neighbourhoods: controls wired to the pure functions in casebook.compare and charts.

The view builds its widgets once. A control change recomputes one figure and replaces the
contents of one Output widget; nothing else on the page is re-created.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from casebook.charts import compare as charts
from casebook.compare import (
    GROUPS,
    PUBLIC_COLUMNS,
    TableIndex,
    area_choices,
    area_profile,
    indicator_choices,
    indicator_table,
    select,
    select_records,
    selection_message,
    shared_indicator_table,
    table_index,
    to_csv,
)
from casebook.data import Casebook, per_book
from casebook.errors import DataError
from casebook.markup import download_link, escape, message_html, table_html
from casebook.own import OWN_PREFIX, OwnArea, own_areas_in, read_own_area, template_csv
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.base import View
from casebook.views.choices import Choices
from casebook.views.layout import fitted, pair

__all__ = ["CompareView", "compare_view"]

log = logging.getLogger(__name__)

MODES = ("one", "several", "coverage", "profile")
ALL_GROUPS = "all"
_DEFAULT_SEVERAL = ["inhabitants", "mutation_rate", "social_rent_share", "corporation_unit_share"]


class CompareView(View):
    """Neighbourhoods side by side: one indicator, several, coverage, or one area's profile.

    Attributes worth knowing in tests: the controls (``language``, ``mode``, ``areas``,
    ``group``, ``indicator``, ``indicators``, ``area``), and after every change ``figure`` (the
    plotly figure shown, or None), ``data`` (the table behind it, downloadable as CSV) and
    ``message_text`` (what the reader is told instead of a chart, or None).
    """

    handout_menu = ("indicator", "figure")

    def __init__(
        self,
        book: Casebook,
        *,
        lang: str = "nl",
        theme: Theme = DEFAULT_THEME,
        own: Sequence[OwnArea] | None = None,
    ) -> None:
        super().__init__(book, lang=lang, theme=theme)
        self._tables: dict[str, pd.DataFrame] = {}
        self._indexes: dict[str, TableIndex] = {}
        self.own_refused: list[DataError] = []
        # What own_status says, in a given language: kept so that a language switch says it
        # again in the other (the neighbourhood just added, or why a file was refused).
        self._own_said: Callable[[str], str] | None = None
        if own is None:  # the teacher's folder eigen_wijken beside the data, if there is one
            found = own_areas_in(book.data_dir, book)
            own, self.own_refused = found.areas, found.refused
        self.own: list[OwnArea] = list(own)
        table = self._table(lang)
        all_areas = [a for _, a in self._areas(lang)]
        self.figure: go.Figure | None = None
        self.data: pd.DataFrame | None = None
        self.message_text: str | None = None

        # the buttons as wide as their labels (ipywidgets cuts them at a fixed width otherwise)
        self.mode = widgets.ToggleButtons(
            options=[("", m) for m in MODES], value="one", style={"button_width": "auto"}
        )
        self.areas = Choices(options=self._areas(lang), value=all_areas)
        # A dropdown shows nothing for the value None, so "all groups" has a value of its own.
        # each control made with its own layout and style (set afterwards, the defaults made
        # first would be models every reader's browser is sent, and never shown)
        self.group = widgets.Dropdown(options=[("", ALL_GROUPS)], value=ALL_GROUPS, **fitted())
        self.indicator = widgets.Dropdown(
            options=self._indicators(lang, None), value="mutation_rate", **fitted()
        )
        several = [i for i in _DEFAULT_SEVERAL if i in set(table["indicator"])]
        self.indicators = Choices(options=self._indicators(lang, None, numeric=True), value=several)
        self.area = widgets.Dropdown(options=self._areas(lang), value=all_areas[0], **fitted())
        self.message = self.html()
        self.download = self.html()
        self.table_html = self.html()
        self.chart = self.new_chart()
        self.own_note = self.html()
        self.own_help = self.html()
        self.own_upload = widgets.FileUpload(
            accept=".csv", multiple=False, layout=widgets.Layout(width="auto")
        )
        self.own_remove = widgets.Button(icon="trash", layout=widgets.Layout(width="auto"))
        self.own_status = self.html()
        self.widget = widgets.VBox(
            [
                pair(
                    [
                        self.box([self.language, self.mode], row=True),
                        self.areas,
                        self.box([self.group, self.indicator, self.area], row=True),
                        self.indicators,
                        self.message,
                    ],
                    [self.chart, self.own_note],
                ),
                self.table_html,
                self.download,
                self.own_help,
                self.box([self.own_upload, self.own_remove], row=True),
                self.own_status,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-compare")
        self._show_controls()
        if self.own_refused:  # shown when _start() labels the view
            self._own_said = partial(_refused_html, self.own_refused)
        self._start()
        self.watch(
            [self.mode, self.areas, self.group, self.indicator, self.indicators, self.area],
            self._on_change,
        )
        self.watch([self.own_upload], self._on_own_upload)
        self.own_remove.on_click(lambda _: self.remove_own())

    # --- the reader's own neighbourhoods ------------------------------------------------

    def add_own_file(self, filename: str, content: bytes) -> OwnArea | None:
        """Check a filled-in template and show it beside the cases, selected.

        A broken file is refused with every problem (row, column, what is expected) listed;
        the view keeps its data as it was.
        """
        try:
            area = read_own_area(content, filename=filename, book=self._book)
        except DataError as err:
            self._show_refused([err])
            return None
        self.own = [o for o in self.own if o.area_id != area.area_id] + [area]
        self._own_said = partial(_loaded_html, area.name)
        self._own_changed(select=area.area_id)  # relabels, which shows it
        return area

    def remove_own(self) -> None:
        """Take every own neighbourhood out again."""
        self.own = []
        self._own_said = None
        self._own_changed(select=None)

    def _own_changed(self, select: str | None) -> None:
        self._tables.clear()
        self._indexes.clear()
        with self.quietly():
            chosen = [a for a in self.areas.value if not a.startswith(OWN_PREFIX)]
            self.relabel()
            ids = {v for _, v in self.areas.options}
            if select is not None:
                chosen.append(select)
            self.areas.value = tuple(a for a in chosen if a in ids)
            if self.area.value not in ids:
                self.area.value = self.areas.options[0][1]
        self.draw()

    def _show_refused(self, errors: list[DataError]) -> None:
        self._own_said = partial(_refused_html, errors)
        self._show_own_said()

    def _show_own_said(self) -> None:
        said = self._own_said
        self.own_status.value = said(self.lang) if said is not None else ""

    def _on_own_upload(self, change: dict[str, Any]) -> None:
        files = change["new"]
        if files:
            self.add_own_file(files[0]["name"], bytes(files[0]["content"]))

    # --- wiring -------------------------------------------------------------------------

    def _table(self, lang: str) -> pd.DataFrame:
        if lang not in self._tables:
            # without a reader's own neighbourhoods the book's kept table itself: the view
            # only reads it, and a copy for every reader cost 13 ms of the app's one process
            self._tables[lang] = (
                indicator_table(self._book, lang=lang, own=self.own)
                if self.own
                else shared_indicator_table(self._book, lang=lang)
            )
        return self._tables[lang]

    def _index(self, lang: str) -> TableIndex:
        """The look-ups of :meth:`_table` in ``lang``, built once per table: a change of the
        controls selects from them instead of filtering the table again. Without a reader's
        own neighbourhoods the table is the book's, and so are its look-ups: built once for
        every reader of the book (their records are read, never changed)."""
        if lang not in self._indexes:
            if self.own:
                self._indexes[lang] = table_index(self._table(lang))
            else:
                self._indexes[lang] = per_book(
                    self._book, ("compare.index", lang), lambda: table_index(self._table(lang))
                )
        return self._indexes[lang]

    def _areas(self, lang: str) -> list[tuple[str, str]]:
        """:func:`area_choices` of the table in ``lang``."""
        return list(self._index(lang).choices)

    def _indicators(
        self, lang: str, group: str | None, *, numeric: bool = False
    ) -> list[tuple[str, str]]:
        """:func:`indicator_choices` of the table in ``lang`` (only its numeric indicators
        when ``numeric``); the book's own, without a reader's neighbourhoods, kept per book."""

        def make() -> list[tuple[str, str]]:
            table = self._table(lang)
            rows = table.loc[table["unit"] != "text"] if numeric else table
            return indicator_choices(rows, group=group)

        if self.own:
            return make()
        return list(per_book(self._book, ("compare.indicators", lang, group, numeric), make))

    def _on_change(self, change: dict[str, Any]) -> None:
        with self.quietly():
            if change["owner"] is self.group:
                self._regroup()
            elif change["owner"] is self.mode:
                self._show_controls()
        self.draw()

    def relabel(self) -> None:
        lang = self.lang
        table = self._table(lang)
        self.mode.options = [(t(f"mode.{m}", lang), m) for m in MODES]
        self.areas.description = t("control.areas", lang)
        chosen, area = self.areas.value, self.area.value
        # new labels may reset a selection widget's value: keep what the reader chose
        self.areas.options = self._areas(lang)
        ids = {v for _, v in self.areas.options}
        self.areas.value = tuple(a for a in chosen if a in ids)
        present = set(table["group"])
        self.group.description = t("control.group", lang)
        self.group.options = [(t("group.all", lang), ALL_GROUPS)] + [
            (t(f"group.{g}", lang), g) for g in GROUPS if g in present
        ]
        self.indicator.description = t("control.indicator", lang)
        self.indicators.description = t("control.indicators", lang)
        self.area.description = t("control.area", lang)
        self.area.options = self._areas(lang)
        if area in ids:
            self.area.value = area
        self.own_help.value = (
            f"<p>{escape(t('own.help', lang))} "
            + download_link(
                template_csv(self._book), "eigen_wijk_sjabloon.csv", t("own.template", lang)
            )
            + "</p>"
        )
        self.own_upload.description = t("own.upload", lang)
        self.own_remove.description = t("own.remove", lang)
        self.own_remove.layout.display = "" if self.own else "none"
        self._show_own_said()
        self._regroup()  # refreshes both indicator lists in the new language

    def _regroup(self) -> None:
        current = self.indicator.value
        self.indicator.options = self._indicators(self.lang, self._group())
        values = [v for _, v in self.indicator.options]
        self.indicator.value = current if current in values else values[0]
        chosen = self.indicators.value
        self.indicators.options = self._indicators(self.lang, self._group(), numeric=True)
        allowed = {v for _, v in self.indicators.options}
        self.indicators.value = tuple(i for i in chosen if i in allowed)

    def _group(self) -> str | None:
        return None if self.group.value == ALL_GROUPS else self.group.value

    def _show_controls(self) -> None:
        mode = self.mode.value
        shown = {
            self.areas: mode in ("one", "several", "coverage"),
            self.group: mode in ("one", "several"),
            self.indicator: mode == "one",
            self.indicators: mode == "several",
            self.area: mode == "profile",
        }
        for control, visible in shown.items():
            control.layout.display = "" if visible else "none"

    # --- drawing ------------------------------------------------------------------------

    def draw(self) -> None:
        lang = self.lang
        csv: str | None = None
        try:
            if self.own:  # a reader's own neighbourhoods: theirs alone
                fig, data, message, table_html, filename = self._build(lang)
            else:  # the same for every reader in this state: built once (View.remember)
                fig, data, message, table_html, filename, csv = self.remember(
                    # the controls' state, the width, the theme (it holds dicts: its text)
                    (self.narrow, repr(self._theme), *self._state().values()),
                    lambda: self._built_with_csv(lang),
                )
                data = data.copy() if data is not None else None
        except Exception:  # a reader never sees a traceback; the log keeps it for us
            message = self.failed("compare view", **self._state())
            fig, data, table_html, filename = None, None, "", ""
        self.figure, self.data, self.message_text = fig, data, message
        self.say(self.message, message)
        self.show(self.chart, fig)
        shown = [o for o in self.own if o.area_id in set(self.areas.value) | {self.area.value}]
        names = ", ".join(t("own.marked", lang, name=o.name) for o in shown)
        note = escape(t("own.note", lang, names=names))
        self.own_note.value = f"<p class='casebook-own-note'><i>{note}</i></p>" if shown else ""
        self.table_html.value = table_html
        label = t("download.profile" if self.mode.value == "profile" else "download", lang)
        if csv is None and data is not None:
            csv = to_csv(data)
        self.download.value = download_link(csv, filename, label)

    def _built_with_csv(
        self, lang: str
    ) -> tuple[go.Figure | None, pd.DataFrame | None, str | None, str, str, str | None]:
        fig, data, message, table_html, filename = self._build(lang)
        return fig, data, message, table_html, filename, to_csv(data) if data is not None else None

    def _build(
        self, lang: str
    ) -> tuple[go.Figure | None, pd.DataFrame | None, str | None, str, str]:
        table = self._table(lang)
        mode, areas = self.mode.value, list(self.areas.value)
        if mode == "profile":
            profile = area_profile(table, self.area.value, lang=lang)
            name = _area_name(table, self.area.value)
            title = f"<h3>{escape(t('title.profile', lang, area=name))}</h3>"
            body = table_html(profile)
            return None, profile, None, title + body, f"profiel_{self.area.value}.csv"
        if mode == "coverage":
            if not areas:
                return None, None, t("msg.no_areas", lang), "", ""
            fig = charts.coverage_matrix(
                table, areas=areas, lang=lang, theme=self._theme, narrow=self.narrow
            )
            data = select(
                table,
                areas=areas,
                indicators=list(dict.fromkeys(table["indicator"])),
                lang=lang,
                index=self._index(lang),
            )
            return fig, _public(data), None, "", "dekking.csv"
        indicators = [self.indicator.value] if mode == "one" else list(self.indicators.value)
        index = self._index(lang)
        message = selection_message(
            table, areas=areas, indicators=indicators, lang=lang, index=index
        )
        if message:
            return None, None, message, "", ""
        records = select_records(table, areas=areas, indicators=indicators, lang=lang, index=index)
        if mode == "one":
            fig = charts.compare_indicator(
                table,
                areas=areas,
                indicator=indicators[0],
                lang=lang,
                theme=self._theme,
                rows=records,  # the rows of the download: selected once
                index=index,
            )
        else:
            fig = charts.small_multiples(
                table,
                areas=areas,
                indicators=indicators,
                lang=lang,
                theme=self._theme,
                narrow=self.narrow,
            )
        data = pd.DataFrame(records, columns=PUBLIC_COLUMNS)  # as _public(select(...))
        return fig, data, None, "", f"wijken_{'_'.join(indicators)[:60]}.csv"

    def _state(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "mode": self.mode.value,
            "areas": self.areas.value,
            "group": self.group.value,
            "indicator": self.indicator.value,
            "indicators": self.indicators.value,
            "area": self.area.value,
        }

    def static_parts(self) -> list[Any]:
        # The book has no mode buttons: every mode is drawn, one below the other, each under a
        # heading of its own (the mode shown now first; its chart gets the book's indicator
        # menu from handout_menu). The profile is every area's, each in a <details>.
        lang, current = self.lang, self.mode.value
        later = [part for mode in MODES if mode != current for part in self._mode_parts(mode)]
        return [
            _book_intro(lang),
            _mode_heading(current, lang),
            *self._shown_parts(),
            *later,
        ]

    def _shown_parts(self) -> list[Any]:
        """What the view shows now: its message, its chart and its table."""
        parts: list[Any] = [message_html(self.message_text)]
        if self.figure is not None:
            parts.append(self.figure)
        return [*parts, self.table_html.value]

    def _mode_parts(self, mode: str) -> list[Any]:
        """A mode's heading and what it shows for the default choices (the handout only):
        drawn with the mode set, then the mode is put back and drawn again."""
        if mode == "profile":
            return [_mode_heading(mode, self.lang), self._profiles_html()]
        was = self.mode.value
        with self.quietly():
            self.mode.value = mode
        try:
            self.draw()
            return [_mode_heading(mode, self.lang), *self._shown_parts()]
        finally:
            with self.quietly():
                self.mode.value = was
            self.draw()

    def _profiles_html(self) -> str:
        """Every area's profile as a table in a <details> of its own, the default area's open
        (the one that print shows: a closed <details> prints closed)."""
        lang, table = self.lang, self._table(self.lang)
        shown = _area_name(table, self.area.value)
        boxes = [
            f'<p class="cb-screen-only">{escape(t("book.profiles_screen", lang))}</p>',
            f'<p class="cb-print-only">{escape(t("book.profiles_print", lang, area=shown))}</p>',
        ]
        for name, area_id in area_choices(table):
            profile = table_html(area_profile(table, area_id, lang=lang))
            opened = " open" if area_id == self.area.value else ""
            boxes.append(
                f'<details class="casebook-profile" data-area="{escape(area_id)}"{opened}>'
                f"<summary>{escape(t('title.profile', lang, area=name))}</summary>"
                f"{profile}</details>"
            )
        return "".join(boxes)


def _mode_heading(mode: str, lang: str) -> str:
    """The heading of one mode in the book: "View: ..." in ``lang``."""
    label = f"{t('book.view', lang)}: {t(f'mode.{mode}', lang)}"
    return f'<h3 class="casebook-mode" data-mode="{mode}">{escape(label)}</h3>'


def _book_intro(lang: str) -> str:
    return f'<p class="casebook-modes-note">{escape(t("book.compare_modes", lang))}</p>'


def _loaded_html(name: str, lang: str) -> str:
    return message_html(t("own.loaded", lang, names=t("own.marked", lang, name=name)))


def _refused_html(errors: list[DataError], lang: str) -> str:
    """Why the files were refused: every problem, with file, row and column, in ``lang``."""
    items = "".join(f"<li>{escape(p.text(lang))}</li>" for e in errors for p in e.problems)
    return message_html(t("own.refused", lang)) + f"<ul class='casebook-refused'>{items}</ul>"


def _area_name(table: pd.DataFrame, area_id: str) -> str:
    return str(table.loc[table["area_id"] == area_id, "area"].iloc[0])


def _public(data: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader gets in the CSV download."""
    return data[PUBLIC_COLUMNS].reset_index(drop=True)


def compare_view(
    book: Casebook,
    *,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    own: Sequence[OwnArea] | None = None,
) -> CompareView:
    """Build the compare-neighbourhoods view; display the result in a notebook to use it.

    ``own`` are the reader's own neighbourhoods (:mod:`casebook.own`); by default they are read
    from the folder ``eigen_wijken`` in the data folder, when there is one.
    """
    return CompareView(book, lang=lang, theme=theme, own=own)
