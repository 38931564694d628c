"""What :func:`casebook.app.server._lighten_solara` changes in Solara 1.58.2, and that what it
replaces is still what Solara does (a new Solara that changed those places fails here first)."""

from __future__ import annotations

import atexit
import inspect
import re
from types import SimpleNamespace

import pytest

from casebook.app.server import SOLARA_MESSAGES, _lighten_solara


def test_a_new_session_shell_does_not_load_the_script_magics(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _lighten_solara()
    from solara.server.shell import SolaraInteractiveShell

    original = inspect.getsource(SolaraInteractiveShell._casebook_original_init)
    # what the replaced __init__ did: IPython's, then unregister two exit hooks
    assert "super().__init__(*args, **kwargs)" in original
    assert "atexit.unregister(self.atexit_operations)" in original
    assert 'registry["ScriptMagics"]' in original
    assert "atexit.unregister(magic.kill_bg_processes)" in original

    registered: list[object] = []
    monkeypatch.setattr(atexit, "register", lambda f, *a, **k: registered.append(f))
    monkeypatch.setattr(atexit, "unregister", registered.remove)
    shell = SolaraInteractiveShell()
    assert "ScriptMagics" not in shell.magics_manager.registry
    assert registered == []  # IPython's exit hook unregistered, and no script magics' hook
    # they still load on first use (and nothing here uses them)
    assert shell.magics_manager.registry["ScriptMagics"] is not None


def test_the_stand_in_shell_s_events_do_nothing() -> None:
    _lighten_solara()
    import inspect

    from solara.server import patch as solara_patch

    # what the replaced __init__ set, and nothing more
    original = inspect.getsource(solara_patch.FakeIPython._casebook_original_init)
    assigned = sorted(set(re.findall(r"self\.(\w+)(?::[^=\n]*)? =", original)))
    assert assigned == [
        "context",
        "custom_exceptions",
        "display_pub",
        "events",
        "kernel",
        "user_ns",
    ]

    fake = solara_patch.FakeIPython(
        context=SimpleNamespace(kernel=SimpleNamespace(shell=SimpleNamespace(display_pub=None)))
    )
    assert fake.events.trigger("post_execute") is None
    assert fake.events.register("post_execute", print) is None


def test_solaras_messages_are_still_where_the_casebook_translates_them() -> None:
    """Solara's page template and its loader (at the pinned version) say each message the app
    replaces (casebook.app.server.SOLARA_MESSAGES); the app's page itself: tests/test_server.py."""
    import re
    from pathlib import Path

    import solara.server

    folder = Path(solara.server.__file__).parent / "templates"
    source = (folder / "solara.html.j2").read_text() + (folder / "loader-plain.html").read_text()
    for english, _ in SOLARA_MESSAGES:
        words = r"\s+".join(re.escape(word) for word in english.split())
        assert re.search(words, source), f"Solara's page no longer says {english!r}"
