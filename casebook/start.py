"""Small tables for a first look at the casebook."""

from __future__ import annotations

import pandas as pd

from casebook.data import Casebook, schema
from casebook.i18n import check_lang

__all__ = ["case_overview", "data_summary"]

_HEADERS = {
    "nl": ["Nr.", "Casus", "Stad", "Wijk(en)", "Organisatievorm", "Pagina's"],
    "en": ["No.", "Case", "City", "Neighbourhood(s)", "Organisational form", "Pages"],
}


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
    frame.columns = _HEADERS[lang]
    return frame.set_index(_HEADERS[lang][0])


def data_summary(book: Casebook) -> pd.DataFrame:
    """Every table of the casebook with its number of rows and what one row represents."""
    resources = schema()["resources"]
    return pd.DataFrame(
        {
            "rows": [len(book.table(r["name"])) for r in resources],
            "what a row is": [
                r["description"].removeprefix("Each row represents ") for r in resources
            ],
        },
        index=pd.Index([r["name"] for r in resources], name="table"),
    )
