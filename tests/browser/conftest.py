"""A real Voilà server started with the casebook's own command, and Debian's Chromium.

Without Chromium the browser tests are skipped with a message; under CI (CI=true) a missing
browser is a failure, so that CI never passes without having looked at the app.

Under pytest-xdist (``make test``) each test file here is one unit of work (see
tests/conftest.py): the worker that runs test_app.py starts the app server, the one that runs
test_hostile_app.py the hostile-data server, each with its Chromium, once per file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.app import AppSettings
from tests.support import CHROMIUM, AppServer
from tests.hostile import hostile_data

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


def _need_browser() -> None:
    missing = not Path(CHROMIUM).exists()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    from tests.browser.pagecheck import AXE

    if not AXE.is_file():
        missing = True
    if missing:
        message = (
            f"browser tests need Debian's chromium at {CHROMIUM}, the playwright package and "
            f"axe-core at {AXE} (`npm ci`, which make install runs)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; under CI they must run")
        pytest.skip(message)


@pytest.fixture(scope="session")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A teacher's data folder with markup in every free-text cell (tests/hostile.py)."""
    return hostile_data(tmp_path_factory.mktemp("hostile") / "data")


def _serve(
    settings: AppSettings, log: str, env: dict[str, str] | None = None
) -> Iterator[AppServer]:
    """An app server with ``settings`` while the fixture lives, answering; stopped after."""
    _need_browser()
    (ROOT / "build").mkdir(exist_ok=True)
    server = AppServer(settings, env=env, log=ROOT / "build" / log)
    try:
        server.start()
        yield server.wait()
    finally:
        server.stop()


# The reader's tour (tests/browser/test_app.py) loads each page once and the glossary, its last
# page, three times (arrival, reload, a ?lang= link): the glossary's pool holds three kernels.
TOUR_LOADS = {"07_woordenlijst.ipynb": 3}


# The servers are module fixtures: each serves one test file (one unit of work under make
# test), and is stopped (a few seconds) when that file is done rather than at the end of the
# worker's session, where its stop would add to the suite's last seconds.
@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app, started as `casebook start` does (preheated, a pool of one kernel per page), on
    a free port; but with as many kernels preheated for a page as the tour loads it
    (:data:`TOUR_LOADS`), and no refill within the session: a refill would only take CPU from
    the other tests (one kernel each, about a second), and a load beyond the pool would wait
    for one."""
    pools = {"default": {"pool_size": 1}} | {
        name: {"pool_size": loads} for name, loads in TOUR_LOADS.items()
    }
    settings = AppSettings(
        open_browser=False,
        fill_delay_seconds=600,
        extra=[f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}"],
    )
    for server in _serve(settings, "voila-test.log"):
        yield server.base_url


@pytest.fixture(scope="module")
def hostile_url(hostile_dir: Path) -> Iterator[str]:
    """The same app on the hostile data folder: the page URL prefix (…/voila/render/). Each
    hostile page is loaded once: a refill of its pool would only take CPU from the other
    tests, so it is put off beyond the session."""
    settings = AppSettings(open_browser=False, fill_delay_seconds=600)
    env = {"CASEBOOK_DATA": str(hostile_dir)}
    for server in _serve(settings, "voila-hostile.log", env):
        yield server.url


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> object:
    """The process's one Chromium (tests/conftest.py), once the browser tests' needs are met."""
    _need_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return request.getfixturevalue("chromium")
