"""Reading the cases and the lessons: everything in the data is reachable, every page exists."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

import casebook
from casebook import lessons
from casebook.views import CaseReader, LessonsView

PAGE_REF = re.compile(r"p\. (\d+(?:\s*[,–-]\s*(?:p\. )?\d+)*)")


def _pages_in(text: str) -> list[int]:
    pages = []
    for match in PAGE_REF.finditer(text):
        pages += [int(n) for n in re.findall(r"\d+", match.group(1))]
    return pages


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
        text = html.unescape(shown)  # pandas and our cards escape quotes differently
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


def test_every_lesson_main_line_and_voice_is_reachable(book: casebook.Casebook) -> None:
    view = LessonsView(book, lang="nl")
    assert [v for _, v in view.lesson.options] == list(range(27))
    shown = []
    for lesson_id in range(27):
        view.lesson.value = lesson_id
        title = book.lessons.set_index("lesson_id").loc[lesson_id, "title_nl"]
        assert html.escape(title) in view.card.value
        cited = set(
            book.lesson_references.loc[
                book.lesson_references["lesson_id"] == lesson_id, "case_id"
            ].dropna()
        )
        assert {b.case_id for b in view.jumps.children} == cited
        shown.append(view.card.value)
    for m in book.main_lines.to_dict("records"):
        assert html.escape(m["summary_nl"]) in view.main_lines.value
    for v in book.voices.to_dict("records"):
        assert html.escape(v["name"]) in view.voices.value
    for c in book.voice_claims.to_dict("records"):
        assert html.escape(c["claim_nl"]) in view.voices.value
    pages = _pages_in("".join(shown) + view.main_lines.value + view.voices.value)
    assert pages and all(1 <= p <= casebook.BOOKLET_PAGES for p in pages)


def test_a_lesson_jumps_to_the_cases_it_cites(book: casebook.Casebook) -> None:
    view = LessonsView(book, lang="en")
    view.lesson.value = 9  # Les 9 draws on Hambaken, p. 23
    assert [b.case_id for b in view.jumps.children] == ["hambaken"]
    assert view.jumps.children[0].description == "Read the case: Hambaken"
    view.jumps.children[0].click()
    assert view.reader.case.value == "hambaken" and view.reader.tabs.selected_index == 0
    assert "Hambaken" in view.reader.summary.value


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"case_id": "hambaken"}, [0, 2, 9, 11, 14, 16, 17]),
        ({"logic_id": "institutional"}, [2, 15, 19, 20, 24, 25]),
        ({"tension_id": "funding"}, [0, 13]),
        ({"case_id": "mom", "logic_id": "cultural"}, [14, 21, 22]),
    ],
)
def test_lesson_filters(book: casebook.Casebook, filters: dict, expected: list[int]) -> None:
    assert lessons.lessons_for(book, **filters) == expected


def test_lesson_filters_in_the_view(book: casebook.Casebook) -> None:
    view = LessonsView(book, lang="nl")
    view.tension.value = "funding"
    assert view.shown == [0, 13] and [v for _, v in view.lesson.options] == [0, 13]
    heat = view.figure.data[0]
    assert heat.z[13][0] == 0 and max(heat.z[0]) == 2  # shown lessons full strength
    view.case.value = "helmond_oost"
    assert view.shown == [0]
    view.logic.value = "institutional"
    assert view.shown == [] and "Geen les past" in view.card.value and view.jumps.children == ()
    view.language.value = "en"
    assert "No lesson fits" in view.card.value and view.tension.options[0][0] == "All"


def test_lessons_matrix_matches_the_references(book: casebook.Casebook) -> None:
    matrix = lessons.lessons_matrix(book)
    assert matrix.shape == (27, 5)
    assert matrix.loc[6, "doornakkers"] == "p. 12, p. 8"
    assert matrix.loc[0].tolist() == ["✓"] * 5
    assert matrix.loc[26].tolist() == [""] * 5


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
