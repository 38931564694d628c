"""Pure chart builders: a table in, a plotly figure out. No file reads, no globals, no show().

The rules that keep a comparison honest live here:

- a figure the booklet does not report is labelled "niet vermeld / not reported", never a bar of 0;
- a printed range is drawn as a whisker (an error bar) from low to high, not as a point;
- an approximate or derived figure is hatched, and an approximate one is prefixed with ≈;
- a city reference (Tilburg) is a dotted line, not one more bar, and only for shares and money:
  a city's head count is no yardstick for a neighbourhood;
- every panel of a small-multiples chart has its own scale, with the unit in its title.

Each builder writes the figure as one plain specification (traces, shapes, annotations) and
hands it to ``go.Figure`` once, which validates it. Building a figure call by call through the
plotly object API cost 25-80 ms per redraw; one validated specification costs a few.
Text that comes from the data is HTML-escaped before it goes into a figure.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import (
    Alt,
    Spec,
    category_heatmap,
    figure,
    grid,
    lines,
    message_figure,
    narrow_heatmap,
    panel_title,
    wrap,
)
from casebook.charts.base import axis as _axis
from casebook.charts.base import layout as _layout
from casebook.compare import (
    REFERENCE_KIND,
    TableIndex,
    area_choices,
    check_table_lang,
    coverage,
    select,
    select_records,
)
from casebook.i18n import check_lang
from casebook.markup import escape as _e
from casebook.own import OWN_KIND
from casebook.text import TEXT, listing, t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["compare_indicator", "coverage_matrix", "message_figure", "small_multiples"]

_STATUS_ORDER = ["not_reported", "text", "range", "approx", "number", "derived"]

Record = dict[str, Any]  # one row of a selection (casebook.compare.select_records)


def _is(value: object, wanted: str) -> bool:
    """``value == wanted`` as a pandas comparison has it: a missing value equals nothing."""
    return isinstance(value, str) and value == wanted


def _wrap(name: str, width: int = 16) -> str:
    """Break a long area name over lines so that axis labels do not run into each other."""
    return wrap(name, width)


def _unit_label(unit: str, lang: str) -> str:
    key = f"unit.{unit}"
    return t(key, lang) if key in TEXT else unit


def _hover(row: dict, lang: str) -> str:
    parts = [f"<b>{_e(row['area'])}</b>", _e(row["display"])]
    if not pd.isna(row["printed"]):
        parts.append(f"{t('hover.printed', lang)}: {_e(row['printed'])}")
    if row["unit"] == "percent" and row["status"] != "not_reported":
        base = row["base"] if not pd.isna(row["base"]) else "unstated"
        parts.append(f"{t('hover.base', lang)}: {t('base.' + base, lang)}")
    if bool(row["derived"]) and not pd.isna(row["formula"]):
        parts.append(f"{t('hover.formula', lang)}: {_e(row['formula'])}")
    if not pd.isna(row["page"]):
        parts.append(f"{t('hover.page', lang)} {_e(row['page'])}")
    return "<br>".join(parts)


def _area_traces(
    rows: Sequence[Record],
    colours: dict[str, str],
    lang: str,
    theme: Theme,
    *,
    axes: tuple[str, str] = ("x", "y"),
    showlegend: bool = False,
    horizontal: bool = False,
) -> tuple[list[Spec], list[Spec]]:
    """Traces and annotations, one trace per area: a bar, a low-high whisker for a range, or an
    empty slot with 'not reported' written in it. ``horizontal``: the areas down the side and
    the values across (names stay legible on a phone), else the areas along the bottom."""
    traces: list[Spec] = []
    notes: list[Spec] = []
    xaxis, yaxis = axes
    along, across = ("y", "x") if horizontal else ("x", "y")  # the areas' axis, the values'
    for r in rows:
        name = _wrap(_e(r["area"]))
        colour = colours.get(r["area_id"], theme.missing_colour)
        common = {
            "name": name,
            "legendgroup": r["area_id"],
            "showlegend": showlegend,
            "hovertext": [_hover(r, lang)],
            "hoverinfo": "text",
            "xaxis": xaxis,
            "yaxis": yaxis,
        }
        if horizontal:
            common["orientation"] = "h"
        if r["status"] == "not_reported":
            traces.append(
                {
                    "type": "bar",
                    along: [name],
                    across: [None],
                    "marker": {"color": colour},
                    **common,
                }
            )
            notes.append(
                {
                    "text": f"<i>{t('not_reported', lang)}</i>",
                    along: name,
                    across: 0,
                    "xref": xaxis,
                    "yref": yaxis,
                    **({"xanchor": "left"} if horizontal else {"yanchor": "bottom"}),
                    "showarrow": False,
                    "textangle": 0 if horizontal else -90,
                    "font": {"color": theme.missing_colour, "size": theme.font_size - 1},
                }
            )
        elif r["status"] == "range":
            low, high = float(r["low"]), float(r["high"])
            common.pop("orientation", None)
            traces.append(
                {
                    "type": "scatter",
                    along: [name],
                    across: [high],
                    "mode": "markers+text",
                    f"error_{across}": {
                        "type": "data",
                        "symmetric": False,
                        "array": [0.0],
                        "arrayminus": [high - low],
                        "color": colour,
                        "thickness": 4,
                        "width": 14 if horizontal else 26,
                    },
                    "marker": {"color": colour, "opacity": 0},
                    "text": [_e(r["display"])],
                    "textposition": "middle right" if horizontal else "top center",
                    **common,
                }
            )
        else:
            hatched = r["status"] in ("approx", "derived")
            traces.append(
                {
                    "type": "bar",
                    along: [name],
                    across: [float(r["value"])],
                    "marker": {
                        "color": colour,
                        "pattern": {
                            "shape": "/" if hatched else "",
                            "fgcolor": "#ffffff",
                            "bgcolor": colour,
                            "fillmode": "replace",
                        },
                    },
                    "text": [_e(r["display"])],
                    "textposition": "outside",
                    "cliponaxis": False,
                    **common,
                }
            )
    return traces, notes


def _reference(
    refs: Sequence[Record],
    lang: str,
    theme: Theme,
    axes: tuple[str, str] = ("x", "y"),
    *,
    horizontal: bool = False,
) -> tuple[list[Spec], list[Spec]]:
    """Dotted line (or band, for a range) and label for each city reference; counts are skipped.
    ``horizontal``: the values run across, so the line stands upright."""
    shapes: list[Spec] = []
    labels: list[Spec] = []
    xaxis, yaxis = axes
    # the areas' axis (the line spans its whole domain) and the values' axis
    span, value = (yaxis, xaxis) if horizontal else (xaxis, yaxis)
    s0, s1, v0, v1 = ("y0", "y1", "x0", "x1") if horizontal else ("x0", "x1", "y0", "y1")
    line = {"color": theme.reference_colour, "dash": "dot", "width": 2}
    for r in (r for r in refs if not _is(r["unit"], "count")):
        label = t("reference", lang, area=_e(r["area"]), value=_e(r["display"]))
        if r["status"] == "range":
            low, high = float(r["low"]), float(r["high"])
            kind, fill = "rect", {"fillcolor": "rgba(0,0,0,0.06)"}
        else:
            low = high = float(r["value"])
            kind, fill = "line", {}
        shapes.append(
            {
                "type": kind,
                f"{s0[0]}ref": f"{span} domain",
                f"{v0[0]}ref": value,
                s0: 0,
                s1: 1,
                v0: low,
                v1: high,
                "line": line,
                **fill,
            }
        )
        place = (
            {"x": high, "y": 1, "xref": xaxis, "yref": f"{yaxis} domain", "xanchor": "left",
             "yanchor": "bottom"}
            if horizontal
            else {"x": 1, "y": high, "xref": f"{xaxis} domain", "yref": yaxis,
                  "xanchor": "right", "yanchor": "bottom"}
        )  # fmt: skip
        labels.append(
            {"text": label, **place, "showarrow": False, "bgcolor": "rgba(255,255,255,0.8)"}
        )
    return shapes, labels


def _notes(rows: Sequence[Record], lang: str, *, bases: bool = True) -> list[str]:
    shown = [r for r in rows if not _is(r["status"], "not_reported")]
    notes = []
    if any(_is(r["status"], "approx") for r in shown):
        notes.append(t("note.approx", lang))
    if any(_is(r["status"], "range") for r in shown):
        notes.append(t("note.range", lang))
    formulas = [r["formula"] for r in shown if bool(r["derived"]) and not pd.isna(r["formula"])]
    for formula in dict.fromkeys(formulas):
        notes.append(t("note.derived", lang, formula=_e(formula)))
    refs = [
        r["area"]
        for r in shown
        if _is(r["area_kind"], REFERENCE_KIND) and not _is(r["unit"], "count")
    ]
    for area in dict.fromkeys(refs):
        notes.append(t("note.reference", lang, area=_e(area)))
    percent = [r for r in shown if _is(r["unit"], "percent")]
    if bases and percent:
        groups: dict[str, list[str]] = {}
        for r in percent:
            base = "unstated" if pd.isna(r["base"]) else r["base"]
            groups.setdefault(t(f"base.{base}", lang), []).append(_e(r["area"]))
        listed = "; ".join(f"{b} ({', '.join(a)})" for b, a in groups.items())
        notes.append(t("note.base", lang, bases=listed))
    return notes


def _kind(row: Record) -> str:
    """What kind of figure a row holds, in words: printed, approximate, a range, derived, not
    reported, in words only, or the reader's own."""
    if _is(row["area_kind"], OWN_KIND):
        return "own"
    if bool(row["derived"]) is True:
        return "derived"
    status = row["status"]
    return status if isinstance(status, str) else "not_reported"


