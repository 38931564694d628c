"""How the app runs: one settings object, made once where the process starts (the command line,
a test, a benchmark) and passed down to the server, class mode and every session."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "SETTINGS_ENV",
    "TEACHER_COOKIE",
    "Settings",
    "notebooks_dir",
    "settings_from_json",
    "settings_json",
]

PACKAGE = Path(__file__).resolve().parents[1]  # the casebook package


def notebooks_dir() -> Path:
    """The notebooks shipped with the casebook (wheel: ``casebook/notebooks``; checkout:
    ``notebooks/``), found from this file, never from the working directory."""
    from casebook.pages import PAGES

    for candidate in (PACKAGE / "notebooks", PACKAGE.parent / "notebooks"):
        if (candidate / PAGES[0].notebook).is_file():
            return candidate
    raise FileNotFoundError(f"the casebook's notebooks are missing (looked beside {PACKAGE})")


@dataclass(frozen=True)
class Settings:
    """How the app runs. The defaults suit a teacher's laptop: 127.0.0.1 only, no login.

    - ``port``, ``ip``: where it listens; ``open_browser``: open the landing page once it answers.
    - ``notebooks``: a folder of notebooks to serve instead of the casebook's own.
    - ``token``: class mode: every page, websocket and file needs it (the students' link
      carries it once; the browser keeps it in a cookie). ``link`` is that link, which the
      landing page shows with its QR code. ``teacher_secret`` opens the live page; ``class_dir``
      is where the class's shares go.
    - ``idle_seconds``: a session whose browser has gone (tab closed, phone asleep) is ended
      after this long; ``sessions_per_browser`` and ``max_sessions`` cap the open sessions
      (tabs) of one browser and of the whole server.
    - ``base_path``: the path the app is served under behind a proxy (a hub: ``/user/x/...``).
    - ``session_secret``: signs Solara's session cookies; new at every start.
    """

    port: int = 8866
    ip: str = "127.0.0.1"
    open_browser: bool = True
    notebooks: Path | None = None
    token: str | None = None
    link: str | None = None
    teacher_secret: str | None = None
    class_dir: Path | None = None
    idle_seconds: int = 300
    sessions_per_browser: int = 10
    max_sessions: int = 400
    base_path: str = ""
    session_secret: str = field(default_factory=lambda: secrets.token_urlsafe(32), repr=False)

    @property
    def class_mode(self) -> bool:
        return self.token is not None

    def notebooks_dir(self) -> Path:
        return self.notebooks or notebooks_dir()

    def local_url(self, path: str = "/") -> str:
        host = "127.0.0.1" if self.ip in ("0.0.0.0", "") else self.ip
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}{self.base_path}{path}"


# The server's cap on open sessions (tabs) when none is given, sized from the memory the
# computer has free (issue 35: a class must not be able to take the teacher's laptop down).
# A session held 0.5-1.2 MB in the load tests (docs/load.md); it is counted at 4 MiB, for a
# student who opens every page. A quarter of what is free after a reserve of 1 GiB, between
# a class of 30 and 400.
SESSION_BYTES = 4 * 2**20
_RESERVE = 2**30
_FEWEST, _MOST = 30, 400


def sessions_for_memory(available: int) -> int:
    """The sessions the server lets in at once on a computer with ``available`` bytes of memory
    free (see :data:`SESSION_BYTES`)."""
    room = max(available - _RESERVE, 0) // 4 // SESSION_BYTES
    return int(min(_MOST, max(_FEWEST, room)))


def free_memory() -> int:
    """The bytes of memory this computer has free (available to a new process)."""
    import psutil

    return int(psutil.virtual_memory().available)


SETTINGS_ENV = "CASEBOOK_SETTINGS"

# The cookie in which the guard (casebook.app.server) keeps the teacher's secret once it was
# shown, and from which a session (casebook.app.site) learns that its reader is the teacher.
TEACHER_COOKIE = "casebook-teacher"


def settings_json(settings: Settings) -> str:
    """``settings`` as JSON, for a server started by another process (tests, benchmarks)."""
    import dataclasses
    import json

    values = dataclasses.asdict(settings)
    for key in ("notebooks", "class_dir"):
        if values[key] is not None:
            values[key] = str(values[key])
    return json.dumps(values)


def settings_from_json(text: str) -> Settings:
    """The settings :func:`settings_json` wrote."""
    import json

    values = json.loads(text)
    for key in ("notebooks", "class_dir"):
        if values.get(key) is not None:
            values[key] = Path(values[key])
    return Settings(**values)
