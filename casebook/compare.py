"""Pure functions that shape the indicator table for comparing neighbourhoods.

:func:`indicator_table` joins printed and derived figures with their labels, units and pages into
one tidy table. The other functions select from it; a figure the booklet does not report shows
up as a row with status ``not_reported``, never as zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from casebook.data import Casebook, per_book
from casebook.derive import derived_indicators
from casebook.i18n import check_lang
from casebook.own import OWN_KIND, OwnArea
from casebook.schema import enum
from casebook.text import format_figure, t

__all__ = [
    "PUBLIC_COLUMNS",
    "REFERENCE_KIND",
    "TableIndex",
    "area_choices",
    "area_profile",
    "check_table_lang",
    "coverage",
    "indicator_choices",
    "indicator_table",
    "select",
    "select_records",
    "selection_message",
    "shared_indicator_table",
    "table_index",
    "to_csv",
]

REFERENCE_KIND = "city"
# Indicator groups as the data package lists them, and the casebook's own derived figures last.
GROUPS: tuple[str, ...] = (*enum("indicator_definitions", "group"), "derived")
# Derived figures are shown with as many decimals as the printed figures they come from allow.
_DERIVED_DECIMALS = {"percent": 1, "persons": 2}

_COLUMNS = [
    "area_id",
    "area",
    "area_kind",
    "case_id",
    "indicator",
    "label",
    "group",
    "unit",
    "kind",
    "value",
    "low",
    "high",
    "approx",
    "qualifier",
    "base",
    "printed",
    "statement",
    "page",
    "derived",
    "formula",
    "note",
    "display",
    "status",
]
# What a reader gets in a CSV download: the table without the display helpers.
PUBLIC_COLUMNS = [
    "area",
    "area_id",
    "label",
    "indicator",
    "unit",
    "kind",
    "value",
    "low",
    "high",
    "approx",
    "qualifier",
    "base",
    "printed",
    "statement",
    "page",
    "derived",
    "formula",
    "status",
]


def _status(kind: str, approx: bool, derived: bool) -> str:
    if derived:
        return "derived"
    if kind == "number" and approx:
        return "approx"
    return kind


def indicator_table(
    book: Casebook, *, lang: str = "nl", own: Sequence[OwnArea] = ()
) -> pd.DataFrame:
    """Every figure about every area, printed and derived, labelled in ``lang``.

    Parameters
    ----------
    book
        The loaded casebook.
    lang
        ``"nl"`` or ``"en"`` for labels, statements and the ``display`` string.
    own
        The reader's own neighbourhoods (:mod:`casebook.own`), added after the booklet's areas
        with ``area_kind`` ``"own"``, their name marked as own data and no page.

    Returns
    -------
    pandas.DataFrame
        One row per area and indicator with the unit, the figure (``value`` or ``low``/``high``),
        ``approx``, ``qualifier``, ``printed`` text, ``page`` (text: derived figures list the pages
        of their inputs), ``derived`` and ``formula``, a ready-to-print ``display`` and a
        ``status``: number, approx, range, text or derived.
    """
    check_lang(lang)
    if own:
        return _indicator_table(book, lang, own)
    return shared_indicator_table(book, lang=lang).copy()


def shared_indicator_table(book: Casebook, *, lang: str = "nl") -> pd.DataFrame:
    """:func:`indicator_table` of the booklet's own areas, built once per book and language and
    kept: the table itself, not a copy, for the readers who only read it (a page's view, of
    which the app builds one for every student). Read it; never change it."""
    check_lang(lang)
    return per_book(book, ("indicator_table", lang), lambda: _indicator_table(book, lang, ()))


def _indicator_table(book: Casebook, lang: str, own: Sequence[OwnArea]) -> pd.DataFrame:
    defs = book.indicator_definitions.set_index("indicator")
    areas = book.areas.set_index("area_id")
    printed = book.indicators
    names = areas["name"]
    kinds = areas["kind"]
    if own:
        printed = pd.concat([printed, *(o.rows for o in own)], ignore_index=True)
        marked = {o.area_id: t("own.marked", lang, name=o.name) for o in own}
        names = pd.concat([names, pd.Series(marked, dtype=object)])
        kinds = pd.concat([kinds, pd.Series(dict.fromkeys(marked, OWN_KIND), dtype=object)])
    printed = printed.copy()
    printed["label"] = printed["indicator"].map(defs[f"label_{lang}"])
    printed["group"] = printed["indicator"].map(defs["group"])
    printed["statement"] = printed[f"text_{lang}"]
    printed["note"] = printed[f"note_{lang}"]
    printed["page"] = [str(int(p)) if pd.notna(p) else pd.NA for p in printed["page"]]
    printed["derived"] = False
    printed["formula"] = pd.NA
    derived = derived_indicators(printed)
    derived["kind"] = "number"
    derived["label"] = [t(f"derived.{name}", lang) for name in derived["indicator"]]
    derived["group"] = "derived"
    derived = derived.rename(columns={"pages": "page"})
    frame = pd.concat([printed, derived], ignore_index=True)
    frame["area"] = frame["area_id"].map(names)
    frame["area_kind"] = frame["area_id"].map(kinds)
    frame["display"] = [
        row.statement if row.kind == "text" else _display(row, lang)
        for row in frame.itertuples(index=False)
    ]
    frame["status"] = [
        _status(k, bool(a) if pd.notna(a) else False, bool(d))
        for k, a, d in zip(frame["kind"], frame["approx"], frame["derived"], strict=True)
    ]
    for col in _COLUMNS:
        if col not in frame:
            frame[col] = pd.NA
    frame = frame[_COLUMNS].reset_index(drop=True)
    frame.attrs["lang"] = lang
    return frame


def check_table_lang(table: pd.DataFrame, lang: str) -> None:
    """Refuse to mix languages: a table built for one language is charted in that language."""
    built = table.attrs.get("lang")
    if built is not None and built != lang:
        raise ValueError(
            f"the table was built with lang={built!r}; build it again with "
            f"indicator_table(book, lang={lang!r}) to chart it in that language."
        )


def _none(x: object) -> object:
    return None if pd.isna(x) else x


def _display(row: object, lang: str) -> str:
    return format_figure(
        unit=row.unit,
        lang=lang,
        value=_none(row.value),
        low=_none(row.low),
        high=_none(row.high),
        approx=bool(_none(row.approx) or False),
        qualifier=_none(row.qualifier),
        decimals=_DERIVED_DECIMALS.get(row.unit) if row.derived else None,
    )


def area_choices(table: pd.DataFrame) -> list[tuple[str, str]]:
    """(name, id) of every neighbourhood in the table, in table order; city references excluded."""
    areas = table[table["area_kind"] != REFERENCE_KIND].drop_duplicates("area_id")
    return list(zip(areas["area"], areas["area_id"], strict=True))


def indicator_choices(table: pd.DataFrame, *, group: str | None = None) -> list[tuple[str, str]]:
    """(label, id) of the indicators in ``group`` (all groups when None), in table order."""
    rows = table if group is None else table[table["group"] == group]
    rows = rows.drop_duplicates("indicator")
    return list(zip(rows["label"], rows["indicator"], strict=True))


@dataclass(frozen=True)
class TableIndex:
    """The rows of one indicator table as plain records, with the look-ups a selection needs.

    Built once per table by :func:`table_index` (a view keeps it beside its table), it makes
    :func:`select` and :func:`selection_message` a few dictionary look-ups instead of pandas
    filtering. Its records are shared: read them, never change them.
    """

    #: indicator -> area_id -> that pair's row (the last one), areas in table order
    pairs: dict[str, dict[str, dict[str, Any]]]
    #: area_id -> the area's facts (area_id, area, area_kind, case_id) from its last row
    areas: dict[str, dict[str, Any]]
    #: indicator -> its facts (indicator, label, group, unit, derived, formula), last row
    indicators: dict[str, dict[str, Any]]
    #: indicator -> its label in its first row
    labels: dict[str, Any]
    #: :func:`area_choices` of the table
    choices: list[tuple[str, str]]


_AREA_COLUMNS = ["area_id", "area", "area_kind", "case_id"]
_INDICATOR_COLUMNS = ["indicator", "label", "group", "unit", "derived", "formula"]


def table_index(table: pd.DataFrame) -> TableIndex:
    """The look-ups of ``table`` (an :func:`indicator_table`) that :func:`select` uses."""
    pairs: dict[str, dict[str, dict[str, Any]]] = {}
    areas: dict[str, dict[str, Any]] = {}
    indicators: dict[str, dict[str, Any]] = {}
    labels: dict[str, Any] = {}
    for r in table.to_dict("records"):
        area_id, indicator = r["area_id"], r["indicator"]
        pairs.setdefault(indicator, {})[area_id] = r
        areas[area_id] = {c: r[c] for c in _AREA_COLUMNS}
        indicators[indicator] = {c: r[c] for c in _INDICATOR_COLUMNS}
        labels.setdefault(indicator, r["label"])
    return TableIndex(
        pairs=pairs,
        areas=areas,
        indicators=indicators,
        labels=labels,
        choices=area_choices(table),
    )


def _placeholder(area: dict, indicator: dict, lang: str) -> dict:
    row = dict.fromkeys(_COLUMNS, pd.NA)
    row.update(area)
    row.update(indicator)
    row.update(display=t("not_reported", lang), status="not_reported")
    return row


def select_records(
    table: pd.DataFrame,
    *,
    areas: list[str],
    indicators: list[str],
    lang: str = "nl",
    reference: bool = True,
    index: TableIndex | None = None,
) -> list[dict[str, Any]]:
    """The rows :func:`select` returns, as a list of records (one dict per row, fresh copies).

    ``index`` is ``table_index(table)`` when the caller keeps it (built here if None).
    """
    check_lang(lang)
    check_table_lang(table, lang)
    if index is None:
        index = table_index(table)
    for name, chosen, known in (
        ("areas", areas, index.areas),
        ("indicators", indicators, index.indicators),
    ):
        unknown = [x for x in chosen if x not in known]
        if unknown:
            raise ValueError(f"`{name}` must be among {sorted(known)}, but {unknown} was passed.")
    rows = []
    for indicator in indicators:
        found = index.pairs.get(indicator, {})
        for area_id in areas:
            hit = found.get(area_id)
            rows.append(
                dict(hit)
                if hit is not None
                else _placeholder(index.areas[area_id], index.indicators[indicator], lang)
            )
        if reference:
            rows += [
                dict(r)
                for a, r in found.items()
                if r["area_kind"] == REFERENCE_KIND and a not in areas
            ]
    return rows


def select(
    table: pd.DataFrame,
    *,
    areas: list[str],
    indicators: list[str],
    lang: str = "nl",
    reference: bool = True,
    index: TableIndex | None = None,
) -> pd.DataFrame:
    """Rows of ``table`` for the chosen areas and indicators, one per pair, in the order chosen.

    A pair the booklet does not report gets a row with status ``not_reported`` and no figure.
    With ``reference`` True, rows of city references (Tilburg) that report an indicator are
    added after the chosen areas. ``index`` is ``table_index(table)`` when the caller keeps it.
    """
    rows = select_records(
        table, areas=areas, indicators=indicators, lang=lang, reference=reference, index=index
    )
    return pd.DataFrame(rows, columns=_COLUMNS)


def selection_message(
    table: pd.DataFrame,
    *,
    areas: list[str],
    indicators: list[str],
    lang: str = "nl",
    index: TableIndex | None = None,
) -> str | None:
    """A short message for the reader when a selection has nothing to chart, else None.

    ``index`` is ``table_index(table)`` when the caller keeps it.
    """
    if not areas:
        return t("msg.no_areas", lang)
    if not indicators:
        return t("msg.no_indicators", lang)
    if index is None:
        index = table_index(table)
    chosen = set(areas)
    if not any(a in chosen for i in indicators for a in index.pairs.get(i, {})):
        labels = [index.labels[i] for i in indicators]
        return t("msg.none_reported", lang, indicator=", ".join(labels))
    return None


def coverage(table: pd.DataFrame, *, areas: list[str] | None = None) -> pd.DataFrame:
    """Status of every indicator (rows) for every area (columns): what the booklet reports.

    Cells hold number, approx, range, text, derived or not_reported.
    """
    rows = table if areas is None else table[table["area_id"].isin(areas)]
    area_order = list(dict.fromkeys(rows["area_id"]))
    ind_order = list(dict.fromkeys(table["indicator"]))
    wide = rows.pivot(index="indicator", columns="area_id", values="status")
    return wide.reindex(index=ind_order, columns=area_order).fillna("not_reported")


def area_profile(table: pd.DataFrame, area_id: str, *, lang: str = "nl") -> pd.DataFrame:
    """All figures of one area with group, value as printed, page and notes, for reading."""
    check_lang(lang)
    check_table_lang(table, lang)
    if area_id not in set(table["area_id"]):
        raise ValueError(
            f"`area_id` must be one of {sorted(set(table['area_id']))}, but {area_id!r} was passed."
        )
    rows = table[table["area_id"] == area_id]
    notes = [
        t("note.derived", lang, formula=f) if d else ("" if pd.isna(n) else n)
        for d, f, n in zip(rows["derived"], rows["formula"], rows["note"], strict=True)
    ]
    frame = pd.DataFrame(
        {
            t("col.group", lang): [t(f"group.{g}", lang) for g in rows["group"]],
            t("col.indicator", lang): rows["label"].to_list(),
            t("col.value", lang): rows["display"].to_list(),
            t("col.printed", lang): rows["printed"].fillna("").to_list(),
            t("col.page", lang): rows["page"].to_list(),
            t("col.note", lang): notes,
        }
    )
    return frame.reset_index(drop=True)


def to_csv(frame: pd.DataFrame) -> str:
    """The data behind a chart as CSV text (UTF-8, comma-separated, empty for missing)."""
    return frame.to_csv(index=False)