def _item(row: Record, lang: str, *, bare: bool = False) -> str:
    """An area and its figure as the chart writes it ("Groenewoud: 55%"); ``bare``: an own
    neighbourhood's name without its own-data mark (said where the sentence says it)."""
    name = _bare(row["area"], lang) if bare else row["area"]
    return t("alt.item", lang, name=name, value=str(row["display"]).rstrip(". "))


def _bare(name: str, lang: str) -> str:
    """An own neighbourhood's name without the mark that says it is the reader's own."""
    return name.removesuffix(t("own.marked", lang, name=""))


def _extremes(rows: Sequence[Record]) -> tuple[list[Record], list[Record]]:
    """The rows with the highest and with the lowest single figure (not a range, not words);
    both empty when there is none, the same one row when there is one."""
    single = [
        r
        for r in rows
        if r["status"] in ("number", "approx", "derived") and not pd.isna(r["value"])
    ]
    if not single:
        return [], []
    ordered = sorted(single, key=lambda r: float(r["value"]))
    top = [r for r in ordered if float(r["value"]) == float(ordered[-1]["value"])]
    low = [r for r in ordered if float(r["value"]) == float(ordered[0]["value"])]
    return top, low


def _figures_said(rows: Sequence[Record], lang: str) -> list[str]:
    """Sentences on one indicator's rows: the highest and lowest single figure, the ranges (as
    ranges), what is approximate or derived, what is not reported, the reader's own figures
    (apart: they are not printed in the booklet) and the city's reference."""

    def item(row: Record) -> str:
        return _item(row, lang)

    rows = _once(rows)
    areas = [r for r in rows if not _is(r["area_kind"], REFERENCE_KIND)]
    book = [r for r in areas if _kind(r) != "own"]
    own = [r for r in areas if _kind(r) == "own"]
    top, low = _extremes(areas)
    said = []
    if len(top) + len(low) == 2 and top[0] is low[0]:
        said.append(t("alt.only", lang, item=item(top[0])))
    elif top:
        said.append(t("alt.highest", lang, item=listing([item(r) for r in top], lang)))
        said.append(t("alt.lowest", lang, item=listing([item(r) for r in low], lang)))
    groups = (
        ("alt.ranges", lambda r: _is(r["status"], "range")),
        ("alt.approx", lambda r: _is(r["status"], "approx")),
        ("alt.derived", lambda r: _kind(r) == "derived"),
        ("alt.in_words", lambda r: _is(r["status"], "text")),
    )
    for key, wanted in groups:
        found = [item(r) for r in book if wanted(r)]
        if found:
            said.append(t(key, lang, items=listing(found, lang)))
    missing = [r["area"] for r in book if _is(r["status"], "not_reported")]
    if missing:
        said.append(t("alt.missing", lang, items=listing(missing, lang)))
    given = [_item(r, lang, bare=True) for r in own if not _is(r["status"], "not_reported")]
    if given:
        said.append(t("alt.own", lang, items=listing(given, lang)))
    empty = [_bare(r["area"], lang) for r in own if _is(r["status"], "not_reported")]
    if empty:
        said.append(t("alt.compare.own_missing", lang, items=listing(empty, lang)))
    refs = [
        item(r)
        for r in rows
        if _is(r["area_kind"], REFERENCE_KIND) and not _is(r["status"], "not_reported")
    ]
    if refs:
        said.append(t("alt.reference", lang, items=listing(refs, lang)))
    return said


