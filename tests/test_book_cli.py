"""`casebook handout [--pdf]` from the command line: what it asks of the book, and a clear
message (no traceback) when the PDF cannot be made. Nothing is built here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casebook.cli import main


def test_handout_passes_out_and_pdf(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import casebook.handout as handout

    calls: list[tuple[Any, bool]] = []
    monkeypatch.setattr(handout, "build_handout", lambda out, pdf: calls.append((out, pdf)))
    assert main(["handout", "--out", str(tmp_path)]) == 0
    assert main(["handout", "--out", str(tmp_path), "--pdf"]) == 0
    assert calls == [(str(tmp_path), False), (str(tmp_path), True)]


def test_a_pdf_without_chromium_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import casebook.handout as handout

    monkeypatch.setattr(handout, "CHROMIUM", str(tmp_path / "no-chromium"))
    with pytest.raises(RuntimeError, match="no-chromium"):
        handout.write_pdfs(tmp_path)

    def refuse(out: str, pdf: bool) -> None:
        raise RuntimeError("the PDF needs Chromium at /nowhere")

    monkeypatch.setattr(handout, "build_handout", refuse)
    assert main(["handout", "--out", str(tmp_path), "--pdf"]) == 1
    err = capsys.readouterr().err
    assert "casebook handout: the PDF needs Chromium at /nowhere" in err
    assert "Traceback" not in err
