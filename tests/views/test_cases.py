"""Tests of casebook.views.cases: everything in the data is reachable in the CaseReader."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import casebook
from casebook.views import CaseReader
from tests.helpers import _pages_in


@pytest.fixture(scope="module")
def reader_html(book: casebook.Casebook) -> dict[tuple[str, str], str]:
    """All HTML the case reader shows, per case and language."""
    reader = CaseReader(book, lang="nl")
    shown = {}
    for lang in ("nl", "en"):
        reader.language.value = lang
        for _, case_id in reader.case.options:
            reader.case.value = case_id
            shown[(case_id, lang)] = reader.summary.value + "".join(
                p.value for p in reader.panes.values()
            )
    return shown


def test_every_case_is_in_the_reader(book: casebook.Casebook, reader_html: dict) -> None:
    assert {c for c, _ in reader_html} == set(book.cases["case_id"])
    for (case_id, lang), text in reader_html.items():
        row = book.cases.set_index("case_id").loc[case_id]
        assert html.escape(row[f"summary_{lang}"]) in text


def test_every_part_of_every_case_is_reachable(book: casebook.Casebook, reader_html: dict) -> None:
    for (case_id, lang), shown in reader_html.items():
        # The text a reader sees: glossary terms are wrapped in <abbr>, and pandas and our cards
        # escape quotes differently.
        text = html.unescape(re.sub(r"<[^>]+>", "", shown))
        for r in book.reflections[book.reflections["case_id"] == case_id].to_dict("records"):
            assert r["title"] in text and r[f"summary_{lang}"] in text
        for h in book.highlights[book.highlights["case_id"] == case_id].to_dict("records"):
            assert h["title"] in text
        for part in book.case_texts[book.case_texts["case_id"] == case_id].to_dict("records"):
            assert part[f"summary_{lang}"] in text
        for b in book.bodies[book.bodies["case_id"] == case_id].to_dict("records"):
            assert b["name"] in text
        for p in book.partners[book.partners["case_id"] == case_id].to_dict("records"):
            assert p["partner"] in text
        for c in book.voice_claims[book.voice_claims["case_id"] == case_id].to_dict("records"):
            assert c[f"claim_{lang}"] in text
        for f in book.evaluation_findings[book.evaluation_findings["case_id"] == case_id].to_dict(
            "records"
        ):
            assert f[f"summary_{lang}"] in text


def test_every_page_shown_by_the_reader_exists(reader_html: dict) -> None:
    seen = []
    for text in reader_html.values():
        pages = _pages_in(text)
        assert pages, "each case shows page references"
        seen += pages
    assert all(1 <= p <= casebook.BOOKLET_PAGES for p in seen)
    assert len(seen) > 200


def test_reader_escapes_hostile_text(data_copy: Path) -> None:
    path = data_copy / "reflections.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            ",Opdrachtgeverschap,", ",<script>alert(1)</script>,", 1
        ),
        encoding="utf-8",
    )
    reader = CaseReader(casebook.load(data_copy), lang="nl")
    shown = "".join(p.value for p in reader.panes.values())
    assert "<script>alert" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
