"""Pure functions for the evaluation pages: who evaluated what, result figures, findings by theme,
organisation facts side by side, and the timeline of each collaboration.

All functions take the loaded casebook and a list of case ids, and return small DataFrames whose
text is in the reader's language. Nothing the booklet does not report is filled in: a case
without an evaluation has no rows, a fact it does not give reads "niet vermeld / not reported".
"""

from __future__ import annotations

import pandas as pd

from casebook.data import Casebook, per_book
from casebook.i18n import check_lang
from casebook.schema import enum
from casebook.text import TEXT, format_figure, t

__all__ = [
    "FACTS",
    "HORIZON_YEARS",
    "THEME_GROUPS",
    "UNNAMED",
    "VALENCES",
    "case_starts",
    "evaluator_name",
    "source_name",
    "findings",
    "findings_matrix",
    "organisation_table",
    "overview",
    "result_figures",
    "timeline_events",
]

# Theme groups and organisation facts in the order the data package lists them, which is the
# order the pages show them in.
THEME_GROUPS: tuple[str, ...] = enum("evaluation_findings", "theme_group")
# The booklet's findings are positive, mixed or negative; a case it reports no evaluation of is
# "not evaluated", never a finding.
VALENCES: tuple[str, ...] = (*enum("evaluation_findings", "valence"), "not_evaluated")
# The list of partners (from the partners table) follows their count.
_ORGANISATION_FACTS = enum("organisation", "fact")
FACTS: tuple[str, ...] = (
    _ORGANISATION_FACTS[0],
    "partners",
    *_ORGANISATION_FACTS[1:],
)
# Les 0 (p. 46) and Van de Veerdonk (p. 20) estimate about six to seven years for a collaboration
# to run well; Arts (p. 13) calls such a horizon desirable.
HORIZON_YEARS = (6, 7)


def _check_cases(book: Casebook, cases: list[str]) -> None:
    known = book.cases["case_id"].tolist()
    unknown = [c for c in cases if c not in known]
    if unknown:
        raise ValueError(f"`cases` must be among {known}, but {unknown} was passed.")


def _none(value: object) -> object:
    return None if pd.isna(value) else value


def _figure_text(row: dict, lang: str) -> str:
    if row["kind"] == "text":
        return row[f"text_{lang}"]
    return format_figure(
        unit=row["unit"] if row["unit"] in ("percent", "EUR", "year") else "count",
        lang=lang,
        value=_none(row["value"]),
        low=_none(row["low"]),
        high=_none(row["high"]),
        approx=bool(row["approx"]),
        qualifier=_none(row["qualifier"]),
    )


def _unit_suffix(unit: str, lang: str) -> str:
    """' mensen' after a count of people; nothing after percentages, money or plain counts."""
    if unit in ("percent", "EUR", "count"):
        return ""
    key = f"unit.{unit}"
    return f" {t(key, lang)}" if key in TEXT else f" {unit}"


def overview(book: Casebook, *, cases: list[str], lang: str = "nl") -> pd.DataFrame:
    """Who evaluated each chosen case, when, how, and on which page. Cases without any
    evaluation get no row here; the view says so for them."""
    check_lang(lang)
    _check_cases(book, cases)
    ev = book.evaluations[book.evaluations["case_id"].isin(cases)]
    names = book.cases.set_index("case_id")["short_name"]
    order = {c: i for i, c in enumerate(cases)}
    ev = ev.assign(_o=ev["case_id"].map(order)).sort_values(["_o", "year"], kind="stable")
    return pd.DataFrame(
        {
            "case_id": ev["case_id"].to_numpy(),
            t("col.case", lang): ev["case_id"].map(names).to_numpy(),
            t("col.evaluator", lang): [evaluator_name(e, lang) for e in ev["evaluator"]],
            t("col.kind", lang): [t(f"kind.{k}", lang) for k in ev["kind"]],
            t("col.when", lang): ev[f"period_{lang}"].to_numpy(),
            t("col.how", lang): ev[f"method_{lang}"].to_numpy(),
            t("col.page", lang): ev["page"].astype(int).to_numpy(),
        }
    ).reset_index(drop=True)


# The data's word for an evaluator the booklet does not name (datapackage.json: evaluator).
UNNAMED = "Niet genoemd"


