"""The chart widget's Python side (casebook/views/chart.py): the figure it sends, the positions
it hears back, and what it does with a message from the browser that it cannot use: logs a
line and carries on (a stray message never becomes a traceback)."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path
from typing import Any

import plotly.graph_objects as go
import pytest

from casebook.charts.base import TRACE_TYPES
from casebook.views.chart import (
    Chart,
    figure_spec,
    plotly_file,
    plotly_js_version,
)


def _fig(title: str = "t") -> go.Figure:
    return go.Figure(go.Scatter(x=[1, 2], y=[3, 4]), layout={"title": {"text": title}})


def test_a_figure_is_sent_once_with_its_layout_and_language() -> None:
    chart = Chart()
    assert chart.figure == {} and chart.serial == 0
    assert chart.show(_fig(), "wide", "en") is True
    assert chart.serial == 1
    assert chart.figure["data"][0]["type"] == "scatter"
    assert chart.figure["layout"]["meta"] == {"casebook_width": "wide", "casebook_lang": "en"}
    # a drag scrolls the page, never zooms: no drag mode, no double-click zoom, no tips; no
    # toolbar at any width (its buttons were Tab stops nested in the chart's image)
    assert chart.figure["layout"]["dragmode"] is False
    assert chart.figure["config"] == {
        "displaylogo": False,
        "responsive": True,
        "displayModeBar": False,
        "doubleClick": False,
        "showTips": False,
    }
    assert figure_spec(_fig(), "narrow", "en")["config"]["displayModeBar"] is False
    assert chart.show(_fig(), "wide", "en") is False  # the same figure again: nothing sent
    assert chart.serial == 1
    assert chart.show(_fig("other"), "wide", "en") is True and chart.serial == 2
    assert chart.show(None) is True and chart.figure == {} and chart.serial == 3


def test_the_spec_is_plain_json_for_plotly_react() -> None:
    spec = figure_spec(_fig(), "narrow", "nl")
    assert set(spec) == {"data", "layout", "config"}
    assert figure_spec(None) == {}


def test_a_moved_point_reaches_the_handlers() -> None:
    chart, heard = Chart(), []
    chart.on_move(lambda point, x, y: heard.append((point, x, y)))
    chart._heard(chart, {"kind": "moved", "point": "mom", "x": 0.5, "y": -1}, [])
    assert heard == [("mom", 0.5, -1.0)] and isinstance(heard[0][2], float)


@pytest.mark.parametrize(
    "content",
    [
        None,
        "moved",
        [],
        {},
        {"kind": "explode"},
        {"kind": "moved"},
        {"kind": "moved", "point": "", "x": 0, "y": 0},
        {"kind": "moved", "point": 3, "x": 0, "y": 0},
        {"kind": "moved", "point": "mom" * 100, "x": 0, "y": 0},
        {"kind": "moved", "point": "mom", "x": "0.5", "y": 0},
        {"kind": "moved", "point": "mom", "x": True, "y": 0},
        {"kind": "moved", "point": "mom", "x": math.nan, "y": 0},
        {"kind": "moved", "point": "mom", "x": 0, "y": math.inf},
        {"kind": "moved", "point": "mom", "x": 0},
    ],
)
def test_a_malformed_message_is_logged_and_ignored(
    content: Any, caplog: pytest.LogCaptureFixture
) -> None:
    chart, heard = Chart(), []
    chart.on_move(lambda *a: heard.append(a))
    with caplog.at_level(logging.WARNING, logger="casebook.views.chart"):
        chart._heard(chart, content, [])
    assert heard == []
    assert any("ignored a message from the browser" in r.message for r in caplog.records)


def test_a_page_without_the_served_file_gets_plotly_from_the_kernel(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chart, sent = Chart(), []
    monkeypatch.setattr(chart, "send", lambda content, buffers=None: sent.append(content))
    chart._heard(chart, {"kind": "need_plotly"}, [])
    assert sent[0]["kind"] == "plotly"
    assert sent[0]["source"].startswith("/**\n* plotly.js v")


def test_the_page_loads_the_served_plotly_of_this_version() -> None:
    """The URL the widget loads carries a hash of the file, so that a browser never keeps an
    old copy: in the app the server's own address (casebook.app.server), which the server sets
    at start. Elsewhere (JupyterLab, nbval) nothing serves the file: no address, and the browser
    asks the kernel for it (above)."""
    import hashlib

    import casebook
    from casebook.app import server
    from casebook.views import chart as chart_module

    digest = hashlib.sha256(plotly_file().read_bytes()).hexdigest()[:12]
    # the library's own file, shipped in the package (not in a server's template)
    assert plotly_file() == Path(casebook.__file__).parent / "static" / "plotly-casebook.min.js"
    assert server.plotly_address() == f"{server.PLOTLY_PATH}?v={digest}"
    was = list(chart_module._ADDRESS)
    try:
        chart_module._ADDRESS.clear()
        assert Chart().library == ""
        chart_module.use_address("/base" + server.plotly_address())
        assert Chart().library == f"/base{server.PLOTLY_PATH}?v={digest}"
    finally:
        chart_module._ADDRESS[:] = was


def test_the_casebooks_plotly_is_plotly_pys_version_with_the_trace_types_it_draws() -> None:
    """The casebook's plotly.js (tools/plotly-bundle) is the plotly.js that the
    installed plotly.py writes figures for, and it registers exactly the trace types of
    :data:`TRACE_TYPES`, as tools/plotly-bundle/entry.js lists them (scatter is in the core)."""
    import plotly

    shipped = Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"
    bundle = plotly_file().read_text(encoding="utf-8")
    assert plotly_js_version(plotly_file()) == plotly_js_version(shipped), (
        "plotly.py was upgraded: set plotly.js in tools/plotly-bundle/package.json to the version "
        "plotly.py ships and run `make plotly-bundle`"
    )
    registered = set(re.findall(r'moduleType:"trace",name:"(\w+)"', bundle))
    assert registered == set(TRACE_TYPES)
    entry = (Path(__file__).resolve().parents[2] / "tools/plotly-bundle/entry.js").read_text()
    listed = set(re.findall(r"require\('plotly\.js/lib/(\w+)'\)", entry)) - {"core"}
    assert listed | {"scatter"} == set(TRACE_TYPES)
    assert "Licensed under the MIT license" in bundle[:400]


def test_a_version_is_read_from_a_plotly_files_first_lines(tmp_path: Path) -> None:
    named = tmp_path / "p.js"
    named.write_text("/**\n* plotly.js (cartesian - minified) v4.0.2\n*/ var x;", encoding="utf-8")
    assert plotly_js_version(named) == "4.0.2"
    named.write_text("var Plotly = {};", encoding="utf-8")
    with pytest.raises(ValueError, match="no plotly.js version"):
        plotly_js_version(named)
