"""Issue 10: hostile text from a teacher's data file is shown as text, escaped, never run: in
the notebooks (their outputs and widget state).
The handout and the app, in Chromium, are checked in tests/browser/test_hostile_app.py."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

import casebook
from casebook.app import PAGES, notebooks_dir
from tests.hostile import ESCAPED, PAYLOAD, RAW, hostile_data


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return hostile_data(tmp_path_factory.mktemp("hostile") / "data")


def test_hostile_text_is_valid_data_and_loads_as_is(hostile_dir: Path) -> None:
    book = casebook.load(hostile_dir)
    assert book.cases["name"].str.endswith(PAYLOAD).all()
    assert book.lessons["summary_en"].str.endswith(PAYLOAD).all()


def _html_parts(nb: nbformat.NotebookNode) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a browser renders as HTML or as a plotly chart."""

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
        if kind in ("HTMLModel", "HTMLMathModel"):
            yield f"widget {model_id}", values.get("value", "")
        if kind == "OutputModel":
            yield from from_outputs(values.get("outputs", []), f"output widget {model_id}")
        if values.get("description_allow_html"):
            yield f"widget {model_id} description", values.get("description", "")


@pytest.mark.parametrize("name", [p for p in PAGES if p != "00_start.ipynb"] + ["00_start.ipynb"])
def test_notebook_outputs_show_hostile_text_escaped(name: str, hostile_dir: Path) -> None:
    nb = nbformat.read(notebooks_dir() / name, as_version=4)
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", store_widget_state=True,
        resources={"metadata": {"path": str(notebooks_dir())}},
    )  # fmt: skip
    import os

    client.execute(env={**os.environ, "CASEBOOK_DATA": str(hostile_dir)})
    parts = list(_html_parts(nb))
    leaks = [where for where, text in parts if RAW in text]
    assert not leaks, f"{name}: unescaped markup from the data in {leaks}"
    assert any(ESCAPED in text for _, text in parts), f"{name}: the data text never arrived"
