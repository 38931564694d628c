"""The Voilà server that served the casebook before one process did (casebook.app.server): kept
for the benchmarks that measure the two side by side (bench/) and for the hub recipe until it
serves the new app. Not what ``casebook start`` runs.

The notebooks served by Voilà, code hidden, opening on the landing page.

``casebook start`` (and ``make start``) runs Voilà on 127.0.0.1 with the casebook's own template
(no assets from the internet), preheated kernels so that a page does not wait for a kernel and
the imports, and idle kernels culled so that closed pages do not pile up. ``--class`` serves a
class on the room's network behind a token (``casebook.classroom``).

Stopping: Ctrl-C (SIGINT), SIGTERM (``kill``, a service manager) and SIGHUP (the terminal
closed) all end Voilà and every kernel. Voilà runs in a session of its own, so that only this
process hears the terminal's signals; it passes a stop on as SIGTERM, on which Voilà shuts its
kernels down itself, and ends whatever of Voilà's process tree is left after 30 seconds.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import webbrowser
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from casebook.app.server import port_problem
from casebook.app.settings import notebooks_dir
from casebook.pages import PAGES as _REGISTRY
from casebook.pages import notebooks

PAGES = notebooks()

# Where the landing page finds the students' link (casebook.views.start reads it; a test checks
# that the two agree: the view is not imported here, it pulls in the widgets).
CLASS_LINK_ENV = "CASEBOOK_CLASS_LINK"

__all__ = [
    "FIGURE_CHECK_ENV",
    "LIVE_PAGE",
    "PAGES",
    "PAGE_VIEWS",
    "AppSettings",
    "app_env",
    "notebooks_dir",
    "served_options",
    "start",
    "template_root",
    "voila_command",
]

HERE = Path(__file__).resolve().parents[1]  # the casebook package
FIGURE_CHECK_ENV = "CASEBOOK_CHECK_FIGURES"  # the same as casebook.charts.base's (tested)
# Each page, the CSS class of the view it shows, and how many charts it draws when it opens:
# what the browser tests, the benchmarks and the load test wait for.
PAGE_VIEWS: dict[str, tuple[str, int]] = {p.notebook: (p.view, p.charts) for p in _REGISTRY}
# The teacher's live page (class mode only, behind a secret): served, but not one of the pages.
LIVE_PAGE = "08_live.ipynb"


def template_root() -> Path:
    """A Jupyter data folder with the casebook's Voilà template (``voila/templates/casebook``)."""
    return HERE / "share"


@dataclass(frozen=True)
class AppSettings:
    """How the app runs. Defaults suit a teacher's laptop: local only, one preheated kernel per
    page, idle kernels shut down after ten minutes.

    Class mode (``casebook.classroom.class_settings``): ``token`` makes every page, kernel
    websocket and static file need it, ``link`` is the students' link the landing page shows,
    ``landing_pool_size`` the landing page's pool when it differs from ``pool_size``.
    ``notebooks`` is a folder of notebooks to serve instead of the casebook's own."""

    port: int = 8866
    ip: str = "127.0.0.1"
    preheat: bool = True
    pool_size: int = 1
    cull_idle_seconds: int = 600
    cull_interval_seconds: int = 60
    fill_delay_seconds: int = 15
    open_browser: bool = True
    # plotly's JupyterLab extension, which draws a figure put in an Output; only the benchmark's
    # baseline (CASEBOOK_CHARTS=output, bench/chart_update.py) draws charts that way
    plotly_extension: bool = False
    extra: list[str] = field(default_factory=list)
    token: str | None = None
    link: str | None = None
    landing_pool_size: int | None = None
    notebooks: Path | None = None


# Voilà itself (0.5, voila/app.py) lets only comm, comm-info, kernel-info and shutdown messages
# through a kernel's websocket: a reader's browser cannot send an execute_request. It sets this
# in code, so configuration cannot widen it; tests/test_security.py checks that it holds.


