"""Pure chart builders for the evaluation pages.

- :func:`results_cards`: every result figure on a card of its own, in its own unit (HTML).
- :func:`findings_heatmap`: theme groups by cases, coded positive, mixed, negative or not
  evaluated.
- :func:`timeline_chart`: events per case, each collaboration's six-to-seven-year horizon as a
  band, and the booklet's date as a line, so the reader sees who was judged before they could
  have matured.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from casebook.charts.base import (
    Spec,
    axis,
    category_heatmap,
    cell_frame,
    figure,
    layout,
    message_figure,
    phone_heatmap,
)
from casebook.evaluations import HORIZON_YEARS, VALENCES
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.schema import BOOKLET_DATE
from casebook.text import t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = ["RESULTS_STYLE", "findings_heatmap", "results_cards", "timeline_chart"]

_VALENCE_COLOURS = {
    "positive": "#009E73",
    "mixed": "#F0E442",
    "negative": "#D55E00",
    "not_evaluated": "#eeeeee",
}


# The cards' look, with the fragment (the page, the book and the PDF show it as it is). A bar's
# colour is printed too (print-color-adjust), and a hatched bar stays hatched on paper.
RESULTS_STYLE = """<style>
.cb-results{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5em,1fr));gap:.7em;
  margin:.4em 0 .3em 0}
.cb-result{border:1px solid #d9dee7;border-top:.35em solid var(--cb-case);border-radius:.5em;
  padding:.5em .8em .6em;background:#fff;line-height:1.35;break-inside:avoid;min-width:0;
  overflow-wrap:break-word;hyphens:auto}
