"""Tests of casebook.views.lessons: every lesson reachable in the LessonsView, filters, jumps."""

from __future__ import annotations

import html
import re

import pytest

import casebook
from casebook.views import LessonsView
from tests.helpers import _pages_in


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
    main_lines = re.sub(r"</?abbr[^>]*>", "", view.main_lines.value)  # glossary terms marked
    for m in book.main_lines.to_dict("records"):
        assert html.escape(m["summary_nl"]) in main_lines
    for v in book.voices.to_dict("records"):
        assert html.escape(v["name"]) in view.voices.value
    voices = re.sub(r"</?abbr[^>]*>", "", view.voices.value)
    for c in book.voice_claims.to_dict("records"):
        assert html.escape(c["claim_nl"]) in voices
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


def test_moving_between_lessons_creates_no_widgets(book: casebook.Casebook) -> None:
    """A jump button per cited case is made once and reused (a new one per lesson stayed in
    the kernel and the browser for as long as the page was open), and follows the language."""
    from ipywidgets.widgets.widget import _instances

    view = LessonsView(book, lang="nl")
    for lesson_id in range(27):  # every case's button made once
        view.lesson.value = lesson_id
    before = len(_instances)
    for lesson_id in [*range(27), *range(27)]:
        view.lesson.value = lesson_id
    assert len(_instances) == before
    view.lesson.value = 9
    hambaken = view.jumps.children[0]
    view.language.value = "en"
    assert view.jumps.children[0] is hambaken
    assert hambaken.description == "Read the case: Hambaken"


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


def test_a_filter_sends_the_grid_before_the_list_and_the_card(
    book: casebook.Casebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The grid is what a filter changes before the reader's eyes: it goes to the browser
    before the list of lessons is rebuilt and the card is written (issue 17's timing)."""
    view = LessonsView(book, lang="nl")
    order: list[str] = []
    real = casebook.lessons.lesson_card
    monkeypatch.setattr(
        casebook.lessons, "lesson_card", lambda *a, **k: order.append("card built") or real(*a, **k)
    )
    view.chart.observe(lambda _: order.append("grid"), names="serial")
    view.lesson.observe(lambda _: order.append("list"), names="options")
    view.card.observe(lambda _: order.append("card"), names="value")
    tension = [v for _, v in view.tension.options][1]
    view.tension.value = tension
    assert order[0] == "grid" and {"list", "card built", "card"} <= set(order[1:])
    assert [v for _, v in view.lesson.options] == view.shown


def _english_outputs(book: casebook.Casebook) -> dict[str, str]:
    """Everything the English pages show that names a lesson, each as one text: the lessons
    page (its list, every card, the grid, the book's page), the check's advice for every weak
    spot and its summary, and every other view's page in the book."""
    import json

    from casebook import check
    from casebook.views import (
        CaseReader,
        CheckView,
        CompareView,
        EvaluationView,
        GlossaryView,
        LogicsView,
    )

    lessons = LessonsView(book, lang="en")
    out = {"lessons list": "\n".join(label for label, _ in lessons.lesson.options)}
    for lesson_id in range(27):
        lessons.lesson.value = lesson_id
        out[f"lessons card {lesson_id}"] = lessons.card.value
    out["lessons grid"] = json.dumps(lessons.figure.to_plotly_json()["data"])
    out["lessons book"] = lessons.static_html("en")
    weak = check.Answers(scores=dict.fromkeys(book.conditions["condition_id"], 1))
    checker = CheckView(book, lang="en")
    checker.set_answers(weak)
    out["check weak spots"] = checker.weak_html.value
    out["check summary"] = check.summary_html(book, weak, lang="en")
    for view in (CaseReader, CompareView, EvaluationView, GlossaryView, LogicsView):
        out[view.__name__] = view(book, lang="en").static_html("en")
    return out


def test_english_pages_give_each_lesson_its_english_title(book: casebook.Casebook) -> None:
    """Issue 33, item 9: in English the lesson titles stayed Dutch (the list, the grid, the
    check's advice) and "Les 0" stood in an English main line. A Dutch title may show in an
    English page only beside its English one, and "Les " never."""
    outputs = _english_outputs(book)
    titles = book.lessons.to_dict("records")
    for where, text in outputs.items():
        plain = html.unescape(re.sub(r"<[^>]+>", " ", text))
        assert "Les " not in plain, f"{where}: {plain[plain.index('Les ') - 60 :][:140]!r}"
        for lesson in titles:
            if lesson["title_nl"] in plain:
                assert lesson["title_en"] in plain, f"{where}: lesson {lesson['lesson_id']}"
    # the lessons the English pages name carry our title, and the Dutch one beside it where a
    # lesson is read: its card and the check's advice
    for lesson in titles:
        card = html.unescape(outputs[f"lessons card {lesson['lesson_id']}"])
        assert f"Lesson {lesson['lesson_id']}: {lesson['title_en']}" in card
        assert f"Dutch: “{lesson['title_nl']}”" in card
        assert f"Lesson {lesson['lesson_id']}: {lesson['title_en']}" in outputs["lessons list"]
    advice = html.unescape(re.sub(r"<[^>]+>", "", outputs["check weak spots"]))
    for cond in book.conditions.to_dict("records"):
        lesson = book.lessons.set_index("lesson_id").loc[cond["lesson_id"]]
        assert f"“{lesson['title_en']}” (Dutch: “{lesson['title_nl']}”)" in advice


def test_an_address_with_a_lesson_opens_the_page_at_it(book: casebook.Casebook) -> None:
    """``?les=25`` (a weak spot's link on the check page) shows lesson 25, also when a filter
    had left it out of the list; anything else changes nothing."""
    view = LessonsView(book, lang="en")
    view.case.value = "mom"  # a filter that leaves lesson 25 out
    assert 25 not in view.shown
    view.arrive({"les": "25"})
    assert view.lesson.value == 25 and 25 in view.shown
    assert "Lesson 25: Check the conditions" in html.unescape(view.card.value)
    for asked in ({"les": "99"}, {"les": "-1"}, {"les": "2x"}, {"other": "3"}, {}):
        view.arrive(asked)
        assert view.lesson.value == 25, asked


def test_the_app_passes_a_links_lesson_to_the_lessons_page(book: casebook.Casebook) -> None:
    """The title bar hears a followed link with its query (shell.js sends it); the session
    opens the page and hands the query to its view once: a later visit without it, or the
    reader's own choice, is left alone."""
    from casebook.app.settings import Settings
    from casebook.app.site.session import Session

    session = Session(Settings(open_browser=False), "lang=en")
    session.navigate = lambda address: session.show(*address.split("?", 1))
    session.show("/check", "lang=en")
    session.shell._heard(session.shell, {"go": "/lessen", "query": "les=18&lang=nl"}, [])
    (view,) = session.current.views
    assert view.lesson.value == 18 and session.lang == "en"
    view.lesson.value = 3  # the reader moves on, visits the check and comes back by the bar
    session.shell._heard(session.shell, {"go": "/check"}, [])
    session.shell._heard(session.shell, {"go": "/lessen"}, [])
    assert session.current.views == [view] and view.lesson.value == 3
    session.shell._heard(session.shell, {"go": "/lessen", "query": 123}, [])  # not a query
    assert view.lesson.value == 3
    # an address opened afresh (a reload, a bookmark) is a new session: it opens at its lesson
    fresh = Session(Settings(open_browser=False), "lang=nl&les=21")
    fresh.show("/lessen", "lang=nl&les=21")
    assert fresh.current.views[0].lesson.value == 21
