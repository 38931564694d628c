"""Tests of casebook.markup: the one escaping helper and the card pieces."""

from __future__ import annotations

import pandas as pd

from casebook.markup import card, escape, pages_html, table_html


def test_escape_shows_markup_as_text_and_missing_as_nothing() -> None:
    assert (
        escape('<b onclick="x">A & B</b>') == "&lt;b onclick=&quot;x&quot;&gt;A &amp; B&lt;/b&gt;"
    )
    assert escape(None) == escape(pd.NA) == escape(float("nan")) == ""
    assert escape(3) == "3"


def test_a_card_escapes_its_title_and_ends_with_its_pages() -> None:
    html = card("<i>Les</i>", "body", "21, 22")
    assert "&lt;i&gt;Les&lt;/i&gt;" in html
    assert html.endswith(f"body {pages_html('21, 22')}</div></div>")
    assert "cb-balloon" in card("t", "b", 1, balloon=True)


def test_tables_are_escaped_and_missing_is_a_dash() -> None:
    html = table_html(pd.DataFrame({"a": ["<script>", None]}))
    assert "&lt;script&gt;" in html and "<script>" not in html and "—" in html
