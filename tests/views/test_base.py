"""The view base's one-draw rule: opening a view draws each output once, and one change of any
control redraws each output it affects exactly once (never twice, never a half-relabelled state).

Outputs are counted the way ipywidgets' own tests count observations: an observer on each
chart widget's ``serial`` (one more for each figure it sends) and each HTML widget's ``value``
counts the changes the browser would get.
Assignments are counted too (``View.show`` and every ``HTML.value = ...``), since drawing the
same thing twice costs the kernel even when the browser is sent nothing new.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import plotly.graph_objects as go
import pytest
import traitlets

import casebook
from casebook.views.base import View
from casebook.views.chart import Chart
from tests.test_views_fuzz import CHOICE, MULTI, SLIDERS, _views, controls

VIEWS = ["start", "reader", "compare", "logics", "evaluations", "lessons", "check", "glossary"]
CHARTS = ["compare", "logics", "evaluations", "lessons", "check"]


def outputs(root: widgets.Widget) -> list[tuple[widgets.Widget, str]]:
    """Every chart widget (its ``serial``) and HTML widget (its ``value``) under ``root``."""
    found, stack, seen = [], [root], set()
    while stack:
        w = stack.pop()
        if id(w) in seen:
            continue
        seen.add(id(w))
        if isinstance(w, Chart):
            found.append((w, "serial"))
        elif isinstance(w, widgets.HTML):
            found.append((w, "value"))
        stack.extend(getattr(w, "children", ()))
    return found


class Draws:
    """Counts, per output widget, trait changes and ``View.show`` calls since the last reset."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.changes: Counter[int] = Counter()
        self.shows: Counter[int] = Counter()
        self.names: dict[int, str] = {}
        show = View.show
        setattr_html = widgets.HTML.__setattr__

        def counted(view: View, output: Chart, fig: go.Figure | None) -> None:
            self.shows[id(output)] += 1
            show(view, output, fig)

        def html_set(widget: widgets.HTML, name: str, value: Any) -> None:
            if name == "value":
                self.shows[id(widget)] += 1
            setattr_html(widget, name, value)

        monkeypatch.setattr(View, "show", counted)
        monkeypatch.setattr(widgets.HTML, "__setattr__", html_set)

    def watch(self, view: Any) -> None:
        for widget, trait in outputs(view.widget):
            key = id(widget)
            self.names[key] = f"{type(widget).__name__} {widget.model_id[:6]}"
            widget.observe(lambda _, k=key: self.changes.update([k]), names=trait)

    def reset(self) -> None:
        self.changes.clear()
        self.shows.clear()

    def twice(self) -> list[str]:
        """The outputs changed or drawn more than once."""
        keys = [k for c in (self.changes, self.shows) for k, n in c.items() if n > 1]
        return sorted({self.names.get(k, str(k)) for k in keys})


@pytest.fixture
def draws(monkeypatch: pytest.MonkeyPatch) -> Iterator[Draws]:
    yield Draws(monkeypatch)


def _other_value(control: widgets.Widget) -> Any:
    """A valid value for ``control`` that differs from its current one, or None."""
    if isinstance(control, CHOICE):
        values = [v for _, v in control.options]
    elif isinstance(control, MULTI):
        values = [(v,) for _, v in control.options][:2] + [()]
    elif isinstance(control, SLIDERS):
        values = [control.max, control.min]
    elif isinstance(control, widgets.Text):
        values = ["Team Noord", "Team Zuid"]
    else:
        return None
    return next((v for v in values if v != control.value), None)


@pytest.mark.parametrize("name", VIEWS)
def test_opening_a_view_draws_each_output_once(name: str, tmp_path: Path, draws: Draws) -> None:
    _views(tmp_path)[name]()
    twice = {k: n for k, n in draws.shows.items() if n > 1}
    assert not twice, f"{name} drew {len(twice)} outputs more than once when it opened"
    if name in CHARTS:
        assert draws.shows, f"{name} drew no chart"


