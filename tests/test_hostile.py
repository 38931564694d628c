"""Issue 10: hostile text from a teacher's data file is shown as text, escaped, never run: in
the notebooks (their outputs and widget state, as JupyterLab and the handout run them), and in
every widget the app's server sends a reader for each page (a protocol client, no browser).
The handout and the app, in Chromium, are checked in tests/browser/test_hostile_app.py.

The notebooks' executions also check that no cell captures output into an Output widget while
it runs (what made Voilà pages hang)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import casebook
from casebook.app import notebooks_dir
from casebook.start import PAGES
from tests.hostile import ESCAPED, PAYLOAD, RAW, hostile_data

if TYPE_CHECKING:
    import nbformat


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_data(tmp_path_factory.mktemp("hostile") / "data")


def test_hostile_text_is_valid_data_and_loads_as_is(hostile_dir: Path) -> None:
    book = casebook.load(hostile_dir)
    assert book.cases["name"].str.endswith(PAYLOAD).all()
    assert book.lessons["summary_en"].str.endswith(PAYLOAD).all()


def _client(nb: nbformat.NotebookNode, km: Any = None) -> Any:
    """nbclient as the handout uses it, recording in ``.captures`` every Output widget that starts
    capturing the output of a cell (``with out:``, ``interactive_output``): nbclient is told so
    by the widget's state and then sends the cell's output to it instead of the cell.

    nbclient's default waits 4 s for a cell's late output and then drops it silently; on a
    busy machine (the suite runs on two workers) that would lose outputs this test reads.
    (nbformat and nbclient are imported here, not at the top: importing them takes about 1.5 s,
    which `make check` does not need to pay.)"""
    from nbclient import NotebookClient

    class Client(NotebookClient):
        def register_output_hook(self, msg_id: str, hook: Any) -> None:
            self.captures.append(msg_id)
            super().register_output_hook(msg_id, hook)

    client = Client(
        nb, timeout=300, kernel_name="python3", store_widget_state=True,
        iopub_timeout=60, raise_on_iopub_timeout=True, km=km,
        resources={"metadata": {"path": str(notebooks_dir())}},
    )  # fmt: skip
    client.captures = []
    return client


def _widget_parts(
    model_id: str, kind: str | None, values: dict[str, Any]
) -> Iterator[tuple[str, str]]:
    """(where, text) for what a browser renders of one widget as HTML or as a plotly chart."""
    if kind in ("HTMLModel", "HTMLMathModel"):
        yield f"widget {model_id}", values.get("value", "")
    if kind == "AnyModel" and "figure" in values:  # the chart widget: a plotly figure
        yield f"chart widget {model_id}", json.dumps(values["figure"])
    if values.get("description_allow_html"):
        yield f"widget {model_id} description", values.get("description", "")


def _html_parts(nb: nbformat.NotebookNode) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a browser renders as HTML or as a plotly chart (in an
    output, or in the casebook's chart widget, casebook/views/chart.py)."""

    def from_outputs(outputs: list[Any], where: str) -> Iterator[tuple[str, str]]:
        for out in outputs:
            data = out.get("data", {})
            if "text/html" in data:
                yield where, "".join(data["text/html"])
            if "application/vnd.plotly.v1+json" in data:
                yield where, json.dumps(data["application/vnd.plotly.v1+json"])

    for k, cell in enumerate(nb.cells):
        yield from from_outputs(cell.get("outputs", []), f"cell {k}")
    state = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model_id, model in state.get("state", {}).items():
        kind = model.get("model_name")
        values = model.get("state", {})
        yield from _widget_parts(model_id, kind, values)
        if kind == "OutputModel":
            yield from from_outputs(values.get("outputs", []), f"output widget {model_id}")


@pytest.fixture(scope="module")
def hostile_kernel(hostile_dir: Path) -> Iterator[Any]:
    """One kernel on the hostile data for the notebooks of a worker (as the handout does,
    casebook.handout: a kernel and its imports per notebook took longer than the notebook).
    Widget state is recorded per execution, so each notebook's parts are its own."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(
        env={**os.environ, "CASEBOOK_DATA": str(hostile_dir)}, cwd=str(notebooks_dir())
    )
    yield km
    run_sync(km.shutdown_kernel)(now=True)


@pytest.mark.parametrize("name", [p for p in PAGES if p != "00_start.ipynb"] + ["00_start.ipynb"])
def test_notebook_outputs_show_hostile_text_escaped(name: str, hostile_kernel: Any) -> None:
    import nbformat

    nb = nbformat.read(notebooks_dir() / name, as_version=4)
    client = _client(nb, km=hostile_kernel)
    try:
        client.execute()
    finally:
        client.kc.stop_channels()
    assert client.captures == [], f"{name}: a cell captured output into an Output widget"
    parts = list(_html_parts(nb))
    leaks = [where for where, text in parts if RAW in text]
    assert not leaks, f"{name}: unescaped markup from the data in {leaks}"
    assert any(ESCAPED in text for _, text in parts), f"{name}: the data text never arrived"


def test_a_capturing_cell_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The control for the capture check above: a cell that captures is seen.

    nbclient's stand-in for an Output widget sends the captured output back to the kernel on
    the shell channel, from the coroutine that reads IOPub, while another coroutine waits on
    that same socket for the cell's reply. The send can consume the socket's wake-up (zmq's
    file descriptor is edge-triggered) and the reply is then noticed only when the wait times
    out: 4 of 40 runs under load waited out the whole cell timeout (300 s here, once in
    ``make test`` on 2026-12-02), 0 of 40 without the send (this cell run 40 times in a loop
    beside two busy processes, with a 20 s timeout). The check needs only that the capture is
    registered, which happens before any output is synced, so the sync is left out here. (The
    casebook's pages never capture: test_nothing_captures_output_into_an_output_widget.)"""
    import nbformat
    from nbclient.output_widget import OutputWidget

    monkeypatch.setattr(OutputWidget, "sync_state", lambda self: None)

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import ipywidgets as w\nout = w.Output()\ndisplay(out)\nwith out:\n    print(1)"
        )
    ]
    client = _client(nb)
    client.execute()
    assert len(client.captures) == 1


def test_the_app_sends_hostile_text_escaped(hostile_dir: Path, tmp_path: Path) -> None:
    """Every page of the app's server on the hostile data: what each widget shows as HTML (or as
    a chart) carries the data's text escaped, never its markup."""
    from casebook.app import Settings
    from casebook.pages import PAGES as REGISTRY
    from tests.appclient import Tab, visit
    from tests.support import AppServer

    env = {"CASEBOOK_DATA": str(hostile_dir)}
    with AppServer(Settings(open_browser=False), env=env, log=tmp_path / "app.log") as server:
        cookies = visit(server.url)
        for page in REGISTRY:
            with Tab(server.base_url, page.path, cookies) as tab:
                assert tab.with_class(page.view.removeprefix(".")), f"{page.path}: no view"
                parts = [
                    part
                    for model_id, state in tab.states.items()
                    for part in _widget_parts(model_id, state.get("_model_name"), state)
                ]
            leaks = [where for where, text in parts if RAW in text]
            assert not leaks, f"{page.path}: unescaped markup from the data in {leaks}"
            assert any(ESCAPED in text for _, text in parts), f"{page.path}: no data text arrived"
