"""The casebook's one app server (Solara behind the casebook's guard) started with the casebook's
own command, and Debian's Chromium.

Without Chromium the browser tests are skipped with a message; under CI (CI=true) a missing
browser is a failure, so that CI never passes without having looked at the app.

Under pytest-xdist (``make test``) each test file here is one unit of work (see
tests/conftest.py): the worker that runs test_app.py starts the app server, the one that runs
test_hostile_app.py the hostile-data server, each with its Chromium, once per file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.app.settings import Settings
from tests.hostile import hostile_data
from tests.support import CHROMIUM, AppServer

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


def _serve(settings: Settings, log: str, env: dict[str, str] | None = None) -> Iterator[AppServer]:
    """An app server with ``settings`` while the fixture lives, answering; stopped after."""
    _need_browser()
    (ROOT / "build").mkdir(exist_ok=True)
    server = AppServer(settings, env=env, log=ROOT / "build" / log)
    try:
        server.start()
        yield server.wait()
    finally:
        server.stop()


# The app's server serves every browser test file a worker runs (each file is one unit of work
# under make test): one start per worker rather than one per file (six files, some 2.5 s each).
# The hostile-data server is a module fixture: its one file, stopped when that file is done
# rather than at the end of the worker's session, where its stop would add to the suite's last
# seconds. One process serves every session (tab): there is nothing to preheat; a page is built
# when a session first opens it.
@pytest.fixture(scope="session")
def app() -> Iterator[AppServer]:
    """The app, started as `casebook start` does, on a free port (``app.base_url``,
    ``app.page_url(address, query)``)."""
    yield from _serve(Settings(open_browser=False), "app-test.log")


@pytest.fixture(scope="module")
def hostile_app(hostile_dir: Path) -> Iterator[AppServer]:
    """The same app on the hostile data folder."""
    env = {"CASEBOOK_DATA": str(hostile_dir)}
    yield from _serve(Settings(open_browser=False), "app-hostile.log", env)


@pytest.fixture(scope="session")
def browser(request: pytest.FixtureRequest) -> object:
    """The process's one Chromium (tests/conftest.py), once the browser tests' needs are met."""
    _need_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return request.getfixturevalue("chromium")
