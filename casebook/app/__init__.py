"""The app: the casebook served to readers, every page of every reader from one process.

- :mod:`casebook.app.settings`: :class:`Settings`, how the app runs (made once at start).
- :mod:`casebook.app.server`: the server (Solara behind the casebook's guard, on uvicorn).
- :mod:`casebook.app.site`: the Solara app: a session per browser tab, the title bar, the pages
  from their notebooks (:mod:`casebook.app.notebook`).
- :mod:`casebook.app.classroom`: class mode (the token, the link and its QR code, the live page).

Nothing in the library imports this package.
"""

from __future__ import annotations

import sys

from casebook.app.settings import Settings, notebooks_dir

__all__ = ["Settings", "notebooks_dir", "start"]


def start(settings: Settings | None = None) -> int:
    """Run the app until stopped (Ctrl-C, SIGTERM, SIGHUP); open the landing page in a browser
    when asked. One process: stopping it ends every reader's session."""
    from casebook.app.server import port_problem, serve

    settings = settings or Settings()
    problem = port_problem(settings.ip, settings.port)
    if problem:
        print(problem, file=sys.stderr)
        return 2
    if settings.class_mode:
        from casebook.app.classroom import announce

        announce(settings)
    else:  # (class mode's announcement says the caps too)
        print(f"The casebook starts on {settings.local_url()} (stop with Ctrl+C).", flush=True)
        print(
            f"Room for {settings.max_sessions} open pages (tabs) at once, at most "
            f"{settings.sessions_per_browser} per browser; more are refused with a message "
            "(--max-sessions, --sessions-per-browser).",
            flush=True,
        )
    ready = None
    if settings.open_browser:
        import webbrowser

        from casebook.app.classroom import teacher_link

        # in class mode the teacher's own link: their browser is the teacher's (the live page,
        # the key), not a student's
        url = teacher_link(settings, "/") or settings.link or settings.local_url()

        def ready() -> None:
            webbrowser.open(url)

    code = serve(settings, ready)
    print("Stopped: the casebook and every reader's session have ended.", flush=True)
    return code