def _once(rows: Sequence[Record]) -> list[Record]:
    """Each area's row once (a chosen city is also its own reference line)."""
    return list({r["area_id"]: r for r in rows}.values())


def _kind_said(row: Record, lang: str) -> str:
    """The kind of a row's figure in words, for a table: printed, approximate, ...; for the
    reader's own neighbourhood own data, and how (approximate, low to high, not filled in)."""
    kind = _kind(row)
    if kind != "own":
        return t(f"alt.status.{kind}", lang)
    status = "derived" if bool(row["derived"]) is True else row["status"]
    if status == "number" or not isinstance(status, str):
        return t("alt.status.own", lang)
    return t(f"alt.compare.own.{status}", lang)


def _figures_table(rows: Sequence[Record], lang: str) -> pd.DataFrame:
    """One indicator's rows as the text alternative's table: area, figure as printed, kind of
    figure, page."""
    rows = _once(rows)
    frame = pd.DataFrame(
        {
            t("alt.col.figure", lang): [r["display"] for r in rows],
            t("alt.col.kind", lang): [_kind_said(r, lang) for r in rows],
            t("alt.col.page", lang): [None if pd.isna(r["page"]) else str(r["page"]) for r in rows],
        },
        index=pd.Index([r["area"] for r in rows], name=t("alt.col.area", lang)),
    )
    return frame