def evaluator_name(name: str, lang: str = "nl") -> str:
    """Who evaluated, as the booklet names them; "not named" in the reader's language where it
    names nobody (names of people and bureaus are not translated)."""
    return t("eval.unnamed", lang) if name == UNNAMED else name


def source_name(
    evaluators: pd.Series, evaluation_id: str, or_evaluation_id: object, lang: str = "nl"
) -> str:
    """Where a finding or figure comes from, as far as the booklet says: its evaluator, or,
    where the booklet names two evaluations and does not say which one a row comes from (the
    data's ``or_evaluation_id``), both, with "the booklet does not say which"."""
    first = evaluator_name(evaluators[evaluation_id], lang)
    if pd.isna(or_evaluation_id):
        return first
    second = evaluator_name(evaluators[or_evaluation_id], lang)
    return t("eval.either", lang, first=first, second=second)


def result_figures(book: Casebook, *, cases: list[str], lang: str = "nl") -> pd.DataFrame:
    """Every result figure of the chosen cases with its label, unit, display text and page."""
    check_lang(lang)
    _check_cases(book, cases)
    figs = book.evaluation_figures[book.evaluation_figures["case_id"].isin(cases)]
    names = book.cases.set_index("case_id")["short_name"]
    evaluators = book.evaluations.set_index("evaluation_id")["evaluator"]
    rows = []
    for row in figs.to_dict("records"):
        rows.append(
            {
                "figure_id": row["figure_id"],
                "case_id": row["case_id"],
                "case": names[row["case_id"]],
                "label": row[f"label_{lang}"],
                "unit": row["unit"],
                "value": _none(row["value"]),
                "approx": bool(row["approx"]),
                "qualifier": _none(row["qualifier"]),
                "display": _figure_text(row, lang) + _unit_suffix(row["unit"], lang),
                "printed": row["printed"],
                "year": _none(row["year"]),
                "source": source_name(
                    evaluators, row["evaluation_id"], row["or_evaluation_id"], lang
                ),
                "page": int(row["page"]),
                "note": _none(row[f"note_{lang}"]),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "figure_id",
            "case_id",
            "case",
            "label",
            "unit",
            "value",
            "approx",
            "qualifier",
            "display",
            "printed",
            "year",
            "source",
            "page",
            "note",
        ],
    )


def _combine(valences: list[str]) -> str:
    kinds = set(valences)
    if not kinds:
        return "not_evaluated"
    if len(kinds) == 1:
        return kinds.pop()
    return "mixed"


def findings_matrix(
    book: Casebook, *, cases: list[str], themes: list[str] | None = None
) -> pd.DataFrame:
    """Theme groups (rows) by cases (columns): positive, mixed, negative, or not_evaluated.

    A cell with several findings is positive or negative only if all of them are; otherwise
    mixed. A case the booklet reports no finding for in a theme is not_evaluated.
    """
    _check_cases(book, cases)
    themes = list(THEME_GROUPS) if themes is None else themes
    unknown = [g for g in themes if g not in THEME_GROUPS]
    if unknown:
        raise ValueError(f"`themes` must be among {list(THEME_GROUPS)}, but {unknown} was passed.")
    fnd = book.evaluation_findings
    valences = {
        key: list(part["valence"]) for key, part in fnd.groupby(["theme_group", "case_id"])
    }  # one pass over the findings instead of a mask per cell
    cells = {(g, c): _combine(valences.get((g, c), [])) for g in themes for c in cases}
    return pd.DataFrame(
        [[cells[(g, c)] for c in cases] for g in themes], index=themes, columns=cases
    )


