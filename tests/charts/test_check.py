"""Tests of casebook.charts.check: the reader's scores beside the booklet's readings."""

from __future__ import annotations

import casebook
from casebook import check
from tests.helpers import IDS, _answers


def test_chart_has_scores_beside_the_readings(book: casebook.Casebook) -> None:
    from casebook.charts.check import check_chart

    answers = _answers(urgency=1, backing=4)
    fig = check_chart(
        check.profile(book, answers, lang="nl"),
        check.readings(book),
        case_names=book.cases.set_index("case_id")["short_name"].to_dict(),
        evidence=check.reading_hover(book, lang="nl"),
        lang="nl",
    )
    bar, heat = fig.data
    assert list(bar.x) == [1, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0]
    assert bar.text[1] == "weet niet" and bar.text[0] == "nee"
    assert len(heat.z) == len(IDS) and len(heat.z[0]) == 5
    assert "Het boekje zegt hier niets over." in heat.hovertext[0][3]  # Helmond-Oost
