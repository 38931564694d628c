"""A real Voilà server started with the casebook's own command, and Debian's Chromium.

Without Chromium the browser tests are skipped with a message; under CI (CI=true) a missing
browser is a failure, so that CI never passes without having looked at the app.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.app import AppSettings
from casebook.testing import CHROMIUM, CHROMIUM_ARGS, AppServer

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"


def _need_browser() -> None:
    missing = not Path(CHROMIUM).exists()
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing = True
    if missing:
        message = f"browser tests need Debian's chromium at {CHROMIUM} and the playwright package"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; under CI they must run")
        pytest.skip(message)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Start the app as `casebook start` does, on a free port, and stop it afterwards."""
    _need_browser()
    (ROOT / "build").mkdir(exist_ok=True)
    settings = AppSettings(pool_size=2, open_browser=False)
    with AppServer(settings, log=ROOT / "build" / "voila-test.log") as server:
        yield server.base_url


@pytest.fixture(scope="session")
def browser(app_url: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()