def _text_table(rows: Sequence[Record], lang: str, theme: Theme, title: str) -> go.Figure:
    """Statements without a figure, as a table of area, statement and page."""
    layout = _layout(theme, title, 120 + 45 * len(rows), below_axis=0)
    table = {
        "type": "table",
        "header": {
            "values": [t("col.area", lang), t("col.value", lang), t("col.page", lang)],
            "align": "left",
            "font": {"size": theme.font_size},
        },
        "cells": {
            "values": [
                [_e(r["area"]) for r in rows],
                [_e(r["display"]) for r in rows],
                [_e("" if pd.isna(r["page"]) else r["page"]) for r in rows],
            ],
            "align": "left",
            "font": {"size": theme.font_size},
            "height": 32,
        },
    }
    alt = Alt(lang, " ".join(_figures_said(rows, lang)), _figures_table(rows, lang))
    return figure({"data": [table], "layout": layout}, alt)


def _colours(table: pd.DataFrame, theme: Theme, index: TableIndex | None = None) -> dict[str, str]:
    choices = area_choices(table) if index is None else index.choices
    return theme.area_colours([area_id for _, area_id in choices])


def compare_indicator(
    table: pd.DataFrame,
    *,
    areas: list[str],
    indicator: str,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    rows: pd.DataFrame | Sequence[Record] | None = None,
    index: TableIndex | None = None,
) -> go.Figure:
    """One indicator across the chosen areas, side by side.

    Parameters
    ----------
    table
        :func:`casebook.compare.indicator_table`, built for the same ``lang``.
    areas
        Area ids in the order to show them.
    indicator
        Indicator id (printed or derived).
    lang, theme
        Language of all labels; look of the chart.
    rows
        ``select(table, areas=areas, indicators=[indicator], lang=lang)`` (or the same rows as
        records, :func:`casebook.compare.select_records`) when the caller has them already (the
        compare view offers them as a download); selected here if None.
    index
        ``casebook.compare.table_index(table)`` when the caller keeps it (the compare view
        does): the selection is then a few look-ups; built here when needed if None.

    Returns
    -------
    plotly.graph_objects.Figure
        A bar per reported figure (hatched when approximate or derived), a low-high whisker for
        a range, a labelled empty slot for a figure that is not reported, a dotted line for a city
        reference, the unit on the axis and the notes needed to read it below the chart. An
        indicator the booklet only describes in words comes back as a table of statements.
    """
    check_lang(lang)
    if not areas:
        return message_figure(t("msg.no_areas", lang), theme=theme, lang=lang)
    if rows is None:
        records = select_records(table, areas=areas, indicators=[indicator], lang=lang, index=index)
    elif isinstance(rows, pd.DataFrame):
        records = rows.to_dict("records")
    else:
        records = list(rows)
    wanted = set(areas)
    chosen = [r for r in records if r["area_id"] in wanted]
    refs = [
        r
        for r in records
        if _is(r["area_kind"], REFERENCE_KIND) and not _is(r["status"], "not_reported")
    ]
    label = chosen[0]["label"]
    if all(_is(r["status"], "not_reported") for r in chosen) and not refs:
        return message_figure(t("msg.none_reported", lang, indicator=label), theme=theme, lang=lang)
    title = t("title.one", lang, indicator=_e(label))
    unit = chosen[0]["unit"]
    if unit == "text":
        return _text_table(chosen + refs, lang, theme, title)
    # Horizontal bars: the areas' names down the side stay legible from a phone to a projector.
    colours = _colours(table, theme, index)
    traces, labels = _area_traces(chosen, colours, lang, theme, horizontal=True)
    shapes, ref_labels = _reference(refs, lang, theme, horizontal=True)
    # every name gets a band of the same height: as high as the longest name needs
    label_lines = [lines(trace["y"][0]) for trace in traces]
    bands = max(22 * sum(label_lines) + 26 * len(traces), 16 * max(label_lines) * len(traces))
    # the axis's title in lines of at most 22 characters: centred under the bars, it fits the
    # plot of a 320 px phone (36 ran "Turnover (mutation) rate (%)" off it); the notes start
    # below its last line
    axis_title = wrap(f"{_e(label)} ({_unit_label(unit, lang)})", 22)
    extra = 20 * (lines(axis_title) - 1)
    layout = _layout(
        theme,
        title,
        190 + bands + extra,
        notes=_notes(chosen + refs, lang),
        below_axis=80 + extra,
        left=130,
        top=90,
    )
    layout["annotations"] += labels + ref_labels
    layout["shapes"] += shapes
    layout["yaxis"] = _axis(theme, type="category", showgrid=False, autorange="reversed")
    layout["xaxis"] = _axis(
        theme,
        rangemode="tozero",
        title={"text": axis_title},
    )
    layout["bargap"] = 0.3
    opening = t(
        "alt.compare.one",
        lang,
        indicator=label,
        unit=_unit_label(unit, lang),
        n=len([r for r in chosen if not _is(r["area_kind"], REFERENCE_KIND)]),
    )
    # a city's head count is drawn nowhere (see _reference): the alternative leaves it out too
    drawn = chosen + [r for r in refs if not _is(r["unit"], "count")]
    summary = " ".join([opening, *_figures_said(drawn, lang)])
    alt = Alt(lang, summary, _figures_table(drawn, lang))
    return figure({"data": traces, "layout": layout}, alt)