def served_options(settings: AppSettings) -> list[str]:
    """What makes a server serve the casebook as ``casebook start`` does, given to Voilà by
    :func:`voila_command` and to each student's Jupyter server on a hub
    (deploy/hub/jupyterhub_config.py): the casebook's template, no tracebacks, no other files,
    idle kernels shut down, kernels on Unix sockets, late output waited for."""
    return [
        "--VoilaConfiguration.template=casebook",
        "--VoilaConfiguration.show_tracebacks=False",
        "--VoilaConfiguration.file_allowlist=[]",
        f"--MappingKernelManager.cull_idle_timeout={settings.cull_idle_seconds}",
        f"--MappingKernelManager.cull_interval={settings.cull_interval_seconds}",
        "--MappingKernelManager.cull_connected=False",
        # Unix sockets instead of TCP ports: no port for another process to take first
        # (casebook/kernels.py)
        "--MappingKernelManager.kernel_manager_class=casebook.kernels.IpcKernelManager",
        # Voilà renders a page with nbclient, which waits only 4 s after a cell's reply for the
        # rest of its output and then drops it without an error. While the pools fill at start
        # the machine is busy and the server's event loop can stall longer than that: the
        # pre-rendered page then lacks its view and never shows it (seen on 2026-12-01, 8 of 14
        # start-up kernels on a busy machine). Waiting up to a minute costs nothing when the
        # output is on time.
        "--VoilaExecutor.iopub_timeout=60",
    ]


def voila_command(settings: AppSettings, *, root: Path | None = None) -> list[str]:
    """The Voilà command line for ``settings`` (serving every notebook in ``root``). With a
    token it runs the guarded Voilà of ``casebook.classroom``; the token itself goes in the
    environment (:func:`app_env`), not on the command line that every user of the machine can
    read."""
    root = root or settings.notebooks or notebooks_dir()
    command = [
        sys.executable,
        "-m",
        "voila",
        str(root),
        f"--Voila.ip={settings.ip}",
        f"--port={settings.port}",
        # the port asked for or none: the printed link and the browser must find the server
        "--Voila.port_retries=0",
        "--no-browser",
        *served_options(settings),
    ]
    if not settings.plotly_extension:
        # The charts are the casebook's own widget (casebook/views/chart.py), which loads
        # plotly.js once, from the template's static folder, on the pages that draw one. Voilà
        # would otherwise load plotly's JupyterLab extension (4.8 MB) on every page, charts or not.
        command.append("--VoilaConfiguration.extension_denylist=jupyterlab-plotly")
    if settings.preheat:
        # Refill a page's pool some seconds after its kernel was taken, not while the page is
        # loading: a busy machine made the widget state request miss its 4-second window in
        # the browser ("Control comm did not respond in time"), and a widget stayed empty.
        command += [
            "--preheat_kernel=True",
            f"--pool_size={settings.pool_size}",
            f"--VoilaKernelManager.fill_delay={settings.fill_delay_seconds}",
            # The teacher's live page reads its secret from the page's query string, which
            # Voilà gives only to a kernel started for the request (casebook/views/live.py).
            f'--VoilaKernelManager.preheat_denylist=["{LIVE_PAGE}"]',
        ]
        landing = settings.landing_pool_size
        if landing is not None and landing != settings.pool_size:
            pools = {"default": {"pool_size": settings.pool_size}, PAGES[0]: {"pool_size": landing}}
            command.append(f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}")
    if settings.token:
        command.append("--Voila.auto_token=True")  # with JUPYTER_TOKEN set: that token
    return command + list(settings.extra)


def jupyter_path(base: dict[str, str] | None = None) -> str:
    """JUPYTER_PATH for the casebook's servers: its template (with plotly.js in its static
    folder, casebook/views/chart.py), then what was set."""
    env = os.environ if base is None else base
    paths = [str(template_root()), *filter(None, env.get("JUPYTER_PATH", "").split(os.pathsep))]
    return os.pathsep.join(paths)


def app_env(
    base: dict[str, str] | None = None, settings: AppSettings | None = None
) -> dict[str, str]:
    """The environment Voilà runs in: our template folder and plotly.js first on the Jupyter
    data path; figures built without plotly's schema check (:data:`FIGURE_CHECK_ENV`); in class
    mode the token (``JUPYTER_TOKEN``) and the students' link, which the
    kernels inherit for the landing page."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = jupyter_path(env)
    # the kernels build figures the tests have checked: without plotly's schema check again
    # (casebook.charts.base.FIGURE_CHECK_ENV; not imported here, it would load plotly)
    env[FIGURE_CHECK_ENV] = "0"
    env.pop(CLASS_LINK_ENV, None)  # a link from an earlier session in this shell is stale
    if settings is not None and settings.token:
        env["JUPYTER_TOKEN"] = settings.token
        if settings.link:
            env[CLASS_LINK_ENV] = settings.link
    return env


def landing_url(settings: AppSettings) -> str:
    return f"http://{settings.ip}:{settings.port}/voila/render/{PAGES[0]}"


def _wait_for_port(ip: str, port: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex((ip, port)) == 0:
                return True
        time.sleep(0.3)
    return False


# Ctrl-C, kill and service managers, a closed terminal; Ctrl-Break on Windows.
STOP_SIGNALS = tuple(
    getattr(signal, name)
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK")
    if hasattr(signal, name)
)
STOP_SECONDS = 30


class _StopRequested(Exception):
    pass


class _Stopper:
    """The handler of every stop signal: the first one ends the wait for Voilà; later ones
    only say to hurry (end what is left at once)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        self.count += 1
        if self.count == 1:
            raise _StopRequested(signum)


