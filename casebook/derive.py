"""Figures the casebook computes from printed ones. They are never stored as if printed.

Every derived row says that it is derived, gives its formula and the pages of its inputs.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["DERIVATIONS", "derived_indicators", "partner_counts"]

# name: (numerator, denominator, factor, unit, formula)
DERIVATIONS: dict[str, tuple[str, str, float, str, str]] = {
    "corporation_unit_share": (
        "corporation_units",
        "dwellings",
        100.0,
        "percent",
        "corporation_units / dwellings × 100",
    ),
    "persons_per_household": (
        "inhabitants",
        "households",
        1.0,
        "persons",
        "inhabitants / households",
    ),
}

_COLUMNS = [
    "case_id",
    "area_id",
    "indicator",
    "value",
    "approx",
    "unit",
    "derived",
    "formula",
    "pages",
]


def derived_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """Compute derived figures for every area that reports both inputs as single numbers.

    Parameters
    ----------
    indicators
        The ``indicators`` table (long format) as loaded by :func:`casebook.load`.

    Returns
    -------
    pandas.DataFrame
        One row per area and derivation, with ``derived`` True, the ``formula`` and the
        ``pages`` of the inputs. Areas that lack an input, or print it as a range or statement,
        get no row: a missing input is never treated as zero.
    """
    numbers = indicators[indicators["kind"] == "number"]
    rows = []
    for name, (num, den, factor, unit, formula) in DERIVATIONS.items():
        top = numbers[numbers["indicator"] == num].set_index("area_id")
        bottom = numbers[numbers["indicator"] == den].set_index("area_id")
        for area_id in top.index.intersection(bottom.index):
            a, b = top.loc[area_id], bottom.loc[area_id]
            if pd.isna(a["value"]) or pd.isna(b["value"]) or b["value"] == 0:
                continue
            # an own neighbourhood (casebook.own) has no pages: its figures are not the booklet's
            pages = sorted({int(p) for p in (a["page"], b["page"]) if pd.notna(p)})
            rows.append(
                {
                    "case_id": a["case_id"],
                    "area_id": area_id,
                    "indicator": name,
                    "value": float(a["value"]) / float(b["value"]) * factor,
                    "approx": bool(a["approx"]) or bool(b["approx"]),
                    "unit": unit,
                    "derived": True,
                    "formula": formula,
                    "pages": ", ".join(str(p) for p in pages) or pd.NA,
                }
            )
    frame = pd.DataFrame(rows, columns=_COLUMNS)
    return frame.sort_values(["indicator", "area_id"], ignore_index=True)


def partner_counts(partners: pd.DataFrame) -> pd.Series:
    """Number of partners listed per case (derived by counting rows of ``partners``)."""
    return partners.groupby("case_id").size().rename("partners")