def small_multiples(
    table: pd.DataFrame,
    *,
    areas: list[str],
    indicators: list[str],
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    columns: int = 3,
    narrow: bool = False,
) -> go.Figure:
    """Several indicators for the chosen areas, one panel each, every panel on its own scale.

    Statements without a figure are left out (the profile view shows them); each area keeps its
    colour in every panel, and a missing figure is labelled in its panel. ``narrow``: one panel
    a row, for a phone.
    """
    check_lang(lang)
    columns = 1 if narrow else columns
    numeric = [
        i for i in indicators if (table.loc[table["indicator"] == i, "unit"] != "text").all()
    ]
    if not areas:
        return message_figure(t("msg.no_areas", lang), theme=theme, lang=lang)
    if not numeric:
        return message_figure(t("msg.no_indicators", lang), theme=theme, lang=lang)
    rows = select(table, areas=areas, indicators=numeric, lang=lang)
    info = rows.drop_duplicates("indicator").set_index("indicator")
    n_rows = math.ceil(len(numeric) / columns)
    height = 150 + 300 * n_rows
    layout = _layout(
        theme,
        t("title.several", lang),
        height,
        notes=_notes(rows.to_dict("records"), lang, bases=False),
        below_axis=25,
        top=140,
        legend_on_top=True,
    )
    colours = _colours(table, theme)
    data: list[Spec] = []
    panels: list[tuple[str, str, list[Record], list[Record]]] = []  # for the text alternative
    for k, (indicator, (x_dom, y_dom)) in enumerate(
        zip(numeric, grid(len(numeric), columns), strict=True)
    ):
        suffix = "" if k == 0 else str(k + 1)
        axes = (f"x{suffix}", f"y{suffix}")
        part = rows[rows["indicator"] == indicator]
        chosen = part[part["area_id"].isin(areas)]
        refs = part[(part["area_kind"] == REFERENCE_KIND) & (part["status"] != "not_reported")]
        traces, labels = _area_traces(
            chosen.to_dict("records"), colours, lang, theme, axes=axes, showlegend=k == 0
        )
        shapes, ref_labels = _reference(refs.to_dict("records"), lang, theme, axes=axes)
        data += traces
        layout["annotations"] += labels + ref_labels
        layout["shapes"] += shapes
        layout[f"xaxis{suffix}"] = _axis(
            theme,
            domain=x_dom,
            anchor=axes[1],
            type="category",
            showticklabels=False,
            showgrid=False,
        )
        layout[f"yaxis{suffix}"] = _axis(theme, domain=y_dom, anchor=axes[0], rangemode="tozero")
        unit = _unit_label(info.loc[indicator, "unit"], lang)
        title = wrap(f"{_e(info.loc[indicator, 'label'])} ({unit})", 40)
        layout["annotations"].append(
            panel_title(title, x_dom, y_dom, size=theme.font_size - 1, shift=8)
        )
        drawn_refs = [r for r in refs.to_dict("records") if not _is(r["unit"], "count")]
        panels.append((info.loc[indicator, "label"], unit, chosen.to_dict("records"), drawn_refs))
    return figure({"data": data, "layout": layout}, _panels_alt(panels, lang))


