"""Class mode (casebook.classroom, ``casebook start --class``): the students' link and its QR
code, the landing page that shows them, and a real server that refuses a page, a kernel
websocket and a static file without the token, serves them with it, and stops clean on SIGHUP."""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import casebook
from casebook import app, classroom
from casebook.views import start as start_view
from tests.test_stop import Started

LINK = "http://192.0.2.7:8866/?token=AbC-123_xyz"


# --- the link, the token, the address -----------------------------------------------------


def test_a_class_gets_a_new_token_a_link_and_pools_at_every_start() -> None:
    base = app.AppSettings(port=8899)
    one, address = classroom.class_settings(base, ip="192.0.2.9")
    two, _ = classroom.class_settings(base, ip="192.0.2.9")
    assert address == classroom.ClassAddress("192.0.2.9", "192.0.2.9", True)
    assert one.token != two.token and len(one.token) >= 22
    assert re.fullmatch(r"[A-Za-z0-9_-]+", one.token)
    assert one.link == f"http://192.0.2.9:8899/?token={one.token}"
    assert (one.ip, one.pool_size, one.landing_pool_size) == ("192.0.2.9", 2, 4)
    small, _ = classroom.class_settings(base, ip="192.0.2.9", pool_size=1)
    assert (small.pool_size, small.landing_pool_size) == (1, 2)


def test_the_address_is_the_network_one_or_every_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    found = classroom.lan_address()
    assert found is None or classroom._usable(found)
    assert not any(map(classroom._usable, ["127.0.0.1", "169.254.3.4", "0.0.0.0", "::1", "x"]))
    monkeypatch.setattr(classroom, "lan_address", lambda: None)
    alone = classroom.class_address()
    assert (alone.bind, alone.found) == ("0.0.0.0", False)
    assert alone.host == socket.gethostname()
    monkeypatch.setattr(classroom, "lan_address", lambda: "127.0.0.1")  # bindable stand-in
    assert classroom.class_address() == classroom.ClassAddress("127.0.0.1", "127.0.0.1", True)
    everywhere = classroom.class_address("0.0.0.0")
    assert (everywhere.bind, everywhere.host) == ("0.0.0.0", "127.0.0.1")


def test_the_token_stays_off_the_command_line_and_reaches_voila_by_the_environment() -> None:
    settings = app.AppSettings(token="T0KEN", link=LINK, pool_size=2, landing_pool_size=4)
    command = app.voila_command(settings, root=Path("nb"))
    assert command[1:3] == ["-m", "casebook.classroom"]
    assert "--Voila.auto_token=True" in command and not any("T0KEN" in c for c in command)
    pools = next(c for c in command if c.startswith("--VoilaKernelManager.kernel_pools_config="))
    assert pools.endswith('{"default": {"pool_size": 2}, "00_start.ipynb": {"pool_size": 4}}')
    env = app.app_env({"CASEBOOK_CLASS_LINK": "stale"}, settings=settings)
    assert env["JUPYTER_TOKEN"] == "T0KEN" and env[start_view.CLASS_LINK_ENV] == LINK
    plain = app.app_env({"CASEBOOK_CLASS_LINK": "stale"})  # a link from an earlier session
    assert start_view.CLASS_LINK_ENV not in plain
    assert app.voila_command(app.AppSettings(), root=Path("nb"))[1:3] == ["-m", "voila"]
    assert app.CLASS_LINK_ENV == start_view.CLASS_LINK_ENV
    # the app's kernels build figures without plotly's check (casebook.charts.base.figure)
    assert env[app.FIGURE_CHECK_ENV] == plain[app.FIGURE_CHECK_ENV] == "0"
    from casebook.charts import base as charts_base

    assert app.FIGURE_CHECK_ENV == charts_base.FIGURE_CHECK_ENV


