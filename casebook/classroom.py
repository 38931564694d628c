"""Class mode (``casebook start --class``): the casebook served to a class on the room's network,
behind a token that only those with the students' link (or its QR code) have.

- The address: the machine's address on the network (the one its default route goes out of,
  else any interface that is up); when none is found, every interface, with the host name as
  the address to try.
- The token: ``secrets.token_urlsafe``, new at every start. Voilà 0.5 turns jupyter_server's
  token login on with ``--Voila.token`` or, as here, with ``--Voila.auto_token=True`` and the
  token in ``JUPYTER_TOKEN`` (kept out of the process list). ``--IdentityProvider.token`` alone
  does nothing: Voilà passes its own empty token to the identity provider, which wins.
- The guard: Voilà's own static files, templates, widget extensions and themes are plain tornado
  handlers (or marked "allow unauthenticated"), served to anyone; in class mode the app runs
  Voilà through :func:`main` here, which lets them through only with the token or its cookie.
- The link reaches the landing page's view through :data:`casebook.views.start.CLASS_LINK_ENV`,
  which the kernels inherit from Voilà.
"""

from __future__ import annotations

import contextlib
import inspect
import ipaddress
import os
import secrets
import socket
import sys
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from casebook.app import LIVE_PAGE, PAGES, AppSettings

__all__ = [
    "CLASS_POOL_SIZE",
    "ClassAddress",
    "announce",
    "class_address",
    "class_link",
    "class_settings",
    "guarded_voila",
    "lan_address",
    "live_setup",
    "main",
    "new_token",
    "print_qr",
    "terminal_qr",
]

# Preheated kernels per page in class mode, and twice that for the landing page, where the
# whole class arrives at once. A waiting kernel holds about 120 MB: 2 per page and 4 for the
# landing page are 18 kernels, about 2 GB, which an 8 GB laptop can spare; each is filled by
# running its notebook once (all of them in about a minute on two cores).
CLASS_POOL_SIZE = 2

# Where a UDP socket is "connected" to find the interface of the default route: no packet is
# sent. TEST-NET-1 and a private address, so that nothing real is ever addressed.
_PROBES = ("192.0.2.1", "10.255.255.255")


def _usable(ip: str) -> bool:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return address.version == 4 and not (
        address.is_loopback or address.is_unspecified or address.is_link_local
    )


def _interface_addresses() -> list[str]:
    """IPv4 addresses of the interfaces that are up (psutil comes with ipykernel)."""
    try:
        import psutil
    except ImportError:
        return []
    stats = psutil.net_if_stats()
    return [
        a.address
        for nic, addresses in psutil.net_if_addrs().items()
        if nic in stats and stats[nic].isup
        for a in addresses
        if a.family == socket.AF_INET
    ]


def lan_address() -> str | None:
    """This machine's IPv4 address on its network (not loopback, not link-local), or None.

    The interface of the default route comes first: that is the network a laptop's Wi-Fi is on.
    Without a default route (a room with a network but no internet) any interface that is up.
    """
    candidates = []
    for probe in _PROBES:
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                candidates.append(sock.getsockname()[0])
        except OSError:
            continue
    candidates += _interface_addresses()
    with contextlib.suppress(OSError):
        host = socket.gethostname()
        candidates += [i[4][0] for i in socket.getaddrinfo(host, None, socket.AF_INET)]
    return next((ip for ip in candidates if _usable(ip)), None)


@dataclass(frozen=True)
class ClassAddress:
    """Where the server listens (``bind``), the address in the students' link (``host``), and
    whether that is a network address found for this machine (``found``)."""

    bind: str
    host: str
    found: bool


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _can_bind(ip: str) -> bool:
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((ip, 0))
    except OSError:
        return False
    return True


def class_address(ip: str | None = None) -> ClassAddress:
    """The address to serve a class on: ``ip`` when given, else :func:`lan_address`. When none
    is found (or it cannot be bound), or ``ip`` is 0.0.0.0, every interface, and for the link
    this machine's network address or else its host name."""
    if ip and ip not in ("0.0.0.0", ""):
        return ClassAddress(ip, ip, True)
    lan = lan_address()
    if lan and _can_bind(lan):
        return ClassAddress("0.0.0.0" if ip else lan, lan, True)
    return ClassAddress("0.0.0.0", socket.gethostname() or "localhost", False)


