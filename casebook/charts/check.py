"""The chart of the collaboration check: the reader's scores beside the casebook's reading.

One table: a row per condition, a column with the reader's own score, then a column per case.
Every column is named in full (the cases upright over their columns), every cell is sized from
the widest text it can hold at the narrowest chart the layout is drawn for (:data:`NARROWEST`),
and a cell the booklet says nothing about stays empty (a dash), never a score. On a phone the
conditions' names stand above their rows, so that the columns have the whole width.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import (
    NOTE_WIDTH,
    TITLE_WIDTH,
    Alt,
    axis,
    category_heatmap,
    figure,
    labels_above,
    layout,
    text_width,
    wrap,
)
from casebook.check import READINGS, SCORES
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.text import listing, t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["NARROWEST", "CheckLayout", "check_chart", "check_layout"]

# not assessed, not met, partly, met
_READING_COLOURS = ["#f2f2f2", "#E69F00", "#F0E442", "#009E73"]
# the reader's score: don't know, then 1-4 (the weak ones, 1 and 2, in orange-red)
_SCORE_COLOURS = ["#f2f2f2", "#D55E00", "#F4B183", "#9CC9E8", "#0072B2"]

#: The narrowest chart (px) each layout is drawn for: a 360 px phone, and the check's column
#: beside its questions on a 1000 px screen (430 px, the narrowest wide layout).
NARROWEST = {True: 340, False: 430}

_GAP = 2  # px between cells
_PAD = 8  # px the reader's cell keeps free beside its text
_CASE_PAD = 4  # px a case's cell keeps free beside its text
# px: the cells' text, the conditions' names, the cases' names over their columns; a phone's
# smaller, a laptop's and a projector's at least 14 px (read from the back of a room)
_SIZES = {True: (11, 12, 11), False: (14, 14, 14)}
_ABOVE = {True: 12, False: 14}  # px above the first row: room for its name


@dataclass(frozen=True)
class CheckLayout:
    """The sizes the chart is laid out with (px unless said): ``left`` and ``right`` margins,
    ``score_share`` the reader's column's share of the plot's width and ``cases_from`` where
    the cases' columns start (both fractions of it), ``row`` the height of a row and ``cell``
    of a cell in it, ``text_size`` the cells' text, ``names`` the room the upright case names
    take above the columns, ``narrow``: a phone's sizes; ``label_size`` and ``name_size``:
    the conditions' names (above their rows, so that the columns keep the whole width) and
    the cases'."""

    left: int
    right: int
    score_share: float
    cases_from: float
    row: int
    cell: int
    text_size: int
    names: int
    narrow: bool
    label_size: int
    name_size: int

    def plot_width(self, width: float) -> float:
        """The plot's width in a chart ``width`` px wide."""
        return width - self.left - self.right

    def score_cell(self, width: float) -> float:
        """The width of the reader's cell in a chart ``width`` px wide."""
        return self.score_share * self.plot_width(width) - _GAP

    def case_cell(self, width: float, cases: int) -> float:
        """The width of one case's cell in a chart ``width`` px wide with ``cases`` columns."""
        return (1 - self.cases_from) * self.plot_width(width) / cases - _GAP


def _row_labels(labels: list[str]) -> list[str]:
    """The conditions' names, numbered and escaped."""
    return [escape(f"{k + 1}. {label}") for k, label in enumerate(labels)]


def check_layout(
    *, labels: list[str], case_names: list[str], lang: str, narrow: bool
) -> CheckLayout:
    """The sizes that give every text of the chart its room at :data:`NARROWEST` px and
    wider: the reader's column as wide as its longest answer, the case columns as wide as
    "partly", the margins as wide as the names they hold."""
    check_lang(lang)
    text_size, label_size, name_size = _SIZES[narrow]
    answers = [t("score.none", lang), *(t(f"score.{s}", lang) for s in SCORES)]
    readings = [t(f"reading.{r}", lang) for r in READINGS]
    score_need = max(text_width(a, text_size) for a in answers) + 2 * _PAD
    score_need = max(score_need, text_width(t("check.yours", lang), label_size) + _PAD)
    # a laptop's rows as low as their 14 px text allows: the chart beside its questions fits
    # a projector's 720 px screen
    left, right, row, cell = (4, 4, 46, 28) if narrow else (4, 4, 37, 19)
    plot = NARROWEST[narrow] - left - right
    score_share = round((score_need + _GAP) / plot, 3)
    cases_from = round(score_share + 12 / plot, 3)  # a little white between the two parts
    case_need = max(text_width(r, text_size) for r in readings) + _CASE_PAD
    if (1 - cases_from) * plot / len(case_names) - _GAP < case_need:
        text_size -= 1  # the cases' answers a size smaller rather than cut
    names = int(max(text_width(n, name_size) for n in case_names)) + 8
    return CheckLayout(
        left,
        right,
        score_share,
        cases_from,
        row,
        cell,
        text_size,
        names,
        narrow,
        label_size,
        name_size,
    )


