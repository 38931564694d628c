"""Tests of casebook.loaders: one documented loader per table."""

from __future__ import annotations

import casebook


def test_loaders_return_the_tables_and_say_what_a_row_is(book: casebook.Casebook) -> None:
    for name in casebook.TABLES:
        loader = getattr(casebook, f"load_{name}")
        assert loader() is book.table(name)
        assert loader.__doc__.startswith("Each row represents"), name