@contextlib.contextmanager
def _handling(handler: _Stopper) -> Iterator[None]:
    """``handler`` for every stop signal but those that were ignored when the casebook was
    started (``nohup`` ignores SIGHUP, a shell's background job SIGINT): they stay ignored."""
    previous = {
        sig: signal.signal(sig, handler)
        for sig in STOP_SIGNALS
        if signal.getsignal(sig) is not signal.SIG_IGN
    }
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _say(text: str) -> None:
    """Print for the teacher; a closed terminal (SIGHUP) must not stop the stop."""
    with contextlib.suppress(OSError, ValueError):
        print(text, flush=True)


def _process_tree(pid: int) -> list[Any]:
    """Voilà and every process below it (its kernels), while they run (psutil)."""
    import psutil

    try:
        root = psutil.Process(pid)
        return [root, *root.children(recursive=True)]
    except psutil.Error:
        return []


def _running(proc: Any) -> bool:
    import psutil

    try:
        return proc.is_running() and proc.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _end(process: subprocess.Popen[bytes], stopper: _Stopper) -> int:
    """Stop Voilà, wait until it has shut its kernels down, end whatever is left."""
    import psutil

    tree = _process_tree(process.pid)  # now: once Voilà has exited, its kernels leave the tree
    _say("Stopping the casebook: Voilà shuts its kernels down ...")
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            process.send_signal(signal.SIGTERM)
    # (On Windows Ctrl-C reached Voilà in the same console, and it stops on its own.)
    deadline = time.monotonic() + STOP_SECONDS
    while process.poll() is None and time.monotonic() < deadline and stopper.count < 2:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=0.2)
    if process.poll() is None:
        process.kill()
    process.wait()
    # kernels told to shut down may take a moment longer than Voilà; then they are ended
    running = [p for p in tree if _running(p)]
    _, left = psutil.wait_procs(running, timeout=0 if stopper.count > 1 else 5)
    for proc in left:
        with contextlib.suppress(psutil.Error):
            proc.kill()
    psutil.wait_procs(left, timeout=5)
    if left:
        _say(f"Stopped; {len(left)} process(es) had not ended in time and were killed.")
    else:
        _say(f"Stopped: Voilà and its {max(len(tree) - 1, 0)} kernel(s) have ended.")
    return 0


def _own_session() -> dict[str, Any]:
    """Popen arguments that keep Voilà out of the terminal's reach (POSIX): only this process
    hears Ctrl-C and a closed terminal, and passes them on. On Windows Voilà shares the
    console and hears Ctrl-C itself."""
    return {"start_new_session": True} if os.name == "posix" else {}


def start(settings: AppSettings | None = None) -> int:
    """Run the app until stopped (Ctrl-C, SIGTERM, SIGHUP); open the landing page in a browser
    when asked. Every stop ends Voilà and all of its kernels."""
    settings = settings or AppSettings()
    problem = port_problem(settings.ip, settings.port)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    command = voila_command(settings)
    browse = settings.link or landing_url(settings)
    stopper = _Stopper()
    process = None
    with _handling(stopper):  # from here on a stop signal is a clean stop, never a traceback
        try:
            print(f"The casebook starts on {browse} (stop with Ctrl+C).", flush=True)
            process = subprocess.Popen(command, env=app_env(settings=settings), **_own_session())
            if settings.open_browser:

                def open_when_ready() -> None:
                    if _wait_for_port(settings.ip, settings.port, 60):
                        webbrowser.open(browse)

                threading.Thread(target=open_when_ready, daemon=True).start()
            return process.wait()
        except (_StopRequested, KeyboardInterrupt):
            return 0 if process is None else _end(process, stopper)
