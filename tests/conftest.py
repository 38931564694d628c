"""Shared fixtures: the real data, a writable copy of it, and small synthetic tables; and how
the suite is split for pytest-xdist (``make test``) and for ``make check``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest

import casebook

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "koppelen-en-doorschakelen.txt"

# Tests that start servers, kernels, Chromium or many subprocesses: marked `slow` here, so that
# `make check` (the quick inner loop) can leave them out with `-m "not slow"`. `make test`
# selects no marker: nothing here can drop a test from it. Whole files, or test functions.
SLOW_FILES = {
    "tests/browser/": "Chromium and app servers",
    "notebooks/": "nbval: every notebook executed in a kernel",
    "tests/test_app.py::test_make_": "`make start` / `make lab` as a reader starts them",
    "tests/test_server.py::": "an app server, every page built for a reader",
    "tests/test_security.py::test_a_browser_cannot_run_code": "an app server",
    "tests/test_security.py::test_a_session_is_ended_after": "an app server; waits out idle time",
    "tests/test_security.py::test_no_traceback_reaches_a_reader": "an app server",
    "tests/test_hostile.py::test_notebook_outputs": "every notebook executed in a kernel",
    "tests/test_hostile.py::test_a_capturing_cell": "a kernel",
    "tests/test_hostile.py::test_the_app_sends_hostile_text": "an app server, every page",
    "tests/test_handout.py::test_": "notebooks executed in kernels",
    "tests/test_views_fuzz.py::": "every control of every view; about 30 s",
    "tests/test_validate.py::test_validate_command_": "a `casebook validate` process each",
    "tests/test_data.py::test_the_wheel_carries_the_data": "builds and installs the wheel",
    "tests/test_data.py::test_data_is_found_from_any_working_directory": "a Python process",
    "tests/views/test_compare.py::test_every_indicator_for_every": "every selection; about 15 s",
    "tests/test_own.py::test_casebook_": "a `casebook` process each",
    "tests/test_frictionless.py::": "the reference validator, a process each",
    "tests/test_stop.py::": "a `casebook start` and a reader's session per stop signal",
    "tests/test_classroom.py::test_without_the_token": "a class-mode `casebook start`",
    "tests/test_wheelhouse.py::": "installs the Jupyter stack offline (a CI step, .ci/run)",
}
NOT_SLOW = {
    "tests/test_handout.py::test_external_references_are_found",
    "tests/test_handout.py::test_only_scripts_holding_the_marker_are_dropped",
}


# The hostile handout in Chromium builds three notebooks (about 20 s of CPU) and needs no app
# server: as a unit of its own it runs beside the browser tests instead of after them.
HANDOUT_IN_BROWSER = "tests/browser/test_hostile_app.py::test_the_handout_shows_hostile_text"


@pytest.fixture(scope="session")
def chromium() -> object:
    """One headless Chromium for every browser test in a process. Playwright's sync API runs
    one instance at a time in a process (a second ``sync_playwright()`` while one is open
    raises "using Playwright Sync API inside the asyncio loop"), and under ``make test`` the
    book's tests and the app's browser tests can share a worker."""
    from playwright.sync_api import sync_playwright

    from tests.support import CHROMIUM, CHROMIUM_ARGS

    if not Path(CHROMIUM).is_file():
        message = f"browser tests need Debian's chromium at {CHROMIUM}"
        if os.environ.get("CI") == "true":  # CI never passes without having looked
            pytest.fail(f"{message}; under CI they must run")
        pytest.skip(message)
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def work_unit(nodeid: str) -> str:
    """The unit of work of a test for pytest-xdist (``make test``: ``-n 2 --dist loadgroup``):
    tests of one unit run in one worker process, in their order.

    - the browser tests of the app (tests/browser/test_app.py, the reader's tour: one page
      after another, in order): one app server and one Chromium serve them all (session
      fixtures would otherwise start once in every worker);
    - the browser tests on the hostile data (tests/browser/test_hostile_app.py): one
      hostile-data server and one Chromium; a unit of its own, so that the other worker runs
      it beside the app's (one unit took longer than all the rest of the suite together);
    - the cells of one notebook under nbval: they share that notebook's kernel, in order;
    - tests/test_handout.py: its session fixture builds the whole book once;
    - tests/test_server.py: its module fixture starts one app server for all its tests;
    - any other test is a unit of its own, so that the workers stay evenly busy."""
    path = nodeid.split("::")[0]
    if nodeid.startswith(HANDOUT_IN_BROWSER):
        return nodeid  # needs Chromium but no server: the other worker takes it, with its own
    if path.startswith("tests/browser/"):
        return path
    if path.endswith(".ipynb") or path in ("tests/test_handout.py", "tests/test_server.py"):
        return path
    return nodeid


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object | None:
    """``--dist loadgroup`` with the units above. (pytest-xdist's own loadgroup reads
    ``xdist_group`` marks by changing ``item._nodeid``, which pytest 9 no longer uses for the
    node id: the marks would silently group nothing and split a notebook's cells.)"""
    if config.getoption("dist", None) != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    # The units go out in the order of collection: the browser units first (tests/browser is
    # collected first), as they are the longest. pytest-xdist would otherwise sort them by
    # their number of tests, which put the one-test tour of the app last and made the
    # suite's time swing by half a minute from run to run.
    config.option.loadscopereorder = False

    class Units(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return Units(config, log)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: starts servers, kernels or Chromium (see conftest)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        nodeid = item.nodeid
        if any(nodeid.startswith(p) for p in SLOW_FILES) and nodeid not in NOT_SLOW:
            item.add_marker(pytest.mark.slow)
        if type(item).__name__ == "IPyNbCell" and hasattr(item, "output_timeout"):
            # nbval waits 5 s for each next output message of a cell and then fails the cell;
            # with two workers, the app's servers and Chromium on two cores a kernel can be that
            # late without anything being wrong. A cell that really hangs still fails (the cell
            # timeout, --nbval-cell-timeout).
            item.output_timeout = 60


@pytest.fixture(scope="session")
def book() -> casebook.Casebook:
    """The casebook's own data, validated."""
    return casebook.load()


@pytest.fixture(scope="module")
def table_nl(book: casebook.Casebook) -> pd.DataFrame:
    """The indicator table in Dutch (compare.indicator_table), for the compare tests."""
    from casebook import compare

    return compare.indicator_table(book, lang="nl")


@pytest.fixture(scope="module")
def neighbourhoods(table_nl: pd.DataFrame) -> list[str]:
    """Every area id of that table, in its order."""
    from casebook import compare

    return [a for _, a in compare.area_choices(table_nl)]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data directory."""
    target = tmp_path / "data"
    shutil.copytree(casebook.package_data_dir(), target)
    return target


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The booklet's text; tests that need it are skipped in a clone without ../shared."""
    if not SEED.is_file():
        pytest.skip(f"the booklet's text is not available at {SEED}")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def small_indicators() -> pd.DataFrame:
    """A tiny indicators table: two areas, one with both inputs of a derivation, one without."""
    rows = [
        ("c1", "a1", "corporation_units", "number", 50.0, False, 3),
        ("c1", "a1", "dwellings", "number", 200.0, False, 4),
        ("c1", "a1", "inhabitants", "number", 900.0, True, 4),
        ("c1", "a1", "households", "number", 400.0, False, 4),
        ("c2", "a2", "corporation_units", "number", 80.0, False, 9),
        ("c2", "a2", "mutation_rate", "range", None, False, 9),
    ]
    frame = pd.DataFrame(
        rows, columns=["case_id", "area_id", "indicator", "kind", "value", "approx", "page"]
    )
    return frame.astype({"value": "Float64", "approx": "boolean", "page": "Int64"})
