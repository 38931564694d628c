"""Tests of casebook.charts.lessons: the lessons x cases grid."""

from __future__ import annotations

import pytest

import casebook
from casebook import lessons
from casebook.charts.lessons import lessons_heatmap


def _grid(book: casebook.Casebook, titles: dict[int, str], lang: str, **kwargs: object) -> object:
    names = dict(zip(book.cases["case_id"], book.cases["short_name"], strict=True))
    return lessons_heatmap(
        lessons.lessons_matrix(book), lesson_titles=titles, case_names=names, lang=lang, **kwargs
    )


def test_rows_say_les_or_lesson_and_cells_the_pages(book: casebook.Casebook) -> None:
    titles = dict(zip(book.lessons["lesson_id"].astype(int), book.lessons["title_nl"], strict=True))
    nl, en = _grid(book, titles, "nl"), _grid(book, titles, "en")
    assert nl.data[0].y[0].startswith("Les 0: ") and en.data[0].y[0].startswith("Lesson 0: ")
    assert len(nl.data[0].y) == 27 and len(nl.data[0].x) == 5
    assert any("p. " in cell for row in nl.data[0].text for cell in row)


def test_highlighted_lessons_are_strong_and_the_others_faded(book: casebook.Casebook) -> None:
    titles = dict(zip(book.lessons["lesson_id"].astype(int), book.lessons["title_nl"], strict=True))
    z = _grid(book, titles, "nl", highlight=[0]).data[0].z
    assert set(z[0]) == {2} and 2 not in {v for row in z[1:] for v in row}


def test_a_long_title_is_cut_before_it_is_escaped(book: casebook.Casebook) -> None:
    """Cutting after escaping could split an entity: 'R&amp;D' cut to 'R&am'. A title is
    shown on at most two lines, each cut (with an ellipsis) before it is escaped."""
    titles = {i: "Samen " + "x" * 20 + " R&D voor iedereen in de wijk" for i in range(27)}
    label = _grid(book, titles, "nl").data[0].y[0]
    assert label == "Les 0: Samen<br>" + "x" * 20 + " R&amp;D vo…"  # 28 characters, then cut
    assert all(len(y.split("<br>")) <= 2 for y in _grid(book, titles, "nl").data[0].y)


def test_every_cell_shows_its_pages_and_is_filled_where_it_has_some(
    book: casebook.Casebook,
) -> None:
    from casebook.markup import escape

    titles = dict(zip(book.lessons["lesson_id"].astype(int), book.lessons["title_nl"], strict=True))
    matrix = lessons.lessons_matrix(book)
    heat = _grid(book, titles, "nl", highlight=[0, 6]).data[0]
    for i, lesson_id in enumerate(matrix.index):
        for j, case_id in enumerate(matrix.columns):
            cell = matrix.loc[lesson_id, case_id]
            assert heat.text[i][j] == escape(cell)
            assert heat.z[i][j] == ((2 if lesson_id in (0, 6) else 1) if cell else 0)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_grid_is_whole_on_a_phone(book: casebook.Casebook, lang: str) -> None:
    """Issue 33: on a 390 px phone the pages in the cells ("p. 12, p. 8") were some 3 px high
    and the lessons' titles cut with "…": at the narrowest phone's width each title stands
    whole above its row, every cell's pages fit their cell, every text at least 11 px."""
    from casebook.charts.base import PHONE
    from casebook.markup import escape
    from casebook.text import t
    from tests.helpers import heatmap_misfits

    titles = dict(
        zip(book.lessons["lesson_id"].astype(int), book.lessons[f"title_{lang}"], strict=True)
    )
    fig = _grid(book, titles, lang, narrow=True, highlight=[6])
    for width in (PHONE, 371, 620):
        assert heatmap_misfits(fig, width) == [], width
    rows = [a.text.replace("<br>", " ") for a in fig.layout.annotations if a.name == "row"]
    assert rows == [escape(t("lessons.label", lang, n=n, title=titles[n])) for n in titles]
    assert "p. 12, p. 8" in {c for row in fig.data[0].text for c in row}


# --- the text alternative (issue 36) ---


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("highlight", [None, [0, 6, 14], []])
def test_the_grid_says_what_it_draws(
    book: casebook.Casebook, lang: str, highlight: list[int] | None
) -> None:
    """The summary counts the lessons, the dark ones, names the case drawn on by the most and
    the fewest lessons and the lessons that draw on every case, all read from the cells drawn;
    the table is the grid's cells, an empty one a dash (never blank, never 0)."""
    from html import unescape

    from casebook.text import listing, t
    from tests.charts.alt_reading import alt_rows, alt_summary

    titles = dict(
        zip(book.lessons["lesson_id"].astype(int), book.lessons[f"title_{lang}"], strict=True)
    )
    fig = _grid(book, titles, lang, highlight=highlight)
    heat = fig.data[0]
    cells = [[unescape(c) for c in row] for row in heat.text]
    cases = [unescape(x.replace("-<br>", "-")) for x in heat.x]
    rows = alt_rows(fig)
    assert rows[0] == [t("alt.lessons.col.lesson", lang), *cases]
    assert [r[1:] for r in rows[1:]] == [[c or "—" for c in row] for row in cells]
    assert [r[0] for r in rows[1:]] == [
        t("lessons.label", lang, n=n, title=titles[n]) for n in titles
    ]
    said = alt_summary(fig)
    assert f" {len(heat.y)} " in said
    dark = sum(2 in row for row in heat.z)
    if highlight:
        assert f" {dark} " in said
    per_case = [sum(bool(row[j]) for row in cells) for j in range(len(cases))]
    for key, n in (("alt.lessons.most", max(per_case)), ("alt.lessons.fewest", min(per_case))):
        named = [f"{c} ({k})" for c, k in zip(cases, per_case, strict=True) if k == n]
        assert t(key, lang, items=listing(named, lang)) in said
    every = [
        t("alt.lessons.number", lang, n=k) for k, row in zip(titles, cells, strict=True) if all(row)
    ]
    assert every  # lesson 0 draws on every case
    assert t("alt.lessons.every", lang, items=listing(every, lang)) in said


def test_the_grid_summary_follows_the_filters(book: casebook.Casebook) -> None:
    from tests.charts.alt_reading import alt_summary

    titles = dict(zip(book.lessons["lesson_id"].astype(int), book.lessons["title_en"], strict=True))
    said = {
        key: alt_summary(_grid(book, titles, "en", highlight=h))
        for key, h in (("all", None), ("three", [0, 6, 14]), ("none", []))
    }
    assert len(set(said.values())) == 3
    assert "Dark: the 3 lessons" in said["three"] and "No lesson fits" in said["none"]
