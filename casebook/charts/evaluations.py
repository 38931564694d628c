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
    PHONE,
    Alt,
    Spec,
    axis,
    category_heatmap,
    cell_frame,
    figure,
    layout,
    message_figure,
    names_above,
    phone_heatmap,
    wrap_px,
)
from casebook.evaluations import HORIZON_YEARS, VALENCES
from casebook.i18n import check_lang
from casebook.markup import escape
from casebook.schema import BOOKLET_DATE
from casebook.text import listing, t
from casebook.theme import DEFAULT_THEME, Theme

__all__ = [
    "RESULTS_STYLE",
    "findings_heatmap",
    "results_cards",
    "timeline_chart",
    "timeline_lanes",
]

_VALENCE_COLOURS = {
    "positive": "#009E73",
    "mixed": "#F0E442",
    "negative": "#D55E00",
    "not_evaluated": "#eeeeee",
}


# The cards' look, with the fragment (the page, the book and the PDF show it as it is). A bar's
# colour is printed too (print-color-adjust), and a hatched bar stays hatched on paper. A card
# is at least 12.5em wide: a Dutch compound such as "buurtcontractafspraken" fits its line (at
# 9.5em it broke mid-word).
RESULTS_STYLE = """<style>
.cb-results{display:grid;grid-template-columns:repeat(auto-fill,minmax(12.5em,1fr));gap:.7em;
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
        return message_figure(t("msg.no_areas", lang), theme=theme, lang=lang)
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
    else:  # the themes' names wrapped into what the cases' names leave at 600 px
        left = names_above(spec, heat)
        heat["y"] = [wrap_px(name, theme.font_size, left - 12) for name in y]
    alt = Alt(
        lang,
        _findings_said(matrix, text, case_names, selected, lang),
        _findings_table(matrix, text, case_names, lang),
    )
    return figure({"data": [heat], "layout": spec}, alt)


def _findings_said(
    matrix: pd.DataFrame,
    text: list[list[str]],
    case_names: dict[str, str],
    selected: tuple[str, str] | None,
    lang: str,
) -> str:
    """The findings grid in a few sentences: its size, how many cells hold each reading (the
    dash for none), the theme and the case with the most cells read, the themes and cases
    without any, and the chosen cell."""
    cells = matrix.to_numpy().tolist()
    themes = [t(f"theme.{g}", lang) for g in matrix.index]
    cases = [case_names[c] for c in matrix.columns]
    counts = [
        t(
            "alt.eval.count",
            lang,
            word=t(f"valence.{v}", lang) + (" (—)" if v == "not_evaluated" else ""),
            n=n,
        )
        for v in VALENCES
        if (n := sum(row.count(v) for row in cells))
    ]
    said = [
        t("alt.eval.findings", lang, themes=len(themes), cases=len(cases)),
        t("alt.eval.counts", lang, items=listing(counts, lang)),
    ]
    read = [[v != "not_evaluated" for v in row] for row in cells]
    per_theme = [sum(row) for row in read]
    per_case = [sum(col) for col in zip(*read, strict=True)]
    for key, names, numbers, total in (
        ("alt.eval.most_theme", themes, per_theme, len(cases)),
        ("alt.eval.most_case", cases, per_case, len(themes)),
    ):
        top = max(numbers)
        if top and total > 1:  # of one column or row, the counts above say it all
            items = [
                t("alt.eval.of", lang, name=name, n=n, total=total)
                for name, n in zip(names, numbers, strict=True)
                if n == top
            ]
            said.append(t(key, lang, items=listing(items, lang)))
    empty = [n for n, k in zip(themes, per_theme, strict=True) if not k]
    empty += [n for n, k in zip(cases, per_case, strict=True) if not k]
    if empty:
        said.append(t("alt.eval.no_finding", lang, items=listing(empty, lang)))
    if selected is not None and selected[0] in matrix.index and selected[1] in matrix.columns:
        g, c = list(matrix.index).index(selected[0]), list(matrix.columns).index(selected[1])
        said.append(
            t("alt.eval.selected", lang, theme=themes[g], case=cases[c], valence=text[g][c])
        )
    return " ".join(said)


def _findings_table(
    matrix: pd.DataFrame, text: list[list[str]], case_names: dict[str, str], lang: str
) -> pd.DataFrame:
    """The findings grid as a table: a row per theme, a column per case, each cell's word as
    the chart writes it (a dash where the booklet reports no finding)."""
    return pd.DataFrame(
        text,
        index=pd.Index(
            [t(f"theme.{g}", lang) for g in matrix.index], name=t("alt.eval.col.theme", lang)
        ),
        columns=[case_names[c] for c in matrix.columns],
    )


# The timeline is drawn for charts from these widths (px) up: a phone's, and a laptop's page
# at its narrowest (640 px, less the page's edges). Its markers are kept apart at these widths.
_TIMELINE_NARROWEST = {True: PHONE, False: 600}
# per layout: the margins left and right, a row's height, the room above a row's events for its
# name (a phone's names stand above their rows), the markers' size, the names' size
_TIMELINE = {
    True: {"left": 18, "right": 18, "row": 100, "name_room": 20, "marker": 11, "name": 13},
    False: {"left": 165, "right": 30, "row": 70, "name_room": 0, "marker": 13, "name": 14},
}


def timeline_lanes(whens: list[float], *, px_per_year: float, marker: float) -> list[int]:
    """A lane for each event of one row (0 on the row's line, then -1, 1, -2, 2: above and
    below it), so that no two markers ``marker`` px wide cover each other where a year takes
    ``px_per_year`` px: each event, earliest first, takes the first lane whose markers are all
    far enough from it along the time axis."""
    apart = marker + 3  # the outline (2 px) and a pixel of white
    order = sorted(range(len(whens)), key=lambda k: whens[k])
    lanes = [0] * len(whens)
    placed: dict[int, list[float]] = {}
    for k in order:
        x = whens[k] * px_per_year
        for lane in (0, -1, 1, -2, 2, -3, 3):
            if all(abs(x - other) >= apart for other in placed.get(lane, [])):
                break
        lanes[k] = lane
        placed.setdefault(lane, []).append(x)
    return lanes


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
    band, and May 2011 (the booklet) as a line. Events close in time stand above and below each
    other in their case's row (:func:`timeline_lanes`), apart at every width the chart is drawn
    for. ``narrow``: for a phone: each case's name above its row, the rows the whole width, a
    tick every six years."""
    check_lang(lang)
    if not case_ids:
        return message_figure(t("msg.no_areas", lang), theme=theme, lang=lang)
    sizes = _TIMELINE[narrow]
    colours = theme.area_colours(list(case_names))
    rows = [escape(case_names[c]) for c in case_ids]
    n = len(case_ids)
    below, top = 75, 80
    notes = [t("eval.note.horizon", lang), t("eval.note.symbols", lang)]
    spec = layout(
        theme,
        t("eval.title.timeline", lang),
        below + 20 + top + sizes["row"] * n,
        notes=notes,
        below_axis=below,
        left=sizes["left"],  # wide: the longest name needs 161 px (automargin, see layout())
        right=sizes["right"],
        top=top,
    )
    low, high = HORIZON_YEARS
    first = min([1996.0, *events["when"].tolist()]) - 0.5
    last = max(2018.0, *(starts["when"] + high + 0.5).tolist())
    # a row's events sit below its name (phone): the middle of what is left of the row
    middle = sizes["name_room"] / 2 / sizes["row"]
    step = (sizes["marker"] + 3) / sizes["row"]  # one lane, in rows
    px_per_year = (_TIMELINE_NARROWEST[narrow] - sizes["left"] - sizes["right"]) / (last - first)
    for k, case_id in enumerate(case_ids):
        start = starts[starts["case_id"] == case_id]
        if start.empty:
            continue
        when = float(start["when"].iloc[0])
        y = k + middle
        for x0, x1, width, extra in (
            (when + low, when + high, 22, {"opacity": 0.35}),
            (when, BOOKLET_DATE, 3, {}),
        ):
            spec["shapes"].append(
                {
                    "type": "line",
                    "xref": "x",
                    "yref": "y",
                    "x0": x0,
                    "x1": x1,
                    "y0": y,
                    "y1": y,
                    "line": {"color": colours[case_id], "width": width},
                    "layer": "below",
                    **extra,
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
            "xanchor": "right" if narrow else "center",  # a phone's right edge is near
            "showarrow": False,
        }
    )
    data: list[Spec] = []
    for k, (case_id, name) in enumerate(zip(case_ids, rows, strict=True)):
        part = events[events["case_id"] == case_id]
        if part.empty:
            continue
        symbols = [
            "circle-open" if inf else ("diamond" if kind == "evaluation" else "circle")
            for inf, kind in zip(part["inferred"], part["kind"], strict=True)
        ]
        lanes = timeline_lanes(
            part["when"].tolist(), px_per_year=px_per_year, marker=sizes["marker"]
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": part["when"].tolist(),
                "y": [k + middle + lane * step for lane in lanes],
                "marker": {
                    "color": colours[case_id],
                    "size": sizes["marker"],
                    "symbol": symbols,
                    "line": {"width": 2},
                },
                "hovertext": [
                    f"<b>{escape(lab)}</b><br>{name} · {y}"
                    f"{' · ' + t('eval.inferred', lang) if inf else ''}"
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
        range=[first, last],
        tickformat="d",
        dtick=6 if narrow else 2,
        title={"text": t("col.year", lang)},
    )
    spec["yaxis"] = axis(
        theme,
        range=[n - 0.5, -0.5],
        tickvals=list(range(n)),
        ticktext=rows,
        showticklabels=not narrow,
        showgrid=False,
        zeroline=False,
        tickfont={"size": sizes["name"]},
    )
    if narrow:  # each name above its row's events, from the chart's left edge
        spec["annotations"] += [
            {
                "name": "row",
                "text": name,
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": k - 0.5,
                "yref": "y",
                "yanchor": "top",
                "yshift": -2,
                "showarrow": False,
                "font": {"size": sizes["name"]},
            }
            for k, name in enumerate(rows)
        ]
    shown = events[events["case_id"].isin(case_ids)]
    alt = Alt(
        lang,
        _timeline_said(shown, case_ids, case_names, lang),
        _timeline_table(shown, case_names, lang),
    )
    return figure({"data": data, "layout": spec}, alt)


def _date(row: dict, lang: str) -> str:
    """An event's date as the casebook gives it: the month where the booklet names one, "before"
    a year where the event came earlier, the year alone otherwise; an inferred year says so."""
    year = int(row["year"])
    if row["precision"] == "before":
        date = t("alt.eval.before", lang, year=year)
    elif pd.notna(row["month"]):
        month = t(f"alt.eval.month.{int(row['month'])}", lang)
        date = f"{month} {year}"
    else:
        date = str(year)
    return f"{date} ({t('eval.inferred', lang)})" if row["inferred"] else date


def _timeline_said(
    events: pd.DataFrame, case_ids: list[str], case_names: dict[str, str], lang: str
) -> str:
    """The timeline in a few sentences: the first and last year, and per case how many events
    and from which year to which; the cases without an event, and how many years are
    inferred."""
    years = events["year"].astype(int)
    cases = [c for c in case_ids if (events["case_id"] == c).any()]
    said = []
    if cases:
        said.append(
            t(
                "alt.eval.timeline",
                lang,
                first=years.min(),
                last=years.max(),
                n=len(events),
                cases=len(cases),
            )
        )
        items = []
        for c in cases:
            own = years[events["case_id"] == c]
            span = f"{own.min()}–{own.max()}" if own.min() != own.max() else str(own.min())
            items.append(t("alt.eval.case_events", lang, case=case_names[c], n=len(own), span=span))
        said.append(t("alt.eval.per_case", lang, items=listing(items, lang)))
    empty = [case_names[c] for c in case_ids if c not in cases]
    if empty:
        said.append(t("alt.eval.no_events", lang, items=listing(empty, lang)))
    inferred = int(events["inferred"].astype(bool).sum())
    if inferred:
        said.append(t("alt.eval.inferred", lang, n=inferred))
    return " ".join(said)


def _timeline_table(events: pd.DataFrame, case_names: dict[str, str], lang: str) -> pd.DataFrame:
    """The timeline as a table: a row per event in the chart's order (case by case, earliest
    first), with its date, the event and its page."""
    rows = events.to_dict("records")
    return pd.DataFrame(
        {
            t("alt.eval.col.date", lang): [_date(r, lang) for r in rows],
            t("alt.eval.col.event", lang): [r["label"] for r in rows],
            t("alt.col.page", lang): [str(r["page"]) for r in rows],
        },
        index=pd.Index([case_names[r["case_id"]] for r in rows], name=t("alt.eval.col.case", lang)),
    )
