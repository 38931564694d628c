"""Class mode (``casebook start --class``): the casebook served to a class on the room's network,
behind a token that only those with the students' link (or its QR code) have.

- The address: the machine's address on the network (the one its default route goes out of,
  else any interface that is up); when none is found, every interface, with the host name as
  the address to try.
- The token: ``secrets.token_urlsafe``, new at every start; the server's guard
  (casebook/app/server.py) lets nothing through without it.
- The live lesson: a new lesson folder at every start, and the teacher's secret for the live
  page, also new at every start.
- The settings reach the views (the landing page's link, the share boxes' folder, the live
  page's secret) through the environment of this one process (:func:`export`).
"""

from __future__ import annotations

import contextlib
import ipaddress
import secrets
import socket
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from casebook.app.settings import Settings
from casebook.pages import LIVE

__all__ = [
    "ClassAddress",
    "announce",
    "class_address",
    "class_link",
    "class_settings",
    "lan_address",
    "new_token",
    "teacher_link",
    "print_qr",
    "terminal_qr",
]

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


def class_link(host: str, port: int, token: str, base_path: str = "") -> str:
    """The students' link: the landing page with the token, which the server turns into a
    cookie for every later request (and then takes out of the address)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{base_path}/?token={token}"


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
    settings: Settings, *, ip: str | None = None, class_dir: Path | None = None
) -> tuple[Settings, ClassAddress]:
    """``settings`` made for a class: on ``ip`` (default: this machine's network address), with
    a new token and the students' link, the teacher's secret for the live page (new at every
    start) and the class folder (``class_dir``, else the user's data folder's ``class/``), in
    which a new lesson is opened."""
    import platformdirs

    from casebook import live

    address = class_address(ip)
    token = new_token()
    root = class_dir or settings.class_dir
    if root is None:
        root = Path(platformdirs.user_data_dir("casebook")) / "class"
    live.new_lesson(root)
    made = replace(
        settings,
        ip=address.bind,
        token=token,
        link=class_link(address.host, settings.port, token, settings.base_path),
        teacher_secret=secrets.token_urlsafe(16),
        class_dir=Path(root),
    )
    return made, address


def teacher_link(settings: Settings, path: str = LIVE.path) -> str | None:
    """The teacher's link to the page at ``path`` (by default the live page; ``/``: the
    teacher's landing page, with the students' link for the projector and links to the live
    page and the key): the class token and the teacher's secret, which the server turns into
    cookies (and then takes out of the address)."""
    if not settings.link or not settings.teacher_secret:
        return None
    parts = urlsplit(settings.link)
    return (
        f"{parts.scheme}://{parts.netloc}{settings.base_path}{path}"
        f"?token={settings.token}&teacher={settings.teacher_secret}"
    )


def announce(settings: Settings, memory_note: str = "") -> None:
    """Tell the teacher the students' link, show its QR code, the teacher's own link to the
    live page, and how the server runs."""
    lines = ["The casebook is served to the class. Students open this link:", ""]
    lines += [f"    {settings.link}", ""]
    print("\n".join(lines), flush=True)
    print_qr(settings.link or "")
    notes = [
        "or scan the QR code (also on your landing page, the teacher's link below).",
        "Only those with the link get in; the next start makes a new one.",
    ]
    host = urlsplit(settings.link or "").hostname or ""
    if not _is_ip(host):
        notes.append(
            "No network address was found for this machine, so the casebook listens on every "
            f"network it has and the link names it '{host}'. If students cannot open "
            "the link, put this machine's IP address (from its network settings) in its place."
        )
    teacher = teacher_link(settings)
    if teacher:
        notes += [
            "",
            "For the teacher only (do not share): your landing page, with the students' link",
            "and its QR code for the projector, the live page, the lesson plan and the key",
            "(the browser opens it):",
            "",
            f"    {teacher_link(settings, '/')}",
            "",
            "and the class live, directly:",
            "",
            f"    {teacher}",
            "",
            f"Shared work is kept in {settings.class_dir}.",
        ]
    notes.append(
        f"One process serves every student: at most {settings.max_sessions} open pages in all "
        f"and {settings.sessions_per_browser} per browser; a page whose browser has gone is "
        f"ended after {settings.idle_seconds // 60} minutes."
    )
    if memory_note:
        notes.append(memory_note)
    notes.append("Stop with Ctrl+C.")
    print("\n".join(notes), flush=True)