def new_token() -> str:
    """A fresh token for one class session (128 random bits, URL-safe)."""
    return secrets.token_urlsafe(16)


def class_link(host: str, port: int, token: str) -> str:
    """The students' link: the landing page (``/`` opens it) with the token, which the server
    turns into a login cookie for the other pages."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/?token={token}"


def _rows(link: str) -> list[list[bool]]:
    import segno

    code = segno.make(link, error="m")
    return [[bool(bit) for bit in row] for row in code.matrix_iter(scale=1, border=4)]


def terminal_qr(link: str, *, encoding: str | None = "utf-8") -> str:
    """The QR code of ``link`` as text for a terminal, black on white whatever the terminal's
    colours: two rows per line in half blocks where ``encoding`` has them, else two spaces per
    module (ANSI background colours only)."""
    rows = _rows(link)
    black, white, reset = "\033[30;47m", "\033[47m", "\033[0m"
    try:
        "▀▄█".encode(encoding or "ascii")
        half = True
    except (UnicodeEncodeError, LookupError):
        half = False
    lines = []
    if half:
        if len(rows) % 2:
            rows.append([False] * len(rows[0]))
        chars = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}
        for top, bottom in zip(rows[::2], rows[1::2], strict=True):
            lines.append(
                black + "".join(chars[pair] for pair in zip(top, bottom, strict=True)) + reset
            )
    else:
        for row in rows:
            cells = "".join("\033[40m  " if dark else white + "  " for dark in row)
            lines.append(cells + reset)
    return "\n".join(lines) + "\n"


def print_qr(link: str, out: TextIO | None = None) -> None:
    """Print the QR code of ``link`` when ``out`` (default stdout) is a terminal."""
    out = out or sys.stdout
    if not out.isatty():
        return
    if sys.platform == "win32":  # pragma: no cover - ANSI colours need VT mode on Windows
        _enable_ansi_on_windows()
    out.write(terminal_qr(link, encoding=getattr(out, "encoding", None)))
    out.flush()


def _enable_ansi_on_windows() -> None:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32
    handle = kernel32.GetStdHandle(-11)
    mode = ctypes.c_uint32()
    if kernel32.GetConsoleMode(handle, ctypes.byref(mode)):
        kernel32.SetConsoleMode(handle, mode.value | 0x0004)  # ENABLE_VIRTUAL_TERMINAL_PROCESSING


def class_settings(
    settings: AppSettings, *, ip: str | None = None, pool_size: int | None = None
) -> tuple[AppSettings, ClassAddress]:
    """``settings`` made for a class: on ``ip`` (default: this machine's network address),
    with a new token and the students' link, and pools of ``pool_size`` per page (default
    :data:`CLASS_POOL_SIZE`) and twice that for the landing page."""
    address = class_address(ip)
    token = new_token()
    size = CLASS_POOL_SIZE if pool_size is None else pool_size
    made = replace(
        settings,
        ip=address.bind,
        token=token,
        link=class_link(address.host, settings.port, token),
        pool_size=size,
        landing_pool_size=2 * size,
    )
    return made, address


def announce(settings: AppSettings) -> None:
    """Tell the teacher the students' link, show its QR code, and say how the server runs."""
    lines = ["The casebook is served to the class. Students open this link:", ""]
    lines += [f"    {settings.link}", ""]
    print("\n".join(lines), flush=True)
    print_qr(settings.link or "")
    notes = [
        "or scan the QR code (also on the landing page, under 'For the teacher').",
        "Only those with the link get in; the next start makes a new one.",
    ]
    host = urlsplit(settings.link or "").hostname or ""
    if not _is_ip(host):
        notes.append(
            "No network address was found for this machine, so the casebook listens on every "
            f"network it has and the link names it '{host}'. If students cannot open "
            "the link, put this machine's IP address (from its network settings) in its place."
        )
    if settings.preheat:
        kernels = settings.pool_size * (len(PAGES) - 1) + (settings.landing_pool_size or 0)
        notes.append(
            f"Kernels kept ready: {settings.landing_pool_size} for the landing page, "
            f"{settings.pool_size} for every other page ({kernels}, about "
            f"{kernels * 120 / 1000:.1f} GB); change with --pool-size."
        )
    notes.append("Stop with Ctrl+C.")
    print("\n".join(notes), flush=True)


