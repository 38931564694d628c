"""Tests of casebook.views.check: the CheckView's answers, saves, reloads and language."""

from __future__ import annotations

from pathlib import Path

import pytest

import casebook
from casebook.views.check import CheckView


def test_view_answers_save_reset_and_reload(book: casebook.Casebook, tmp_path: Path) -> None:
    view = CheckView(book, save_dir=tmp_path)
    view.questions["urgency"].value = 1
    view.questions["front_door"].value = 3
    view.name.value = "Team <Oost>"
    assert view.weak["condition_id"].tolist() == ["urgency"]
    assert "les 25" in view.weak_html.value
    assert 'download="mijn_antwoorden.json"' in view.downloads.value
    assert 'download="samenvatting_check.html"' in view.downloads.value
    first = view.save_answers()
    second = view.save_answers()
    assert first is not None and second is not None and first != second  # never overwritten
    view.reset_answers()
    assert all(b.value == 0 for b in view.questions.values()) and view.weak.empty
    loaded = view.load_answers_file(first.name, first.read_bytes())
    assert loaded is not None and view.questions["urgency"].value == 1
    assert view.name.value == "Team Oost"
    # a broken file changes nothing and says why
    assert view.load_answers_file("kapot.json", first.read_bytes()[:40]) is None
    assert "kapot.json" in view.message_text and view.questions["urgency"].value == 1


def test_view_reports_a_failed_save(book: casebook.Casebook, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    view = CheckView(book, save_dir=blocker / "sub")
    assert view.save_answers() is None
    assert "lukte niet" in view.save_status.value


def test_view_language_switch_keeps_answers(book: casebook.Casebook, tmp_path: Path) -> None:
    view = CheckView(book, save_dir=tmp_path)
    view.questions["backing"].value = 2
    view.language.value = "en"
    assert view.questions["backing"].value == 2
    assert view.questions["backing"].options[2] == ("a little", 2)
    assert "Political and administrative backing" in view.weak_html.value
    assert view.figure.layout.title.text.replace("<br>", " ") == (
        "Your collaboration beside the five cases"
    )


def test_a_refused_answers_file_is_said_in_the_language_of_the_page(
    book: casebook.Casebook, tmp_path: Path
) -> None:
    view = CheckView(book, save_dir=tmp_path)
    assert view.load_answers_file("kapot.json", b'{"format": ') is None
    assert view.message_text == (
        "kapot.json: is geen volledige JSON (regel 1, kolom 12: Expecting value); "
        "misschien is het bestand halverwege afgebroken"
    )
    assert "kapot.json: is geen volledige JSON" in view.message.value
    view.language.value = "en"  # the message shown is said again, in English
    assert view.message_text.startswith("kapot.json: the file is not complete JSON (line 1")
    assert "the file is not complete JSON" in view.message.value
    assert "geen volledige JSON" not in view.message.value


def test_a_loaded_file_is_said_in_the_language_of_the_page(
    book: casebook.Casebook, tmp_path: Path
) -> None:
    view = CheckView(book, lang="en", save_dir=tmp_path)
    saved = view.save_answers()
    assert saved is not None
    view.load_answers_file("eerder.json", saved.read_bytes())
    assert view.message_text == "Answers loaded from eerder.json."
    view.language.value = "nl"
    assert view.message_text == "Antwoorden geladen uit eerder.json."
    view.reset_answers()  # says nothing, in either language
    view.language.value = "en"
    assert view.message_text is None and view.message.value == ""


def test_an_answer_sends_the_chart_before_the_weak_spots(
    book: casebook.Casebook, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chart is what an answer changes before the reader's eyes: it goes to the browser
    before the kernel works out the weak spots and the summary (issue 17's timing), and the
    casebook's reading it is drawn beside is the same as the book's."""
    view = CheckView(book, save_dir=tmp_path)
    order: list[str] = []
    for name in ("weak_spots", "summary_html"):
        real = getattr(casebook.check, name)
        monkeypatch.setattr(
            casebook.check, name, lambda *a, _f=real, _n=name, **k: order.append(_n) or _f(*a, **k)
        )
    view.chart.observe(lambda _: order.append("chart"), names="serial")
    view.weak_html.observe(lambda _: order.append("weak spots"), names="value")
    view.questions["urgency"].value = 1
    # (the summary works out the weak spots too)
    assert order[0] == "chart" and order[-1] == "weak spots"
    assert {"weak_spots", "summary_html"} <= set(order[1:-1])
    assert view.weak["condition_id"].tolist() == ["urgency"]
    for lang in ("nl", "en"):
        readings, evidence = view._readings(lang)
        assert readings.equals(casebook.check.readings(book, lang=lang))
        assert evidence == casebook.check.reading_hover(book, lang=lang)


def test_each_weak_spot_links_to_its_lesson(book: casebook.Casebook) -> None:
    """Issue 33, item 10: the weak spots named a lesson without a link. Each names its lesson
    in a link to the lessons page open at it (``?les=``); the summary saved on its own has
    none (it would lead nowhere)."""
    import html
    import re

    from casebook import check
    from casebook.views import CheckView

    answers = check.Answers(scores=dict.fromkeys(book.conditions["condition_id"], 2))
    view = CheckView(book, lang="nl")
    view.set_answers(answers)
    items = re.findall(r"<li>.*?</li>", view.weak_html.value)
    lesson_of = book.conditions.set_index("label_nl")["lesson_id"]
    assert len(items) == len(book.conditions)
    for item in items:
        label = re.search(r"<b>(.*?)</b>", item).group(1)
        (href,) = re.findall(r'<a class="cb-lesson-link" href="([^"]+)">les \d+', item)
        assert href == f"05_lessen.ipynb?les={lesson_of[html.unescape(label)]}"
    assert "<a " not in check.summary_html(book, answers, lang="nl")