def _modules(text: str) -> list[list[bool]]:
    """The dark (True) and light modules a terminal shows for ``terminal_qr``'s text."""
    halves = {"█": (True, True), "▀": (True, False), "▄": (False, True), " ": (False, False)}
    rows: list[list[bool]] = []
    for line in re.sub(r"\033\[[0-9;]*m", "", text).splitlines():
        pairs = [halves[c] for c in line]
        rows += [[p[0] for p in pairs], [p[1] for p in pairs]]
    return rows


def test_the_terminal_qr_code_is_the_links_code_black_on_white() -> None:
    expected = classroom._rows(LINK)
    text = classroom.terminal_qr(LINK)
    assert text.startswith("\033[30;47m")  # black on white, whatever the terminal's colours
    assert _modules(text)[: len(expected)] == expected
    # a console without the block characters (cp1252) gets two spaces per module, coloured
    plain = classroom.terminal_qr(LINK, encoding="cp1252")
    plain.encode("cp1252")
    row = [cell == "40" for cell in re.findall(r"\033\[(40|47)m  ", plain.splitlines()[4])]
    assert row == expected[4]


def test_no_qr_code_is_printed_into_a_log_file(tmp_path: Path) -> None:
    with open(tmp_path / "log.txt", "w", encoding="utf-8") as log:
        classroom.print_qr(LINK, out=log)
    assert (tmp_path / "log.txt").read_text(encoding="utf-8") == ""


# --- the landing page ----------------------------------------------------------------------


