"""The static book's menu figures: every option's traces in one figure, one shown at a time."""

from __future__ import annotations

import plotly.graph_objects as go
import pytest

from casebook.charts.book import MENU_NAME, MENU_ROOM, menu_figure, visible_masks


def _fig(title: str, *names: str, height: int | None = None) -> go.Figure:
    fig = go.Figure([go.Bar(x=[1], y=[2], name=n) for n in names])
    fig.update_layout(title=title, height=height, xaxis_title=f"x of {title}")
    return fig


def test_visible_masks_cover_each_option_once() -> None:
    assert visible_masks([2, 1, 3]) == [
        [True, True, False, False, False, False],
        [False, False, True, False, False, False],
        [False, False, False, True, True, True],
    ]
    assert visible_masks([]) == []


def test_each_menu_entry_shows_exactly_its_options_traces() -> None:
    options = [("A", _fig("a", "a1", "a2")), ("B", _fig("b", "b1")), ("C", _fig("c", "c1", "c2"))]
    combined = menu_figure(options, default=1)
    assert [t.name for t in combined.data] == ["a1", "a2", "b1", "c1", "c2"]
    menu = combined.layout.updatemenus[0]
    assert menu.name == MENU_NAME and menu.active == 1
    assert [b.label for b in menu.buttons] == ["A", "B", "C"]
    for (label, fig), button in zip(options, menu.buttons, strict=True):
        visible, layout = button.args
        shown = [t.name for t, v in zip(combined.data, visible["visible"], strict=True) if v]
        assert shown == [t.name for t in fig.data], label
        assert layout["title"]["text"] == fig.layout.title.text
        assert layout["xaxis"]["title"]["text"] == f"x of {fig.layout.title.text}"
    # the default option is what the figure shows before anything is chosen
    assert [t.name for t in combined.data if t.visible] == ["b1"]
    assert combined.layout.title.text == "b"


def test_an_option_without_a_layout_key_resets_it() -> None:
    with_notes = _fig("a", "a1")
    with_notes.add_annotation(text="note", x=0, y=0)
    combined = menu_figure([("A", with_notes), ("B", _fig("b", "b1"))])
    first, second = (b.args[1] for b in combined.layout.updatemenus[0].buttons)
    assert first["annotations"][0]["text"] == "note" and second["annotations"] is None


def test_the_options_figures_are_left_as_they_were_and_height_is_the_tallest() -> None:
    a, b = _fig("a", "a1", height=300), _fig("b", "b1", height=500)
    combined = menu_figure([("A", a), ("B", b)])
    assert a.data[0].visible is None
    assert combined.layout.height == 500 + MENU_ROOM
    # the menu has its own room above the title, in every option
    for button in combined.layout.updatemenus[0].buttons:
        layout = button.args[1]
        plot = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
        menu_top = layout["margin"]["b"] + layout["updatemenus[0].y"] * plot  # from the bottom
        assert menu_top == pytest.approx(layout["height"] - 6)
        assert layout["margin"]["t"] >= MENU_ROOM


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        menu_figure([])
    with pytest.raises(ValueError, match="default 2"):
        menu_figure([("A", _fig("a", "a1"))], default=2)
