"""Explore the four logics: place the cases, reveal the casebook's reading, read the tensions,
save placements, and (for teachers) load a class's placements."""

from __future__ import annotations

import logging
import math
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
from ipywidgets.widgets.widget_int import SliderStyle

from casebook import logics
from casebook.charts import logics as charts
from casebook.data import Casebook
from casebook.files import fresh_path, save_text
from casebook.markup import download_link, escape, message_html, table_html
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme
from casebook.views.base import View
from casebook.views.chart import Chart
from casebook.views.layout import pair
from casebook.views.live import ShareBox

__all__ = ["LogicsView", "class_parts", "logics_view", "start_positions"]

log = logging.getLogger(__name__)

DEFAULT_SAVE_DIR = Path.home() / "casebook-plaatsingen"


class LogicsView(View):
    """Place the five cases on the two axes and compare with the casebook's reading.

    Controls: ``language``; per case a pair of sliders in ``sliders[case_id]``; ``reveal`` and
    ``reset`` buttons; ``case`` and ``tension`` to read the evidence of a tension; ``name`` and
    ``save`` to save a placement; ``upload`` for a class's files. After each change ``figure``,
    ``tension_figure`` and, after loading a class, ``class_figure`` hold the figures shown.
    """

    handout_menu = ("tension", "tension_figure")

    def __init__(
        self,
        book: Casebook,
        *,
        lang: str = "nl",
        theme: Theme = DEFAULT_THEME,
        save_dir: str | Path | None = None,
    ) -> None:
        super().__init__(book, lang=lang, theme=theme)
        self.save_dir = Path(save_dir) if save_dir is not None else DEFAULT_SAVE_DIR
        self._reading = logics.reading(book)
        self._matrix = logics.tension_matrix(book)
        self._case_ids = self._reading["case_id"].tolist()
        self.revealed = False
        self.class_load: logics.ClassLoad | None = None
        self.saved_path: Path | None = None

        self.sliders: dict[str, tuple[widgets.FloatSlider, widgets.FloatSlider]] = {}
        self._start_at = start_positions(self._case_ids)
        rows = []
        # the sliders share one layout and one style (a model each that every reader's browser
        # is sent)
        slider_layout, slider_style = widgets.Layout(width="auto"), SliderStyle()
        for case in self._reading.to_dict("records"):
            both = tuple(
                widgets.FloatSlider(
                    value=start,
                    min=-1.0,
                    max=1.0,
                    step=0.1,
                    readout_format=".1f",
                    continuous_update=False,
                    layout=slider_layout,
                    style=slider_style,
                )
                for start in self._start_at[case["case_id"]]
            )
            self.sliders[case["case_id"]] = both
            label = self.html(f"<b>{escape(case['name'])}</b>")
            rows.append(self.box([label, *both]))
        auto = widgets.Layout(width="auto")
        self.reveal = widgets.Button(button_style="info", icon="eye", layout=auto)
        self.reset = widgets.Button(icon="undo", layout=auto)
        self.reading_html = self.html()
        self.chart = self.new_chart()

        self.case = widgets.Dropdown(
            options=list(zip(self._reading["name"], self._case_ids, strict=True)),
            value=self._case_ids[0],
        )
        self.tension = widgets.Dropdown(
            options=[("", x) for x in self._matrix.index], value=self._matrix.index[0]
        )
        self.evidence_html = self.html()
        self.tension_chart = self.new_chart()

        self.name = widgets.Text(value="", placeholder="")
        self.save = widgets.Button(icon="save", layout=auto)
        self.save_status = self.html()
        self.download = self.html()
        # class mode only (casebook.live.classroom): share the placement with the class
        self.sharing = ShareBox("placements", self._shared_text)
        self.in_class = self.sharing.widget is not None

        self.upload = widgets.FileUpload(accept=".csv", multiple=True, layout=auto)
        self.class_status = self.html()
        self.class_chart = self.new_chart()
        self.class_table = self.html()

        self.figure = self.tension_figure = self.class_figure = None
        self.widget = widgets.VBox(
            [
                self.language,
                pair(
                    [
                        widgets.GridBox(
                            rows,
                            layout=widgets.Layout(
                                grid_template_columns="repeat(auto-fit, minmax(16em, 1fr))"
                            ),
                        ),
                        self.box([self.reveal, self.reset], row=True),
                    ],
                    [self.chart],
                ),
                self.reading_html,
                self.box([self.name, self.save], row=True),
                self.save_status,
                self.download,
                *([self.sharing.widget] if self.sharing.widget is not None else []),
                pair(
                    [self.box([self.case, self.tension], row=True)],
                    [self.evidence_html, self.tension_chart],
                    beside=False,
                ),
                pair([self.upload, self.class_status], [self.class_chart], beside=False),
                self.class_table,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.widget.add_class("casebook-logics")

        self._start()
        self.watch(
            [s for pair in self.sliders.values() for s in pair], lambda _: self._draw_plane()
        )
        self.watch([self.case, self.tension], lambda _: self._draw_tension())
        self.watch([self.upload], self._on_upload)
        if isinstance(self.chart, Chart):  # the reader drags their own markers
            self.chart.drag = "reader"
            self.chart.on_move(self.move)
        self.reveal.on_click(lambda _: self.toggle_reveal())
        self.reset.on_click(lambda _: self.reset_placements())
        self.save.on_click(lambda _: self.save_placements())

    # --- state --------------------------------------------------------------------------

    def placements(self) -> pd.DataFrame:
        """The reader's current placements: case_id, the case's name and both axes."""
        frame = self._reading[["case_id", "name"]].copy()
        frame[logics.AXES[0]] = [self.sliders[c][0].value for c in frame["case_id"]]
        frame[logics.AXES[1]] = [self.sliders[c][1].value for c in frame["case_id"]]
        return frame

    # --- actions ------------------------------------------------------------------------

    def toggle_reveal(self) -> None:
        """Show the casebook's reading beside the reader's, or hide it again."""
        self.revealed = not self.revealed
        with self.quietly():
            self.relabel()
        self._draw_plane()
        self._draw_class()

    def move(self, case_id: str, x: float, y: float) -> bool:
        """Place ``case_id`` at ``x``, ``y`` (a marker dragged on the plane): its sliders follow,
        on their steps and within their range, and the plane is drawn once. False (and nothing
        changes) for a case that is not on the plane."""
        if case_id not in self.sliders:
            log.warning("logics: a marker was moved for an unknown case %r", case_id)
            return False
        with self.quietly():
            for slider, value in zip(self.sliders[case_id], (x, y), strict=True):
                slider.value = _on_step(value, slider)
        self._draw_plane()
        return True

    def reset_placements(self) -> None:
        """Put every case back where it started and hide the reading."""
        hidden, self.revealed = self.revealed, False
        with self.quietly():
            for case_id, pair in self.sliders.items():
                for slider, value in zip(pair, self._start_at[case_id], strict=True):
                    slider.value = value
            self.relabel()
        self._draw_plane()
        if hidden:  # the class's plane hides the reading again too
            self._draw_class()

    def save_placements(self) -> Path | None:
        """Write the placements to ``save_dir`` (atomically) and offer them as a download. In
        class mode nothing is written (the server is the teacher's computer): the download is
        the student's copy."""
        frame = logics.placements_frame(
            {c: (a.value, b.value) for c, (a, b) in self.sliders.items()}, name=self.name.value
        )
        stem = frame["name"].iloc[0].replace(" ", "_") or "anoniem"
        path = fresh_path(self.save_dir, "plaatsing", stem, ".csv")
        text = logics.placements_csv(frame)
        label = t("download.placements", self.lang)
        self.download.value = download_link(text, path.name, label)
        if self.in_class:
            self.saved_path, self.save_status.value = (
                None,
                message_html(t("saved.class", self.lang)),
            )
        else:
            self.saved_path, self.save_status.value = save_text(path, text, self.lang)
        return self.saved_path

    def _shared_text(self, nickname: str) -> str:
        """The placements file's text with ``nickname``: what sharing with the class sends."""
        positions = {c: (a.value, b.value) for c, (a, b) in self.sliders.items()}
        return logics.placements_csv(logics.placements_frame(positions, name=nickname))

    def load_class_files(self, files: list[tuple[str, bytes]]) -> logics.ClassLoad:
        """Load a class's placements files; bad ones are listed, the good ones shown."""
        self.class_load = logics.read_class(files, case_ids=self._case_ids)
        self._draw_class()
        return self.class_load

    # --- events -------------------------------------------------------------------------

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = [(f["name"], bytes(f["content"])) for f in change["new"]]
        self.load_class_files(files)

    # --- drawing ------------------------------------------------------------------------

    def draw(self) -> None:
        self._draw_plane()
        self._draw_tension()
        if self.class_load is not None:
            self._draw_class()

    def relabel(self) -> None:
        lang = self.lang
        self.reveal.description = t("control.hide" if self.revealed else "control.reveal", lang)
        self.reset.description = t("control.reset", lang)
        self.name.placeholder = t("control.name", lang)
        self.save.description = t("control.save", lang)
        self.case.description = t("control.case", lang)
        names = self._book.tensions.set_index("tension_id")[f"name_{lang}"]
        current = self.tension.value
        self.tension.options = [(names[x], x) for x in self._matrix.index]
        self.tension.value = current
        self.tension.description = t("control.tension", lang)
        self.upload.description = t("control.upload", lang)
        for first, second in self.sliders.values():
            first.description, second.description = t("slider.x", lang), t("slider.y", lang)
            first.tooltip, second.tooltip = t("slider.x_full", lang), t("slider.y_full", lang)
        self.sharing.relabel(lang)

    def _draw_plane(self) -> None:
        lang = self.lang
        try:
            self.figure = charts.logics_plane(
                self._reading,
                reader=self.placements(),
                reveal=self.revealed,
                lang=lang,
                theme=self._theme,
                narrow=self.narrow,
            )
        except Exception:  # a reader never sees a traceback; the log keeps it
            self.failed("logics plane", placements=self.placements().to_dict("records"))
            self.figure = None
        self.show(self.chart, self.figure)
        self.reading_html.value = self._reading_html() if self.revealed else ""
        self.sharing.update()

    def _reading_html(self) -> str:
        lang = self.lang
        positions = self._book.logic_positions
        parts = [f"<h4>{escape(t('reading.heading', lang))}</h4>", "<ul>"]
        for case in self._reading.to_dict("records"):
            rows = positions[positions["case_id"] == case["case_id"]]
            text = " ".join(
                f"{escape(r[f'rationale_{lang}'])} "
                f"({escape(t('reading.pages', lang, pages=r['pages']))})"
                for r in rows.to_dict("records")
            )
            parts.append(f"<li><b>{escape(case['name'])}</b>: {text}</li>")
        parts.append(f"</ul><p><i>{escape(t('plane.note', lang))}</i></p>")
        return "".join(parts)

    def _draw_tension(self) -> None:
        lang = self.lang
        case_id, tension_id = self.case.value, self.tension.value
        found = logics.evidence(self._book, case_id=case_id, tension_id=tension_id, lang=lang)
        if found is None:
            self.evidence_html.value = message_html(t("tensions.none", lang))
        else:
            strength = t(f"strength.{found['strength']}", lang)
            pages = t("reading.pages", lang, pages=found["pages"])
            summary = escape(found["summary"])
            self.evidence_html.value = (
                f"<p><b>{escape(strength)}</b> · {summary} ({escape(pages)})</p>"
            )
        names_t = dict(
            zip(self._book.tensions["tension_id"], self._book.tensions[f"name_{lang}"], strict=True)
        )
        names_c = dict(zip(self._reading["case_id"], self._reading["name"], strict=True))
        self.tension_figure = charts.tensions_heatmap(
            self._matrix,
            tension_names=names_t,
            case_names=names_c,
            selected=(tension_id, case_id),
            lang=lang,
            theme=self._theme,
            narrow=self.narrow,
        )
        self.show(self.tension_chart, self.tension_figure)

    def _draw_class(self) -> None:
        lang, loaded = self.lang, self.class_load
        if loaded is None:
            return
        files = loaded.placements["file"].nunique() if len(loaded.placements) else 0
        status = [message_html(t("class.loaded", lang, n=files, placements=len(loaded.placements)))]
        if loaded.refused:
            items = "".join(f"<li>{escape(p.text(lang))}</li>" for p in loaded.refused)
            status.append(f"<p>{escape(t('class.refused', lang))}</p><ul>{items}</ul>")
        self.class_status.value = "".join(status)
        # the reading beside the class's placements once the reader has asked to see it
        self.class_figure, self.class_table.value = class_parts(
            loaded.placements,
            self._reading,
            lang=lang,
            theme=self._theme,
            show_reading=self.revealed,
            narrow=self.narrow,
        )
        self.show(self.class_chart, self.class_figure)

    def static_parts(self) -> list[Any]:
        # On paper there are no sliders: show the casebook's reading with its reasons, and the
        # tensions grid, so that a class can argue with both. In the book a plotly menu shows
        # the reading of all cases or of one (the tensions grid gets its menu from handout_menu).
        return [self.reading_menu(), self._reading_html(), self.tension_figure]

    def reading_menu(self) -> go.Figure:
        """The casebook's reading on the plane with a plotly menu (no kernel needed): all cases
        (shown first, and in print) or one case at a time."""
        from casebook.charts.book import menu_figure  # the handout only

        lang, theme = self.lang, self._theme
        options = [
            (t("filter.all", lang), charts.logics_plane(self._reading, lang=lang, theme=theme))
        ]
        for case_id, name in zip(self._case_ids, self._reading["name"], strict=True):
            plane = charts.logics_plane(self._reading, lang=lang, theme=theme, only=case_id)
            options.append((str(name), plane))
        return menu_figure(options, label=t("control.case", lang))


def start_positions(case_ids: list[str], radius: float = 0.3) -> dict[str, tuple[float, float]]:
    """Where the cases start before the reader places them: evenly round the centre, on the
    sliders' 0.1 steps, so that no two markers (or their names) lie on top of each other. Not a
    reading: every case is as near the centre as the others."""
    found = {}
    for k, case_id in enumerate(case_ids):
        angle = math.pi / 2 + 2 * math.pi * k / max(len(case_ids), 1)
        found[case_id] = (
            round(radius * math.cos(angle), 1) + 0.0,
            round(radius * math.sin(angle), 1) + 0.0,
        )
    return found


def _on_step(value: float, slider: widgets.FloatSlider) -> float:
    """``value`` on ``slider``'s steps and within its range (held to the range first: a huge
    number from a browser overflowed the rounding)."""
    inside = min(max(value, slider.min), slider.max)
    stepped = round(round(inside / slider.step) * slider.step, 10)
    return min(max(stepped, slider.min), slider.max)


def class_parts(
    placements: pd.DataFrame,
    reading: pd.DataFrame,
    *,
    lang: str,
    theme: Theme,
    show_reading: bool,
    narrow: bool = False,
) -> tuple[go.Figure | None, str]:
    """A class's placements (``logics.read_class``) as the class plane and the table of the
    class's spread per case (HTML), with the casebook's ``reading`` beside them only when
    ``show_reading``; no figure and a message when nobody placed a case. Shared by the
    uploaded class here and the live page."""
    if len(placements) == 0:
        return None, message_html(t("class.none", lang))
    summary = logics.class_summary(placements, reading)
    figure = charts.class_plane(
        placements, summary, reading=show_reading, lang=lang, theme=theme, narrow=narrow
    )
    return figure, table_html(logics.class_table(summary, lang, reading=show_reading))


def logics_view(
    book: Casebook,
    *,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    save_dir: str | Path | None = None,
) -> LogicsView:
    """Build the four-logics view; display the result in a notebook to use it."""
    return LogicsView(book, lang=lang, theme=theme, save_dir=save_dir)