def test_the_landing_page_shows_the_link_and_its_qr_code_in_one_language(
    book: casebook.Casebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    import segno

    monkeypatch.setenv(start_view.CLASS_LINK_ENV, LINK)
    view = start_view.StartView(book, lang="en")
    html = view.body.value
    assert html.count(LINK) == 2  # the link and its address, shown
    assert "For the teacher" in html and "Voor de docent" not in html
    path = segno.make(LINK, error="m").svg_inline(scale=6)
    assert re.search(r' d="([^"]+)"', path).group(1) in html  # the QR code of that link
    assert '<svg role="img"' in html and "<title>QR code with the link" in html
    view.language.value = "nl"
    assert "Voor de docent" in view.body.value and "For the teacher" not in view.body.value
    assert "<title>QR-code met de link" in view.body.value


def test_without_class_mode_or_in_a_handout_there_is_no_link(
    book: casebook.Casebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(start_view.CLASS_LINK_ENV, raising=False)
    assert "casebook-class-link" not in start_view.StartView(book).body.value
    monkeypatch.setenv(start_view.CLASS_LINK_ENV, LINK)
    monkeypatch.setenv("CASEBOOK_HANDOUT", "1")
    assert "casebook-class-link" not in start_view.StartView(book).body.value
    monkeypatch.delenv("CASEBOOK_HANDOUT")
    monkeypatch.setenv(start_view.CLASS_LINK_ENV, 'javascript:alert(1)"><script>')
    assert "casebook-class-link" not in start_view.StartView(book).body.value
    hostile = 'http://x/?token="><script>alert(1)</script>'
    html = start_view.StartView(book, class_link=hostile).body.value
    assert "<script>" not in html and "&lt;script&gt;" in html


# --- the command line ----------------------------------------------------------------------


def test_bad_start_options_are_refused_in_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebook.cli import main

    def no_server(*args: object, **kwargs: object) -> None:
        raise AssertionError("a server was started")

    monkeypatch.setattr(app.subprocess, "Popen", no_server)

    assert main(["start", "--notebooks", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder with notebooks (*.ipynb)" in capsys.readouterr().err
    assert main(["start", "--pool-size", "-1"]) == 2
    assert "--pool-size must be 0 or more, but -1 was passed." in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["start", "--no-browser", "--port", str(port)]) == 2
    assert f"Port {port} on 127.0.0.1 is in use" in capsys.readouterr().err


def test_make_start_with_class_serves_the_network_address(monkeypatch: pytest.MonkeyPatch) -> None:
    from casebook.cli import main

    started: list[app.AppSettings] = []
    monkeypatch.setattr(app, "start", lambda settings: started.append(settings) or 0)
    monkeypatch.setattr(classroom, "lan_address", lambda: "127.0.0.1")  # bindable stand-in
    # what `make start ARGS=--class` runs: the Makefile always passes --ip 127.0.0.1
    assert main(["start", "--port", "8866", "--ip", "127.0.0.1", "--class"]) == 0
    assert main(["start", "--ip", "192.0.2.9", "--class", "--pool-size", "3"]) == 0
    assert main(["start"]) == 0
    made, chosen, plain = started
    assert made.ip == "127.0.0.1" and made.link.startswith("http://127.0.0.1:8866/?token=")
    assert made.token and made.link.endswith(made.token)
    assert (made.pool_size, made.landing_pool_size) == (2, 4)
    assert chosen.ip == "192.0.2.9" and (chosen.pool_size, chosen.landing_pool_size) == (3, 6)
    assert plain.token is None and plain.link is None and plain.pool_size == 1


# --- a real server -------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _status(opener: urllib.request.OpenerDirector, url: str) -> int:
    try:
        with opener.open(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


@pytest.fixture(scope="module")
def class_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Started, str, str]]:
    """``casebook start --class`` on a free port with one tiny notebook and no pool (one
    kernel, for the one page asked for); yields it, its base URL and the printed link."""
    run = Started(tmp_path_factory.mktemp("class"), "--class", "--no-preheat")
    try:
        run.wait_for("Voilà is running at")
        link = re.search(r"http://\S+\?token=\S+", run.text()).group(0)
        host = urlsplit(link).hostname
        yield run, f"http://{host if classroom._is_ip(host) else '127.0.0.1'}:{run.port}", link
    finally:
        run.kill()


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals (the stop at its end)")
def test_without_the_token_a_page_a_websocket_and_a_static_file_are_refused(
    class_server: tuple[Started, str, str],
) -> None:
    import websocket  # websocket-client, which jupyter_server needs

    run, base, link = class_server
    token = link.rsplit("token=", 1)[1]
    page = f"{base}/voila/render/{app.PAGES[0]}"
    static = f"{base}/voila/static/voila.js"
    stranger = urllib.request.build_opener(_NoRedirect)
    assert _status(stranger, page) == 302  # to the login page, where the token can be typed
    assert _status(stranger, page + "?token=wrong") == 302
    assert _status(stranger, static) == 403
    assert _status(stranger, f"{base}/voila/templates/lab/static/voila.js") == 403
    # with the link: the page (whose kernel knows the link), then the rest by the cookie
    jar = http.cookiejar.CookieJar()
    student = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with student.open(f"{page}?token={token}", timeout=60) as response:
        html = response.read().decode()
    assert f"LINK={link}=" in html
    assert _status(student, static) == 200
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', html).group(1)
    channels = f"ws://{urlsplit(base).netloc}/api/kernels/{kernel}/channels"
    with pytest.raises(websocket.WebSocketBadStatusException, match="403"):
        websocket.create_connection(channels, timeout=30)
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    ws = websocket.create_connection(channels, timeout=30, cookie=cookie)
    assert ws.status == 101
    ws.close()
    # the printed link itself (a host name when no network address was found: then by IP)
    url = link if classroom._is_ip(urlsplit(link).hostname or "") else f"{base}/?token={token}"
    jar = http.cookiejar.CookieJar()
    phone = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with phone.open(url, timeout=60) as response:
        assert f"/voila/render/{app.PAGES[0]}" in response.read().decode()  # opens the landing page
    assert any(c.name.startswith("username-") for c in jar)  # logged in by the link
    # the end of the class: the teacher closes the terminal (tests/test_stop.py)
    run.stop_and_check(signal.SIGHUP, to_group=True)