# --- the guarded Voilà --------------------------------------------------------------------


def _guard(cls: type) -> type:
    """``cls`` (a tornado handler) that answers 403 unless the request carries the token or the
    login cookie; it keeps everything else of ``cls``."""
    from jupyter_core.utils import ensure_async
    from jupyter_server.base.handlers import JupyterHandler
    from tornado import web

    class SignedInOnly:
        async def prepare(self: Any) -> None:
            if await ensure_async(self.identity_provider.get_user(self)) is None:
                raise web.HTTPError(403)
            result = super().prepare()  # type: ignore[misc]
            if inspect.isawaitable(result):
                await result

    bases = (
        (SignedInOnly, cls)
        if issubclass(cls, JupyterHandler)
        else (SignedInOnly, cls, JupyterHandler)
    )
    return type(f"SignedIn{cls.__name__}", bases, {})


def _open_to_anyone(cls: type) -> bool:
    from jupyter_server.base.handlers import JupyterHandler

    if not issubclass(cls, JupyterHandler):
        return True  # tornado's StaticFileHandler, WebSocketHandler: no login check at all
    return bool(getattr(getattr(cls, "get", None), "__allow_unauthenticated", False))


def guarded_voila() -> type:
    """Voilà's application class with every handler that would serve anyone guarded, except
    the login page itself (where a student can type the token)."""
    from voila.app import Voila

    class GuardedVoila(Voila):
        def init_handlers(self) -> list[Any]:
            login = {cls for _, cls in self.identity_provider.get_handlers()}
            handlers = []
            for pattern, cls, *rest in super().init_handlers():
                if cls not in login and _open_to_anyone(cls):
                    cls = _guard(cls)
                handlers.append((pattern, cls, *rest))
            return handlers

    return GuardedVoila


def live_setup(env: dict[str, str] | None = None) -> str | None:
    """Class mode's live lesson, set up in ``env`` (default: this process's environment, which
    Voilà's kernels inherit): the class folder (:data:`casebook.live.CLASS_DIR_ENV`, kept when
    set, else the user's data folder), a new lesson in it, and the teacher's secret (new at
    every start; one set in :data:`casebook.live.TEACHER_ENV` is kept, for tests). Returns
    the teacher's link to the live page (None without the students' link)."""
    import platformdirs

    from casebook import live
    from casebook.app import CLASS_LINK_ENV

    env = os.environ if env is None else env
    root = env.get(live.CLASS_DIR_ENV) or str(
        Path(platformdirs.user_data_dir("casebook")) / "class"
    )
    env[live.CLASS_DIR_ENV] = root
    env[live.TEACHER_ENV] = env.get(live.TEACHER_ENV) or secrets.token_urlsafe(16)
    live.new_lesson(root)
    link = env.get(CLASS_LINK_ENV)
    if not link:
        return None
    parts = urlsplit(link)
    query = f"{parts.query}&teacher={env[live.TEACHER_ENV]}".lstrip("&")
    return f"{parts.scheme}://{parts.netloc}/voila/render/{LIVE_PAGE}?{query}"


def main() -> None:
    """``python -m casebook.classroom`` takes Voilà's command line and runs the guarded Voilà.

    The live page is never preheated (see :func:`casebook.app.voila_command`): a kernel started
    for its request has the page's query string (the teacher's secret) in its environment."""
    from casebook.live import CLASS_DIR_ENV

    teacher = live_setup()
    if teacher:
        print(
            "For the teacher only (the class live, on the projector; do not share):\n\n"
            f"    {teacher}\n\nShared work is kept in {os.environ[CLASS_DIR_ENV]}.",
            flush=True,
        )
    app = guarded_voila()  # imports voila, which turns traitlets' deprecation warnings on
    # A dict on the command line (the landing page's pool) is "deprecated" in traitlets 5 in
    # favour of key=value pairs, which would give strings, not the numbers Voilà needs.
    warnings.filterwarnings("ignore", message=".*for dict-traits is deprecated")
    app.launch_instance()


if __name__ == "__main__":
    main()