def findings(
    book: Casebook, *, cases: list[str], themes: list[str] | None = None, lang: str = "nl"
) -> pd.DataFrame:
    """The findings behind the matrix, in the reader's language, with theme, source and page."""
    check_lang(lang)
    _check_cases(book, cases)
    themes = list(THEME_GROUPS) if themes is None else themes
    fnd = book.evaluation_findings
    fnd = fnd[fnd["case_id"].isin(cases) & fnd["theme_group"].isin(themes)]
    evaluators = book.evaluations.set_index("evaluation_id")["evaluator"]
    names = book.cases.set_index("case_id")["short_name"]
    return pd.DataFrame(
        {
            "case_id": fnd["case_id"].to_numpy(),
            "theme_group": fnd["theme_group"].to_numpy(),
            t("col.case", lang): fnd["case_id"].map(names).to_numpy(),
            t("col.topic", lang): fnd[f"theme_{lang}"].to_numpy(),
            t("col.evaluator", lang): [
                source_name(evaluators, e, o, lang)
                for e, o in zip(fnd["evaluation_id"], fnd["or_evaluation_id"], strict=True)
            ],
            t("col.valence", lang): [t(f"valence.{v}", lang) for v in fnd["valence"]],
            t("col.finding", lang): fnd[f"summary_{lang}"].to_numpy(),
            t("col.page", lang): fnd["page"].astype(int).to_numpy(),
        }
    ).reset_index(drop=True)


def organisation_table(book: Casebook, *, cases: list[str], lang: str = "nl") -> pd.DataFrame:
    """Organisation facts side by side: one row per fact, one column per case, each cell the
    fact in words with its page, or 'niet vermeld / not reported'."""
    check_lang(lang)
    _check_cases(book, cases)
    key = ("organisation_table", tuple(cases), lang)
    return per_book(book, key, lambda: _organisation_table(book, cases, lang)).copy()


def _organisation_table(book: Casebook, cases: list[str], lang: str) -> pd.DataFrame:
    org = book.organisation
    partners = book.partners
    names = book.cases.set_index("case_id")["short_name"]
    table = {}
    for case in cases:
        column = {}
        part = partners[partners["case_id"] == case]
        column["partners"] = (
            f"{', '.join(part['partner'])} (p. {', '.join(sorted(set(part['page'].astype(str))))})"
            if len(part)
            else t("not_reported", lang)
        )
        for fact in FACTS:
            if fact == "partners":
                continue
            rows = org[(org["case_id"] == case) & (org["fact"] == fact)]
            if rows.empty:
                column[fact] = t("not_reported", lang)
                continue
            texts = []
            for row in rows.to_dict("records"):
                # the figure, then our sentence about it: a dash between (a colon read as part of
                # the sentence: "2: Dual leadership: an alliance team of two")
                figure = "" if row["kind"] == "text" else _figure_text(row, lang) + " — "
                texts.append(f"{figure}{row[f'text_{lang}']} (p. {int(row['page'])})")
            column[fact] = " · ".join(texts)
        table[names[case]] = column
    frame = pd.DataFrame(table).reindex(list(FACTS))
    frame.index = [t(f"fact.{f}", lang) for f in FACTS]
    return frame


def case_starts(book: Casebook) -> pd.DataFrame:
    """When each collaboration started (the timeline's start event), as a decimal year."""
    tl = book.timeline
    starts = tl[tl["kind"] == "start"].copy()
    starts["when"] = (
        starts["year"].astype(float) + (starts["month"].fillna(1).astype(float) - 1) / 12
    )
    return starts[["case_id", "when", "inferred", "page"]].reset_index(drop=True)


def timeline_events(book: Casebook, *, cases: list[str], lang: str = "nl") -> pd.DataFrame:
    """Dated events of the chosen cases, with a decimal year for drawing and the precision."""
    check_lang(lang)
    _check_cases(book, cases)
    tl = book.timeline[book.timeline["case_id"].isin(cases)].copy()
    tl["when"] = tl["year"].astype(float) + (tl["month"].fillna(1).astype(float) - 1) / 12
    names = book.cases.set_index("case_id")["short_name"]
    order = {c: i for i, c in enumerate(cases)}
    tl = tl.assign(_o=tl["case_id"].map(order)).sort_values(["_o", "when"], kind="stable")
    return pd.DataFrame(
        {
            "case_id": tl["case_id"].to_numpy(),
            "case": tl["case_id"].map(names).to_numpy(),
            "when": tl["when"].to_numpy(),
            "year": tl["year"].astype(int).to_numpy(),
            "month": tl["month"].to_numpy(),
            "precision": tl["precision"].to_numpy(),
            "inferred": tl["inferred"].astype(bool).to_numpy(),
            "kind": tl["kind"].to_numpy(),
            "label": tl[f"label_{lang}"].to_numpy(),
            "page": tl["page"].astype(int).to_numpy(),
        }
    ).reset_index(drop=True)
