"""A page's notebook as the app shows it (casebook.app.notebook): the prose per language, links
between pages pointed at the app's addresses, the code cells run as a kernel runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casebook.app import notebooks_dir
from casebook.app.notebook import read_notebook, render_markdown, run_cell
from casebook.pages import LIVE, PAGES


def _write(path: Path, cells: list[dict]) -> Path:
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}), encoding="utf-8")
    return path


def _markdown(source: str | list[str], *tags: str) -> dict:
    return {"cell_type": "markdown", "metadata": {"tags": list(tags)}, "source": source}


def _code(source: str | list[str], *tags: str) -> dict:
    return {"cell_type": "code", "metadata": {"tags": list(tags)}, "source": source, "outputs": []}


# --- render_markdown --------------------------------------------------------------------------


def test_links_to_other_pages_notebooks_go_to_their_addresses_in_the_app() -> None:
    html = render_markdown(
        "[a](01_casussen.ipynb) [b](./02_wijken_vergelijken.ipynb#kerncijfers) "
        "[c](00_start.ipynb) [d](08_live.ipynb) [e](05_lessen.ipynb 'the lessons')"
    )
    assert '<a href="/casussen">a</a>' in html
    assert '<a href="/wijken#kerncijfers">b</a>' in html  # the anchor is kept
    assert '<a href="/">c</a>' in html  # the landing page
    assert '<a href="/live">d</a>' in html
    assert '<a href="/lessen" title="the lessons">e</a>' in html
    assert ".ipynb" not in html


def test_other_links_are_left_as_they_are() -> None:
    html = render_markdown(
        "[unknown](99_nowhere.ipynb) [web](https://example.org/01_casussen.ipynb) "
        "[anchor](#top) [mail](mailto:a@example.org)"
    )
    assert 'href="99_nowhere.ipynb"' in html
    assert 'href="https://example.org/01_casussen.ipynb"' in html
    assert 'href="#top"' in html and 'href="mailto:a@example.org"' in html


def test_markdown_is_rendered_as_jupyterlab_renders_it() -> None:
    html = render_markdown("# Kop\n\n*schuin* en `code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    assert "<h1>Kop</h1>" in html and "<em>schuin</em>" in html and "<code>code</code>" in html
    assert re.search(r"<table>.*<th>a</th>.*<td>2</td>.*</table>", html, re.S)  # tables on
    assert '<a href="/casussen">x</a>' in render_markdown('<a href="01_casussen.ipynb">x</a>')


def test_every_link_between_the_casebooks_pages_points_into_the_app() -> None:
    from casebook.papers import PAPERS

    addresses = {page.path for page in (*PAGES, LIVE)} | {paper.path for paper in PAPERS}
    for page in (*PAGES, LIVE):
        for lang in ("nl", "en"):
            for html in read_notebook(notebooks_dir() / page.notebook).prose(lang):
                assert ".ipynb" not in html, f"{page.notebook}: a link to a notebook is left"
                left = re.findall(r'href="[^"]*\.md[#"]', html)
                assert not left, f"{page.notebook}: a link to a paper's file is left: {left}"
                for target in re.findall(r'href="(/[^"#]*)', html):
                    assert target in addresses, f"{page.notebook}: {target} is no page"


def test_a_link_to_a_teachers_paper_points_at_its_page_in_the_app() -> None:
    """The landing page's prose links the lesson plan and the key as JupyterLab opens them
    (``../docs/docent.md``); the app serves them at their own addresses."""
    html = render_markdown("[plan](../docs/docent.md) [key](../docs/teacher-key.md#x) [o](a.md)")
    assert '<a href="/docent">plan</a>' in html and '<a href="/teacher-key#x">key</a>' in html
    assert '<a href="a.md">o</a>' in html  # not a paper: as it was
    start = "\n".join(read_notebook(notebooks_dir() / "00_start.ipynb").prose("en"))
    assert 'href="/teacher"' in start and 'href="/teacher-key"' in start


# --- read_notebook ----------------------------------------------------------------------------


def test_a_notebooks_cells_in_order_with_their_language(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "a.ipynb",
        [
            _markdown(["# Kop\n", "Tekst"], "lang-nl"),
            _markdown("# Heading", "lang-en"),
            _code("import math\nmath.pi"),
            _code("   \n"),  # empty: left out
            _code('"alleen Nederlands"', "lang-nl"),
            _markdown("both tags: every language", "lang-nl", "lang-en"),
            {"cell_type": "raw", "metadata": {}, "source": "raw: not shown"},
        ],
    )
    notebook = read_notebook(path)
    assert notebook.path == path
    assert [(c.kind, c.lang) for c in notebook.cells] == [
        ("prose", "nl"), ("prose", "en"), ("code", None), ("code", "nl"), ("prose", None),
    ]  # fmt: skip
    assert notebook.cells[0].source == "# Kop\nTekst" and "<h1>Kop</h1>" in notebook.cells[0].html
    assert notebook.cells[2].html == ""
    assert notebook.prose("nl") == [notebook.cells[0].html, notebook.cells[4].html]
    assert notebook.prose("en") == [notebook.cells[1].html, notebook.cells[4].html]
    assert read_notebook(path) is notebook  # read and rendered once per process


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("not json", "not a readable notebook"),
        ('{"nbformat": 4}', "not a readable notebook"),
        ("[1, 2]", "not a readable notebook"),
    ],
)
def test_an_unreadable_notebook_is_named(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / f"bad-{len(text)}.ipynb"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=said) as caught:
        read_notebook(path)
    assert str(path) in str(caught.value)


def test_a_missing_notebook_and_a_cell_that_is_not_python_are_named(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a readable notebook"):
        read_notebook(tmp_path / "missing.ipynb")
    path = _write(tmp_path / "b.ipynb", [_code("x = 1"), _markdown("tekst"), _code("def (:")])
    with pytest.raises(ValueError, match=r"cell 3 is not valid Python") as caught:
        read_notebook(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("page", (*PAGES, LIVE), ids=lambda p: p.topic)
def test_every_page_reads_with_prose_in_both_languages_and_code(page: object) -> None:
    notebook = read_notebook(notebooks_dir() / page.notebook)
    assert notebook.prose("nl") and notebook.prose("en")
    assert notebook.prose("nl") != notebook.prose("en")
    assert any(c.kind == "code" and c.lang is None for c in notebook.cells)


# --- run_cell ---------------------------------------------------------------------------------


def test_a_cell_shows_the_value_of_its_last_expression() -> None:
    namespace: dict = {}
    assert run_cell("x = 20\ny = 2\nx + y", namespace) == 22
    assert namespace["x"] == 20 and namespace["y"] == 2
    assert run_cell("x * 2", namespace) == 40  # the namespace is the page's, cell after cell
    assert run_cell("z = x", namespace) is None  # a statement shows nothing
    assert run_cell("print('hello')\nNone", namespace) is None
    assert run_cell("", namespace) is None
    assert run_cell("if x:\n    w = 1\nelse:\n    w = 2", namespace) is None
    assert namespace["w"] == 1
    assert run_cell("[k for k in range(3)]", namespace) == [0, 1, 2]


def test_a_failing_cell_raises_and_names_itself() -> None:
    with pytest.raises(ZeroDivisionError) as caught:
        run_cell("a = 1\na / 0", {}, "01_casussen.ipynb, cell 4")
    assert caught.traceback[-1].frame.code.raw.co_filename == "01_casussen.ipynb, cell 4"
    with pytest.raises(NameError):
        run_cell("undefined_name", {})
    with pytest.raises(SyntaxError):
        run_cell("def (:", {})


def test_each_page_runs_in_a_namespace_of_its_own() -> None:
    first: dict = {"__name__": "__main__"}
    second: dict = {"__name__": "__main__"}
    run_cell("secret = 'of the first reader'", first)
    with pytest.raises(NameError):
        run_cell("secret", second)
