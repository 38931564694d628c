"""Tests of casebook.derive: figures derived from printed ones, computed and labelled."""

from __future__ import annotations

import pandas as pd
import pytest

import casebook


def test_derived_figures_are_computed_and_labelled(small_indicators: pd.DataFrame) -> None:
    derived = casebook.derived_indicators(small_indicators)
    share = derived[derived["indicator"] == "corporation_unit_share"]
    assert share["area_id"].tolist() == ["a1"]  # a2 has no dwellings: no row, not zero
    assert share["value"].iloc[0] == pytest.approx(25.0)
    assert share["formula"].iloc[0] == "corporation_units / dwellings × 100"
    assert share["pages"].iloc[0] == "3, 4"
    assert derived["derived"].all()
    pph = derived[derived["indicator"] == "persons_per_household"].iloc[0]
    assert pph["value"] == pytest.approx(2.25)
    assert bool(pph["approx"]) is True  # an approximate input makes an approximate result


def test_derived_figures_on_the_real_data(book: casebook.Casebook) -> None:
    derived = casebook.derived_indicators(book.indicators).set_index(["indicator", "area_id"])[
        "value"
    ]
    assert derived[("corporation_unit_share", "hambaken")] == pytest.approx(1639 / 2191 * 100)
    assert derived[("persons_per_household", "tilburg")] == pytest.approx(204863 / 98710)
    assert ("corporation_unit_share", "doornakkers") not in derived.index
    # derived figures are never stored as if printed
    assert not set(casebook.derive.DERIVATIONS) & set(book.indicators["indicator"])
