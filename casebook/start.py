"""The landing page's tables: the five cases at a glance and what the data holds."""

from __future__ import annotations

import pandas as pd

from casebook.data import Casebook
from casebook.i18n import check_lang
from casebook.schema import TABLES, description
from casebook.text import t

__all__ = ["PAGES", "case_overview", "data_summary"]

# The casebook's pages in reading order: the landing page first, each a notebook.
PAGES: tuple[str, ...] = (
    "00_start.ipynb",
    "01_casussen.ipynb",
    "02_wijken_vergelijken.ipynb",
    "03_vier_logicas.ipynb",
    "04_evaluaties.ipynb",
    "05_lessen.ipynb",
    "06_check_je_samenwerking.ipynb",
    "07_woordenlijst.ipynb",
)

_COLUMNS = ("number", "name", "city", "areas", "form", "pages")


def case_overview(book: Casebook, *, lang: str = "nl") -> pd.DataFrame:
    """The five cases at a glance: number, name, city, neighbourhoods, form and pages.

    Parameters
    ----------
    book
        The loaded casebook (:func:`casebook.load`).
    lang
        ``"nl"`` or ``"en"``: language of the headers and the description of the form.
    """
    check_lang(lang)
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
    return frame.set_index(frame.columns[0])


def data_summary(book: Casebook) -> pd.DataFrame:
    """Every table of the casebook with its number of rows and what one row represents."""
    return pd.DataFrame(
        {
            "rows": [len(book.table(name)) for name in TABLES],
            "what a row is": [
                description(name).removeprefix("Each row represents ") for name in TABLES
            ],
        },
        index=pd.Index(TABLES, name="table"),
    )
