"""Issue 10: every control of every view, through every value of small domains and random
sequences of changes for all of them, runs without an exception, and empty selections end in a
message. Views catch errors so that readers never see a traceback; here a caught error (logged
at ERROR) is a failure."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import casebook
from casebook.own import read_own_area
from casebook.views.choices import Choices

ROOT = Path(__file__).resolve().parents[1]


def _views(tmp: Path) -> dict[str, Callable[[], Any]]:
    book = casebook.load()
    example = ROOT / "templates" / "voorbeeld_eigen_wijk.csv"
    own = [read_own_area(example.read_bytes(), filename="voorbeeld.csv", book=book)]
    return {
        "start": lambda: casebook.start_view(book),
        "reader": lambda: casebook.case_reader(book),
        "compare": lambda: casebook.compare_view(book, own=own),
        "logics": lambda: casebook.logics_view(book, save_dir=tmp / "plaatsingen"),
        "evaluations": lambda: casebook.evaluation_view(book),
        "lessons": lambda: casebook.lessons_view(book),
        "check": lambda: casebook.check_view(book, save_dir=tmp / "checks"),
        "glossary": lambda: casebook.glossary_view(book),
    }


VIEWS = ["start", "reader", "compare", "logics", "evaluations", "lessons", "check", "glossary"]
CHOICE = (widgets.Dropdown, widgets.ToggleButtons, widgets.RadioButtons, widgets.Select)
MULTI = (widgets.SelectMultiple, Choices)
SLIDERS = (widgets.FloatSlider, widgets.IntSlider)


def controls(root: widgets.Widget) -> list[widgets.Widget]:
    """Every control under ``root``, depth first, each once."""
    found, stack, seen = [], [root], set()
    while stack:
        w = stack.pop()
        if id(w) in seen:
            continue
        seen.add(id(w))
        if isinstance(w, (*CHOICE, *MULTI, *SLIDERS, widgets.Button, widgets.Text)):
            found.append(w)
        stack.extend(reversed(getattr(w, "children", ())))
    return found


def _values(control: widgets.Widget) -> list[Any]:
    """The values worth trying: every option; for sliders the ends and the middle."""
    if isinstance(control, CHOICE):
        return [v for _, v in control.options] if control.options else []
    if isinstance(control, MULTI):
        values = [v for _, v in control.options]
        return [(), tuple(values[:1]), tuple(values[-1:]), tuple(values)]
    if isinstance(control, SLIDERS):
        return [control.min, control.max, (control.min + control.max) / 2]
    if isinstance(control, widgets.Text):
        return ["", "<img src=x onerror=alert(1)>", 'Ürsula’s "team", 3', "x" * 500]
    return []


def _act(control: widgets.Widget, value: Any) -> None:
    if isinstance(control, widgets.Button):
        control.click()
    elif isinstance(control, SLIDERS):
        control.value = type(control.value)(value)
    else:
        control.value = value


@pytest.fixture
def errors(caplog: pytest.LogCaptureFixture) -> Iterator[Callable[[], list[str]]]:
    caplog.set_level(logging.ERROR, logger="casebook")
    yield lambda: [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("name", VIEWS)
def test_every_value_of_every_control(
    name: str, tmp_path: Path, errors: Callable[[], list[str]]
) -> None:
    view = _views(tmp_path)[name]()
    tried = 0
    for control in controls(view.widget):
        if isinstance(control, widgets.Button):
            _act(control, None)
            tried += 1
            continue
        for value in _values(control):
            _act(control, value)
            tried += 1
            assert not errors(), f"{name}: {control.description!r} = {value!r}: {errors()}"
    assert tried >= 2, f"{name}: found only {tried} control values to try"


@pytest.mark.parametrize("name", VIEWS)
def test_random_sequences_of_changes(name: str, tmp_path: Path) -> None:
    make = _views(tmp_path)[name]

    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        records: list[logging.LogRecord] = []
        handler = logging.Handler(level=logging.ERROR)
        handler.emit = records.append  # type: ignore[method-assign]
        logger = logging.getLogger("casebook")
        logger.addHandler(handler)
        try:
            view = make()
            steps = data.draw(st.integers(min_value=1, max_value=12), label="steps")
            for _ in range(steps):
                found = controls(view.widget)
                control = data.draw(st.sampled_from(found), label="control")
                values = _values(control) or [None]
                value = data.draw(st.sampled_from(values), label="value")
                _act(control, value)
                assert not records, [r.getMessage() for r in records]
        finally:
            logger.removeHandler(handler)

    run()


def test_empty_selections_say_what_to_do(tmp_path: Path) -> None:
    views = _views(tmp_path)
    compare = views["compare"]()
    compare.areas.value = ()
    assert compare.figure is None and compare.message_text == "Kies minstens één wijk."
    compare.mode.value = "several"
    compare.areas.value = ("hambaken",)
    compare.indicators.value = ()
    assert compare.figure is None and compare.message_text == "Kies minstens één kenmerk."
    evaluations = views["evaluations"]()
    evaluations.cases.value = ()
    assert "Kies minstens één casus." in evaluations.message.value
    lessons = views["lessons"]()
    lessons.logic.value, lessons.tension.value = "institutional", "control"
    assert lessons.shown.empty if hasattr(lessons.shown, "empty") else not lessons.shown
    assert "Geen les past bij deze filters." in lessons.card.value
