"""Class mode (casebook.app.classroom, ``casebook start --class``): the students' link and its
QR code, the teacher's link to the live page, the landing page that shows them, and a real
server that refuses a page, a websocket and a static file without the token, serves them with
it (the token then in a cookie, out of the address), opens the live page to the teacher alone,
and stops clean on SIGHUP. The guard itself, request by request: tests/test_server.py."""

from __future__ import annotations

import os
import re
import signal
import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import casebook
from casebook import live
from casebook.app import classroom, server
from casebook.app.settings import SETTINGS_ENV, Settings, settings_json
from casebook.text import t
from casebook.views import start as start_view
from tests.appclient import Refused, Tab, fetch, visit
from tests.test_stop import Started

LINK = "http://192.0.2.7:8866/?token=AbC-123_xyz"


# --- the link, the token, the address -----------------------------------------------------


def test_a_class_gets_a_new_token_link_secret_and_lesson_at_every_start(tmp_path: Path) -> None:
    base = Settings(port=8899, open_browser=False)
    one, address = classroom.class_settings(base, ip="192.0.2.9", class_dir=tmp_path)
    first_lesson = live.current_lesson(tmp_path)
    two, _ = classroom.class_settings(base, ip="192.0.2.9", class_dir=tmp_path)
    assert address == classroom.ClassAddress("192.0.2.9", "192.0.2.9", True)
    assert one.class_mode and not base.class_mode
    assert one.token != two.token and len(one.token) >= 22
    assert re.fullmatch(r"[A-Za-z0-9_-]+", one.token)
    assert one.link == f"http://192.0.2.9:8899/?token={one.token}"
    assert (one.ip, one.port, one.class_dir) == ("192.0.2.9", 8899, tmp_path)
    # the teacher's secret for the live page: new at every start, never the token
    assert one.teacher_secret != two.teacher_secret and len(one.teacher_secret) >= 22
    assert one.teacher_secret != one.token
    # a new lesson at every start; the last one is kept
    assert live.current_lesson(tmp_path) != first_lesson and first_lesson.is_dir()
    assert len(list((tmp_path / "lessons").iterdir())) == 2
    hub, _ = classroom.class_settings(
        Settings(base_path="/user/ann/casebook"), ip="192.0.2.9", class_dir=tmp_path
    )
    assert hub.link == f"http://192.0.2.9:8866/user/ann/casebook/?token={hub.token}"


def test_the_teachers_link_opens_the_live_page_with_both_secrets(tmp_path: Path) -> None:
    made, _ = classroom.class_settings(Settings(), ip="10.0.0.5", class_dir=tmp_path)
    link = classroom.teacher_link(made)
    assert link == (f"http://10.0.0.5:8866/live?token={made.token}&teacher={made.teacher_secret}")
    assert classroom.teacher_link(Settings()) is None  # no class, no live page
    hub, _ = classroom.class_settings(Settings(base_path="/b"), ip="10.0.0.5", class_dir=tmp_path)
    assert classroom.teacher_link(hub).startswith("http://10.0.0.5:8866/b/live?token=")


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


def test_the_secrets_stay_off_the_command_line_and_out_of_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process's command line is readable by every user of the machine: the server gets its
    settings in its environment (``casebook start`` is that process itself), and takes them out
    of it at once. The pages' code gets class mode from the session that builds them
    (casebook.live.classroom), never from the environment, where a process started from a
    page would inherit the teacher's secret."""
    from tests.support import AppServer

    made, _ = classroom.class_settings(Settings(), ip="192.0.2.9", class_dir=tmp_path)
    command = AppServer(made).command()
    assert not any(made.token in part or made.teacher_secret in part for part in command)
    started: list[Settings] = []
    monkeypatch.setattr("casebook.app.start", lambda settings: started.append(settings) or 0)
    monkeypatch.setenv(SETTINGS_ENV, settings_json(made))
    assert server.main() == 0
    assert started == [made] and SETTINGS_ENV not in os.environ
    # a running server's pages see no secret in the environment: see
    # test_without_the_token_nothing_is_served_and_the_link_opens_the_casebook


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


def test_the_teachers_landing_page_shows_the_link_and_its_qr_code_in_one_language(
    book: casebook.Casebook,
) -> None:
    import segno

    with live.in_classroom(live.Classroom(link=LINK, teacher=True)):
        view = start_view.StartView(book, lang="en")
    html = view.body.value
    assert html.count(LINK) == 2  # the link and its address, shown
    assert "For the teacher" in html and "Voor de docent" not in html
    # the teacher's own pages, as links: the live page, the lesson plan and the key
    assert '<a href="/live">' in html
    assert '<a href="../docs/teacher.md">' in html and '<a href="../docs/teacher-key.md">' in html
    path = segno.make(LINK, error="m").svg_inline(scale=6)
    assert re.search(r' d="([^"]+)"', path).group(1) in html  # the QR code of that link
    assert '<svg role="img"' in html and "<title>QR code with the link" in html
    view.language.value = "nl"
    assert "Voor de docent" in view.body.value and "For the teacher" not in view.body.value
    assert "<title>QR-code met de link" in view.body.value
    assert '<a href="../docs/docentensleutel.md">' in view.body.value


