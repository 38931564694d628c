"""A page's notebook as the app shows it: its prose in each language and its code cells run.

The notebooks are the pages' one source: JupyterLab, nbval and the static book read the same
files. A notebook's prose comes in Dutch/English cell pairs tagged ``lang-nl`` / ``lang-en``;
a code cell without such a tag runs in every language (``casebook.load()``, the view), one
with a tag only shows in its language (a table per language on the landing page).

The prose is rendered once per process and notebook (it is the same for every student); the
code cells run once per student and page, in a namespace of their own, as a kernel would run
them, and the value of each cell's last expression is what the cell shows.
"""

from __future__ import annotations

import ast
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casebook.i18n import LANGS
from casebook.pages import LIVE, PAGES
from casebook.papers import by_link

__all__ = ["Cell", "Notebook", "read_notebook", "render_markdown", "run_cell"]

_TAGS = {f"lang-{lang}": lang for lang in LANGS}
# A link to another page's notebook ("01_casussen.ipynb", with or without "./" or an anchor)
_NOTEBOOK_LINK = re.compile(r'href="(?:\./)?(\d\d_[A-Za-z0-9_]+\.ipynb)(#[^"]*)?"')
# A link to one of the teacher's papers, as a notebook writes it ("../docs/docent.md")
_PAPER_LINK = re.compile(r'href="(\.\./docs/[a-z-]+\.md)(#[^"]*)?"')


@dataclass(frozen=True)
class Cell:
    """One cell of a page: ``kind`` "prose" (``html`` rendered) or "code" (``source``);
    ``lang`` the one language it belongs to, or None for every language."""

    kind: str
    lang: str | None
    source: str
    html: str = ""


@dataclass(frozen=True)
class Notebook:
    """A page's notebook: its file and cells in order."""

    path: Path
    cells: tuple[Cell, ...]

    def prose(self, lang: str) -> list[str]:
        """The prose of ``lang`` as HTML, cell by cell (for tests and the page's first text)."""
        return [c.html for c in self.cells if c.kind == "prose" and c.lang in (None, lang)]


def _page_paths() -> dict[str, str]:
    return {page.notebook: page.path for page in (*PAGES, LIVE)}


def render_markdown(text: str) -> str:
    """A markdown cell as HTML (CommonMark with tables, as JupyterLab renders it), its links to
    other pages' notebooks and to the teacher's papers (casebook.papers) pointed at their
    addresses in the app."""
    html = _markdown().render(text)
    paths = _page_paths()

    def to_page(found: re.Match[str]) -> str:
        name, anchor = found.group(1), found.group(2) or ""
        return f'href="{paths[name]}{anchor}"' if name in paths else found.group(0)

    def to_paper(found: re.Match[str]) -> str:
        paper = by_link(found.group(1))
        return f'href="{paper.path}{found.group(2) or ""}"' if paper else found.group(0)

    return _PAPER_LINK.sub(to_paper, _NOTEBOOK_LINK.sub(to_page, html))


@functools.cache
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


def _cell_lang(cell: dict[str, Any]) -> str | None:
    tags = cell.get("metadata", {}).get("tags", [])
    found = [_TAGS[tag] for tag in tags if tag in _TAGS]
    return found[0] if len(found) == 1 else None


@functools.cache
def read_notebook(path: Path) -> Notebook:
    """The notebook at ``path`` as the app's cells (read and rendered once per process)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        raw = data["cells"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ValueError(f"{path}: not a readable notebook ({err})") from err
    cells = []
    for number, cell in enumerate(raw, start=1):
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        lang = _cell_lang(cell)
        if cell.get("cell_type") == "markdown":
            cells.append(Cell("prose", lang, source, render_markdown(source)))
        elif cell.get("cell_type") == "code" and source.strip():
            try:
                compile(source, f"{path.name}, cell {number}", "exec")
            except SyntaxError as err:
                raise ValueError(f"{path}: cell {number} is not valid Python ({err})") from err
            cells.append(Cell("code", lang, source))
    return Notebook(path, tuple(cells))


def run_cell(source: str, namespace: dict[str, Any], name: str = "<cell>") -> Any:
    """Run a code cell in ``namespace`` as a kernel does; the value of its last line when that
    is an expression (what the notebook shows under the cell), else None."""
    tree = ast.parse(source, filename=name)
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    exec(compile(tree, name, "exec"), namespace)  # noqa: S102  (the casebook's own notebooks)
    if last is None:
        return None
    return eval(compile(last, name, "eval"), namespace)  # noqa: S307
