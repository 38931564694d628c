"""The landing page's tables: the five cases at a glance and what the data holds (for a reader,
:func:`contents`; table by table, :func:`data_summary`)."""

from __future__ import annotations

import pandas as pd

from casebook.data import Casebook, per_book
from casebook.i18n import check_lang
from casebook.pages import notebooks
from casebook.schema import TABLES, description
from casebook.text import t

__all__ = ["PAGES", "WholeTexts", "case_overview", "contents", "data_summary"]

# The casebook's pages' notebooks in reading order (the registry: casebook.pages).
PAGES: tuple[str, ...] = notebooks()

_COLUMNS = ("number", "name", "city", "areas", "form", "pages")


def case_overview(book: Casebook, *, lang: str = "nl") -> pd.DataFrame:
    """The five cases at a glance: number, name, city, neighbourhoods, form and pages.

    Parameters
    ----------
    book
        The loaded casebook (:func:`casebook.load`).
    lang
        ``"nl"`` or ``"en"``: language of the headers and the description of the form.

    Built once per book and language (every reader's landing page shows it); each caller gets
    a copy.
    """
    check_lang(lang)
    return per_book(book, ("start.case_overview", lang), lambda: _case_overview(book, lang)).copy()


def _case_overview(book: Casebook, lang: str) -> WholeTexts:
    neighbourhoods = (
        book.areas[book.areas["kind"] == "neighbourhood"]
        .groupby("case_id", sort=False)["name"]
        .agg(" / ".join)
    )
    cases = book.cases.sort_values("number")
    frame = pd.DataFrame(
        {
            "number": cases["number"].astype(int),
            "name": cases["name"],
            "city": cases["city"],
            "areas": cases["case_id"].map(neighbourhoods).fillna("—"),
            "form": cases[f"organisation_form_{lang}"],
            "pages": [f"{a}–{b}" for a, b in zip(cases["page"], cases["page_last"], strict=True)],
        }
    )
    frame.columns = [t(f"overview.{c}", lang) for c in _COLUMNS]
    return WholeTexts(frame.set_index(frame.columns[0]))


class WholeTexts(pd.DataFrame):
    """A table that shows every text whole in a notebook (pandas cuts them at 50 characters)."""

    @property
    def _constructor(self) -> type[WholeTexts]:
        return WholeTexts

    def _repr_html_(self) -> str | None:
        with pd.option_context("display.max_colwidth", None):
            return super()._repr_html_()


_ROW_IS = {"nl": "Elke rij is ", "en": "Each row represents "}


def data_summary(book: Casebook, *, lang: str = "nl") -> pd.DataFrame:
    """Every table of the casebook with its number of rows and what one row represents, with
    headers and descriptions in ``lang`` (``description_nl`` / ``description`` of
    datapackage.json). Built once per book and language; each caller gets a copy."""
    check_lang(lang)
    return per_book(book, ("start.data_summary", lang), lambda: _data_summary(book, lang)).copy()


def _data_summary(book: Casebook, lang: str) -> WholeTexts:
    return WholeTexts(
        {
            t("summary.rows", lang): [len(book.table(name)) for name in TABLES],
            t("summary.row_is", lang): [
                description(name, lang).removeprefix(_ROW_IS[lang]) for name in TABLES
            ],
        },
        index=pd.Index(TABLES, name=t("summary.table", lang)),
    )


def contents(book: Casebook, *, lang: str = "nl") -> list[str]:
    """What the casebook holds, for a reader: one sentence per part of the booklet (the cases,
    the figures, the organisation, the evaluations, the logics, the lessons, the check, the
    glossary) with how many of each the data has, in ``lang``. Plain text, no table names."""
    check_lang(lang)
    counts = {name: len(book.table(name)) for name in TABLES}
    values = {
        "cases": {
            "case_texts": counts["case_texts"],
            "highlights": counts["highlights"],
            "reflections": counts["reflections"],
        },
        "figures": {
            "indicators": counts["indicators"],
            "areas": counts["areas"],
            "kinds": counts["indicator_definitions"],
        },
        "organisation": {"organisation": counts["organisation"], "partners": counts["partners"]},
        "evaluations": {
            "evaluations": counts["evaluations"],
            "findings": counts["evaluation_findings"],
            "results": counts["evaluation_figures"],
            "events": counts["timeline"],
        },
        "logics": {"logics": counts["logics"], "tensions": counts["tensions"]},
        "lessons": {
            "lessons": counts["lessons"],
            "main_lines": counts["main_lines"],
            "voices": counts["voices"],
        },
        "check": {"conditions": counts["conditions"]},
        "glossary": {"terms": counts["glossary"]},
    }
    return [t(f"start.contents.{part}", lang, **numbers) for part, numbers in values.items()]