def _panel_said(label: str, chosen: list[Record], refs: list[Record], lang: str) -> str:
    """One panel of the small multiples in a sentence: its highest and lowest single figure,
    its ranges, what it leaves empty and its dotted city line."""
    rows = _once(chosen)
    top, low = _extremes(rows)
    parts = []
    if len(top) + len(low) == 2 and top[0] is low[0]:
        parts.append(t("alt.compare.panel.only", lang, item=_short(top[0], lang)))
    elif top:
        parts.append(t("alt.compare.panel.highest", lang, item=_listed(top, lang)))
        parts.append(t("alt.compare.panel.lowest", lang, item=_listed(low, lang)))
    for key, status in (("ranges", "range"), ("in_words", "text")):
        found = [r for r in rows if _is(r["status"], status)]
        if found:
            parts.append(t(f"alt.compare.panel.{key}", lang, items=_listed(found, lang)))
    missing = [r["area"] for r in rows if _is(r["status"], "not_reported")]
    if 0 < len(missing) <= 2:
        parts.append(t("alt.compare.panel.missing", lang, items=listing(missing, lang)))
    elif missing:
        parts.append(t("alt.compare.panel.missing_n", lang, n=len(missing), m=len(rows)))
    if refs:
        parts.append(t("alt.compare.panel.reference", lang, items=_listed(refs, lang)))
    return t("alt.compare.panel", lang, indicator=label, parts="; ".join(parts))


