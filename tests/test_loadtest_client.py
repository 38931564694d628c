"""The load test's protocol client (bench/loadclient.py) handles a real server's messages: frames
recorded from a real casebook server (one student on the compare page, 2026-12-02) are fed to
its Session, which must find the widgets' states, the chart and the dropdowns, and see the
chart's new figure after the dropdown changed. No server: it replays the recording."""

from __future__ import annotations

import base64
import gzip
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from loadclient import Session, kernel_id_of  # noqa: E402

RECORDING = ROOT / "bench" / "results" / "loadtest.frames.json.gz"


@pytest.fixture(scope="module")
def recording() -> dict:
    with gzip.open(RECORDING, "rt", encoding="utf-8") as f:
        data = json.load(f)
    data["frames"] = [base64.b64decode(f) for f in data["frames"]]
    return data


def _replay(recording: dict, frames: list[bytes]) -> tuple[Session, list[bytes]]:
    """Feed frames until the widgets are ready; the session and the frames not yet fed."""
    session = Session(session_id=recording["session_id"])
    session.start()
    rest = list(frames)
    while rest and session.phase != "ready":
        session.feed(rest.pop(0))
    return session, rest


def test_a_real_reply_gives_the_widgets_and_the_new_chart(recording: dict) -> None:
    session, rest = _replay(recording, recording["frames"])
    assert session.phase == "ready"
    assert len(session.states) > 50  # the compare page's view: many widgets
    charts = session.charts()
    assert len(charts) == 1
    before = session.states[charts[0]]["state"]
    assert before["figure"]["data"], "the chart's first figure has traces"
    serial, figure = before["serial"], json.dumps(before["figure"], sort_keys=True)
    control = recording["control"]
    assert control["model_id"] in session.dropdowns()
    session.change(control["model_id"], control["index"])
    assert session.phase == "changing"
    for frame in rest:
        session.feed(frame)
    assert session.phase == "changed"
    assert session.changed_chart == charts[0]
    after = session.states[charts[0]]["state"]
    assert after["serial"] > serial
    assert json.dumps(after["figure"], sort_keys=True) != figure


def test_without_the_charts_update_no_answer_is_seen(recording: dict) -> None:
    session, rest = _replay(recording, recording["frames"])
    chart = session.charts()[0]
    control = recording["control"]
    session.change(control["model_id"], control["index"])
    # the same frames with the chart's own messages left out: the dropdown's echo alone
    # (and any other widget's update) is no answer
    for frame in rest:
        if chart.encode() not in frame:
            session.feed(frame)
    assert session.phase == "changing"
    assert session.changed_chart is None


def test_bad_input_is_refused(recording: dict) -> None:
    session = Session(session_id=recording["session_id"])
    with pytest.raises(RuntimeError, match="before the widgets are ready"):
        session.change("anything")
    with pytest.raises(ValueError, match="text frame"):
        session.feed('{"msg_type": "status"}')
    with pytest.raises(ValueError, match="kernelId"):
        kernel_id_of("<html>no config</html>")
    page = '<script id="jupyter-config-data">{"kernelId": "803d3280-63c8-44d2-afa6-659fbc88a9d7"}'
    assert kernel_id_of(page) == "803d3280-63c8-44d2-afa6-659fbc88a9d7"


def test_a_figure_with_an_old_serial_is_no_answer(recording: dict) -> None:
    session, rest = _replay(recording, recording["frames"])
    control = recording["control"]
    session.change(control["model_id"], control["index"])
    for frame in rest:
        session.feed(frame)
    assert session.phase == "changed"
    # a second change answered by the same (now old) figure and serial: not an answer
    session.change(control["model_id"], control["index"])
    for frame in rest:
        session.feed(frame)
    assert session.phase == "changing"
