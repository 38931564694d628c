"""The house's layout: one name per topic in every role, and data flowing one way.

Every module of ``casebook`` has a layer; a module may import from its own layer and the layers
below it, never from a higher one (charts never import views, pure functions never import
charts). Lazy imports inside functions count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "casebook"
TOPICS = ("start", "cases", "compare", "logics", "evaluations", "lessons", "check", "glossary")
# Topics with charts of their own (the landing page and the case reader draw none).
CHART_TOPICS = ("compare", "logics", "evaluations", "lessons", "check")

LAYERS: dict[str, int] = {
    # 0: what every layer uses: errors, languages and texts, colours, files, escaping, schema,
    # the page registry, Chromium's path
    **dict.fromkeys(
        [
            *("errors", "i18n", "text", "text_alt", "text_app", "text_book", "text_live"),
            *("text_teacher",),
            *("theme", "files", "markup", "schema", "pages", "papers", "chromium"),
        ],
        0,
    ),
    # 1: the data: read, validate, load
    **dict.fromkeys(["validate", "data", "loaders"], 1),
    # 2: pure functions on the tables, one module per topic
    **dict.fromkeys(["derive", "own", "live", *TOPICS], 2),
    # 3: chart builders, 4: widget views
    "charts": 3,
    "views": 4,
    # 5: the shell around it: the app (server, class mode, sessions), the handout, the command
    # line
    **dict.fromkeys(["app", "handout", "book", "cli"], 5),
}
NAMES = {0: "foundation", 1: "data", 2: "pure functions", 3: "charts", 4: "views", 5: "shell"}


def _module(path: Path, package: Path = PACKAGE) -> str:
    parts = path.relative_to(package.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> int | None:
    """The layer of ``casebook.x`` or ``casebook.x.y`` (by its first part), None for the
    package itself (its ``__init__`` is the public surface and may name anything)."""
    parts = module.split(".")
    if parts[0] != "casebook" or len(parts) == 1:
        return None
    return LAYERS[parts[1]]


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "casebook":  # from casebook import charts, logics
                found += [(node.lineno, f"casebook.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return [(line, name) for line, name in found if name.split(".")[0] == "casebook"]


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def test_every_module_has_a_layer() -> None:
    unplaced = sorted({_module(p).split(".")[1] for p in MODULES} - set(LAYERS))
    assert not unplaced, f"give these modules a layer in tests/test_layout.py: {unplaced}"


def upward_imports(paths: list[Path], package: Path = PACKAGE) -> list[str]:
    """Every import that goes from a lower layer to a higher one, as 'file:line module'."""
    wrong = []
    for path in paths:
        own = _layer(_module(path, package))
        for line, name in _imports(path):
            target = _layer(name)
            if own is not None and target is not None and target > own:
                wrong.append(
                    f"{path.relative_to(package.parent)}:{line} ({NAMES[own]}) imports "
                    f"{name} ({NAMES[target]})"
                )
    return wrong


def test_nothing_lower_imports_anything_higher() -> None:
    wrong = upward_imports(MODULES)
    assert not wrong, "data flows one way; these imports go against it:\n" + "\n".join(wrong)


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """The check above can fail: a chart builder that imports a view is named."""
    package = tmp_path / "casebook"
    (package / "charts").mkdir(parents=True)
    bad = package / "charts" / "compare.py"
    bad.write_text("def f():\n    from casebook.views.compare import CompareView\n")
    assert upward_imports([bad], package) == [
        "casebook/charts/compare.py:2 (charts) imports casebook.views.compare (views)"
    ]


@pytest.mark.parametrize("topic", TOPICS)
def test_a_topic_has_one_name_in_every_role(topic: str) -> None:
    roles = [PACKAGE / f"{topic}.py", PACKAGE / "views" / f"{topic}.py"]
    if topic in CHART_TOPICS:
        roles.append(PACKAGE / "charts" / f"{topic}.py")
    missing = [str(p.relative_to(PACKAGE.parent)) for p in roles if not p.is_file()]
    assert not missing, f"topic {topic!r} lacks {missing}"


def test_no_module_outside_the_topics_in_charts_or_views() -> None:
    # beside the topics: what a role's modules share (base), the views' chart widget, their row
    # of checkboxes and the base of both (light), their layout, the static book's charts
    # (casebook/charts/book.py: menus over every topic's charts) and a view in that book
    # (views/book.py)
    shared = {
        "charts": {"__init__", "base", "book"},
        "views": {"__init__", "base", "book", "chart", "choices", "layout", "light", "live"},
    }
    for role in ("charts", "views"):
        names = {p.stem for p in (PACKAGE / role).glob("*.py")} - shared[role]
        assert names <= set(TOPICS), f"casebook/{role}/ has modules that are not topics: {names}"


def test_every_slow_mark_names_tests_that_exist() -> None:
    """tests/conftest.py marks tests `slow` by node id prefix (for `make check`); a prefix that
    names a moved or renamed test would silently leave it in the quick loop."""
    from tests.conftest import HANDOUT_IN_BROWSER, NOT_SLOW, SLOW_FILES

    root = PACKAGE.parent
    # the work units named by test (a renamed test would fall back to its file's unit)
    for prefix in [*SLOW_FILES, *NOT_SLOW, HANDOUT_IN_BROWSER]:
        path, _, name = prefix.partition("::")
        assert (root / path).exists(), f"{prefix}: no {path}"
        if name:
            source = (root / path).read_text(encoding="utf-8")
            assert f"def {name}" in source, f"{prefix}: no test starting with {name} in {path}"