.cb-result-case{margin:0;font-size:.9em;color:#444}
.cb-result-value{margin:.1em 0 .2em 0;font-size:1.4em;font-weight:600}
.cb-result-label{margin:.3em 0 .2em 0}
.cb-result-source{margin:0;font-size:.85em;color:#555}
.cb-meter{height:.8em;margin-bottom:.3em;border:1px solid #767676;border-radius:.2em;
  background:#f2f2f2;
  -webkit-print-color-adjust:exact;print-color-adjust:exact}
.cb-meter span{display:block;height:100%;background:var(--cb-case)}
.cb-meter span.cb-hatched{background:repeating-linear-gradient(135deg,var(--cb-case) 0 .3em,
  #fff .3em .45em)}
.cb-results-note{font-size:.9em;color:#444;margin:.2em 0 .8em 0}
</style>"""


def results_cards(
    figures: pd.DataFrame,
    *,
    case_ids: list[str],
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
) -> str:
    """Every result figure (:func:`casebook.evaluations.result_figures`) on a card of its own, as
    HTML: the case (in its colour), the figure as the booklet gives it, what it counts, who
    reported it and the page. Never one scale for two figures: a percentage gets a bar from 0 to
    100% (hatched when the booklet gives it approximately or as a bound: ≈, ≥, >), a count gets
    none, since a number of job seekers has no scale to be drawn on. ``case_ids`` are all cases
    in order, for stable colours.

    Cards, not a chart of one panel per figure: thirteen plotly panels took 50-140 ms to redraw
    in the browser on every change of the cases, a grid of cards a few; and a card's text wraps
    on a phone and is read by a screen reader as text."""
    check_lang(lang)
    heading = f"<h3>{escape(t('eval.title.results', lang))}</h3>"
    if figures.empty:
        return f"{heading}<p><i>{escape(t('eval.no_figures', lang))}</i></p>"
    colours = theme.area_colours(case_ids)
    cards = []
    hatched_any = bar_any = False
    for row in figures.to_dict("records"):
        colour = colours.get(row["case_id"], theme.missing_colour)
        meter = ""
        if row["unit"] == "percent" and pd.notna(row["value"]):
            bar_any = True
            hatched = bool(row["approx"]) or pd.notna(row["qualifier"])
            hatched_any |= hatched
            width = max(0.0, min(float(row["value"]), 100.0))
            kind = ' class="cb-hatched"' if hatched else ""
            meter = (
                f'<div class="cb-meter" aria-hidden="true">'
                f'<span{kind} style="width:{width:g}%"></span></div>'
            )
        source = f"{escape(row['source'])} · p. {row['page']}"
        cards.append(
            f'<div class="cb-result" style="--cb-case:{colour}">'
            f'<p class="cb-result-case">{escape(row["case"])}</p>'
            f'<p class="cb-result-value">{escape(row["display"])}</p>{meter}'
            f'<p class="cb-result-label">{escape(row["label"])}</p>'
            f'<p class="cb-result-source">{source}</p></div>'
        )
    notes = [t("eval.note.bars", lang)] if bar_any else []
    if hatched_any:
        notes.append(t("eval.note.hatched", lang))
    note = f'<p class="cb-results-note">{escape(" ".join(notes))}</p>' if notes else ""
    return f'{RESULTS_STYLE}{heading}<div class="cb-results">{"".join(cards)}</div>{note}'


def findings_heatmap(
    matrix: pd.DataFrame,
    *,
    case_names: dict[str, str],
    selected: tuple[str, str] | None = None,
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Theme groups by cases (:func:`casebook.evaluations.findings_matrix`), one colour per
    reading. ``narrow``: laid out for a phone (:func:`casebook.charts.base.phone_heatmap`)."""
    check_lang(lang)
    if matrix.empty or matrix.shape[1] == 0:
        return message_figure(t("msg.no_areas", lang), theme=theme)
    z = [[VALENCES.index(v) for v in row] for row in matrix.to_numpy().tolist()]
    text = [
        [t(f"valence.{v}", lang) if v != "not_evaluated" else "—" for v in row]
        for row in matrix.to_numpy().tolist()
    ]
    x = [escape(case_names[c]) for c in matrix.columns]
    y = [t(f"theme.{g}", lang) for g in matrix.index]
    heat = category_heatmap(z, x, y, text, colours=[_VALENCE_COLOURS[v] for v in VALENCES])
    spec = layout(
        theme,
        t("eval.title.findings", lang),
        160 + 42 * len(y),
        notes=[t("eval.note.valence", lang)],
        below_axis=20,
        left=220,
        top=112,  # the cases' names above the grid need 110 px (automargin, see layout())
    )
    spec["xaxis"] = axis(theme, side="top", showgrid=False)
    spec["yaxis"] = axis(theme, autorange="reversed", showgrid=False)
    spec["shapes"] += cell_frame(
        list(matrix.index), list(matrix.columns), selected, colour="#000", width=3
    )
    if narrow:
        phone_heatmap(spec, heat)
    return figure({"data": [heat], "layout": spec})


def timeline_chart(
    events: pd.DataFrame,
    starts: pd.DataFrame,
    *,
    case_ids: list[str],
    case_names: dict[str, str],
    lang: str = "nl",
    theme: Theme = DEFAULT_THEME,
    narrow: bool = False,
) -> go.Figure:
    """Events per case on a shared time axis, the six-to-seven-year horizon after each start as a
    band, and May 2011 (the booklet) as a line. ``narrow``: a tick every six years, for a
    phone."""
    check_lang(lang)
    if not case_ids:
        return message_figure(t("msg.no_areas", lang), theme=theme)
    colours = theme.area_colours(list(case_names))
    rows = [escape(case_names[c]) for c in case_ids]
    spec = layout(
        theme,
        t("eval.title.timeline", lang),
        180 + 70 * len(case_ids),
        notes=t("eval.note.horizon", lang).split(". ", 1),
        below_axis=75,
        left=165,  # the longest name needs 161 px (automargin, see layout())
        top=80,
    )
    low, high = HORIZON_YEARS
    first = min([1996.0, *events["when"].tolist()])
    last = max(2018.0, *(starts["when"] + high + 0.5).tolist())
    for case_id, name in zip(case_ids, rows, strict=True):
        start = starts[starts["case_id"] == case_id]
        if start.empty:
            continue
        when = float(start["when"].iloc[0])
        spec["shapes"].append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": when + low,
                "x1": when + high,
                "y0": name,
                "y1": name,
                "line": {"color": colours[case_id], "width": 22},
                "opacity": 0.35,
                "layer": "below",
            }
        )
        spec["shapes"].append(
            {
                "type": "line",
                "xref": "x",
                "yref": "y",
                "x0": when,
                "x1": BOOKLET_DATE,
                "y0": name,
                "y1": name,
                "line": {"color": colours[case_id], "width": 3},
                "layer": "below",
            }
        )
    spec["shapes"].append(
        {
            "type": "line",
            "xref": "x",
            "yref": "paper",
            "x0": BOOKLET_DATE,
            "x1": BOOKLET_DATE,
            "y0": 0,
            "y1": 1,
            "line": {"color": "#000", "dash": "dot", "width": 2},
        }
    )
    spec["annotations"].append(
        {
            "text": t("eval.booklet", lang),
            "x": BOOKLET_DATE,
            "y": 1,
            "xref": "x",
            "yref": "paper",
            "yanchor": "bottom",
            "showarrow": False,
        }
    )
    data: list[Spec] = []
    for case_id, name in zip(case_ids, rows, strict=True):
        part = events[events["case_id"] == case_id]
        if part.empty:
            continue
        symbols = [
            "circle-open" if inf else ("diamond" if k == "evaluation" else "circle")
            for inf, k in zip(part["inferred"], part["kind"], strict=True)
        ]
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": part["when"].tolist(),
                "y": [name] * len(part),
                "marker": {
                    "color": colours[case_id],
                    "size": 13,
                    "symbol": symbols,
                    "line": {"width": 2},
                },
                "hovertext": [
                    f"<b>{escape(lab)}</b><br>{y}{' · ' + t('eval.inferred', lang) if inf else ''}"
                    f" · {t('hover.page', lang)} {p}"
                    for lab, y, inf, p in zip(
                        part["label"], part["year"], part["inferred"], part["page"], strict=True
                    )
                ],
                "hoverinfo": "text",
                "showlegend": False,
            }
        )
    spec["xaxis"] = axis(
        theme,
        range=[first - 0.5, last],
        tickformat="d",
        dtick=6 if narrow else 2,
        title={"text": t("col.year", lang)},
    )
    spec["yaxis"] = axis(
        theme, type="category", categoryorder="array", categoryarray=rows[::-1], showgrid=False
    )
    return figure({"data": data, "layout": spec})
