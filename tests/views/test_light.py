"""The casebook's anywidgets keep their front-end code on their class (casebook.views.light):
a new widget is not a new class, and the browser gets the same state as anywidget's own way."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casebook.app.site.shell import Shell
from casebook.views.chart import Chart
from casebook.views.choices import Choices
from casebook.views.light import Light
from casebook.views.live import Ticker


@pytest.mark.parametrize(
    "make",
    [Chart, lambda: Choices(options=[("A", "a")]), Shell, lambda: Ticker(interval_ms=1000)],
    ids=["Chart", "Choices", "Shell", "Ticker"],
)
def test_a_new_widget_is_not_a_new_class(make: Callable[[], Light]) -> None:
    one, two = make(), make()
    assert isinstance(one, Light)
    assert type(one) is type(two)
    assert type(one) in (Chart, Choices, Shell, Ticker)  # not a subclass made for the widget
    state = one.get_state()
    assert "export default" in state["_esm"]
    assert state["_anywidget_id"] == f"{type(one).__module__}.{type(one).__name__}"
    assert state["_model_name"] == "AnyModel" and state["_view_name"] == "AnyView"