def _listed(rows: Sequence[Record], lang: str) -> str:
    """Areas and their figures, short: "Groenewoud 55% en Hambaken 19%"."""
    return listing([_short(r, lang) for r in rows], lang)


def _short(row: Record, lang: str) -> str:
    value = str(row["display"]).rstrip(". ")
    return t("alt.compare.panel.item", lang, name=row["area"], value=value)


def _panels_alt(panels: list[tuple[str, str, list[Record], list[Record]]], lang: str) -> Alt:
    """The small multiples' text alternative: a sentence per panel, and a table of one row per
    area (the city's reference after the areas) and one column per panel, each cell the figure
    as its panel writes it; a city figure no panel draws is left empty."""
    areas = [r["area"] for r in _once(panels[0][2])]
    opening = t("alt.compare.several", lang, n=len(panels), m=len(areas))
    said = [_panel_said(label, chosen, refs, lang) for label, _, chosen, refs in panels]
    columns: dict[str, dict[str, str]] = {}
    names = list(areas)
    for label, unit, chosen, refs in panels:
        column = {r["area"]: str(r["display"]) for r in _once(chosen)}
        for r in refs:
            column.setdefault(r["area"], str(r["display"]))
            if r["area"] not in names:
                names.append(r["area"])
        columns[f"{label} ({unit})"] = column
    frame = pd.DataFrame(
        {heading: [column.get(name) for name in names] for heading, column in columns.items()},
        index=pd.Index(names, name=t("alt.col.area", lang)),
    )
    return Alt(lang, " ".join([opening, *said]), frame)