def test_a_students_landing_page_has_no_teachers_box(book: casebook.Casebook) -> None:
    """The students came in with the link; the live page and the key are not theirs."""
    with live.in_classroom(live.Classroom(link=LINK, teacher=False)):
        html = start_view.StartView(book, lang="en").body.value
    assert "casebook-class-link" not in html and LINK not in html and "/live" not in html
    assert "teacher-key" not in html


def test_without_class_mode_or_in_a_handout_there_is_no_link(
    book: casebook.Casebook, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "casebook-class-link" not in start_view.StartView(book).body.value
    with live.in_classroom(live.Classroom(link=LINK, teacher=True)):
        monkeypatch.setenv("CASEBOOK_HANDOUT", "1")
        assert "casebook-class-link" not in start_view.StartView(book).body.value
        monkeypatch.delenv("CASEBOOK_HANDOUT")
        assert "casebook-class-link" in start_view.StartView(book).body.value
    with live.in_classroom(live.Classroom(link='javascript:alert(1)"><script>', teacher=True)):
        assert "casebook-class-link" not in start_view.StartView(book).body.value
    hostile = 'http://x/?token="><script>alert(1)</script>'
    html = start_view.StartView(book, class_link=hostile).body.value
    assert "<script>" not in html and "&lt;script&gt;" in html


# --- the command line ----------------------------------------------------------------------


def test_the_teacher_is_told_the_links_the_folder_and_the_caps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    made, _ = classroom.class_settings(Settings(), ip="192.0.2.9", class_dir=tmp_path)
    classroom.announce(made)
    out = capsys.readouterr().out
    assert f"    {made.link}\n" in out and f"    {classroom.teacher_link(made)}\n" in out
    landing = classroom.teacher_link(made, "/")
    assert landing.startswith("http://192.0.2.9:8866/?token=") and f"    {landing}\n" in out
    assert f"Shared work is kept in {tmp_path}." in out
    assert "at most 400 open pages in all and 10 per browser" in out and "after 5 minutes" in out
    assert "\033[" not in out  # no QR code into what is not a terminal
    assert "No network address was found" not in out
    alone = Settings(token="T", link="http://laptop:8866/?token=T", teacher_secret="S")
    classroom.announce(alone)
    assert "the link names it 'laptop'" in capsys.readouterr().out


def test_bad_start_options_are_refused_in_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebook.cli import main

    def no_server(*args: object, **kwargs: object) -> None:
        raise AssertionError("a server was started")

    monkeypatch.setattr(server, "serve", no_server)

    assert main(["start", "--notebooks", str(tmp_path / "nowhere")]) == 2
    assert "is not a folder with notebooks (*.ipynb)" in capsys.readouterr().err
    for option in ("--idle", "--sessions-per-browser", "--max-sessions"):
        assert main(["start", option, "0"]) == 2
        assert f"{option} must be 1 or more, but 0 was passed." in capsys.readouterr().err
    for gone in ("--pool-size", "--no-preheat", "--cull-idle"):  # Voilà's, before one process
        with pytest.raises(SystemExit):
            main(["start", gone, "1"] if gone != "--no-preheat" else ["start", gone])
        assert "unrecognized arguments" in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["start", "--no-browser", "--port", str(port)]) == 2
    assert f"Port {port} on 127.0.0.1 is in use" in capsys.readouterr().err


def test_make_start_with_class_serves_the_network_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casebook.cli import main

    started: list[Settings] = []
    monkeypatch.setattr("casebook.app.start", lambda settings: started.append(settings) or 0)
    monkeypatch.setattr(classroom, "lan_address", lambda: "127.0.0.1")  # bindable stand-in
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))  # the class folder's default place
    # what `make start ARGS=--class` runs: the Makefile always passes --ip 127.0.0.1
    assert main(["start", "--port", "8866", "--ip", "127.0.0.1", "--class"]) == 0
    assert main(["start", "--ip", "192.0.2.9", "--class", "--max-sessions", "60"]) == 0
    assert main(["start"]) == 0
    made, chosen, plain = started
    assert made.ip == "127.0.0.1" and made.link.startswith("http://127.0.0.1:8866/?token=")
    assert made.token and made.link.endswith(made.token) and made.teacher_secret
    assert made.class_dir == tmp_path / "casebook" / "class"
    assert live.current_lesson(made.class_dir).parent == made.class_dir / "lessons"
    assert chosen.ip == "192.0.2.9" and chosen.max_sessions == 60
    assert chosen.link.startswith("http://192.0.2.9:8866/?token=")
    assert plain.token is None and plain.link is None and plain.teacher_secret is None
    assert not plain.class_mode and plain.class_dir is None


