"""A clean stop: Ctrl-C (SIGINT to the terminal's process group), SIGTERM (``kill``, a service
manager) and SIGHUP (the terminal closed) each end ``casebook start`` while a reader's session
is open: the process exits with 0 and says that it stopped, without a traceback, the reader's
websocket is closed, and no process of its session, and none that descends from it, is left.

Each run serves one tiny notebook (``--notebooks``), so that a run costs a server's start and
one session. SIGHUP is sent to the class-mode server of tests/test_classroom.py, after its
token checks (a teacher closing the terminal at the end of a class), to start one server less.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

from casebook.pages import LIVE, PAGES
from tests.appclient import Tab, visit
from tests.support import free_port

psutil = pytest.importorskip("psutil")
pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX signals")

TAG = "CASEBOOK_STOP_TEST"
STOPPED = "Stopped: the casebook and every reader's session have ended."
# As from a terminal: the stop signals at their defaults (a test runner may ignore SIGINT, as a
# shell does for a background job, and casebook start then leaves it ignored).
_DEFAULT_SIGNALS = (
    "import os, signal, sys; "
    "[signal.signal(s, signal.SIG_DFL) for s in (signal.SIGINT, signal.SIGHUP, signal.SIGTERM)]; "
    "os.execv(sys.executable, sys.argv[1:])"
)


def tiny_notebooks(folder: Path) -> Path:
    """The landing page shows the students' link and whether figures are checked, as the
    pages' code sees them (the server's environment); the live page says which it is."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, code in (
        (
            PAGES[0].notebook,
            "import os\n"
            "from urllib.parse import parse_qs, urlsplit\n"
            "from casebook.live import classroom\n"
            "from casebook.charts.base import figures_checked\n"
            "link = classroom().link or 'none'\n"
            "token = parse_qs(urlsplit(link).query).get('token', ['none'])[0]\n"
            "leaked = [k for k, v in os.environ.items() if token in v or 'teacher' in k.lower()]\n"
            "'LINK=' + link + ' CHECK=' + ('on' if figures_checked() else '0') + '='"
            " + ' ENV=' + ('clean' if not leaked else 'LEAKED:' + ','.join(leaked))",
        ),
        (LIVE.notebook, "'THE LIVE PAGE'"),
    ):
        nb = nbformat.v4.new_notebook()
        nb.cells = [nbformat.v4.new_code_cell(code)]
        nbformat.write(nb, folder / name)
    return folder


class Started:
    """``casebook start ARGS`` on a free port with the tiny notebooks, in a session of its own
    (as a terminal's foreground job), every process it starts tagged in its environment."""

    def __init__(self, tmp_path: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.tag = uuid.uuid4().hex
        self.log = tmp_path / "start.log"
        root = tiny_notebooks(tmp_path / "nb")
        command = [sys.executable, "-m", "casebook.cli", "start", "--no-browser"]
        command += ["--port", str(self.port), "--notebooks", str(root), *args]
        with open(self.log, "w", encoding="utf-8") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _DEFAULT_SIGNALS, *command],
                env={**os.environ, **(env or {}), TAG: self.tag},
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8")

    def wait_for(self, line: str, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while line not in self.text():
            assert self.proc.poll() is None, self.text()
            assert time.monotonic() < deadline, f"no {line!r} in time:\n{self.text()}"
            time.sleep(0.1)

    def wait_answering(self, base_url: str, timeout: float = 90) -> None:
        """Until the server answers at ``base_url`` (in class mode: with its refusal)."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(base_url + "/readyz", timeout=5):
                    return
            except urllib.error.HTTPError:
                return
            except OSError:
                assert self.proc.poll() is None, self.text()
                assert time.monotonic() < deadline, f"no answer in time:\n{self.text()}"
                time.sleep(0.2)

    def stop_and_check(self, sig: int, *, to_group: bool, reader: Tab) -> None:
        """Send ``sig`` (to the process group, as a terminal does, or to the one process, as
        ``kill`` does) while ``reader``'s session is open, and check that everything this run
        started has ended, cleanly."""
        reader.roundtrip()  # the session is there and answers
        started = [p.pid for p in tagged(self.tag)]
        assert started, "nothing to stop"
        (os.killpg if to_group else os.kill)(self.proc.pid, sig)
        assert self.proc.wait(timeout=45) == 0, self.text()
        assert reader.closed(timeout=10), "the reader's websocket was left open"
        deadline = time.monotonic() + 10
        while (tagged(self.tag) or in_session(self.proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = [p.pid for p in tagged(self.tag)] + in_session(self.proc.pid)
        assert not left, f"still running after signal {sig}: {left} (started: {started})"
        text = self.text()
        assert STOPPED in text and "Traceback" not in text, text

    def kill(self) -> None:
        """After a failed test: end whatever is left."""
        for proc in tagged(self.tag):
            proc.kill()


def tagged(tag: str) -> list[psutil.Process]:
    """Every running process whose environment carries ``tag``: whatever a run started,
    however it was reparented."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(TAG) == tag and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except psutil.Error:
            continue
    return found


def in_session(sid: int) -> list[int]:
    """The running processes of session ``sid``."""
    left = []
    for proc in psutil.process_iter():
        try:
            if os.getsid(proc.pid) == sid and proc.status() != psutil.STATUS_ZOMBIE:
                left.append(proc.pid)
        except (psutil.Error, OSError):
            continue
    return left


@pytest.mark.parametrize(
    ("sig", "to_group"),
    [(signal.SIGINT, True), (signal.SIGTERM, False)],
    ids=["SIGINT", "SIGTERM"],  # Ctrl-C to the group; kill to the process
)
def test_a_stop_signal_ends_the_server_and_every_session(
    sig: int, to_group: bool, tmp_path: Path
) -> None:
    run = Started(tmp_path)
    reader = None
    try:
        run.wait_for("The casebook starts on")
        run.wait_for("open pages (tabs) at once")  # the caps, told at start (issue 35)
        base = f"http://127.0.0.1:{run.port}"
        run.wait_answering(base)
        reader = Tab(base, "/", visit(base + "/")).open()
        assert "LINK=none CHECK=0=" in reader.text()  # a page of the notebooks given
        run.stop_and_check(sig, to_group=to_group, reader=reader)
    finally:
        if reader is not None:
            reader.close()
        run.kill()