def coverage_matrix(
    table: pd.DataFrame,
    *,
    areas: list[str] | None = None,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Which indicator the booklet reports for which area, as a grid of coloured cells
    (``narrow``: laid out for a phone, the colour key under the grid).

    Each cell holds the figure (or '—' for not reported) and is coloured by its status: figure,
    approximate, range, statement, derived or not reported. City references are always shown.
    The empty cells are the point: the cases were not written to be compared.
    """
    check_lang(lang)
    check_table_lang(table, lang)
    if areas is not None and not areas:
        return message_figure(t("msg.no_areas", lang), theme=theme, lang=lang)
    keep = table["area_kind"] == REFERENCE_KIND
    rows = table if areas is None else table[table["area_id"].isin(areas) | keep]
    statuses = coverage(table, areas=list(dict.fromkeys(rows["area_id"])))
    area_ids, indicator_ids = list(statuses.columns), list(statuses.index)
    cells = {(r["indicator"], r["area_id"]): r for r in rows.to_dict("records")}
    names = {r["area_id"]: r["area"] for r in cells.values()}
    labels = dict(zip(table["indicator"], table["label"], strict=True))
    z, text, hover, said = [], [], [], []
    for ind in indicator_ids:
        z_row, text_row, hover_row, said_row = [], [], [], []
        for area_id in area_ids:
            status, cell = statuses.loc[ind, area_id], cells.get((ind, area_id))
            if cell is None:
                shown, page = t("not_reported", lang), ""
            else:
                shown, page = str(cell["display"]), f" · {t('hover.page', lang)} {cell['page']}"
            z_row.append(_STATUS_ORDER.index(status))
            short = shown if len(shown) <= 14 else shown[:13] + "…"
            text_row.append("—" if status == "not_reported" else _e(short))
            hover_row.append(
                f"<b>{_e(names[area_id])}</b><br>{_e(labels[ind])}<br>{_e(shown)}{_e(page)}"
            )
            said_row.append(_cell_said(shown, status, lang))
        z.append(z_row)
        text.append(text_row)
        hover.append(hover_row)
        said.append(said_row)
    # The cells carry their own hover text (with page); the colour bar names the statuses.
    heatmap = category_heatmap(
        z,
        [_e(names[a]) for a in area_ids],
        [_e(labels[i]) for i in indicator_ids],
        text,
        colours=[theme.status_colours[s] for s in _STATUS_ORDER],
        gap=2,
        hovertext=hover,
        showscale=True,
        colorbar={
            "tickvals": list(range(len(_STATUS_ORDER))),
            "ticktext": [t(f"status.{s}", lang) for s in _STATUS_ORDER],
        },
    )
    layout = _layout(
        theme,
        t("title.coverage", lang),
        220 + 26 * len(indicator_ids),
        below_axis=0,
        top=210,
        left=290,
    )
    layout["xaxis"] = _axis(theme, side="top", tickangle=-30, showgrid=False)
    layout["yaxis"] = _axis(
        theme, autorange="reversed", showgrid=False, title={"text": t("axis.indicator", lang)}
    )
    if narrow:
        narrow_heatmap(layout, heatmap, left=170, extra_top=20)
        layout["yaxis"]["title"] = {}
        heatmap["colorbar"] |= {"orientation": "h", "x": 0, "xanchor": "left", "y": -0.02,
                                "yanchor": "top", "len": 1, "thickness": 14}  # fmt: skip
        layout["margin"]["b"] += 150
        layout["height"] += 150
    columns = [names[a] for a in area_ids]
    alt_table = pd.DataFrame(
        said, columns=columns, index=pd.Index([labels[i] for i in indicator_ids])
    )
    alt_table.index.name = t("alt.compare.col.indicator", lang)
    return figure({"data": [heatmap], "layout": layout}, _coverage_alt(statuses, alt_table, lang))


def _cell_said(shown: str, status: str, lang: str) -> str:
    """A cell of the coverage grid in words: its figure whole (the grid shortens long ones),
    with the kind its colour shows where the figure itself does not say it (≈ and a range's
    dash do); 'not reported' where the grid shows a dash."""
    if status == "not_reported":
        return t("not_reported", lang)
    if status in ("derived", "text"):
        return f"{shown} ({t(f'status.{status}', lang)})"
    return shown


def _coverage_alt(statuses: pd.DataFrame, table: pd.DataFrame, lang: str) -> Alt:
    """The coverage grid's text alternative: how many indicators each area reports (a figure or
    a statement), which indicators no area reports, and the grid as a table."""
    n, m = len(statuses.index), len(statuses.columns)
    reported = statuses != "not_reported"
    counts = [
        t("alt.compare.coverage.count", lang, name=name, k=int(reported[area_id].sum()))
        for name, area_id in zip(table.columns, statuses.columns, strict=True)
    ]
    said = [
        t("alt.compare.coverage", lang, n=n, m=m),
        t("alt.compare.coverage.per_area", lang, n=n, items=listing(counts, lang)),
    ]
    nowhere = [
        label for label, any_ in zip(table.index, reported.any(axis=1), strict=True) if not any_
    ]
    if not nowhere:
        said.append(t("alt.compare.coverage.everywhere", lang))
    elif len(nowhere) <= 4:
        said.append(t("alt.compare.coverage.nowhere", lang, items=listing(nowhere, lang)))
    else:
        said.append(t("alt.compare.coverage.nowhere_n", lang, n=len(nowhere)))
    return Alt(lang, " ".join(said), table)
