"""What every chart builder shares (casebook.charts.base)."""

from __future__ import annotations

import html
import json

import plotly.io as pio
import pytest

from casebook.charts.base import check_figures, figure, figures_checked, wrap
from casebook.markup import escape


def test_wrap_breaks_between_words() -> None:
    assert wrap("Wijkpuntonderneming Baardwijk Laageinde", 16) == (
        "Wijkpuntonderneming<br>Baardwijk<br>Laageinde"
    )  # a word a little longer than a line stays whole
    assert wrap("kort", 16) == "kort"


def test_wrap_cuts_a_very_long_word_but_never_an_entity() -> None:
    name = "Wijk <img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>"
    lines = wrap(escape(name), 16).split("<br>")
    assert len(lines) > 3
    for line in lines:
        shown = html.unescape(line)
        assert len(shown) <= 16, line
        # no entity cut in two: every & in the escaped line starts a whole entity
        assert all(part.split(";")[0] in ("lt", "gt", "amp", "quot", "#x27")
                   for part in line.split("&")[1:]), line  # fmt: skip
    assert html.unescape("".join(lines)).replace(" ", "") == name.replace(" ", "")


def test_figures_are_checked_except_in_the_apps_kernels(monkeypatch: pytest.MonkeyPatch) -> None:
    """figure() checks a specification against plotly's schema (a wrong property raises);
    with the check off, as the app's kernels have it, the same figure comes out as the same
    JSON, and a wrong property is no longer caught there (the tests, which check, catch it)."""
    spec = {
        "data": [{"type": "bar", "x": ["a", "b"], "y": [1, None], "marker": {"color": "#000"}}],
        "layout": {"template": "none", "height": 300, "title": {"text": "t"}},
    }
    wrong = {"data": [{"type": "bar", "colour": "red"}], "layout": {}}
    assert figures_checked()  # as in the tests, a notebook, the book
    checked = figure(spec)
    with pytest.raises(ValueError, match="colour"):
        figure(wrong)
    check_figures(False)  # as the app does at start
    try:
        unchecked = figure(spec)
        figure(wrong)  # not checked: no error
    finally:
        check_figures(True)
    as_json = [json.loads(pio.to_json(f, validate=False)) for f in (checked, unchecked)]
    for one in as_json:
        one["layout"].pop("template")  # the check expands the name "none" into its (empty) value
    assert as_json[0] == as_json[1]
    assert unchecked.layout.title.text == "t" and list(unchecked.data[0].x) == ["a", "b"]


def test_a_trace_type_outside_the_casebooks_plotly_is_refused() -> None:
    """The browser's plotly.js holds only TRACE_TYPES (tools/plotly-bundle): a builder that drew
    another type would show an empty chart there, so it fails here, naming what to do."""
    assert (
        figure({"data": [{"type": "bar", "x": [1], "y": [2]}], "layout": {}}).data[0].type == "bar"
    )
    assert figure({"data": [{"x": [1], "y": [2]}], "layout": {}}).data[0].type == "scatter"
    with pytest.raises(ValueError, match="'pie' is not in the casebook's plotly.js"):
        figure({"data": [{"type": "pie", "values": [1]}], "layout": {}})
