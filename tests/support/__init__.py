"""Helpers for the browser tests, the benchmarks and the load test: the app's own server on a
free port, and Debian's Chromium with the settings that work on this kind of machine.

Not part of the casebook; tests and ``bench/`` start the server the same way ``casebook start``
does (``python -m casebook.app.server`` runs :func:`casebook.app.start` with the settings given).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import replace
from pathlib import Path
from types import TracebackType

from casebook.app.settings import SETTINGS_ENV, Settings, settings_json
from casebook.chromium import CHROMIUM, CHROMIUM_ARGS

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "DRAWN",
    "AppServer",
    "free_port",
    "http_get_with_cookies",
]

# How many charts plotly has drawn on a page: a graph div with data and an SVG inside.
DRAWN = (
    "() => [...document.querySelectorAll('.js-plotly-plot')]"
    ".filter(g => g._fullData && g._fullData.length && g.querySelector('.main-svg')).length"
)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """The app (as ``casebook start`` runs it) on a free port, in its own process group; use as
    a context manager. ``settings`` may change anything but the port; ``env`` adds environment
    variables (``CASEBOOK_DATA`` for another data folder)."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        log: Path | None = None,
        ready_timeout: float = 120,
        env: dict[str, str] | None = None,
    ) -> None:
        base = settings or Settings(open_browser=False)
        self.port = free_port()
        self.settings = replace(base, port=self.port, open_browser=False)
        self.base_url = f"http://127.0.0.1:{self.port}{self.settings.base_path}"
        self.url = self.base_url + "/"
        self._log_path, self._timeout = log, ready_timeout
        self._env = env or {}
        self.proc: subprocess.Popen[bytes] | None = None
        self._log: object = None
        self._started = 0.0

    def command(self) -> list[str]:
        """The app's command, as ``casebook start`` runs it (the settings in the environment)."""
        return [sys.executable, "-m", "casebook.app.server"]

    def page_url(self, address: str, query: str = "") -> str:
        """The address of a page (``""`` is the landing page) with ``query``."""
        return f"{self.base_url}/{address}" + (f"?{query}" if query else "")

    def start(self) -> AppServer:
        """Launch the server and return at once (``wait`` until it answers); lets a test session
        start a server it needs later while other tests run."""
        out = open(self._log_path, "w") if self._log_path else subprocess.DEVNULL  # noqa: SIM115
        self._log = out
        self.proc = subprocess.Popen(
            self.command(),
            env=self.environment(),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._started = time.monotonic()
        return self

    def environment(self) -> dict[str, str]:
        """The server's environment: this one, ``env``, and the settings."""
        return {**os.environ, **self._env, SETTINGS_ENV: settings_json(self.settings)}

    def __enter__(self) -> AppServer:
        return self.start().wait()

    def wait(self) -> AppServer:
        """Block until the server answers on its port (``ready_timeout`` after ``start``)."""
        if self.proc is None:
            self.start()
        deadline = self._started + self._timeout
        while True:
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=5) as response:
                    if response.status == 200:
                        return self
            except urllib.error.HTTPError as err:
                if err.code == 403 and self.settings.class_mode:
                    return self  # class mode: it answers, and refuses without the token
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the casebook app did not start (log: {self._log_path})")
            time.sleep(0.1)  # (asked again soon: every server a test starts waits on this)

    def memory_mb(self) -> float:
        """Resident memory (MB) of the server's process (every session lives in it)."""
        import psutil

        return psutil.Process(self.proc.pid).memory_info().rss / 2**20

    def stop(self) -> None:
        """End the server (and with it every session)."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=30)
        if self._log not in (None, subprocess.DEVNULL):
            self._log.close()
            self._log = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.stop()


def http_get_with_cookies(url: str, timeout: float = 120) -> dict[str, str]:
    """GET ``url`` as a browser would (following the class token's redirect, keeping the
    cookies it is given); the cookies, for a websocket of the same browser."""
    import http.cookiejar

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(url, timeout=timeout) as response:
        response.read()
    return {cookie.name: cookie.value for cookie in jar}
