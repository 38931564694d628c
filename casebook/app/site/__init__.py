"""The casebook as one Solara app: every page of every reader from one Python process.

Solara gives each browser tab a virtual kernel (a session) in this process; :class:`Root` gives
each session one :class:`~casebook.app.site.session.Session`, kept in the kernel's own
storage, which shows the page the address asks for. The routes are the page registry's
addresses (casebook.pages); moving between pages happens inside the session.

The server (casebook/app/server.py) calls :func:`configure` once, with the settings, before it
serves.
"""

from __future__ import annotations

import hashlib
import hmac
import logging

import solara
from solara.server import kernel_context

from casebook.app.settings import TEACHER_COOKIE, Settings
from casebook.app.site.session import Session
from casebook.pages import LIVE, PAGES

__all__ = ["Layout", "Root", "configure", "routes"]

log = logging.getLogger(__name__)

_SESSION_KEY = "casebook-session"
_settings: list[Settings] = []


def configure(settings: Settings) -> None:
    """The settings every session is made with (the server sets them once, at start)."""
    _settings[:] = [settings]


def _current_settings() -> Settings:
    return _settings[0] if _settings else Settings(open_browser=False)


def _is_teacher(settings: Settings) -> bool:
    """True when this tab's browser showed the teacher's secret (the server turned it into a
    cookie, casebook/app/server.py)."""
    if not settings.teacher_secret:
        return False
    from solara.lab import cookies

    shown = (cookies.value or {}).get(TEACHER_COOKIE, "")
    return hmac.compare_digest(shown.encode(), settings.teacher_secret.encode())


def student_id(settings: Settings, browser: str) -> str:
    """The id under which a browser's shares are kept in class mode: derived from its session
    cookie (``browser``) with the class token as key, so that a reload or a second tab of the
    same browser shares under the same name (it replaces, never adds: one voice per browser)
    and nobody can tell one browser's id from another's cookie without the token."""
    key = (settings.token or settings.session_secret).encode()
    return hmac.new(key, browser.encode(), hashlib.sha256).hexdigest()[:32]


def _student(settings: Settings) -> str | None:
    """This tab's student id in class mode (:func:`student_id`), else None. A browser without
    Solara's cookie has a session id of its own per tab, as Solara gives it."""
    if not settings.class_mode:
        return None
    return student_id(settings, kernel_context.get_current_context().session_id)


def _session(search: str | None) -> Session:
    """This tab's session, made on its first render."""
    store = kernel_context.get_current_context().user_dicts.setdefault(_SESSION_KEY, {})
    if "session" not in store:
        settings = _current_settings()
        store["session"] = Session(
            settings, search, teacher=_is_teacher(settings), student=_student(settings)
        )
    return store["session"]


@solara.component
def Root() -> solara.Element:
    """Every page: the session's title bar and the page at the address."""
    router = solara.use_router()
    session = _session(router.search)
    session.navigate = router.push
    try:
        session.show(router.path, router.search)
    except Exception:  # a reader never sees a traceback; the session shows what it can
        log.exception("showing %s failed", router.path)
    return solara.Div(children=[session.root], classes=["cb-app"])


@solara.component
def Layout(children: list | None = None) -> solara.Element:
    """No frame around the pages: the title bar is the session's own."""
    return solara.Div(children=children or [])


# The landing page's route carries the layout (Solara wraps every route in the root's).
routes = [
    solara.Route(
        path=page.address or "/", component=Root, layout=Layout if not page.address else None
    )
    for page in (*PAGES, LIVE)
]