@pytest.mark.parametrize("name", VIEWS)
def test_one_change_redraws_each_affected_output_once(
    name: str, tmp_path: Path, draws: Draws
) -> None:
    view = _views(tmp_path)[name]()
    draws.watch(view)
    tried = 0
    for control in controls(view.widget):
        label = f"{name}: {type(control).__name__} {control.description!r}"
        if isinstance(control, widgets.Button):
            draws.reset()
            control.click()
        else:
            value = _other_value(control)
            if value is None:
                continue
            draws.reset()
            control.value = value
        tried += 1
        assert not draws.twice(), f"{label} redrew {draws.twice()} more than once"
        if isinstance(control, (*CHOICE, *MULTI, *SLIDERS)):
            assert draws.changes or draws.shows, f"{label} changed nothing on the page"
    assert tried >= (2 if name != "start" else 1), f"{name}: only {tried} controls tried"


def test_the_count_catches_a_view_that_draws_twice(book: casebook.Casebook, draws: Draws) -> None:
    """The rule can fail: a view whose observer draws, and whose relabelling (not quiet) fires
    the observer again, is caught."""

    class Careless(View):
        def __init__(self) -> None:
            super().__init__(book)
            self.choice = widgets.Dropdown(options=["a", "b"], value="a")
            self.chart = Chart()
            self.note = widgets.HTML()
            self.widget = widgets.VBox([self.language, self.choice, self.chart, self.note])
            self._start()
            self.choice.observe(lambda _: self.draw(), names="value")  # not through watch()

        def relabel(self) -> None:
            self.choice.options = [(f"{x} ({self.lang})", x) for x in "ab"]

        def draw(self) -> None:
            self.note.value = f"{self.lang} {self.choice.value}"
            self.show(self.chart, go.Figure({"layout": {"title": {"text": self.note.value}}}))

    view = Careless()
    draws.watch(view)
    draws.reset()
    view.choice.value = "b"
    assert not draws.twice()  # one change, one draw
    draws.reset()
    view.language.value = "en"  # relabelling resets the choice: its observer draws, then _start's
    assert draws.twice(), "a double draw went unnoticed"


def test_choices_are_checkboxes_that_behave_like_a_multiple_selection() -> None:
    """The checkboxes that replaced Ctrl-click lists, one widget for the whole row: one value
    change per tick, ticks kept across new labels, dropped values leave the value, unknown
    values refused, a browser's ticks that name no box ignored."""
    from casebook.views.choices import Choices

    choices = Choices(options=[("A", "a"), ("B", "b"), ("C", "c")], value=("a", "c"))
    assert choices.labels == ["A", "B", "C"] and choices.ticked == [0, 2]
    assert "cb-choices" in choices._dom_classes
    seen: list[tuple[str, ...]] = []
    choices.observe(lambda c: seen.append(c["new"]), names="value")
    choices.set_state({"ticked": [0, 1, 2]})  # the reader ticks B (as the browser says it)
    assert seen == [("a", "b", "c")] and choices.value == ("a", "b", "c")
    choices.set_state({"ticked": [1, 2]})
    assert seen[-1] == ("b", "c") and len(seen) == 2
    choices.value = ("a",)  # set from code: the boxes follow, one change
    assert choices.ticked == [0] and len(seen) == 3
    choices.options = [("Aa", "a"), ("Bb", "b")]  # new labels; "c" is gone
    assert choices.labels == ["Aa", "Bb"] and choices.ticked == [0]
    assert choices.value == ("a",)
    choices.value = ("a", "b")
    choices.options = [("B", "b")]
    assert choices.value == ("b",) and choices.ticked == [0]
    with pytest.raises(traitlets.TraitError, match="'zz'"):
        choices.value = ("zz",)
    choices.set_state({"ticked": [0, 7, -1, 0]})  # a stray message: what names a box counts
    assert choices.value == ("b",) and choices.ticked == [0]
    choices.set_state({"ticked": []})
    assert choices.value == () and choices.ticked == []
    choices.description = "<b>Wijken</b>"  # the browser sets it as text, never as markup
    assert choices.get_state()["description"] == "<b>Wijken</b>"
