"""Tests of casebook.logics: the reading, the tension matrix, evidence and placements files."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pytest

import casebook
from casebook import logics
from casebook.logics import AXES, PlacementError
from casebook.text import TEXT
from tests.helpers import said_in_both_languages

CASES = ["doornakkers", "mom", "hambaken", "helmond_oost", "wijkpuntonderneming"]


# --- data -----------------------------------------------------------------------------------


def test_every_case_has_a_reading_on_both_axes(book: casebook.Casebook) -> None:
    pos = book.logic_positions
    assert len(pos) == 10
    assert set(zip(pos["case_id"], pos["axis_id"], strict=True)) == {
        (c, a) for c in CASES for a in AXES
    }
    assert pos["position"].between(-1, 1).all()
    assert pos["rationale_nl"].notna().all() and pos["rationale_en"].notna().all()


def test_the_reading_is_marked_as_interpretation(book: casebook.Casebook) -> None:
    resources = {r["name"]: r for r in casebook.schema.descriptor()["resources"]}
    for name in ("logic_positions", "tension_evidence", "lesson_logics", "lesson_tensions"):
        assert (
            "interpretation" in resources[name]["description"]
            or "reading" in resources[name]["description"]
        )


def test_every_lesson_speaks_to_a_logic_and_every_tension_has_evidence(
    book: casebook.Casebook,
) -> None:
    assert set(book.lesson_logics["lesson_id"]) == set(range(27))
    assert set(book.tension_evidence["tension_id"]) == set(book.tensions["tension_id"])
    assert set(book.lesson_tensions["tension_id"]) == set(book.tensions["tension_id"])


def test_reading_and_matrix(book: casebook.Casebook) -> None:
    reading = logics.reading(book)
    assert reading["case_id"].tolist() == CASES
    assert reading["name"].tolist()[:2] == ["Doornakkers", "MOM"]
    assert reading.loc[1, AXES[1]] == pytest.approx(0.7)
    matrix = logics.tension_matrix(book)
    assert matrix.shape == (7, 5) and list(matrix.columns) == CASES
    assert matrix.loc["power", "mom"] == 2 and matrix.loc["funding", "doornakkers"] == 0
    assert int((matrix > 0).to_numpy().sum()) == len(book.tension_evidence)


def test_evidence_has_pages_or_is_none(book: casebook.Casebook) -> None:
    found = logics.evidence(book, case_id="mom", tension_id="power", lang="en")
    assert found is not None and (found["strength"], found["pages"]) == (2, "17, 43")
    assert found["summary"].startswith("The MOM has no power to steer with")
    assert logics.evidence(book, case_id="doornakkers", tension_id="funding") is None


# --- placements files ------------------------------------------------------------------------


def _placements(**overrides: tuple[float, float]) -> pd.DataFrame:
    positions = {c: (0.0, 0.0) for c in CASES} | overrides
    return logics.placements_frame(positions, name="Sam")


def test_save_and_read_round_trip(tmp_path: Path) -> None:
    frame = _placements(mom=(0.8, 0.6))
    path = logics.save_placements(frame, tmp_path / "sam.csv")
    back = logics.read_placements(path.read_bytes(), filename="sam.csv", case_ids=CASES)
    assert back.set_index("case_id").loc["mom", list(AXES)].tolist() == [0.8, 0.6]
    assert set(back["name"]) == {"Sam"} and set(back["file"]) == {"sam.csv"}
    assert [p.name for p in tmp_path.iterdir()] == ["sam.csv"]


def test_a_crash_while_saving_leaves_the_old_file_and_no_half_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sam.csv"
    logics.save_placements(_placements(), target)
    before = target.read_bytes()

    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="No space left"):
        logics.save_placements(_placements(mom=(1.0, 1.0)), target)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["sam.csv"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"name,score\nSam,3\n", "not a placements file from the casebook"),
        ("ü".encode("latin-1"), "not UTF-8"),
        (b"", "not a placements file"),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n",
            "holds no placements",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,atlantis,0,0,\n",
            "row 2: unknown case 'atlantis'",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,1.5,0,\n",
            "row 2, column 'institutional_situational': 1.5 is off the axis",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,nan,0,\n",
            "off the axis",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,veel,0,\n",
            "'veel' is not a number",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,0,0,\n1,Sam,mom,0.5,0,\n",
            "row 3: case 'mom' is placed twice",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"2,Sam,mom,0,0,\n",
            "unknown format version '2'",
        ),
        (
            b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
            b"1,Sam,mom,0\n",
            "expected 6 cells, found 4",
        ),
        (b"x" * 200_000, "too large"),
    ],
)
def test_bad_placements_files_are_refused_with_file_and_reason(
    content: bytes, message: str
) -> None:
    with pytest.raises(PlacementError, match=message) as info:
        logics.read_placements(content, filename="klas/anna.csv", case_ids=CASES)
    assert str(info.value).startswith("klas/anna.csv")


_HEADER = (
    b"casebook_placements,name,case_id,institutional_situational,instrumental_cultural,saved_at\n"
)
# One file per way of refusing a placements file: the key of the catalogue it is said with.
REFUSED: dict[str, bytes] = {
    "logics.error.too_large": b"x" * 200_000,
    "upload.not_utf8": "ü".encode("latin-1"),
    "upload.not_csv": _HEADER + b'1,"Sam',
    "logics.error.not_placements": b"name,score\nSam,3\n",
    "upload.cells": _HEADER + b"1,Sam,mom,0\n",
    "logics.error.version": _HEADER + b"2,Sam,mom,0,0,\n",
    "logics.error.unknown_case": _HEADER + b"1,Sam,atlantis,0,0,\n",
    "logics.error.twice": _HEADER + b"1,Sam,mom,0,0,\n1,Sam,mom,0.5,0,\n",
    "upload.not_number": _HEADER + b"1,Sam,mom,veel,0,\n",
    "logics.error.off_axis": _HEADER + b"1,Sam,mom,1.5,0,\n",
    "logics.error.empty": _HEADER,
}


@pytest.mark.parametrize("key", sorted(REFUSED))
def test_every_refusal_is_said_in_both_languages(key: str) -> None:
    with pytest.raises(PlacementError) as info:
        logics.read_placements(REFUSED[key], filename="klas/anna.csv", case_ids=CASES)
    problem = info.value.problem
    assert problem.key == key
    said_in_both_languages(problem)  # every placeholder filled, or text() raises
    assert str(info.value) == str(problem) and info.value.text("nl").startswith("klas/anna.csv")


def test_the_refusals_cover_every_key_of_logics() -> None:
    assert {k for k in REFUSED if k.startswith("logics.error.")} == {
        k for k in TEXT if k.startswith("logics.error.")
    }


@pytest.mark.parametrize(
    ("key", "nl", "en"),
    [
        (
            "logics.error.off_axis",
            "klas/anna.csv, rij 2, kolom 'institutional_situational': 1.5 ligt buiten de as "
            "(-1 tot 1)",
            "klas/anna.csv, row 2, column 'institutional_situational': 1.5 is off the axis "
            "(-1 to 1)",
        ),
        (
            "upload.not_number",
            "klas/anna.csv, rij 2, kolom 'institutional_situational': 'veel' is geen getal",
            "klas/anna.csv, row 2, column 'institutional_situational': 'veel' is not a number",
        ),
        (
            "logics.error.twice",
            "klas/anna.csv, rij 3: casus 'mom' is twee keer geplaatst",
            "klas/anna.csv, row 3: case 'mom' is placed twice",
        ),
        (
            "upload.not_utf8",
            "klas/anna.csv: het bestand is geen UTF-8-tekst",
            "klas/anna.csv: the file is not UTF-8 text",
        ),
    ],
)
def test_a_refusal_in_dutch_and_in_english(key: str, nl: str, en: str) -> None:
    with pytest.raises(PlacementError) as info:
        logics.read_placements(REFUSED[key], filename="klas/anna.csv", case_ids=CASES)
    assert (info.value.text("nl"), info.value.text("en")) == (nl, en)


def test_a_class_loads_the_good_files_and_names_the_bad(tmp_path: Path) -> None:
    good_a = logics.placements_csv(_placements(mom=(0.8, 0.6))).encode()
    good_b = logics.placements_csv(_placements(mom=(0.2, 0.2))).encode()
    loaded = logics.read_class(
        [("a.csv", good_a), ("b.csv", good_b), ("wrong.csv", b"hello\n"), ("empty.csv", b"")],
        case_ids=CASES,
    )
    assert len(loaded.placements) == 10
    assert [p.file for p in loaded.refused] == ["wrong.csv", "empty.csv"]
    assert loaded.refused[0].text("nl").startswith("wrong.csv: dit is geen plaatsingenbestand")
    summary = logics.class_summary(loaded.placements, logics.reading(casebook.load())).set_index(
        "case_id"
    )
    assert summary.loc["mom", "n"] == 2
    assert summary.loc["mom", f"{AXES[0]}_mean"] == pytest.approx(0.5)
    assert summary.loc["mom", f"{AXES[0]}_sd"] == pytest.approx(0.3)
    assert summary.loc["mom", f"{AXES[1]}_casebook"] == pytest.approx(0.7)


def test_names_in_files_are_cleaned() -> None:
    frame = logics.placements_frame({"mom": (0, 0)}, name="<script>alert(1)</script> Sam")
    assert "<" not in frame["name"].iloc[0] and "Sam" in frame["name"].iloc[0]
