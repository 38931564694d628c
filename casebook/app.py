"""The classroom app: the notebooks served by Voilà, code hidden, opening on the landing page.

``casebook start`` (and ``make start``) runs Voilà on 127.0.0.1 with the casebook's own template
(no assets from the internet), preheated kernels so that a page does not wait for a kernel and
the imports, and idle kernels culled so that closed pages do not pile up.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import webbrowser
from dataclasses import dataclass, field
from pathlib import Path

from casebook.start import PAGES

__all__ = [
    "PAGES",
    "PAGE_VIEWS",
    "AppSettings",
    "notebooks_dir",
    "start",
    "template_root",
    "voila_command",
]

HERE = Path(__file__).resolve().parent
# Each page, the CSS class of the view it shows, and how many charts it draws when it opens:
# what the browser tests, the benchmarks and the load test wait for.
PAGE_VIEWS: dict[str, tuple[str, int]] = {
    "00_start.ipynb": (".casebook-start", 0),
    "01_casussen.ipynb": (".casebook-reader", 0),
    "02_wijken_vergelijken.ipynb": (".casebook-compare", 1),
    "03_vier_logicas.ipynb": (".casebook-logics", 2),
    "04_evaluaties.ipynb": (".casebook-evaluations", 3),
    "05_lessen.ipynb": (".casebook-lessons", 1),
    "06_check_je_samenwerking.ipynb": (".casebook-check", 1),
    "07_woordenlijst.ipynb": (".casebook-glossary", 0),
}
assert tuple(PAGE_VIEWS) == PAGES, "every page needs its view selector and chart count"


def notebooks_dir() -> Path:
    """The notebooks shipped with the casebook (wheel: ``casebook/notebooks``; checkout:
    ``notebooks/``), found from this file, never from the working directory."""
    for candidate in (HERE / "notebooks", HERE.parent / "notebooks"):
        if (candidate / PAGES[0]).is_file():
            return candidate
    raise FileNotFoundError(f"the casebook's notebooks are missing (looked beside {HERE})")


def template_root() -> Path:
    """A Jupyter data folder with the casebook's Voilà template (``voila/templates/casebook``)."""
    return HERE / "share"


@dataclass(frozen=True)
class AppSettings:
    """How the app runs. Defaults suit a teacher's laptop: local only, one preheated kernel per
    page, idle kernels shut down after ten minutes."""

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


# Voilà itself (0.5, voila/app.py) lets only comm, comm-info, kernel-info and shutdown messages
# through a kernel's websocket: a reader's browser cannot send an execute_request. It sets this
# in code, so configuration cannot widen it; tests/test_security.py checks that it holds.


def voila_command(settings: AppSettings, *, root: Path | None = None) -> list[str]:
    """The Voilà command line for ``settings`` (serving every notebook in ``root``)."""
    root = root or notebooks_dir()
    command = [
        sys.executable,
        "-m",
        "voila",
        str(root),
        "--template=casebook",
        f"--Voila.ip={settings.ip}",
        f"--port={settings.port}",
        "--no-browser",
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
        ]
    return command + list(settings.extra)


def plotly_share() -> Path:
    """A Jupyter data folder whose ``voila/templates/casebook/static/`` holds plotly.js, copied
    from the plotly package: Voilà (and JupyterLab's Voilà extension) serves it to the charts
    (casebook/views/chart.js), so that a page loads plotly.js once and never from the internet.
    In the user's cache folder (the installed package may be read-only); copied when missing."""
    import platformdirs

    from casebook.files import atomic_write_bytes
    from casebook.views.chart import plotly_file, plotly_name

    share = Path(platformdirs.user_cache_dir("casebook")) / "share"
    target = share / "voila" / "templates" / "casebook" / "static" / plotly_name()
    source = plotly_file()
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        atomic_write_bytes(target, source.read_bytes())
    return share


def jupyter_path(base: dict[str, str] | None = None) -> str:
    """JUPYTER_PATH for the casebook's servers: its template, plotly.js, then what was set."""
    env = os.environ if base is None else base
    paths = [
        str(template_root()),
        str(plotly_share()),
        *filter(None, env.get("JUPYTER_PATH", "").split(os.pathsep)),
    ]
    return os.pathsep.join(paths)


def app_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment Voilà runs in: our template folder and plotly.js first on the Jupyter
    data path."""
    env = dict(os.environ if base is None else base)
    env["JUPYTER_PATH"] = jupyter_path(env)
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


def start(settings: AppSettings | None = None) -> int:
    """Run the app until interrupted; open the landing page in a browser when asked."""
    settings = settings or AppSettings()
    command = voila_command(settings)
    print(f"The casebook starts on {landing_url(settings)} (stop with Ctrl+C).", flush=True)
    process = subprocess.Popen(command, env=app_env())
    if settings.open_browser:

        def open_when_ready() -> None:
            if _wait_for_port(settings.ip, settings.port, 60):
                webbrowser.open(landing_url(settings))

        threading.Thread(target=open_when_ready, daemon=True).start()
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait(timeout=30)
