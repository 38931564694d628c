"""A real Voilà server started with the casebook's own command, and Debian's Chromium.

Without Chromium the browser tests are skipped with a message; under CI (CI=true) a missing
browser is a failure, so that CI never passes without having looked at the app.

Under pytest-xdist (``make test``) every test in this folder is in one xdist group (see
tests/conftest.py), so one worker runs them all: one app server, one hostile-data server and
one Chromium for the whole session.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.app import AppSettings
from casebook.testing import CHROMIUM, CHROMIUM_ARGS, AppServer
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


@pytest.fixture(scope="session")
def _servers(hostile_dir: Path) -> Iterator[dict[str, AppServer]]:
    """Both app servers: the app as `casebook start` runs it (preheated, the default pool of
    one kernel per page) and the same app on the hostile data folder. The hostile one is
    launched as soon as the first answers and fills its pools while the first tests run, so
    that its pages are pre-rendered when tests/browser/test_hostile_app.py asks for them."""
    _need_browser()
    (ROOT / "build").mkdir(exist_ok=True)
    app = AppServer(AppSettings(open_browser=False), log=ROOT / "build" / "voila-test.log")
    # Each hostile page is loaded once: a refill of its pool would only take CPU from the
    # other tests, so it is put off beyond the session.
    hostile = AppServer(
        AppSettings(open_browser=False, fill_delay_seconds=600),
        env={"CASEBOOK_DATA": str(hostile_dir)},
        log=ROOT / "build" / "voila-hostile.log",
    )
    try:
        app.start()
        app.wait()
        hostile.start()
        yield {"app": app, "hostile": hostile}
    finally:
        hostile.stop()
        app.stop()


@pytest.fixture(scope="session")
def app_url(_servers: dict[str, AppServer]) -> str:
    """The app, started as `casebook start` does, on a free port."""
    return _servers["app"].base_url


@pytest.fixture(scope="session")
def hostile_url(_servers: dict[str, AppServer]) -> str:
    """The same app on the hostile data folder: the page URL prefix (…/voila/render/)."""
    return _servers["hostile"].wait().url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    _need_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