# --- a real server -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def class_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Started, str, str, str]]:
    """``casebook start --class`` on a free port with the tiny notebooks (tests/test_stop.py);
    yields it, its base URL, the printed students' link and the teacher's link."""
    home = tmp_path_factory.mktemp("class")
    run = Started(home, "--class", env={"XDG_DATA_HOME": str(home / "data")})
    try:
        run.wait_for("Stop with Ctrl+C.")
        text = run.text()
        link = re.search(r"http://\S+/\?token=\S+", text).group(0)
        teacher = re.search(r"http://\S+/live\?token=\S+&teacher=\S+", text).group(0)
        host = urlsplit(link).hostname or ""
        base = f"http://{host if classroom._is_ip(host) else '127.0.0.1'}:{run.port}"
        run.wait_answering(base)
        yield run, base, link, teacher
    finally:
        run.kill()


def test_without_the_token_nothing_is_served_and_the_link_opens_the_casebook(
    class_server: tuple[Started, str, str, str],
) -> None:
    run, base, link, teacher = class_server
    token = link.rsplit("token=", 1)[1]
    # a stranger: no page, no file, no websocket; a sentence in both languages
    for path in ("/", "/casussen", "/live", "/static/main-vuetify.js", server.plotly_address(),
                 f"/?token={token}x", "/?token="):  # fmt: skip
        status, _, body = fetch(base + path)
        assert status == 403 and b"Traceback" not in body, path
        assert b"Vraag de docent" in body and b"Ask the teacher" in body
    with pytest.raises(Refused):
        Tab(base, "/").connect()
    with pytest.raises(Refused):
        Tab(base, "/", {server.TOKEN_COOKIE: token + "x"}).connect()
    # the printed link (a host name when no network address was found: then by IP): the token
    # becomes a cookie, and leaves the address
    url = link if classroom._is_ip(urlsplit(link).hostname or "") else f"{base}/?token={token}"
    status, headers, _ = fetch(url)
    assert status == 303 and headers["location"] == ["/"]
    assert headers["set-cookie"][0].startswith(f"{server.TOKEN_COOKIE}={token}; Path=/; HttpOnly")
    phone = visit(url)
    assert phone[server.TOKEN_COOKIE] == token
    assert fetch(base + "/static/main-vuetify.js", phone)[0] == 200
    assert fetch(base + server.plotly_address(), phone)[0] == 200
    # the pages' code sees the students' link (the landing page shows it with its QR code),
    # and no secret in its environment (which any process it started would inherit)
    with Tab(base, "/", phone) as tab:
        assert f"LINK={link} CHECK=0= ENV=clean" in tab.text()
    # the live page is the teacher's: a student's browser gets "no such page"
    with Tab(base, "/live", phone) as tab:
        assert "THE LIVE PAGE" not in tab.text()
        assert t("app.not_found", "en") in tab.text()
    desk = visit(teacher)
    assert desk[server.TOKEN_COOKIE] == token and desk["casebook-teacher"]
    assert desk["casebook-teacher"] == teacher.rsplit("teacher=", 1)[1]
    reader = Tab(base, "/live", desk).open()
    assert "THE LIVE PAGE" in reader.text()
    # the end of the class: the teacher closes the terminal (tests/test_stop.py)
    try:
        run.stop_and_check(signal.SIGHUP, to_group=True, reader=reader)
    finally:
        reader.close()


def test_in_class_mode_the_teachers_browser_opens_the_teachers_landing_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The browser `casebook start --class` opens is the teacher's (the live page, the key, the
    students' link large): with the students' link it was a student's like any other."""
    import webbrowser

    from casebook import app
    from casebook.app import server

    made, _ = classroom.class_settings(Settings(), ip="192.0.2.9", class_dir=tmp_path)
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", opened.append)
    monkeypatch.setattr(server, "port_problem", lambda ip, port: None)
    monkeypatch.setattr(server, "serve", lambda settings, ready: ready() or 0)
    assert app.start(made) == 0
    assert opened == [classroom.teacher_link(made, "/")]
    assert f"&teacher={made.teacher_secret}" in opened[0] and "/live" not in opened[0]
    capsys.readouterr()