def check_chart(
    profile: pd.DataFrame,
    matrix: pd.DataFrame,
    *,
    case_names: dict[str, str],
    evidence: dict[tuple[str, str], str],
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """A table of the conditions (rows): the reader's answer (a weak spot in orange-red, "don't
    know" pale), then the casebook's reading of each case (yes, partly, no; a dash where the
    booklet says nothing). ``narrow``: laid out for a phone (each condition's name above its
    row). Sized by :func:`check_layout`.

    ``profile`` comes from :func:`casebook.check.profile`, ``matrix`` from
    :func:`casebook.check.readings`, ``evidence`` from :func:`casebook.check.reading_hover`.
    """
    check_lang(lang)
    ids = profile["condition_id"].tolist()
    cases = list(matrix.columns)
    names = [escape(case_names[c]) for c in cases]
    sizes = check_layout(
        labels=profile["label"].tolist(), case_names=names, lang=lang, narrow=narrow
    )
    rows = list(range(len(ids)))  # the rows by number: the names are ticks or annotations
    labels = plain = _row_labels(profile["label"].tolist())
    scores = [None if pd.isna(s) else int(s) for s in profile["score"]]
    yours = escape(t("check.yours", lang))
    answers = [escape(t(f"score.{s}" if s else "score.none", lang)) for s in scores]
    ygap = sizes.row - sizes.cell
    mine = category_heatmap(
        [[s or 0] for s in scores],
        [yours],
        rows,
        [[a] for a in answers],
        colours=_SCORE_COLOURS,
        gap=_GAP,
    )
    mine |= {
        "xaxis": "x",
        "yaxis": "y",
        "ygap": ygap,
        "textfont": {"size": sizes.text_size},
        "hovertext": [[f"<b>{p}</b><br>{yours}: {a}"] for p, a in zip(plain, answers, strict=True)],
        "name": "mine",
    }
    codes = {r: k for k, r in enumerate(READINGS)}
    cells = matrix.to_dict("index")  # condition -> case -> reading (not a .loc per cell)
    text = [[escape(t(f"reading.{cells[c][case]}", lang)) for case in cases] for c in ids]
    heat = category_heatmap(
        [[codes[cells[c][case]] for case in cases] for c in ids],
        names,
        rows,
        text,
        colours=_READING_COLOURS,
        gap=_GAP,
    )
    heat |= {
        "xaxis": "x2",
        "yaxis": "y",
        "ygap": ygap,
        "textfont": {"size": sizes.text_size},
        "hovertext": [
            [
                f"<b>{p}</b><br>{n}: {tt}<br>"
                + wrap(escape(evidence.get((c, case), t("reading.not_assessed_long", lang))), 40)
                for n, tt, case in zip(names, row_text, cases, strict=True)
            ]
            for p, c, row_text in zip(plain, ids, text, strict=True)
        ],
        "name": "cases",
    }
    below = 16
    top = 46 + sizes.names  # the title's first line, then the upright names
    spec = layout(
        theme,
        t("check.chart_title", lang),
        top + sizes.row * len(ids) + _ABOVE[narrow] + below + 20,
        notes=[t("check.chart_note", lang)],
        title_width=TITLE_WIDTH if narrow else 48,
        note_width=NOTE_WIDTH if narrow else 64,
        below_axis=below,
        left=sizes.left,
        top=top,
        right=sizes.right,
    )
    ticks = {"showgrid": False, "showline": False, "zeroline": False, "ticks": ""}
    spec["xaxis"] = axis(
        theme,
        domain=[0, sizes.score_share],
        side="top",
        tickangle=0,
        tickfont={"size": sizes.label_size},
        **ticks,
    )
    spec["xaxis2"] = axis(
        theme,
        domain=[sizes.cases_from, 1],
        side="top",
        tickangle=-90,
        tickfont={"size": sizes.name_size},
        **ticks,
    )
    # the first condition on top, with room above it for its name
    spec["yaxis"] = axis(
        theme,
        range=[len(ids) - 0.5, -0.5 - _ABOVE[narrow] / sizes.row],
        tickvals=rows,
        ticktext=labels,
        showticklabels=False,
        **ticks,
    )
    spec["annotations"] += labels_above(labels, cell=sizes.cell, size=sizes.label_size)
    numbered = [f"{k + 1}. {label}" for k, label in enumerate(profile["label"])]
    readings = [[cells[c][case] for case in cases] for c in ids]
    said = _said(scores, readings, lang)
    table = pd.DataFrame(
        [
            [t(f"score.{s}" if s else "score.none", lang)] + [t(f"reading.{r}", lang) for r in row]
            for s, row in zip(scores, readings, strict=True)
        ],
        index=pd.Index(numbered, name=t("check.condition", lang)),
        columns=[t("check.yours", lang), *(case_names[c] for c in cases)],
    )
    return figure({"data": [mine, heat], "layout": spec}, Alt(lang, said, table))


# A score's place among the readings, to say where the reader's answer is not that of most
# cases: "no" is "no", "yes" is "yes", and "a little" and "largely" lie in between, as "partly".
_SCORE_READING = {1: "not_met", 2: "partly", 3: "partly", 4: "met"}


def _said(scores: list[int | None], readings: list[list[str]], lang: str) -> str:
    """The check in a few sentences: how many conditions the reader answered, which are open,
    and where the answer is not the reading that most of the cases the booklet speaks of have
    (the conditions by number, as the chart numbers them)."""
    n = len(scores)
    said = [t("alt.check.grid", lang, n=n, cases=len(readings[0]) if readings else 0)]
    answered = [k for k, s in enumerate(scores) if s]
    said.append(t("alt.check.answered", lang, k=len(answered), n=n))
    open_ = [str(k + 1) for k, s in enumerate(scores) if not s]
    if open_ and answered:
        said.append(t("alt.check.open", lang, items=listing(open_, lang)))
    differs = []
    for k in answered:
        read = [r for r in readings[k] if r != "not_assessed"]
        most = [r for r in set(read) if read.count(r) * 2 > len(read)]
        if most and most[0] != _SCORE_READING[scores[k]]:
            item = t(
                "alt.check.differs_item",
                lang,
                n=k + 1,
                yours=t(f"score.{scores[k]}", lang),
                theirs=t(f"reading.{most[0]}", lang),
            )
            differs.append(item)
    if differs:
        said.append(t("alt.check.differs", lang, items=listing(differs, lang)))
    elif answered:
        said.append(t("alt.check.agrees", lang))
    return " ".join(said)
